package uk.gov.justice.digital.hmpps.rollbackconsole.ui.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.gov.justice.digital.hmpps.rollbackconsole.App;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.StatisticsComparison;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.PodInfo;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.Rehearsal;
import uk.gov.justice.digital.hmpps.rollbackconsole.report.ReportWriter;

/** The whole runbook in a rehearsal, from the user's window to the report, through a pod that dies mid-batch. */
class RehearsalWalkthroughTest extends RehearsalWindowTestBase {

    @Test
    void walksTheWholeRunbookInARehearsalThroughAPodDeathToTheReport(FxRobot robot) throws Exception {
        byte[] usersSettingsBefore = Files.readAllBytes(userSettings);
        ProposedNames rehearsalDialogs = new ProposedNames();
        // From the start screen, as a new user does: Rehearsal, then what to simulate. 1000 records at 500 a
        // second, in batches of 250; the pod that gets batch 2 dies half-way through it; 3 ids are not found.
        robot.interact(console::showStart); // as the console opens when started
        Button rehearse = robot.lookup("#start-rehearse").queryButton();
        assertThat(rehearse.isVisible()).isTrue();
        screenshot(stage, "58-start-screen-rehearsal");
        RehearsalWindow window = startThroughTheOptionsDialog(robot, rehearse::fire, "500", "2", "3",
                "59-rehearsal-options-pod-dies", rehearsalDialogs);
        Stage r = window.stage();
        waitUntil(() -> window.console().isPresent());
        App.Console rc = window.console().orElseThrow();
        Rehearsal rehearsal = window.rehearsal().orElseThrow();
        assertThat(r.getTitle()).startsWith("REHEARSAL");
        assertRehearsalShows(robot, r);

        // 1. Connect: filled in for the rehearsal's database, nothing to type.
        assertThat(text(robot, r, "#port")).isEqualTo(Integer.toString(rehearsal.databasePort()));
        click(robot, r, "#connect");
        waitUntil(() -> text(robot, r, "#server-version").startsWith("PostgreSQL"));
        // A real read replica, a hot standby in recovery: no lead learns to tick "this is a primary" here.
        assertThat(text(robot, r, "#server-role")).isEqualTo("read replica (in recovery)");
        assertThat(tryIn(robot, r, "#acknowledge-primary").filter(Node::isVisible)).isEmpty();
        assertRehearsalShows(robot, r);
        screenshot(r, "61-rehearsal-connect");
        assertThat(rc.session().environmentProperty().get()).isEqualTo(
                uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment.REHEARSAL);
        next(robot, r);

        // 2. Deployment time, as the status bar gives it.
        assertThat(text(robot, r, "#status")).contains(rehearsal.cutoffLocal());
        robot.interact(() -> ((javafx.scene.control.TextInputControl) in(robot, r, "#cutoff-text"))
                .setText(rehearsal.cutoffLocal()));
        waitUntil(() -> text(robot, r, "#cutoff-counts").contains("affected events")
                && !text(robot, r, "#cutoff-counts").startsWith("Counting"));
        assertThat(text(robot, r, "#cutoff-counts")).contains("1,000");
        // The cluster target is the rehearsal's in every step: another namespace typed here does not stick.
        robot.interact(() -> ((javafx.scene.control.TextInputControl) in(robot, r, "#releases-namespace"))
                .setText("hmpps-person-record-prod"));
        waitUntil(() -> text(robot, r, "#releases-namespace").equals(Rehearsal.NAMESPACE));
        assertThat(rc.session().clusterTarget().namespaceProperty().get()).isEqualTo(Rehearsal.NAMESPACE);
        assertRehearsalShows(robot, r);
        screenshot(r, "62-rehearsal-deployment-time");
        next(robot, r);

        // 3. Preview.
        waitUntil(() -> !in(robot, r, "#next").isDisabled());
        assertThat(robot.from(r.getScene().getRoot()).lookup("#records-table").queryAs(TableView.class).getItems())
                .hasSize(1000);
        assertRehearsalShows(robot, r);
        screenshot(r, "63-rehearsal-preview");
        next(robot, r);

        // 4. Export: into the rehearsal's folder, its name saying REHEARSAL.
        assertThat(text(robot, r, "#export-file-name")).startsWith("REHEARSAL-affected-records-rehearsal-");
        click(robot, r, "#export");
        waitUntil(() -> text(robot, r, "#export-message").contains("verified"));
        Path export = rc.session().exportProperty().get().file();
        assertThat(export.getFileName().toString()).startsWith("REHEARSAL-");
        assertThat(export).startsWith(rehearsal.folder());
        assertThat(Files.readString(export)).startsWith("[");
        assertRehearsalShows(robot, r);
        screenshot(r, "64-rehearsal-export");
        next(robot, r);

        // 5. Send: the simulated kubectl, its context and namespace already there.
        waitUntil(() -> !in(robot, r, "#kubectl-path").isDisabled());
        assertThat(text(robot, r, "#kubectl-path")).isEqualTo(rehearsal.kubectl().toString());
        @SuppressWarnings("unchecked")
        ComboBox<String> context = (ComboBox<String>) in(robot, r, "#kube-context");
        waitUntil(() -> context.getItems().equals(List.of(Rehearsal.CONTEXT)));
        assertThat(context.getValue()).isEqualTo(Rehearsal.CONTEXT);
        assertThat(text(robot, r, "#kube-namespace")).isEqualTo(Rehearsal.NAMESPACE);
        click(robot, r, "#find-pods");
        @SuppressWarnings("unchecked")
        TableView<PodInfo> pods = (TableView<PodInfo>) in(robot, r, "#pods-table");
        waitUntil(() -> pods.getItems().size() == 2);
        assertThat(pods.getItems()).extracting(PodInfo::name).containsExactlyElementsOf(Rehearsal.PODS);
        robot.interact(() -> pods.getSelectionModel().select(0));
        click(robot, r, "#start-forward");
        waitUntil(() -> text(robot, r, "#forward-status").contains("GET /health answers UP"));
        assertRehearsalShows(robot, r);
        screenshot(r, "65-rehearsal-send");
        scrollTo(robot, in(robot, r, "#send"));
        robot.interact(() -> ((javafx.scene.control.TextInputControl) in(robot, r, "#batch-size")).setText("250"));
        click(robot, r, "#send");
        waitUntil(() -> rc.wizard().currentIndexProperty().get() == 5);
        assertThat(rehearsalDialogs.asked).anyMatch(q -> q.contains("Environment: REHEARSAL")
                && q.contains("Namespace: " + Rehearsal.NAMESPACE) && q.contains("Records: 1,000 in 4 batches of up to 250"));

        // 6. Progress: batch 1 completes, then the pod dies half-way through batch 2.
        waitUntil(() -> text(robot, r, "#progress-log-status").equals("POD GONE"));
        assertThat(text(robot, r, "#progress-batches")).startsWith("1 of 4 batches complete");
        assertThat(rehearsal.podDied()).isTrue();
        assertRehearsalShows(robot, r);
        screenshot(r, "66-rehearsal-pod-gone");
        // The console offers the rest of batch 2, and batches 3 and 4, to the other Ready pod.
        @SuppressWarnings("unchecked")
        ComboBox<String> otherPods = (ComboBox<String>) in(robot, r, "#resend-pod");
        waitUntil(() -> in(robot, r, "#resend-card").isVisible()
                && Rehearsal.PODS.get(1).equals(otherPods.getValue()));
        assertThat(otherPods.getItems()).containsExactly(Rehearsal.PODS.get(1));
        assertThat(text(robot, r, "#resend-offer")).contains("died in batch 2");
        // Once the log is read to its end, the message names the pod and what its log proves done (the first half
        // of batch 2: the pod died at item 126 of 250), which is not sent again.
        assertThat(text(robot, r, "#progress-message")).contains(Rehearsal.PODS.get(0)).contains("DIED in batch 2 of 4")
                .contains("Its log proves records #251 ").contains(" to #375 ");
        screenshot(r, "66b-rehearsal-resend-offer");
        click(robot, r, "#resend-rest");
        assertThat(rehearsalDialogs.asked).anyMatch(q -> q.contains("to pod " + Rehearsal.PODS.get(1)));
        waitUntil(() -> text(robot, r, "#progress-state").startsWith("Complete"));
        assertThat(text(robot, r, "#progress-target")).startsWith("pod " + Rehearsal.PODS.get(1) + ",");
        assertThat(text(robot, r, "#progress-batches")).isEqualTo("4 of 4 batches complete");
        assertRehearsalShows(robot, r);
        screenshot(r, "66c-rehearsal-complete-on-the-other-pod");
        // Every exported record was reclustered exactly once, counting what both simulated pods did.
        Map<String, Integer> overall = new HashMap<>();
        rehearsal.services().forEach(service -> service.reclustered().forEach((id, n) -> overall.merge(id, n, Integer::sum)));
        List<String> exported = new ArrayList<>();
        new ObjectMapper().readTree(rc.session().exportProperty().get().file().toFile())
                .forEach(record -> exported.add(record.get("source_system_id").asText()));
        assertThat(overall.keySet()).containsExactlyInAnyOrderElementsOf(exported);
        assertThat(overall.values()).containsOnly(1);

        // 7. Outcome: statistics after, outstanding clusters saved, the report written.
        MenuItem checkOutcome = r.getScene().getRoot().lookupAll(".menu-bar").stream().map(MenuBar.class::cast)
                .flatMap(b -> b.getMenus().stream()).flatMap(m -> m.getItems().stream())
                .filter(i -> "menu-check-outcome".equals(i.getId())).findFirst().orElseThrow();
        robot.interact(checkOutcome::fire);
        waitUntil(() -> tryIn(robot, r, "#take-after").isPresent());
        click(robot, r, "#take-after");
        waitUntil(() -> ((TableView<?>) in(robot, r, "#comparison-table")).getItems().size() > 0);
        // The simulated recluster settled most of the affected NEEDS_ATTENTION clusters, and not all.
        @SuppressWarnings("unchecked")
        TableView<StatisticsComparison.Row> comparison = (TableView<StatisticsComparison.Row>) in(robot, r,
                "#comparison-table");
        StatisticsComparison.Row needsAttention = comparison.getItems().stream()
                .filter(row -> "NEEDS_ATTENTION".equals(row.status())).findFirst().orElseThrow();
        assertThat(needsAttention.after()).isPositive().isLessThan(needsAttention.before());
        assertRehearsalShows(robot, r);
        screenshot(r, "67-rehearsal-outcome");
        robot.interact(() -> ((TabPane) in(robot, r, "#outcome-tabs")).getSelectionModel().select(1));
        waitUntil(() -> ((TableView<?>) in(robot, r, "#clusters-table")).getItems().size() > 0);
        click(robot, r, "#save-csv");
        waitUntil(() -> text(robot, r, "#outstanding-message").startsWith("Saved "));
        click(robot, r, "#save-json");
        waitUntil(() -> text(robot, r, "#outstanding-message").contains(".json"));
        Path incident;
        try (Stream<Path> folders = Files.list(rehearsal.folder().resolve("incidents"))) {
            incident = folders.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        List<Path> outstanding;
        try (Stream<Path> files = Files.list(incident)) {
            outstanding = files.filter(f -> f.getFileName().toString().contains("outstanding-clusters")).toList();
        }
        assertThat(outstanding).hasSize(2).allSatisfy(f ->
                assertThat(f.getFileName().toString()).startsWith("REHEARSAL-outstanding-clusters-rehearsal-"));
        robot.interact(() -> ((TabPane) in(robot, r, "#outcome-tabs")).getSelectionModel().select(2));
        click(robot, r, "#write-report");
        waitUntil(() -> text(robot, r, "#report-message").startsWith("Report written to "));
        assertRehearsalShows(robot, r);
        screenshot(r, "68-rehearsal-report");

        assertThat(Files.readString(incident.resolve(ReportWriter.MARKDOWN_NAME)))
                .contains("REHEARSAL (not a real incident)");
        assertThat(Files.readString(incident.resolve(ReportWriter.HTML_NAME)))
                .contains("REHEARSAL (not a real incident)");
        assertThat(Files.readString(incident.resolve("journal.jsonl"))).contains("\"REHEARSAL\"")
                .contains(Rehearsal.NAMESPACE);

        // Nothing of the rehearsal reached the user's settings or journal.
        assertThat(Files.readAllBytes(userSettings)).isEqualTo(usersSettingsBefore);
        assertThat(dir.resolve("user").resolve("incidents")).doesNotExist();
        // Every kubectl call named the rehearsal's own context and namespace, never the user's.
        assertThat(rehearsal.cluster().calls()).allSatisfy(call -> {
            if (!call.contains("get-contexts")) {
                assertThat(call).containsSubsequence("--context", Rehearsal.CONTEXT)
                        .containsSubsequence("-n", Rehearsal.NAMESPACE);
            }
        });
        robot.interact(window::close);
    }

    /** The banner, and the status bar's mark, on whatever screen the rehearsal's window shows. */
    private static void assertRehearsalShows(FxRobot robot, Stage r) {
        assertThat(text(robot, r, "#environment-banner-label")).startsWith("REHEARSAL");
        assertThat(text(robot, r, "#status-rehearsal")).isEqualTo("REHEARSAL");
        assertThat(in(robot, r, "#environment-banner-label").getParent().getPseudoClassStates().toString())
                .contains("rehearsal").doesNotContain("prod");
    }

    private static void next(FxRobot robot, Stage r) {
        Button next = (Button) in(robot, r, "#next");
        waitUntil(() -> !next.isDisabled());
        robot.interact(next::fire);
    }


    private static void scrollTo(FxRobot robot, Node node) {
        Parent p = node.getParent();
        while (p != null && !(p instanceof ScrollPane)) {
            p = p.getParent();
        }
        ScrollPane scroll = (ScrollPane) p;
        robot.interact(() -> {
            double contentHeight = scroll.getContent().getBoundsInLocal().getHeight();
            double viewport = scroll.getViewportBounds().getHeight();
            double y = node.localToScene(0, 0).getY() - scroll.getContent().localToScene(0, 0).getY();
            scroll.setVvalue(contentHeight <= viewport ? 0 : Math.min(1, Math.max(0, (y - viewport / 2)
                    / (contentHeight - viewport))));
        });
    }

    @SuppressWarnings("unused")
    private static void later(Runnable r) {
        Platform.runLater(r);
    }
}
