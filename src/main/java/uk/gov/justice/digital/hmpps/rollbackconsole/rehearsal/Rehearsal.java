package uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.EventClock;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Release;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.ReplicaSecrets;

/**
 * Everything a rehearsal of the runbook needs, started inside the app and closed with its window: an embedded
 * PostgreSQL seeded with a synthetic replica (identifiers and statuses only), two simulated pods of
 * hmpps-person-record on loopback, each with its own simulated service, and a simulated kubectl that the console
 * runs as a real subprocess, with a context and namespace of its own. Nothing here reads or writes the user's
 * kubeconfig, settings or cluster.
 */
public final class Rehearsal implements AutoCloseable {

    public static final String CONTEXT = "rehearsal";
    public static final String NAMESPACE = Environment.REHEARSAL.namespace().orElseThrow();
    public static final String DEPLOYMENT = "hmpps-person-record";
    public static final List<String> PODS = List.of("hmpps-person-record-7c1e2d3a4-rh7aa",
            "hmpps-person-record-7c1e2d3a4-rh7bb");
    /** The synthetic replica: events in all, of which CREATED/UPDATED after the cutoff (four in five new records). */
    public static final int TOTAL_EVENTS = 20_000;
    public static final int AFFECTED_EVENTS = 1_250;
    public static final String BAD_IMAGE = "ghcr.io/ministryofjustice/hmpps-person-record:rehearsal-bad-release";
    public static final String ROLLBACK_IMAGE = "ghcr.io/ministryofjustice/hmpps-person-record:rehearsal-rollback";
    /** The address the rehearsal's replica secret gives, and Person Record's relay pod relays to. */
    public static final String REPLICA_ADDRESS = "person-record-replica.rehearsal.invalid";
    private static final DateTimeFormatter RUNBOOK_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    /**
     * What the rehearsal simulates.
     *
     * @param recordsPerSecond items each simulated pod logs a second (a record is processed twice: upsert, recluster)
     * @param podDiesInBatch   the pod that gets the request dies half-way through this batch; 0 for never
     * @param notFoundRecords  this many affected records are "not found" by the service
     * @param failure          one of the service's ordinary failures, to practise; NONE for none
     * @param failureBatch     the batch (the request to a pod, from 1) it happens in
     */
    /**
     * @param replicaLagSeconds for how long after the start the read replica stays behind its primary, its replay
     *                          paused while the simulated service goes on writing events (0: it keeps up)
     * @param rolloutInProgress the rollback's rollout is not finished: one pod still runs the bad release, until
     *                          {@link ClusterStates#SETTLES_AFTER} after the start
     * @param asleep            hmpps-person-record is scaled to zero, as dev and preprod are out of hours, until
     *                          {@link ClusterStates#SETTLES_AFTER} after the start
     */
    public record Options(int recordsPerSecond, int podDiesInBatch, int notFoundRecords, Failure failure,
                          int failureBatch, int replicaLagSeconds, boolean rolloutInProgress, boolean asleep) {
        public Options(int recordsPerSecond, int podDiesInBatch, int notFoundRecords, Failure failure,
                       int failureBatch, int replicaLagSeconds) {
            this(recordsPerSecond, podDiesInBatch, notFoundRecords, failure, failureBatch, replicaLagSeconds, false, false);
        }

        public Options {
            if (recordsPerSecond < 1 || podDiesInBatch < 0 || notFoundRecords < 0 || failureBatch < 1
                    || replicaLagSeconds < 0) {
                throw new IllegalArgumentException("speed must be at least 1 a second; batch and count not negative");
            }
            java.util.Objects.requireNonNull(failure, "failure");
        }

        public Options(int recordsPerSecond, int podDiesInBatch, int notFoundRecords, Failure failure,
                       int failureBatch) {
            this(recordsPerSecond, podDiesInBatch, notFoundRecords, failure, failureBatch, 0);
        }

        public Options(int recordsPerSecond, int podDiesInBatch, int notFoundRecords) {
            this(recordsPerSecond, podDiesInBatch, notFoundRecords, Failure.NONE, 1);
        }

        public static Options defaults() {
            return new Options(50, 0, 3);
        }
    }

