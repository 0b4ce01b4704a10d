package uk.gov.justice.digital.hmpps.rollbackconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Release;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.ReleaseHistoryScenario;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;

/** The Deployment time step's "from the cluster" panel, against a fake kubectl spawned like the real one. */
class PickReleaseTest extends ConsoleWindowTest {

    @Test
    void pickingTheBadReleaseSetsItsStartAsTheCutoffAndCountsFollow(FxRobot robot) throws Exception {
        SimulatedCluster cluster = ReleaseHistoryScenario.write(SimulatedCluster.create(dir.resolve("cluster")));
        connectToTestReplica(robot);
        robot.clickOn("#acknowledge-primary");
        robot.clickOn("#next");
        robot.interact(() -> robot.lookup("#releases-pane").queryAs(TitledPane.class).setExpanded(true));

        fill(robot, "#releases-kubectl", cluster.executable().toString());
        robot.clickOn("#releases-load-contexts");
        waitUntil(() -> robot.lookup("#releases-context").queryComboBox().getItems().contains(SimulatedCluster.CONTEXT));
        robot.interact(() -> robot.lookup("#releases-context").queryComboBox().getSelectionModel().select(SimulatedCluster.CONTEXT));
        fill(robot, "#releases-namespace", SimulatedCluster.NAMESPACE);
        robot.clickOn("#releases-read");
        waitUntil(() -> rows(robot, "#releases-table") == 5);

        @SuppressWarnings("unchecked")
        TableView<Release> table = robot.lookup("#releases-table").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(r -> r.deployment() + " " + r.revision()).containsExactly(
                "hmpps-person-record 7", "hmpps-person-record 6", "hmpps-person-record 5",
                "hmpps-person-match 3", "hmpps-person-match 2");
        robot.interact(() -> table.getSelectionModel().select(1));
        screenshot("12a-releases-read");
        robot.interact(() -> robot.lookup("#releases-use").queryButton().fire());

        assertThat(text(robot, "#cutoff-utc")).isEqualTo("2025-06-09 13:21:55 Europe/London (BST) = 2025-06-09 12:21:55 UTC,"
                        + " so event_timestamp >= '2025-06-09 13:21:55' (UK time)");
        assertThat(text(robot, "#releases-message")).contains("revision 6 (2025-06-09.5512.bad0bad)");
        waitUntil(() -> text(robot, "#cutoff-counts").startsWith(TestReplica.BST_TO_NOW_COUNTS.events() + " affected events"));
        assertThat(console.session().cutoffProperty().get().instant()).isEqualTo(ReleaseHistoryScenario.BAD_RELEASE_CREATED);
        screenshot("12-deployment-time-from-the-cluster");

        // Five minutes' margin moves the cutoff earlier; the revision running now is accepted only with a warning.
        robot.interact(() -> robot.lookup("#releases-margin").queryAs(javafx.scene.control.Spinner.class)
                .getValueFactory().setValue(5));
        assertThat(text(robot, "#cutoff-utc")).endsWith("= 2025-06-09 12:16:55 UTC, so event_timestamp >= '2025-06-09"
                + " 13:16:55' (UK time)");
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.interact(() -> robot.lookup("#releases-use").queryButton().fire());
        assertThat(text(robot, "#releases-message")).contains("is the one running now: the rollback is not live yet");

        // Moving on with the bad release journals the cutoff and how it was derived, for the report.
        robot.interact(() -> table.getSelectionModel().select(1));
        robot.interact(() -> robot.lookup("#releases-use").queryButton().fire());
        robot.clickOn("#next");
        var recorder = console.session().incident().orElseThrow();
        recorder.flush();
        var incident = recorder.state();
        assertThat(incident.cutoff().orElseThrow().utc()).isEqualTo(ReleaseHistoryScenario.BAD_RELEASE_CREATED.minusSeconds(300));
        assertThat(incident.decisions()).anySatisfy(d -> assertThat(d.text())
                .contains("hmpps-person-record revision 6 (2025-06-09.5512.bad0bad)").contains("less 5 min"));
        // The history the lead chose from is kept in the incident, for a reviewer without a cluster.
        assertThat(incident.files()).anySatisfy(f -> {
            assertThat(f.purpose()).startsWith("rollout history");
            assertThat(java.nio.file.Files.readString(f.path())).contains("\"revision\" : 6")
                    .contains("2025-06-09.5512.bad0bad").doesNotContain("canary");
            assertThat(uk.gov.justice.digital.hmpps.rollbackconsole.records.Sha256.of(f.path())).isEqualTo(f.sha256());
        });
    }
}
