package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.send;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.ProcessLedger;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.Sha256;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.RunbookJsonReader;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentBatchJournal;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentRecorder;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.review.ReviewedFile;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SettingsStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.testing.FakeDialogs;

/**
 * The window's "Send this file..." of a file reviewed offline, as its own process so a test can kill it with
 * {@code kill -9}: the Send step's view-model, session, incident journal and process ledger exactly as the window
 * wires them (no pixels: the toolkit is not needed by view-models), confirming as the incident lead would. Prints
 * "SENDING" once the run has started, then waits to be killed.
 *
 * <p>Arguments: incidents folder, file, kubectl, context, namespace, pod, batch size, and EXPORT to send the file as
 * the Export step hands it on (journalled as exported) rather than as a reviewed file.
 */
public final class WindowSendProcess {

    private WindowSendProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path incidents = Path.of(args[0]);
        Path file = Path.of(args[1]);
        String kubectl = args[2];
        String context = args[3];
        String namespace = args[4];
        String pod = args[5];
        String batchSize = args[6];
        SettingsStore settings = new SettingsStore(incidents.resolveSibling("window-settings.properties"));
        settings.put(ReclusterStepViewModel.KUBECTL_PATH, kubectl);
        settings.put(ReclusterStepViewModel.RUN_TAKEN_WITHIN, "3");
        IncidentRecorder incident = new IncidentRecorder(new IncidentStore(incidents, Clock.systemUTC()), "window",
                problem -> System.out.println("journal: " + problem));
        // The window keeps its kubectl processes in a ledger beside the incidents, as the command line does.
        WizardSession session = new WizardSession(incident,
                new ProcessLedger(incidents.resolveSibling(incidents.getFileName() + "-processes")));
        OneUiThread ui = new OneUiThread();
        FakeDialogs dialogs = new FakeDialogs();
        dialogs.confirmAnswer = true;
        ReclusterStepViewModel[] m = new ReclusterStepViewModel[1];
        m[0] = ui.get(() -> new ReclusterStepViewModel(session, ui, dialogs, settings, Clock.systemUTC(),
                Optional.of(new IncidentBatchJournal(incident, () -> m[0].namespaceProperty().get()))));
        ReclusterStepViewModel model = m[0];
        long counted = 0;
        try (RunbookJsonReader r = RunbookJsonReader.open(file)) {
            while (r.next().isPresent()) {
                counted++;
            }
        }
        long records = counted;
        ReviewedFile reviewed = new ReviewedFile(file, Sha256.of(file), records);
        boolean exported = args.length > 7 && args[7].equals("EXPORT");
        if (exported) {
            incident.start(Environment.fromNamespace(namespace).orElse(Environment.LOCAL));
            incident.record(new uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.Exported(file,
                    reviewed.sha256(), records));
        }
        ui.call(() -> {
            if (exported) {
                session.exportProperty().set(new uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportResult(
                        file, records, 0, reviewed.sha256(), java.time.Duration.ZERO));
            } else {
                session.reviewedFileProperty().set(reviewed);
            }
            session.environmentProperty().set(Environment.fromNamespace(namespace).orElse(Environment.LOCAL));
            model.namespaceProperty().set(namespace);
            model.enter();
        });
        ui.await(() -> model.contexts().contains(context));
        ui.call(() -> {
            model.contextProperty().set(context);
            model.findPods();
        });
        ui.await(() -> model.pods().stream().anyMatch(p -> p.name().equals(pod)));
        ui.call(() -> {
            model.selectedPodProperty().set(model.pods().stream().filter(p -> p.name().equals(pod)).findFirst()
                    .orElseThrow());
            model.startForward();
        });
        ui.await(() -> model.forwardUpProperty().get());
        ui.call(() -> {
            model.batchSizeProperty().set(batchSize);
            model.send();
        });
        ui.await(() -> session.reclusterProperty().get() != null || (model.sendMessageProperty().get() != null
                && model.sendMessageProperty().get().kind() == uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell
                .Message.Kind.ERROR));
        System.out.println(session.reclusterProperty().get() != null ? "SENDING"
                : "REFUSED: " + model.sendMessageProperty().get().text());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