    /** The service's ordinary failures a rehearsal can stage, each in the batch the options name. */
    public enum Failure {
        NONE("None"),
        FORWARD_DROPS("The port-forward drops after the batch"),
        RUN_DIES("The run dies half-way (stack trace on stderr)"),
        RUN_FALLS_SILENT("The run falls silent half-way"),
        SERVER_ERROR_TAKEN("HTTP 500, though the service took the batch"),
        ANOTHER_RUN("Another run starts on the pod as the batch ends");

        private final String label;

        Failure(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final Path folder;
    private final Options options;
    private final List<AutoCloseable> started = new ArrayList<>();
    // The primary the simulated service writes to, and the hot standby streaming from it that the console reads, as
    // RDS runs the read replica.
    private EmbeddedPostgres database;
    private EmbeddedPostgres replica;
    private SimulatedCluster cluster;
    private final List<SimulatedPersonRecordService> services = new ArrayList<>();
    private Instant cutoff;
    private List<String> notFound = List.of();
    private final AtomicBoolean closed = new AtomicBoolean();

    private Rehearsal(Path folder, Options options) {
        this.folder = folder;
        this.options = options;
    }

    /**
     * Starts the rehearsal in {@code folder} (private to it), saying what it does through {@code progress} and
     * stopping between stages when {@code cancelled} says so: then everything started so far is closed and a
     * {@link CancellationException} thrown. Takes seconds (a PostgreSQL starts and is seeded).
     */
    public static Rehearsal start(Path folder, Options options, Clock clock, Consumer<String> progress,
                                  BooleanSupplier cancelled) {
        Rehearsal r = new Rehearsal(folder, options);
        try {
            Files.createDirectories(folder);
            r.cutoff = clock.instant().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
            progress.accept("Starting the rehearsal's PostgreSQL…");
            check(cancelled);
            r.database = RehearsalDatabase.start(RehearsalDatabase.primaryConfig(), "select");
            r.started.add(r.database);
            check(cancelled);
            progress.accept("Seeding a synthetic replica: " + TOTAL_EVENTS + " events, identifiers and statuses only…");
            // The bad release's events run up to a few minutes before now, written in UK time as the service writes
            // them: in summer a window read as UTC would lose the last hour of them.
            BulkSeed.seedBulk(RehearsalDatabase.admin(r.database), TOTAL_EVENTS, AFFECTED_EVENTS, r.cutoff,
                    Duration.between(r.cutoff, clock.instant()).minusMinutes(3));
            check(cancelled);
            progress.accept("Starting its read replica, a hot standby streaming from it\u2026");
            r.replica = RehearsalDatabase.standbyOf(r.database, folder.resolve("replica"));
            r.started.add(r.replica);
            r.notFound = r.someAffectedIds(options.notFoundRecords());
            if (options.replicaLagSeconds() > 0) {
                r.lagReplica(Duration.ofSeconds(options.replicaLagSeconds()));
            }
            check(cancelled);
            progress.accept("Starting two simulated pods of hmpps-person-record…");
            r.startCluster();
            check(cancelled);
            progress.accept("Rehearsal ready.");
            return r;
        } catch (IOException e) {
            r.close();
            throw new UncheckedIOException("could not start the rehearsal", e);
        } catch (RuntimeException e) {
            r.close();
            throw e;
        }
    }

    private static void check(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("rehearsal start cancelled");
        }
    }

