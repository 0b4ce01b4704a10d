package uk.gov.justice.digital.hmpps.rollbackconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentJournal;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.StepClock;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.ClusterTarget;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SettingsStore;

/**
 * The window starts on the cluster target its settings remember; a resumed incident carries on with the target its
 * journal recorded, not whatever the settings hold now.
 */
class ClusterTargetResumeWindowTest extends ConsoleWindowTest {

    @Override
    protected void configure(SettingsStore settings) {
        settings.put(ClusterTarget.Remembered.KUBECTL, "/opt/remembered/kubectl");
        settings.put(ClusterTarget.Remembered.CONTEXT, "remembered-context");
        settings.put(ClusterTarget.Remembered.NAMESPACE, "hmpps-person-record-dev");
    }

    @Test
    void theWindowStartsOnTheRememberedTarget(FxRobot robot) {
        ClusterTarget target = console.session().clusterTarget();
        assertThat(target.kubectlPathProperty().get()).isEqualTo("/opt/remembered/kubectl");
        assertThat(target.contextProperty().get()).isEqualTo("remembered-context");
        assertThat(target.namespaceProperty().get()).isEqualTo("hmpps-person-record-dev");
    }

    @Test
    void aResumedIncidentCarriesOnWithTheTargetItsJournalRecorded(FxRobot robot) throws Exception {
        Path folder = incidents.resolve("2025-06-10T08-00-00Z-preprod");
        try (IncidentJournal journal = IncidentJournal.create(folder,
                new StepClock(Instant.parse("2025-06-10T08:00:00Z"), java.time.Duration.ofSeconds(5)))) {
            journal.append(new JournalEntry.IncidentStarted("0.1.0", Environment.PREPROD));
            journal.append(JournalEntry.ClusterTargetSet.of("/usr/local/bin/kubectl",
                    "live.cloud-platform.service.justice.gov.uk", "hmpps-person-record-preprod"));
        }
        dialogs.confirmAnswer = true;

        robot.interact(() -> console.resume(folder));
        waitUntil(() -> console.session().resumedProperty().get() != null);

        ClusterTarget target = console.session().clusterTarget();
        assertThat(target.kubectlPathProperty().get()).isEqualTo("/usr/local/bin/kubectl");
        assertThat(target.contextProperty().get()).isEqualTo("live.cloud-platform.service.justice.gov.uk");
        assertThat(target.namespaceProperty().get()).isEqualTo("hmpps-person-record-preprod");
        assertThat(target.environment().get()).contains(Environment.PREPROD);
    }
}
