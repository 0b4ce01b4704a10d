package uk.gov.justice.digital.hmpps.rollbackconsole.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import uk.gov.justice.digital.hmpps.rollbackconsole.App;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Kubectl;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.LogFollow;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.PortForward;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.Health;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterBatches;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterClient;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterRun;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedPersonRecordService;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.ProgressStepView;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.ProgressStepViewModel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.ReclusterMonitor;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.ReclusterPlan;

/**
 * The Progress screen itself while a pod logs about 1,000 recluster lines a second for some 10 s: the real view
 * in a headless (Monocle) window, fed through the fake kubectl's log follow, the run and the monitor, as in the
 * app. It prints how late the FX thread runs a task queued every 50 ms (the pulse latency a user would feel) and
 * how long after a log line was written the frame showing it on the screen's phase labels was drawn. Runs in a
 * JVM of its own (see {@link #inItsOwnJvm()}), started with Monocle's properties.
 */
public final class ProgressScreenBenchmark {

    private static final Pattern ITEM = Pattern.compile("^(\\S+) .*Processing (Upsert|Recluster) Person Records, item: (\\d+)/");
    private static final Pattern LABEL = Pattern.compile("(Upsert|Recluster) (\\d+) / \\d+");

    private ProgressScreenBenchmark() {
    }

