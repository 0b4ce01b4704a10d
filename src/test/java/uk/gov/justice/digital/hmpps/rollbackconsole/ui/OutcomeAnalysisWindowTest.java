package uk.gov.justice.digital.hmpps.rollbackconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.stream.Stream;

import javafx.scene.chart.BarChart;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.ClusterPath;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.MergedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.report.ReportWriter;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.ManageUiAddress;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SettingsStore;

/**
 * After a recluster done by hand on the replica (cluster 2's records merged into cluster 1, one record of cluster 3
 * split off into a new cluster), the Outcome step says what changed, the business impact, the paths of the clusters
 * left and writes the sanity check for data science; the report carries it all.
 */
class OutcomeAnalysisWindowTest extends ConsoleWindowTest {

    private static final String NEW_CLUSTER = "8c8c8c8c-0000-4000-8000-000000000008";

    @Test
    void readsWhatTheReclusterChangedTheImpactThePathsAndWritesTheSanityCheck(FxRobot robot) throws Exception {
        try {
            connectToTestReplica(robot);
            robot.clickOn("#acknowledge-primary");
            robot.clickOn("#next");
            robot.clickOn("#cutoff-text").write(TestReplica.CUTOFF_BST_LOCAL);
            waitUntil(() -> text(robot, "#cutoff-counts").contains("affected events"));
            robot.clickOn("#next");
            waitUntil(() -> enabled(robot, "#next"));
            robot.clickOn("#next");
            fill(robot, "#export-folder", dir.toString());
            robot.clickOn("#export");
            waitUntil(() -> text(robot, "#export-message").contains("verified"));

            // The recluster, done by hand: cluster 2 joins cluster 1; LIBRA 1000019 leaves cluster 3 for a new one.
            admin("update personrecordservice.person set fk_person_key_id = 1 where fk_person_key_id = 2",
                    "insert into personrecordservice.person_key (id, person_uuid, status, status_reason)"
                            + " values (8, '" + NEW_CLUSTER + "', 'ACTIVE', null)",
                    "update personrecordservice.person set fk_person_key_id = 8 where c_id = '1000019'",
                    "insert into personrecordservice.review (id, created_at) values (1, '2025-06-10 08:00:00')",
                    "insert into personrecordservice.review_cluster_link values (1, 4, 'PRIMARY')");

            robot.interact(() -> console.outcome().open());
            waitUntil(() -> robot.lookup("#read-changes").tryQuery().isPresent());
            selectTab(robot, "tab-changes");
            robot.clickOn("#read-changes");
            waitUntil(() -> text(robot, "#changes-message").contains("records moved"));
            assertThat(text(robot, "#changes-message")).isEqualTo("5 of 17 records moved; clusters: 1 merged, 1 split, 1 emptied.");
            assertThat(text(robot, "#changes-fact-1")).isEqualTo("10"); // unchanged
            assertThat(text(robot, "#changes-fact-4")).isEqualTo("2"); // without a cluster in the file
            @SuppressWarnings("unchecked")
            TableView<MergedCluster> merged = robot.lookup("#merged-table").queryAs(TableView.class);
            assertThat(merged.getItems()).singleElement().satisfies(m -> {
                assertThat(m.personUuid()).isEqualTo(TestReplica.CLUSTER_1_ACTIVE);
                assertThat(m.earlierClusters()).containsExactlyInAnyOrder(TestReplica.CLUSTER_1_ACTIVE,
                        TestReplica.CLUSTER_2_ACTIVE);
                assertThat(m.records()).isEqualTo(9); // five exported records of cluster 1, four of cluster 2
            });
            shoot(robot, "43-outcome-what-changed");
            assertThat(labelsCutShort(robot.lookup("#merged-table").queryAs(TableView.class)))
                    .as("the earlier clusters' ids whole").isEmpty();

            selectTab(robot, "tab-impact");
            robot.clickOn("#read-impact");
            waitUntil(() -> text(robot, "#impact-message").contains("busiest hour"));
            assertThat(text(robot, "#impact-message")).isEqualTo(
                    "17 affected records; the busiest hour 2025-06-09 13:00 had 4.");
            assertThat(robot.lookup("#impact-chart").queryAs(BarChart.class).getData()).hasSize(1);
            shoot(robot, "44-outcome-business-impact");

            selectTab(robot, "tab-paths");
            fill(robot, "#manage-ui-base", "https://manage.example");
            robot.clickOn("#read-paths");
            waitUntil(() -> text(robot, "#paths-message").contains("clusters left"));
            @SuppressWarnings("unchecked")
            TableView<ClusterPath> paths = robot.lookup("#paths-table").queryAs(TableView.class);
            assertThat(paths.getItems()).extracting(ClusterPath::personUuid).containsExactly(
                    TestReplica.CLUSTER_4_OVERRIDE_CONFLICT, TestReplica.CLUSTER_3_BROKEN);
            assertThat(paths.getItems().get(0).inReviewQueue()).isTrue();
            assertThat(paths.getItems().get(0).link()).contains("https://manage.example/cluster/"
                    + TestReplica.CLUSTER_4_OVERRIDE_CONFLICT);
            robot.interact(() -> paths.getSelectionModel().select(0));
            robot.clickOn("#copy-path-link");
            assertThat(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get())
                    .isEqualTo("https://manage.example/cluster/" + TestReplica.CLUSTER_4_OVERRIDE_CONFLICT);
            assertThat(new SettingsStore(dir.resolve("settings.properties")).get(ManageUiAddress.KEY))
                    .as("kept for the next run and for Recent incidents' re-check").contains("https://manage.example");
            shoot(robot, "45-outcome-paths");
            assertThat(labelsCutShort(paths)).as("each cluster's link whole").isEmpty();

            selectTab(robot, "tab-sanity");
            robot.clickOn("#write-sanity-check");
            waitUntil(() -> text(robot, "#sanity-message").contains("written for data science"));
            // Cluster 1 holds 11 records now: the 9 exported ones, and X100002 and 1000024, which were not.
            assertThat(text(robot, "#sanity-message")).isEqualTo("1 merged clusters, 11 records, written for data science.");
            Path folder;
            try (Stream<Path> folders = Files.list(incidents)) {
                folder = folders.filter(Files::isDirectory).findFirst().orElseThrow();
            }
            Path csv = folder.resolve("sanity-check-merged-clusters.csv");
            assertThat(text(robot, "#sanity-files")).startsWith(csv.toString());
            assertThat(Files.readAllLines(csv).stream().filter(l -> !l.startsWith("#")).skip(1))
                    .hasSize(11).allMatch(l -> l.startsWith(TestReplica.CLUSTER_1_ACTIVE + ",1,ACTIVE,"));
            shoot(robot, "46-outcome-sanity-check");

            selectTab(robot, "tab-impact");
            robot.clickOn("#copy-organisation-summary");
            waitUntil(() -> text(robot, "#report-message").startsWith("Summary for the organisation copied"));
            String organisation = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
            assertThat(organisation).contains("5 of 17 records moved to a different person group")
                    .contains("1 group now brings together").doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-");

            selectTab(robot, "tab-report");
            robot.clickOn("#write-report");
            waitUntil(() -> text(robot, "#report-message").startsWith("Report written to "));
            String html = Files.readString(folder.resolve(ReportWriter.HTML_NAME));
            assertThat(html).contains("<h2>What the recluster changed</h2>", "Records first affected each",
                    "sanity-check-merged-clusters.csv", "https://manage.example/cluster/"
                            + TestReplica.CLUSTER_4_OVERRIDE_CONFLICT);
            for (String personal : TestReplica.PERSONAL_VALUES) {
                assertThat(html).doesNotContain(personal);
            }
            IncidentState state = new IncidentStore(incidents, DAY_AFTER_DEPLOYMENT).open(folder);
            assertThat(state.changes()).hasValueSatisfying(c -> assertThat(c.counts().merged()).isEqualTo(1));

            // Presenter mode: 150 %, identifiers masked.
            selectTab(robot, "tab-changes");
            robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
            shoot(robot, "47-outcome-what-changed-150");
            selectTab(robot, "tab-paths");
            shoot(robot, "48-outcome-paths-150");
            sharedScreenAt(robot, 200);
            assertThat(labelsCutShort(robot.lookup("#paths-message").queryAs(javafx.scene.Parent.class)))
                    .as("the paths' message whole at 200 %").isEmpty();
            sharedScreenAt(robot, 150);
            robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        } finally {
            TestReplica.reseed();
        }
    }

    /** A screenshot at 1280 x 720, the size of a shared screen. */
    private void shoot(FxRobot robot, String name) {
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        WaitForAsyncUtils.waitForFxEvents();
        screenshot(name);
    }

    private static void selectTab(FxRobot robot, String id) {
        TabPane tabs = robot.lookup("#outcome-tabs").queryAs(TabPane.class);
        Tab tab = tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow();
        robot.interact(() -> tabs.getSelectionModel().select(tab));
    }

    private static void admin(String... statements) throws Exception {
        try (Connection c = TestReplica.admin().getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
