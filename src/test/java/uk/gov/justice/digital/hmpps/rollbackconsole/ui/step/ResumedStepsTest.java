package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.Sha256;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.SslMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SettingsStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.connect.ConnectStepViewModel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.cutoff.CutoffStepViewModel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.export.ExportStepViewModel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.DirectTaskRunner;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.testing.FakeDialogs;

/** What each step shows when an incident is resumed from its journal, without a connection. */
class ResumedStepsTest {

    @TempDir
    Path dir;

    private final WizardSession session = new WizardSession();
    private final DirectTaskRunner tasks = new DirectTaskRunner();

    @Test
    void theConnectionComesBackWithoutAPasswordAndSaysSo() {
        ConnectStepViewModel connect = new ConnectStepViewModel(session, tasks, new SettingsStore(dir.resolve("s")));
        connect.passwordProperty().set("typed-before-resuming");
        try {
            connect.restore(new JournalEntry.Connected("127.0.0.1", 15432, "personrecord", "person_record_ro",
                    "verify-full"), Environment.PROD, "Preview");

            assertThat(connect.hostProperty().get()).isEqualTo("127.0.0.1");
            assertThat(connect.portProperty().get()).isEqualTo("15432");
            assertThat(connect.databaseProperty().get()).isEqualTo("personrecord");
            assertThat(connect.userProperty().get()).isEqualTo("person_record_ro");
            assertThat(connect.sslModeProperty().get()).isEqualTo(SslMode.VERIFY_FULL);
            assertThat(connect.environmentProperty().get()).isEqualTo(Environment.PROD);
            assertThat(connect.passwordProperty().get()).isEmpty();
            assertThat(connect.messageProperty().get().text()).contains("The password is never kept: type it again")
                    .endsWith("the console then takes you back to Preview, where the incident stopped.");
        } finally {
            connect.close();
        }
    }

    @Test
    void aDeploymentTimeTypedOnTheNightTheClocksWentBackComesBackAsTheInstantTheJournalHas() {
        CutoffStepViewModel cutoff = new CutoffStepViewModel(session, tasks,
                Clock.fixed(Instant.parse("2025-10-27T09:00:00Z"), ZoneOffset.UTC), new SettingsStore(dir.resolve("s")));
        Instant second = Instant.parse("2025-10-26T01:30:00Z"); // 01:30 GMT, after the clocks went back

        cutoff.restore(new JournalEntry.CutoffSet("2025-10-26 01:30:00", "Europe/London",
                LocalDateTime.parse("2025-10-26T01:30:00"), second));

        assertThat(cutoff.textProperty().get()).isEqualTo("2025-10-26 01:30:00");
        assertThat(cutoff.cutoffProperty().get().instant()).isEqualTo(second);
        assertThat(session.cutoffProperty().get().instant()).isEqualTo(second);
        assertThat(cutoff.validProperty().get()).isTrue();
        assertThat(cutoff.messageProperty().get().kind()).isEqualTo(Message.Kind.INFO);
    }

    @Test
    void anExportedFileThatIsGoneOrChangedIsSaidPlainly() throws Exception {
        ExportStepViewModel export = new ExportStepViewModel(session, tasks, new FakeDialogs(),
                new SettingsStore(dir.resolve("s")));
        Path file = Files.writeString(dir.resolve("affected-records-prod-2025-06-09T12-21-55Z.json"), "[]\n");
        String sha = Sha256.of(file);
        JournalEntry.Exported exported = new JournalEntry.Exported(file, sha, 0);

        export.restore(exported, sha);
        assertThat(export.folderProperty().get()).isEqualTo(dir.toString());
        assertThat(export.fileNameProperty().get()).isEqualTo(file.getFileName().toString());
        assertThat(export.messageProperty().get().kind()).isEqualTo(Message.Kind.OK);
        assertThat(export.messageProperty().get().text()).contains("still there, unchanged").contains(sha);

        export.restore(exported, "0".repeat(64));
        assertThat(export.messageProperty().get().kind()).isEqualTo(Message.Kind.ERROR);
        assertThat(export.messageProperty().get().text()).contains("THE FILE HAS CHANGED").contains("0".repeat(64))
                .contains("Do not send it");

        export.restore(exported, null);
        assertThat(export.messageProperty().get().text()).contains("THE FILE IS NO LONGER THERE");
        assertThat(export.validProperty().get()).as("nothing exported in this window yet").isFalse();
    }
}
