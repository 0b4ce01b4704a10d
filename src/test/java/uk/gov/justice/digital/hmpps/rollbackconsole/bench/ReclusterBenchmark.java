package uk.gov.justice.digital.hmpps.rollbackconsole.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Kubectl;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.LogFollow;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.PortForward;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.Batch;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.BatchJournal;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.Health;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterBatches;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterClient;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterProgress;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterRun;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.SendOutcome;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedPersonRecordService;

/**
 * The recluster's own costs, against the fake kubectl and a fake service working at full speed: the console's
 * overhead per batch, the delay from a log line being written to the progress model seeing it, and the time to a
 * working port-forward after kubectl is killed.
 */
public final class ReclusterBenchmark {
    private ReclusterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 10_000);
    }

    static void run(int records) throws Exception {
        Path work = Files.createTempDirectory("rollback-console-recluster-bench");
        String pod = "hmpps-person-record-5d8f7c9b4-abcde";
        try (SimulatedPersonRecordService service = SimulatedPersonRecordService.start(work.resolve("pod.log")).perRecord(Duration.ZERO)) {
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

                List<Long> lineToModelMillis = Collections.synchronizedList(new ArrayList<>());
                List<Long> sendMillis = Collections.synchronizedList(new ArrayList<>());
                long started = System.nanoTime();
                ReclusterRun.Result result;
                try (LogFollow log = LogFollow.start(kubectl, pod, Instant.now().minusSeconds(1), LogFollow.Options.DEFAULT, s -> { });
                     ReclusterBatches batches = ReclusterBatches.open(file, ReclusterBatches.DEFAULT_BATCH_SIZE,
                             ReclusterBatches.DEFAULT_MAX_BODY_BYTES);
                     ReclusterRun run = new ReclusterRun(batches, client, () -> forward.state().status() == PortForward.Status.UP
                             ? Optional.of(URI.create("http://127.0.0.1:" + forward.state().localPort())) : Optional.empty(),
                             log, timing(sendMillis), p -> {
                                 if (p.lastProgressAt() != null) {
                                     lineToModelMillis.add(Duration.between(p.lastProgressAt(), p.observedAt()).toMillis());
                                 }
                             }, Clock.systemUTC())) {
                    result = run.start().get(10, TimeUnit.MINUTES);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                int batchCount = result.completedBatches().size();
                List<Long> delays = new ArrayList<>(lineToModelMillis);
                Collections.sort(delays);
                System.out.printf(Locale.UK, "recluster %,d records in %d batches against a full-speed fake: %s in %.2f s, "
                                + "%.0f ms a batch end to end (request %d ms median), %d requests%n",
                        records, batchCount, result.ending(), seconds, seconds * 1000 / Math.max(1, batchCount),
                        median(sendMillis), service.reclusterRequests());
                System.out.printf(Locale.UK, "log line to progress model: median %d ms, 95th percentile %d ms, max %d ms "
                                + "over %,d readings (the log's stamps have millisecond precision)%n",
                        percentile(delays, 50), percentile(delays, 95), delays.isEmpty() ? 0 : delays.get(delays.size() - 1),
                        delays.size());

                // kubectl killed mid-forward: how long until a working forward again.
                long pid = cluster.portForwardPid();
                long killed = System.nanoTime();
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                while (forward.state().status() == PortForward.Status.UP && System.nanoTime() - killed < 10_000_000_000L) {
                    Thread.sleep(5);
                }
                forward.awaitUp(Duration.ofSeconds(30));
                System.out.printf(Locale.UK, "port-forward back after kubectl was killed: %.2f s (health UP through the new forward)%n",
                        (System.nanoTime() - killed) / 1e9);
            }
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static BatchJournal timing(List<Long> sendMillis) {
        return new BatchJournal() {
            private long sentAt;

            @Override
            public void beforeSend(Batch batch, String pod, Instant at) {
                sentAt = System.nanoTime();
            }

            @Override
            public void afterSend(Batch batch, SendOutcome outcome, Instant at) {
                sendMillis.add((System.nanoTime() - sentAt) / 1_000_000);
            }

            @Override
            public void completed(Batch batch, ReclusterProgress progress) {
            }
        };
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return percentile(sorted, 50);
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