    /** Starts the benchmark in a JVM with Monocle's headless settings, as the UI tests run. */
    public static void inItsOwnJvm() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dprism.text=t2k", "-Dheadless.geometry=1600x1000-32", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), ProgressScreenBenchmark.class.getName()));
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            System.out.println("progress screen  did not finish within 5 minutes");
        } else if (p.exitValue() != 0) {
            System.out.println("progress screen  failed with exit code " + p.exitValue());
        }
    }

    public static void main(String[] args) throws Exception {
        // 5,000 records: 10,000 Processing lines, one a millisecond or a little more.
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        Path work = Files.createTempDirectory("rollback-console-progress-bench");
        String pod = "hmpps-person-record-5d8f7c9b4-abcde";
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        try (SimulatedPersonRecordService service = SimulatedPersonRecordService.start(work.resolve("pod.log"))
                .perRecord(Duration.ofNanos(650_000))) {
            SimulatedCluster cluster = SimulatedCluster.create(work.resolve("cluster")).deployment().servicePod(pod)
                    .forwardTo(service.port()).podLog(pod, service.logFile());
            Path file = work.resolve("affected-records.json");
            StringBuilder json = new StringBuilder("[");
            for (int i = 1; i <= records; i++) {
                json.append(i == 1 ? "" : ",").append("{\"source_system\":\"NOMIS\",\"source_system_id\":\"A").append(i).append("\"}");
            }
            Files.writeString(file, json.append("]\n"));

            try (Kubectl kubectl = new Kubectl(cluster.executable(), SimulatedCluster.CONTEXT, SimulatedCluster.NAMESPACE);
                 ReclusterClient client = new ReclusterClient();
                 PortForward forward = PortForward.start(kubectl, pod, PortForward.Options.DEFAULT, port -> {
                     Health h = client.health(URI.create("http://127.0.0.1:" + port));
                     return h.isUp() ? Optional.empty() : Optional.of(h.detail());
                 }, s -> { }, Clock.systemUTC())) {
                forward.awaitUp(Duration.ofSeconds(60));
                measure(records, pod, file, kubectl, client, forward, service);
            }
        } finally {
            Platform.exit();
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    private static void measure(int records, String pod, Path file, Kubectl kubectl, ReclusterClient client,
                                PortForward forward, SimulatedPersonRecordService service) throws Exception {
        WizardSession session = new WizardSession();
        ReclusterPlan plan = new ReclusterPlan("PREPROD", SimulatedCluster.CONTEXT, SimulatedCluster.NAMESPACE,
                pod, file, "-", records, 1, records);
        // What each phase label showed, and when the frame after the change began (wall clock, as the log's stamps).
        List<String[]> shown = Collections.synchronizedList(new ArrayList<>());
        List<Long> pulseDelays = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<ReclusterMonitor> ready = new CompletableFuture<>();
        Platform.runLater(() -> {
            ReclusterMonitor monitor = new ReclusterMonitor(plan, Platform::runLater, Optional.empty());
            session.reclusterProperty().set(monitor);
            ProgressStepView view = new ProgressStepView(new ProgressStepViewModel(session));
            Stage stage = new Stage();
            Scene scene = new Scene((Parent) view.root(), 1280, 800);
            scene.getStylesheets().add(App.class.getResource("ui/shell/app.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            List<String> changed = new ArrayList<>();
            for (String id : List.of("#progress-upsert-text", "#progress-recluster-text")) {
                ((Label) scene.lookup(id)).textProperty().addListener((obs, was, now) -> changed.add(now));
            }
            // Runs in each pulse before the frame is drawn: the changes since the last pulse are on this frame.
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (!changed.isEmpty()) {
                        String at = Instant.now().toString();
                        changed.forEach(text -> shown.add(new String[] {text, at}));
                        changed.clear();
                    }
                }
            }.start();
            ready.complete(monitor);
        });
        ReclusterMonitor monitor = ready.get(30, TimeUnit.SECONDS);

        ScheduledExecutorService pings = Executors.newSingleThreadScheduledExecutor();
        pings.scheduleAtFixedRate(() -> {
            long queued = System.nanoTime();
            Platform.runLater(() -> pulseDelays.add((System.nanoTime() - queued) / 1_000_000));
        }, 50, 50, TimeUnit.MILLISECONDS);

        long startedAt = System.nanoTime();
        LogFollow log = LogFollow.start(kubectl, pod, Instant.now().minusSeconds(1), LogFollow.Options.DEFAULT,
                monitor.logStatusSink());
        ReclusterBatches batches = ReclusterBatches.open(file, records, ReclusterBatches.DEFAULT_MAX_BODY_BYTES);
        ReclusterRun run = new ReclusterRun(batches, client, () -> Optional.of(
                URI.create("http://127.0.0.1:" + forward.state().localPort())), log, monitor.journal(),
                monitor.progressSink(), Clock.systemUTC());
        CompletableFuture<Void> ended = new CompletableFuture<>();
        Platform.runLater(() -> {
            monitor.activeProperty().addListener((obs, was, now) -> {
                if (!now) {
                    ended.complete(null);
                }
            });
            monitor.start(run, log, batches);
        });
        ended.get(5, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        Thread.sleep(200);
        pings.shutdownNow();

        // When each item's Processing line was written, from the pod's log.
        Map<String, Instant> written = new HashMap<>();
        long lines = 0;
        Instant first = null;
        Instant last = null;
        for (String line : Files.readAllLines(service.logFile(), StandardCharsets.UTF_8)) {
            Matcher m = ITEM.matcher(line);
            if (m.find()) {
                Instant at = Instant.parse(m.group(1));
                written.put(m.group(2) + " " + m.group(3), at);
                lines++;
                first = first == null ? at : first;
                last = at;
            }
        }
        List<Long> lineToScreen = new ArrayList<>();
        synchronized (shown) {
            for (String[] s : shown) {
                Matcher m = LABEL.matcher(s[0]);
                if (m.matches() && written.containsKey(m.group(1) + " " + m.group(2))) {
                    lineToScreen.add(Duration.between(written.get(m.group(1) + " " + m.group(2)),
                            Instant.parse(s[1])).toMillis());
                }
            }
        }
        List<Long> pulses = new ArrayList<>(pulseDelays);
        Collections.sort(pulses);
        Collections.sort(lineToScreen);
        double logSeconds = first == null ? 0 : Duration.between(first, last).toMillis() / 1000.0;
        System.out.printf(Locale.UK, "progress screen  %,d log lines in %.1f s (%,.0f lines/s) shown in a headless window; "
                        + "run %s in %.1f s%n", lines, logSeconds, logSeconds == 0 ? 0 : lines / logSeconds,
                monitor.endingProperty().get(), seconds);
        System.out.printf(Locale.UK, "progress screen  FX thread, a task queued every 50 ms ran after: median %d ms, "
                        + "95th percentile %d ms, max %d ms (%,d pings)%n", percentile(pulses, 50), percentile(pulses, 95),
                pulses.isEmpty() ? 0 : pulses.get(pulses.size() - 1), pulses.size());
        System.out.printf(Locale.UK, "progress screen  log line written to the frame showing it in the phase labels: "
                        + "median %d ms, 95th percentile %d ms, max %d ms (%,d label changes; stamps in ms)%n",
                percentile(lineToScreen, 50), percentile(lineToScreen, 95),
                lineToScreen.isEmpty() ? 0 : lineToScreen.get(lineToScreen.size() - 1), lineToScreen.size());
        System.out.printf(Locale.UK, "progress screen  machine load average during the run: %.1f on %d cores%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
