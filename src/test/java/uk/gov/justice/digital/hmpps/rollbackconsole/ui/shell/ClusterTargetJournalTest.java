package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentRecorder;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalLine;

/** The one cluster target, as the journal records it and the settings file remembers it. */
class ClusterTargetJournalTest {

    @TempDir
    Path dir;
    private IncidentRecorder recorder;
    private final List<String> failures = new ArrayList<>();

    @BeforeEach
    void incident() {
        recorder = new IncidentRecorder(new IncidentStore(dir.resolve("incidents"), Clock.systemUTC()), "test", failures::add);
    }

    @AfterEach
    void close() {
        recorder.close();
        assertThat(failures).isEmpty();
    }

    @Test
    void theTargetIsJournalledOnceForEachChangeAndReadBackWithItsEnvironment() throws Exception {
        WizardSession session = new WizardSession(recorder);
        recorder.start(Environment.PREPROD);
        recorder.flush();
        ClusterTarget target = session.clusterTarget();
        target.set("/usr/local/bin/kubectl", "live.cloud-platform.service.justice.gov.uk", "hmpps-person-record-preprod");

        session.useClusterTarget();
        session.useClusterTarget();
        target.namespaceProperty().set("hmpps-person-record-prod");
        session.useClusterTarget();

        IncidentState state = recorder.state();
        List<JournalEntry.ClusterTargetSet> journalled = state.lines().stream().map(JournalLine::entry)
                .filter(JournalEntry.ClusterTargetSet.class::isInstance).map(JournalEntry.ClusterTargetSet.class::cast)
                .toList();
        assertThat(journalled).containsExactly(
                new JournalEntry.ClusterTargetSet("/usr/local/bin/kubectl", "live.cloud-platform.service.justice.gov.uk",
                        "hmpps-person-record-preprod", Environment.PREPROD),
                new JournalEntry.ClusterTargetSet("/usr/local/bin/kubectl", "live.cloud-platform.service.justice.gov.uk",
                        "hmpps-person-record-prod", Environment.PROD));
        assertThat(state.clusterTarget()).contains(journalled.get(1));
        assertThat(Files.readString(state.folder().resolve("journal.jsonl")))
                .contains("\"type\":\"cluster_target\",\"kubectl\":\"/usr/local/bin/kubectl\","
                        + "\"context\":\"live.cloud-platform.service.justice.gov.uk\","
                        + "\"namespace\":\"hmpps-person-record-prod\",\"environment\":\"PROD\"");
    }

    @Test
    void aNamespaceOfNoEnvironmentIsJournalledWithoutOne() throws Exception {
        WizardSession session = new WizardSession(recorder);
        recorder.start(Environment.LOCAL);
        recorder.flush();
        session.clusterTarget().set("", "docker-desktop", "person-record-local");

        session.useClusterTarget();

        assertThat(recorder.state().clusterTarget()).contains(
                new JournalEntry.ClusterTargetSet("kubectl", "docker-desktop", "person-record-local", null));
    }

    @Test
    void nothingIsJournalledUntilAContextAndANamespaceAreChosen() throws Exception {
        WizardSession session = new WizardSession(recorder);
        recorder.start(Environment.DEV);
        recorder.flush();
        session.clusterTarget().set("kubectl", "", "hmpps-person-record-dev");

        session.useClusterTarget();

        assertThat(recorder.state().clusterTarget()).isEmpty();
    }

    @Test
    void theTargetUsedIsWhatTheNextStartOffers() throws Exception {
        Path file = dir.resolve("settings.properties");
        SettingsStore settings = new SettingsStore(file);
        WizardSession session = new WizardSession(recorder);
        session.clusterTarget().rememberIn(settings);
        assertThat(session.clusterTarget().kubectlPathProperty().get()).as("kubectl by default").isEqualTo("kubectl");
        session.clusterTarget().set("/opt/kubectl", "live.cloud-platform.service.justice.gov.uk",
                "hmpps-person-record-dev");

        session.useClusterTarget();

        ClusterTarget next = new ClusterTarget();
        next.rememberIn(new SettingsStore(file));
        assertThat(next.kubectlPathProperty().get()).isEqualTo("/opt/kubectl");
        assertThat(next.contextProperty().get()).isEqualTo("live.cloud-platform.service.justice.gov.uk");
        assertThat(next.namespaceProperty().get()).isEqualTo("hmpps-person-record-dev");
        assertThat(next.environment().get()).contains(Environment.DEV);
        assertThat(ClusterTarget.Remembered.read(new SettingsStore(file))).isEqualTo(new ClusterTarget.Remembered(
                "/opt/kubectl", "live.cloud-platform.service.justice.gov.uk", "hmpps-person-record-dev"));
    }
}
