package uk.gov.justice.digital.hmpps.rollbackconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

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
        waitUntil(() -> rows(robot, "#releases-table") == 12);

        // Helm's ten releases of hmpps-person-record, then hmpps-person-match's two: the bad release, 27, is three
        // deploys old, so its ReplicaSet is gone and only Helm's record lists it.
        @SuppressWarnings("unchecked")
        TableView<Release> table = robot.lookup("#releases-table").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(r -> r.deployment() + " " + r.revision()).startsWith(
                "hmpps-person-record 30", "hmpps-person-record 29", "hmpps-person-record 28", "hmpps-person-record 27")
                .endsWith("hmpps-person-record 21", "hmpps-person-match 12", "hmpps-person-match 11");
        assertThat(table.getItems().get(3).kept()).isEqualTo(Release.Kept.HELM);
        assertThat(text(robot, "#releases-history-end")).contains("the oldest kept is revision 21 (2025-03-03.4900.aaaa021)")
                .contains("An older bad release is not listed: type its deployment time");
        robot.interact(() -> table.getSelectionModel().select(3));
        screenshot("12a-releases-read");
        scrollIntoView(robot, robot.lookup("#releases-history-end").query());
        screenshot("13d-release-history-end-100");
        robot.interact(() -> ((uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView) stage.getScene()
                .getRoot()).presenter().onProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        scrollIntoView(robot, robot.lookup("#releases-history-end").query());
        assertThat(text(robot, "#releases-history-end")).as("a tag is not personal data: never masked")
                .contains("(2025-03-03.4900.aaaa021)");
        screenshot("13d-release-history-end-150");
        // Zoomed in, the form's names and buttons are whole: the fields give way (they read "kub...", "Load cont...",
        // "Use as the bad rele..." at 150 %).
        var presenter = ((uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView) stage.getScene()
                .getRoot()).presenter();
        for (int zoom : new int[] {150, 200}) {
            robot.interact(() -> presenter.zoomProperty().set(zoom));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(truncatedLabels(robot.lookup("#releases-pane").queryAs(TitledPane.class)))
                    .as("labels of the release form cut short at " + zoom + " %").isEmpty();
        }
        robot.interact(() -> ((uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView) stage.getScene()
                .getRoot()).presenter().onProperty().set(false));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#releases-use").queryButton().fire());

        assertThat(text(robot, "#cutoff-utc")).isEqualTo("2025-06-09 13:21:55 Europe/London (BST) = 2025-06-09 12:21:55 UTC,"
                        + " so event_timestamp >= '2025-06-09 13:21:55' (UK time)");
        assertThat(text(robot, "#releases-message")).contains("revision 27 (2025-06-09.5512.bad0bad)");
        waitUntil(() -> text(robot, "#cutoff-counts").startsWith(TestReplica.BST_TO_NOW_COUNTS.events() + " affected events"));
        assertThat(console.session().cutoffProperty().get().instant()).isEqualTo(ReleaseHistoryScenario.BAD_RELEASE_CREATED);
        assertThat(console.session().badReleaseProperty().get().revision()).as("for the Send step's live check")
                .isEqualTo(ReleaseHistoryScenario.BAD_REVISION);
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
        robot.interact(() -> table.getSelectionModel().select(3));
        robot.interact(() -> robot.lookup("#releases-use").queryButton().fire());
        robot.clickOn("#next");
        var recorder = console.session().incident().orElseThrow();
        recorder.flush();
        var incident = recorder.state();
        assertThat(incident.cutoff().orElseThrow().utc()).isEqualTo(ReleaseHistoryScenario.BAD_RELEASE_CREATED.minusSeconds(300));
        assertThat(incident.decisions()).anySatisfy(d -> assertThat(d.text())
                .contains("hmpps-person-record revision 27 (2025-06-09.5512.bad0bad)").contains("Helm's record")
                .contains("less 5 min"));
        // The history the lead chose from is kept in the incident, for a reviewer without a cluster.
        assertThat(incident.files()).anySatisfy(f -> {
            assertThat(f.purpose()).startsWith("release history");
            assertThat(java.nio.file.Files.readString(f.path())).contains("\"revision\" : 27")
                    .contains("the oldest kept is revision 21")
                    .contains("2025-06-09.5512.bad0bad").doesNotContain("canary");
            assertThat(uk.gov.justice.digital.hmpps.rollbackconsole.records.Sha256.of(f.path())).isEqualTo(f.sha256());
        });

        // The cluster chosen here is the one cluster of every step: Connect's "through the cluster" shows it too.
        robot.clickOn("#back");
        robot.clickOn("#back");
        waitUntil(() -> console.wizard().currentIndexProperty().get() == 0);
        robot.interact(() -> robot.lookup("#through-cluster").queryAs(TitledPane.class).setExpanded(true));
        assertThat(text(robot, "#cluster-kubectl")).isEqualTo(cluster.executable().toString());
        assertThat(text(robot, "#cluster-namespace")).isEqualTo(SimulatedCluster.NAMESPACE);
        assertThat(robot.lookup("#cluster-context").queryComboBox().getValue()).isEqualTo(SimulatedCluster.CONTEXT);
        // Its relay pods: person-match's is listed first and never chosen.
        cluster.relayPod("person-match-port-forward-pod", "cloud-platform-match.abcdefgh.eu-west-2.rds.amazonaws.com")
                .relayPod("person-record-port-forward-pod", "cloud-platform-replica.abcdefgh.eu-west-2.rds.amazonaws.com");
        robot.clickOn("#cluster-find-relay");
        waitUntil(() -> robot.lookup("#cluster-relay-pods").queryComboBox().getItems().size() == 2);
        assertThat(((uk.gov.justice.digital.hmpps.rollbackconsole.kube.RelayPod) robot.lookup("#cluster-relay-pods")
                .queryComboBox().getValue()).name()).isEqualTo("person-record-port-forward-pod");
        robot.interact(() -> robot.lookup("#cluster-relay-pods").queryComboBox().show());
        WaitForAsyncUtils.waitForFxEvents();
        screenshot("13c-cluster-target-and-relay-pods");
        robot.interact(() -> robot.lookup("#cluster-relay-pods").queryComboBox().hide());
        fill(robot, "#cluster-namespace", "hmpps-person-record-dev");
        assertThat(console.session().clusterTarget().namespaceProperty().get()).isEqualTo("hmpps-person-record-dev");
        assertThat(console.session().clusterTarget().environment().get()).contains(
                uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment.DEV);
    }
}
