package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.send;

import java.util.Optional;

import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportResult;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentRecorder;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.SendGuard;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;

/**
 * What the Send step checks and records for the core before a file's first request: no incident on this machine
 * (the window's or the command line's) is sending or has sent a file with these bytes, then the typed record of the
 * send. Slow (it reads every incident's journal): run in the background.
 */
final class SendGate {

    private SendGate() {
    }

    /** Refuses, naming the incident and how to carry it on, a file already being sent or sent elsewhere. */
    static void checkNotSentElsewhere(WizardSession session, ExportResult file) throws Exception {
        Optional<IncidentRecorder> incident = session.incident();
        if (incident.isEmpty()) {
            return;
        }
        Optional<SendGuard.PriorSend> prior = new SendGuard(incident.get().incidentsRoot())
                .find(file.file(), file.sha256(), incident.get().folder());
        if (prior.isPresent()) {
            throw new IllegalStateException(prior.get().describe(file.file(), file.sha256()));
        }
    }

    /** Counts what a send sends, once the file is known not to be sent in another incident. */
    static SendCount.Counted count(WizardSession session, Resumption resuming, ExportResult file, int size)
            throws Exception {
        checkNotSentElsewhere(session, file);
        return resuming != null ? SendCount.of(resuming) : SendCount.of(file, size);
    }

    /** The typed record of the send about to start, written before its first request. */
    static JournalEntry.SendStarted started(WizardSession session, Resumption resuming, ExportResult file,
                                            SendCount.Counted counted, int size, String namespace, String pod) {
        String origin = resuming != null
                ? resuming.state().send().map(JournalEntry.SendStarted::origin).orElse(
                        resuming.state().export().isPresent() ? JournalEntry.SendStarted.EXPORT : JournalEntry.SendStarted.REVIEW)
                : session.exportProperty().get() != null ? JournalEntry.SendStarted.EXPORT : JournalEntry.SendStarted.REVIEW;
        return new JournalEntry.SendStarted(file.file().toAbsolutePath(), file.sha256(), counted.fileRecords(), size,
                counted.fileBatches(), namespace, pod, origin);
    }
}
