package uk.gov.justice.digital.hmpps.rollbackconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.control.TitledPane;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.RecordSource;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.RunbookJsonExport;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedPersonRecordService;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.CommandPane;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView;

/** The kubectl and curl lines the Send and Progress steps show are what the console runs and sends. */
class CommandsShownTest extends ConsoleWindowTest {

    private static final String POD = "hmpps-person-record-5d8f7c9b4-abcde";
    private SimulatedPersonRecordService service;

    @AfterEach
    void stopService() {
        if (service != null) {
            service.close();
        }
    }

    /** The arguments a POSIX shell makes of {@code line}. */
    private static List<String> shellWords(String line) throws Exception {
        Process sh = new ProcessBuilder("sh", "-c", "for a in " + line + "; do printf '%s\\n' \"$a\"; done").start();
        List<String> words = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(sh.waitFor()).isZero();
        return words;
    }

    private static String line(String commands, String containing) {
        return commands.lines().filter(l -> !l.startsWith("#") && l.contains(containing)).findFirst().orElseThrow();
    }

    private static java.util.stream.Stream<String> commandLines(String commands) {
        return commands.lines().filter(l -> !l.isBlank() && !l.startsWith("#"));
    }

    private static List<String> withExecutable(String executable, List<String> args) {
        List<String> all = new ArrayList<>();
        all.add(executable);
        all.addAll(args);
        return all;
    }

    private static List<String> call(List<List<String>> calls, String containing) {
        return calls.stream().filter(c -> c.contains(containing)).findFirst().orElseThrow();
    }

    private String commands(FxRobot robot, String id) {
        TitledPane pane = robot.lookup(id).queryAs(TitledPane.class);
        robot.interact(() -> pane.setExpanded(true));
        return ((CommandPane) pane).command();
    }