    /**
     * Makes the read replica lag, as one under load or just restarted does: its replay is paused, the service goes on
     * writing affected events on the primary (as it does while the bad release runs), and replay resumes by itself
     * after {@code lag}. The console sees the lag grow, and a preview meanwhile ends at what the replica replayed.
     */
    private void lagReplica(Duration lag) {
        writeAnEvent();
        // A replica that was streaming, then fell behind: it has replayed a transaction, so it knows how far behind.
        try (Connection c = replica.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = s.executeQuery("select pg_last_xact_replay_timestamp() is not null"
                        + " and pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        break;
                    }
                }
                Thread.sleep(50);
            }
            s.execute("select pg_wal_replay_pause()");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pausing the rehearsal's replica", e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not pause the rehearsal's replica", e);
        }
        java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor(runnable -> {
                    Thread t = new Thread(runnable, "rehearsal-replica-lag");
                    t.setDaemon(true);
                    return t;
                });
        started.add(timer::shutdownNow);
        // A new event on the primary every few seconds: the replica's receive point moves on, its replay does not.
        timer.scheduleWithFixedDelay(this::writeAnEvent, 0, 3, java.util.concurrent.TimeUnit.SECONDS);
        timer.schedule(() -> {
            try (Connection c = replica.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("select pg_wal_replay_resume()");
            } catch (SQLException e) {
                // the rehearsal is closing
            }
        }, lag.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** One more update of an affected record, written on the primary as the service writes it (UK time). */
    private void writeAnEvent() {
        try (Connection c = RehearsalDatabase.admin(database).getConnection(); Statement s = c.createStatement()) {
            s.execute("set timezone = 'Europe/London'");
            s.execute("insert into personrecordservice.event_log (source_system_id, source_system, match_id,"
                    + " uuid_status_type, event_type) select source_system_id, source_system, match_id, 'ACTIVE',"
                    + " 'CPR_RECORD_UPDATED' from personrecordservice.event_log"
                    + " where event_type = 'CPR_RECORD_CREATED' order by id desc limit 1");
        } catch (SQLException e) {
            // the rehearsal is closing
        }
    }

    private List<String> someAffectedIds(int count) {
        List<String> ids = new ArrayList<>();
        if (count == 0) {
            return ids;
        }
        try (Connection c = RehearsalDatabase.admin(database).getConnection();
             PreparedStatement s = c.prepareStatement("select distinct source_system_id from"
                     + " personrecordservice.event_log where event_type in ('CPR_RECORD_CREATED', 'CPR_RECORD_UPDATED')"
                     + " and event_timestamp >= ? order by source_system_id limit ?")) {
            s.setObject(1, EventClock.SERVICE.lowerBound(cutoff).value()); // event_log is in UK time, as the service writes it
            s.setInt(2, count);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the rehearsal's replica", e);
        }
        return ids;
    }

    private void startCluster() throws IOException {
        cluster = SimulatedCluster.create(folder.resolve("cluster"), CONTEXT, NAMESPACE);
        String uid = "5e4a7c00-0000-4000-8000-00000000000a";
        cluster.deployment(DEPLOYMENT, uid, 43, ROLLBACK_IMAGE)
                .replicaSet("hmpps-person-record-5d8f7c9b4", DEPLOYMENT, DEPLOYMENT, uid, 41,
                        "ghcr.io/ministryofjustice/hmpps-person-record:rehearsal-earlier",
                        cutoff.minus(12, ChronoUnit.DAYS).toString(), 0)
                .replicaSet("hmpps-person-record-6b9d8e7f1", DEPLOYMENT, DEPLOYMENT, uid, 42, BAD_IMAGE,
                        cutoff.plusSeconds(3).toString(), 0)
                .replicaSet("hmpps-person-record-7c1e2d3a4", DEPLOYMENT, DEPLOYMENT, uid, 43, ROLLBACK_IMAGE,
                        cutoff.plus(22, ChronoUnit.HOURS).toString(), 2);
        // Helm's records of the last 10 deploys: revisions 112 to 121, the bad one 120, the rollback 121; deploys
        // a few seconds before their ReplicaSets. The older seven have no ReplicaSet left.
        Instant installed = cutoff.minus(400, ChronoUnit.DAYS);
        for (int v = 112; v <= 118; v++) {
            cluster.helmRelease(DEPLOYMENT, v, "superseded", installed, cutoff.minus(12 + 4L * (119 - v), ChronoUnit.DAYS),
                    "rehearsal-" + v);
        }
        cluster.helmRelease(DEPLOYMENT, 119, "superseded", installed, cutoff.minus(12, ChronoUnit.DAYS).minusSeconds(3),
                        "rehearsal-earlier")
                .helmRelease(DEPLOYMENT, 120, "superseded", installed, cutoff, Release.tagOf(BAD_IMAGE))
                .helmRelease(DEPLOYMENT, 121, "deployed", installed, cutoff.plus(22, ChronoUnit.HOURS).minusSeconds(3),
                        Release.tagOf(ROLLBACK_IMAGE));
        String matchUid = "5e4a7c00-0000-4000-8000-00000000000b";
        cluster.helmRelease("hmpps-person-match", 31, "deployed", installed, cutoff.minus(30, ChronoUnit.DAYS).minusSeconds(3),
                "rehearsal");
        cluster.deployment("hmpps-person-match", matchUid, 7, "ghcr.io/ministryofjustice/hmpps-person-match:rehearsal")
                .replicaSet("hmpps-person-match-88bb99cc0", "hmpps-person-match", "hmpps-person-match", matchUid, 7,
                        "ghcr.io/ministryofjustice/hmpps-person-match:rehearsal",
                        cutoff.minus(30, ChronoUnit.DAYS).toString(), 2);
        cluster.podsStartedAt(cutoff.minus(30, ChronoUnit.DAYS).plusSeconds(40))
                .podOf("hmpps-person-match", "hmpps-person-match-88bb99cc0-rh7cc",
                "ghcr.io/ministryofjustice/hmpps-person-match:rehearsal");
        // Both relay pods, person-match's first as kubectl lists them; Person Record's reaches the rehearsal's
        // database, whose secret holds its address and (as in dev) its credentials.
        cluster.relayPod("person-match-port-forward-pod", "person-match-replica.rehearsal.invalid")
                .relayPod("person-record-port-forward-pod", REPLICA_ADDRESS)
                .forwardTo("person-record-port-forward-pod", database.getPort())
                .secret(ReplicaSecrets.REPLICA, Map.of("rds_instance_address", REPLICA_ADDRESS,
                        "database_name", RehearsalDatabase.DATABASE, "database_username", RehearsalDatabase.CONSOLE_USER,
                        "database_password", "rehearsal"));
        // The daily needs-attention job, with the pod its last run left (it carries the service's labels).
        Instant lastJobRun = cutoff.truncatedTo(ChronoUnit.DAYS).plus(13, ChronoUnit.HOURS);
        cluster.podsStartedAt(lastJobRun.plusSeconds(5)).needsAttentionJob("0 13 * * *", lastJobRun)
                .pod(DEPLOYMENT, "hmpps-person-record-recluster-needs-attention-job-" + lastJobRun.getEpochSecond() / 60
                        + "-rh7dd", ROLLBACK_IMAGE, "Succeeded", false, "Job", 0);
        Duration perItem = Duration.ofMillis(1000L / options.recordsPerSecond());
        // The rollback's pods started with its ReplicaSet, some seconds after it was made.
        cluster.podsStartedAt(cutoff.plus(22, ChronoUnit.HOURS).plusSeconds(40));
        for (String pod : PODS) {
            SimulatedPersonRecordService service = SimulatedPersonRecordService.start(folder.resolve("logs").resolve(pod + ".log"))
                    .perRecord(perItem).notFound(notFound.toArray(String[]::new));
            started.add(service);
            services.add(service);
            service.onReclustered(this::settleClusters);
            // Rolled out: the pods run the deployment's image, the rollback.
            cluster.podOf(DEPLOYMENT, pod, ROLLBACK_IMAGE).forwardTo(pod, service.port()).podLog(pod, service.logFile());
            // A dead pod leaves the cluster: its log follow ends and it is no longer listed.
            service.onDeath(() -> {
                try {
                    cluster.removePod(pod);
                } catch (IOException e) {
                    // The pod stays listed; its service answers nothing either way.
                }
                // One pod death a rehearsal: a resend to the other pod goes through.
                services.forEach(s -> s.dieInRun(-1));
            });
            if (options.podDiesInBatch() > 0) {
                service.dieInRun(options.podDiesInBatch());
            }
            stage(service, options.failure(), options.failureBatch());
        }
        started.add(ClusterStates.apply(cluster, options, cutoff));
    }

    private void stage(SimulatedPersonRecordService service, Failure failure, int batch) {
        switch (failure) {
            case NONE -> { }
            case FORWARD_DROPS -> service.beforeComplete(run -> {
                if (run == batch) {
                    try {
                        cluster.dropPortForward();
                    } catch (IOException e) {
                        // No forward to drop: nothing to practise.
                    }
                }
            });
            case RUN_DIES -> service.fault(new SimulatedPersonRecordService.Fault(
                    SimulatedPersonRecordService.FaultKind.DIES_WITH_STACK_TRACE, batch, "Recluster", 0));
            case RUN_FALLS_SILENT -> service.fault(new SimulatedPersonRecordService.Fault(
                    SimulatedPersonRecordService.FaultKind.FALLS_SILENT, batch, "Recluster", 0));
            case SERVER_ERROR_TAKEN -> service.takeDespiteAnswering(batch, 500);
            case ANOTHER_RUN -> service.otherRunBeforeCompleteOf(batch, 37);
        }
    }

    public Options options() {
        return options;
    }

    /** The simulated kubectl: a script in the rehearsal's folder that runs this JVM. */
    public Path kubectl() {
        return cluster.executable();
    }

    /** The read replica's port: the console connects there, never to the primary. */
    public int databasePort() {
        return replica.getPort();
    }

    /** The bad release's time, as the runbook writes it in UK time. */
    public String cutoffLocal() {
        return RUNBOOK_TIME.format(LocalDateTime.ofInstant(cutoff, ZoneId.of("Europe/London")));
    }

    public Instant cutoff() {
        return cutoff;
    }

    /** The ids the simulated service reports as not found. */
    public List<String> notFoundIds() {
        return List.copyOf(notFound);
    }

    public Path folder() {
        return folder;
    }

    /** The simulated cluster: its pods, and every argument list its kubectl was given. */
    public SimulatedCluster cluster() {
        return cluster;
    }

    /** The loopback ports of the simulated pods' services, in the order of {@link #PODS}. */
    public List<Integer> servicePorts() {
        return services.stream().map(SimulatedPersonRecordService::port).toList();
    }

    /** Whether a simulated pod has died. */
    /**
     * What a recluster does to the replica, roughly (SimulatedReclusterEffects): some clusters merged, some split,
     * most NEEDS_ATTENTION clusters ACTIVE again and one in three left, with either reason, in the review queue, for
     * the Outcome step to find. So the after statistics differ from the before, as they do in an incident.
     */
    private void settleClusters(List<String> ids) {
        if (ids.isEmpty() || database == null) {
            return;
        }
        try (Connection c = RehearsalDatabase.admin(database).getConnection()) {
            SimulatedReclusterEffects.apply(c, ids);
        } catch (SQLException e) {
            // The rehearsal's statistics stay as they were; the run itself is not affected.
        }
    }

    /** The simulated service of each pod, in the order of {@link #PODS}. */
    public List<SimulatedPersonRecordService> services() {
        return List.copyOf(services);
    }

    public boolean podDied() {
        return services.stream().anyMatch(SimulatedPersonRecordService::isDead);
    }

    /**
     * The settings of the rehearsal's own window: the Connect step filled in for the rehearsal's database, the
     * Send step for the simulated kubectl, and the journal, the kubectl processes' ledger and the exports kept in
     * the rehearsal's folder. They go into the rehearsal's settings file, never the user's.
     */
    public Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("connect.host", "127.0.0.1");
        s.put("connect.port", Integer.toString(databasePort()));
        s.put("connect.database", RehearsalDatabase.DATABASE);
        s.put("connect.user", RehearsalDatabase.CONSOLE_USER);
        s.put("connect.environment", Environment.REHEARSAL.label());
        s.put("connect.sslMode", "DISABLE");
        s.put("kubectl.path", kubectl().toString());
        s.put("kubectl.context", CONTEXT);
        s.put("kubectl.namespace", NAMESPACE);
        s.put("incidents.root", folder.resolve("incidents").toString());
        s.put("processes.root", folder.resolve("processes").toString());
        s.put("export.folder", folder.resolve("files").toString());
        // A silent run is called stalled after 30 s, not 3 minutes: a rehearsal has a slow simulated pod, no hung calls.
        s.put(uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterRun.Settings.STALL_AFTER, "30");
        return s;
    }

    /**
     * Stops the services and the database; the console ends its own kubectl processes. The folder's files (the
     * export, the journal, the report) stay for the user to read; they are in the system's temporary folder.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                // The rest must still close.
            }
        }
    }
}
