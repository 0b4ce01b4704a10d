package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.SimpleStringProperty;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Kubectl;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.RollbackLiveCheck;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.DecisionKind;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentRecorder;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.ReleaseHistoryScenario;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.DirectTaskRunner;

/** The Send step's "is the rollback live?" in prod: a failed check holds the send until a reason is typed. */
class RollbackLiveViewModelTest {

    private static final String PROD = "hmpps-person-record-prod";

    @TempDir
    Path dir;
    private final List<String> journalFailures = new ArrayList<>();
    private IncidentRecorder recorder;
    private WizardSession session;
    private SimulatedCluster cluster;
    private RollbackLiveViewModel model;

    @BeforeEach
    void prodWithAPodStillOnAnOlderImage() throws Exception {
        recorder = new IncidentRecorder(new IncidentStore(dir.resolve("incidents"), Clock.systemUTC()), "test",
                journalFailures::add);
        session = new WizardSession(recorder);
        recorder.start(Environment.PROD);
        cluster = ReleaseHistoryScenario.write(SimulatedCluster.create(dir.resolve("cluster"), SimulatedCluster.CONTEXT, PROD))
                .podOf(ReleaseHistoryScenario.RECORD, "hmpps-person-record-7c1e2d3a4-aaaaa", ReleaseHistoryScenario.ROLLBACK_IMAGE)
                .podOf(ReleaseHistoryScenario.RECORD, "hmpps-person-record-7c1e2d3a4-bbbbb", ReleaseHistoryScenario.ROLLBACK_IMAGE)
                .podOf(ReleaseHistoryScenario.RECORD, "hmpps-person-record-6b9d8e7f1-zzzzz",
                        ReleaseHistoryScenario.REPOSITORY + "2025-06-09.5520.aaaa029");
        try (Kubectl k = new Kubectl(cluster.executable(), SimulatedCluster.CONTEXT, PROD)) {
            session.badReleaseProperty().set(k.releases(ReleaseHistoryScenario.RECORD).get(3));
        }
        model = new RollbackLiveViewModel(session, new DirectTaskRunner(), Clock.systemUTC(),
                new SimpleStringProperty(cluster.executable().toString()), new SimpleStringProperty(SimulatedCluster.CONTEXT),
                new SimpleStringProperty(PROD), () -> 1_000);
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void aFailedCheckInProdHoldsTheSendUntilAReasonIsTypedAndJournalled() throws Exception {
        assertThat(model.blocksSend().get()).as("unchecked").isTrue();

        model.check();

        RollbackLiveCheck.Result result = model.resultProperty().get();
        assertThat(result.items().get(0).status()).isEqualTo(RollbackLiveCheck.Status.FAIL);
        assertThat(model.blocksSend().get()).isTrue();
        assertThat(model.overrideOffered().get()).isTrue();
        assertThat(model.messageProperty().get().text()).contains("In prod the send waits");

        model.override();
        assertThat(model.blocksSend().get()).as("no reason typed").isTrue();
        model.overrideReasonProperty().set("the old pod is terminating; incident lead agreed on the call");
        model.override();
        assertThat(model.blocksSend().get()).isFalse();

        recorder.flush();
        var decisions = recorder.state().decisions();
        assertThat(decisions).anySatisfy(d -> assertThat(d.text()).startsWith("Rollback live check in " + PROD
                + ": NOT passed").contains("still runs 2025-06-09.5520.aaaa029"));
        assertThat(decisions).anySatisfy(d -> {
            assertThat(d.kind()).isEqualTo(DecisionKind.CONTINUE_DESPITE_WARNING);
            assertThat(d.text()).contains("the old pod is terminating");
        });
        assertThat(journalFailures).isEmpty();
    }

    @Test
    void aPassingCheckLetsTheSendGo() throws Exception {
        cluster.removePod("hmpps-person-record-6b9d8e7f1-zzzzz");

        model.check();

        assertThat(model.resultProperty().get().passed()).isTrue();
        assertThat(model.blocksSend().get()).isFalse();
        assertThat(model.overrideOffered().get()).isFalse();
        // Another bad release picked: the check is to be made again.
        session.badReleaseProperty().set(null);
        assertThat(model.blocksSend().get()).isTrue();
    }
}