    private static List<String> batchCells(FxRobot robot) {
        return robot.lookup("#batches-table .table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                .filter(c -> c.isVisible() && c.getTableRow() != null && c.getTableRow().isVisible() && !c.isEmpty())
                .map(c -> c.getText() == null ? "" : c.getText()).toList();
    }

    private static void scrollTo(FxRobot robot, String id) {
        javafx.scene.Node node = robot.lookup(id).query();
        javafx.scene.Parent p = node.getParent();
        while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) {
            p = p.getParent();
        }
        javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) p;
        robot.interact(() -> {
            double content = scroll.getContent().getBoundsInLocal().getHeight();
            double y = scroll.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
            scroll.setVvalue(Math.min(1, Math.max(0, (y - 40) / Math.max(1, content - scroll.getViewportBounds().getHeight()))));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theShownCommandsAreTheOnesRunAndTheRequestSent(FxRobot robot) throws Exception {
        Path file = dir.resolve("reviewed.json");
        List<AffectedRecord> records = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            records.add(new AffectedRecord(null, SourceSystem.DELIUS, "X90000" + i, 1, Instant.parse("2025-06-09T13:00:00Z")));
        }
        new RunbookJsonExport().write(file, false, RecordSource.of(records));
        service = SimulatedPersonRecordService.start(dir.resolve("pod.log")).perRecord(Duration.ofMillis(20));
        SimulatedCluster cluster = SimulatedCluster.create(dir.resolve("cluster")).deployment()
                .servicePod(POD).forwardTo(service.port()).podLog(POD, service.logFile());

        sendFromTheReview(robot, file);
        forwardToTheFirstPod(robot, cluster, 1);

        CommandPane sendPane = robot.lookup("#send-commands").queryAs(CommandPane.class);
        String shown = commands(robot, "#send-commands");
        List<List<String>> calls = cluster.calls();
        // kubectl: the same arguments, in the same order, as the console passed to it, its label selector included.
        String kubectl = cluster.executable().toString();
        assertThat(shellWords(line(shown, " get deployment "))).isEqualTo(withExecutable(kubectl, call(calls, "deployment")));
        assertThat(shellWords(line(shown, " get pods "))).isEqualTo(withExecutable(kubectl, call(calls, "pods")));
        assertThat(shellWords(line(shown, " port-forward "))).isEqualTo(withExecutable(kubectl, call(calls, "port-forward")));
        // Before Send is pressed, only the log's since-time is not known yet.
        assertThat(commandLines(shown).filter(l -> l.contains("<")))
                .containsExactly(line(shown, " logs "));
        assertThat(line(shown, " logs ")).contains("--since-time=<when Send is pressed");
        scrollTo(robot, "#send-commands");
        screenshot("40-send-commands");
        robot.interact(() -> ((WizardShellView) stage.getScene().getRoot()).presenter().onProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        screenshot("presenter-5-send-commands-150-light");
        robot.interact(() -> ((WizardShellView) stage.getScene().getRoot()).presenter().onProperty().set(false));

        // The request: the whole file in one batch, sent as curl would send it.
        List<String> curl = shellWords(line(shown, "curl "));
        int port = Integer.parseInt(text(robot, "#forward-status").replaceAll("(?s).*127\\.0\\.0\\.1:(\\d+).*", "$1"));
        assertThat(curl).containsExactly("curl", "-X", "POST", "http://127.0.0.1:" + port + "/admin/recluster",
                "-H", "Content-Type: application/json", "--data-binary", "@" + file);
        robot.interact(() -> robot.lookup("#send-commands").queryAs(TitledPane.class).setExpanded(false));
        scrollTo(robot, "#send");
        fill(robot, "#batch-size", "500");
        dialogs.confirmAnswer = true;
        // The step's main action by its shortcut.
        robot.push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> console.wizard().currentIndexProperty().get() == 5);
        waitUntil(() -> text(robot, "#progress-state").startsWith("Complete"));
        assertThat(service.requestLines()).containsExactly("POST /admin/recluster application/json");
        // The same records as the file curl would send, in its order (the console leaves out a null person_uuid).
        ObjectMapper json = new ObjectMapper();
        List<String> sent = new ArrayList<>();
        service.acceptedBodies().get(0).forEach(r -> sent.add(r.get("source_system").asText() + " " + r.get("source_system_id").asText()));
        List<String> inFile = new ArrayList<>();
        json.readTree(Files.readAllBytes(file)).forEach(r -> inFile.add(r.get("source_system").asText() + " " + r.get("source_system_id").asText()));
        assertThat(sent).hasSize(7).isEqualTo(inFile);

        // Once the run has started, the Send step shows the log follow as it was run, since-time and all.
        List<String> logsRun = call(cluster.calls(), "logs");
        assertThat(logsRun.get(logsRun.size() - 1)).matches("--since-time=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        String sendAfter = sendPane.command();
        assertThat(commandLines(sendAfter)).noneMatch(l -> l.contains("<"));
        assertThat(shellWords(line(sendAfter, " logs "))).isEqualTo(withExecutable(kubectl, logsRun));

        // Progress shows the log follow as it was run, with the same context, namespace and pod.
        String progress = commands(robot, "#progress-commands");
        scrollTo(robot, "#progress-commands");
        // Progress shows the log follow as it runs (kubectl, context, namespace, pod, since-time) and the request at
        // the port-forward's own local port: nothing left to fill in.
        assertThat(commandLines(progress)).noneMatch(l -> l.contains("<"));
        assertThat(shellWords(line(progress, " logs "))).isEqualTo(withExecutable(kubectl, logsRun));
        assertThat(shellWords(line(progress, "curl "))).containsExactly("curl", "-X", "POST",
                "http://127.0.0.1:" + port + "/admin/recluster", "-H", "Content-Type: application/json",
                "--data-binary", "@" + file);
        screenshot("41-progress-commands");
        assertThat(text(robot, "#progress-plan")).isEqualTo("7 records in 1 batch of up to 500");
        // Run as shown, the request goes through the same port-forward to the same service, with the same records.
        Process curlRun = new ProcessBuilder("sh", "-c", line(progress, "curl ") + " -s -o /dev/null -w '%{http_code}'")
                .start();
        String status = new String(curlRun.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curlRun.waitFor()).isZero();
        assertThat(status).startsWith("2");
        assertThat(service.requestLines()).containsExactly("POST /admin/recluster application/json",
                "POST /admin/recluster application/json");
        List<String> resent = new ArrayList<>();
        service.acceptedBodies().get(1).forEach(r -> resent.add(r.get("source_system").asText() + " "
                + r.get("source_system_id").asText()));
        assertThat(resent).isEqualTo(inFile);
        assertThat(batchCells(robot)).anyMatch(t -> t.contains("X900001"));
        robot.interact(() -> ((WizardShellView) stage.getScene().getRoot()).presenter().onProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        // In presenter mode the batches' first and last records are masked too.
        assertThat(batchCells(robot)).noneMatch(t -> t.contains("X90000")).anyMatch(t -> t.contains("X90*****"));
        for (boolean contrast : new boolean[] {false, true}) {
            for (boolean dark : new boolean[] {false, true}) {
                robot.interact(() -> {
                    ((WizardShellView) stage.getScene().getRoot()).presenter().highContrastProperty().set(contrast);
                    ((WizardShellView) stage.getScene().getRoot()).presenter().darkProperty().set(dark);
                });
                WaitForAsyncUtils.waitForFxEvents();
                screenshot("presenter-6-progress-150-" + (contrast ? "contrast-" : "") + (dark ? "dark" : "light"));
            }
        }
    }
}
