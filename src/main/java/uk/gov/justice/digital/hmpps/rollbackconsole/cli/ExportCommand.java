package uk.gov.justice.digital.hmpps.rollbackconsole.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecordTally;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.ClockReading;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.EventClock;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Cutoff;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.CutoffInput;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.CutoffParser;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Kubectl;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.KubectlException;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Release;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportException;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportResult;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportVerifier;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.RunbookJsonExport;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.VerifyResult;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ConnectFailure;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ConnectionSettings;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.Replica;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ReplicaLag;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.SslMode;

/**
 * {@code rollback-console export}: connect, take the cutoff, stream the affected records straight into the file.
 * Memory does not grow with the row count: nothing is held but the running counts.
 */
final class ExportCommand {

    private static final Set<String> VALUED = Set.of("--host", "--port", "--database", "--user", "--cutoff", "--zone",
            "--out", "--environment", "--sslmode", "--sslrootcert", "--tls-server-name", "--since-release", "--deployment",
            "--context", "--namespace", "--kubectl", "--margin-minutes", "--event-clock", "--max-lag");
    private static final Set<String> FLAGS = Set.of("--distinct", "--per-event", "--overwrite", "--accept-lag");

    private static final java.time.format.DateTimeFormatter WALL_CLOCK =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    ExportCommand(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    int run(List<String> args) throws UsageException {
        Options o = Options.parse(args, VALUED, FLAGS);
        if (o.flag("--distinct") && o.flag("--per-event")) {
            throw new UsageException("--distinct and --per-event exclude each other.");
        }
        RecordMode mode = o.flag("--per-event") ? RecordMode.ONE_ROW_PER_EVENT : RecordMode.DISTINCT_RECORDS;
        Path target = Path.of(o.required("--out"));
        Cutoff cutoff = o.value("--since-release").isPresent() ? fromRelease(o)
                : cutoff(o.required("--cutoff"), o.value("--zone").orElse(CutoffParser.LONDON.getId()));
        ConnectionSettings settings = settings(o);
        java.time.Duration maxLag = ReplicaLag.DEFAULT_THRESHOLD;
        if (o.value("--max-lag").isPresent()) {
            try {
                maxLag = java.time.Duration.ofSeconds(Long.parseLong(o.value("--max-lag").get()));
            } catch (NumberFormatException e) {
                throw new UsageException("--max-lag " + o.value("--max-lag").get() + " is not a number of seconds.");
            }
        }
        Optional<EventClock> chosenClock = Optional.empty();
        if (o.value("--event-clock").isPresent()) {
            String given = o.value("--event-clock").get();
            chosenClock = Optional.of(EventClock.parse(given).orElseThrow(() -> new UsageException(
                    "--event-clock " + given + " is not a clock: use uk (the service's, Europe/London) or utc.")));
        }

        NumberFormat n = NumberFormat.getIntegerInstance(Locale.UK);
        out.println("Cutoff: " + cutoff.describe());
        long started = System.nanoTime();
        try (Replica replica = Replica.connect(settings)) {
            if (!replica.info().inRecovery()) {
                err.println("Warning: " + settings.host() + " is a primary, not a read replica; the queries are read-only.");
            }
            ClockReading reading = replica.info().clock();
            out.println("Event clock: " + reading.explanation());
            Optional<EventClock> detected = reading.detected();
            EventClock clock = chosenClock.orElse(EventClock.SERVICE);
            if (detected.isPresent() && detected.get() != clock) {
                if (chosenClock.isEmpty()) {
                    err.println("rollback-console: the data follows " + detected.get().label() + ", not the service's "
                            + clock.label() + ": nothing was exported. Choose the clock explicitly: --event-clock "
                            + detected.get().name().toLowerCase(Locale.ROOT) + " to follow the data, or --event-clock "
                            + clock.name().toLowerCase(Locale.ROOT) + " to keep the service's clock.");
                    return 1;
                }
                err.println("Warning: the data looks like " + detected.get().label() + ", but --event-clock chose "
                        + clock.label() + ".");
            }
            ReplicaLag lag = replica.lag();
            out.println("Replica lag: " + lag.shortText() + ". " + lag.describe());
            if (lag.beyond(maxLag)) {
                if (!o.flag("--accept-lag")) {
                    err.println("rollback-console: the replica is " + lag.shortText().replace("replica ", "")
                            + ", more than --max-lag " + maxLag.toSeconds() + " s: nothing was exported. Wait for it to"
                            + " catch up, or pass --accept-lag to export up to what it has replayed.");
                    return 1;
                }
                err.println("Warning: the replica is " + lag.shortText().replace("replica ", "")
                        + "; exporting up to its last replayed change (--accept-lag).");
            }
            Instant asOf = lag.trustedUpTo();
            if (!asOf.isAfter(cutoff.instant())) {
                err.println("rollback-console: the cutoff is after the replica's clock (" + asOf + "): nothing to export.");
                return 1;
            }
            AffectedWindow window = new AffectedWindow(cutoff.instant(), asOf, clock);
            out.println("Cutoff compared: " + cutoff.describe(clock));
            out.println("Window: events from " + window.cutoff() + " up to " + window.asOf()
                    + (lag.boundedByReplay() ? " (the replica's last replayed change):" : " (the replica's clock):")
                    + " event_timestamp >= '" + WALL_CLOCK.format(window.lower().value()) + "' and < '"
                    + WALL_CLOCK.format(window.upper().value()) + "' (" + clock.label() + ")");
            if (window.lower().widened() || window.upper().widened()) {
                replica.widening(window).run().describe().ifPresent(out::println);
            }
            AffectedRecordTally tally = new AffectedRecordTally();
            ExportResult result = streamExport(replica, window, mode, target, o.flag("--overwrite"), tally::add);
            VerifyResult verified = ExportVerifier.verify(result, null);
            if (!verified.matches()) {
                err.println("rollback-console: " + result.file() + " was written but does not verify: " + verified.problem());
                return 1;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            out.println("Records: " + n.format(result.records()) + (mode == RecordMode.DISTINCT_RECORDS
                    ? " distinct records" : " rows, one per event") + " from " + n.format(tally.events()) + " events");
            StringBuilder bySystem = new StringBuilder("By source system:");
            for (SourceSystem s : SourceSystem.values()) {
                bySystem.append(' ').append(s.name()).append('=').append(n.format(tally.count(s)));
            }
            out.println(bySystem);
            out.println("Clusters: " + n.format(tally.distinctClusters()) + ", without person_uuid: " + n.format(tally.withoutPersonUuid()));
            out.println("File: " + result.file().toAbsolutePath());
            out.println("SHA-256: " + result.sha256());
            out.printf(Locale.UK, "Time: %.2f s (%s records/s)%n", seconds, n.format(Math.round(result.records() / Math.max(seconds, 1e-9))));
            return 0;
        } catch (ConnectFailure e) {
            err.println("rollback-console: " + e.whatHappened());
            err.println(e.whatToDo());
            return 1;
        } catch (ExportException e) {
            err.println("rollback-console: " + e.getMessage());
            sqlCause(e).ifPresent(sql -> err.println(Replica.describe(sql)));
            return 1;
        } catch (SQLException e) {
            err.println("rollback-console: " + Replica.describe(e));
            return 1;
        } catch (Exception e) {
            err.println("rollback-console: export failed: " + e.getMessage());
            return 1;
        }
    }

    /** Query rows go straight into the file as they arrive; {@code tap} sees each one on the way. */
    static ExportResult streamExport(Replica replica, AffectedWindow window, RecordMode mode, Path target,
                                     boolean overwrite, java.util.function.Consumer<AffectedRecord> tap) throws ExportException {
        return new RunbookJsonExport().write(target, overwrite, sink -> replica.affectedRecordsByCopy(window, mode, r -> {
            tap.accept(r);
            sink.accept(r);
        }).run());
    }

    static java.util.Optional<SQLException> sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return java.util.Optional.of(sql);
            }
        }
        return java.util.Optional.empty();
    }

    /** The cutoff read off the cluster: the creation of the named revision's ReplicaSet, less an optional margin. */
    private Cutoff fromRelease(Options o) throws UsageException {
        if (o.value("--cutoff").isPresent()) {
            throw new UsageException("--cutoff and --since-release exclude each other: give one.");
        }
        String deployment = o.required("--deployment");
        String revision = o.required("--since-release").strip();
        long margin;
        try {
            margin = Long.parseLong(o.value("--margin-minutes").orElse("0"));
        } catch (NumberFormatException e) {
            throw new UsageException("--margin-minutes takes a whole number.");
        }
        if (margin < 0) {
            throw new UsageException("--margin-minutes moves the cutoff earlier; it cannot be negative.");
        }
        try (Kubectl kubectl = ReleasesCommand.kubectl(o)) {
            // The REV that `releases` prints (Helm's revision when Helm's records can be read), or the release's tag.
            List<Release> matching = kubectl.releases(deployment).stream().filter(r -> r.revision() > 0
                    && Long.toString(r.revision()).equals(revision) || r.tag().equals(revision)).toList();
            if (matching.isEmpty()) {
                throw new UsageException(deployment + " has no revision " + revision
                        + ": rollback-console releases lists them, and where its history ends.");
            }
            if (matching.size() > 1) {
                throw new UsageException("the tag " + revision + " of " + deployment + " was deployed more than once"
                        + " (revisions " + String.join(", ", matching.stream().map(r -> Long.toString(r.revision())).toList())
                        + "): give the revision.");
            }
            Release release = matching.get(0);
            if (release.current()) {
                err.println("Warning: revision " + revision + " of " + deployment + " is the one running now: the rollback"
                        + " is not live yet (runbook step 2).");
            }
            java.time.Instant at = release.cutoff(java.time.Duration.ofMinutes(margin));
            out.println("Release: " + release.describe() + (margin > 0 ? ", less " + margin + " min" : ""));
            CutoffInput input = CutoffParser.parse(at.toString(), java.time.ZoneOffset.UTC);
            if (input instanceof CutoffInput.Valid v) {
                return v.cutoff();
            }
            throw new UsageException("the release's creation time " + at + " could not be used as a cutoff.");
        } catch (KubectlException e) {
            throw new UsageException("could not read the releases of " + deployment + ": " + e.getMessage());
        }
    }

    static Cutoff cutoff(String text, String zoneName) throws UsageException {
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneName);
        } catch (RuntimeException e) {
            throw new UsageException("--zone " + zoneName + " is not a time zone: use Europe/London or UTC.");
        }
        CutoffInput input = CutoffParser.parse(text, zone);
        if (input instanceof CutoffInput.Valid v) {
            return v.cutoff();
        }
        if (input instanceof CutoffInput.Ambiguous a) {
            throw new UsageException("--cutoff " + text + " happened twice in " + zone.getId()
                    + " (the clocks went back): give the offset, e.g. " + a.earlier().local() + a.earlier().instant()
                    .atZone(zone).getOffset() + " for the first or " + a.later().local() + a.later().instant()
                    .atZone(zone).getOffset() + " for the second.");
        }
        if (input instanceof CutoffInput.Nonexistent ne) {
            throw new UsageException("--cutoff: " + ne.message());
        }
        if (input instanceof CutoffInput.Invalid i) {
            throw new UsageException("--cutoff: " + i.message());
        }
        throw new UsageException("--cutoff is empty.");
    }

    private ConnectionSettings settings(Options o) throws UsageException {
        String host = o.required("--host");
        int port;
        try {
            port = Integer.parseInt(o.value("--port").orElse("5432"));
        } catch (NumberFormatException e) {
            throw new UsageException("--port " + o.value("--port").orElse("") + " is not a number.");
        }
        Environment environment = Environment.fromLabel(o.value("--environment").orElse("local"))
                .orElseThrow(() -> new UsageException("--environment must be one of local, dev, preprod, prod."));
        SslMode ssl = SslMode.defaultFor(host);
        if (o.value("--sslmode").isPresent()) {
            String wanted = o.value("--sslmode").get();
            ssl = java.util.Arrays.stream(SslMode.values()).filter(m -> m.pgValue().equals(wanted)).findFirst()
                    .orElseThrow(() -> new UsageException("--sslmode " + wanted + " is not one of disable, prefer, require, verify-ca, verify-full."));
        }
        String password = env.get("PGPASSWORD");
        return new ConnectionSettings(host, port, o.required("--database"), o.required("--user"),
                password == null || password.isEmpty() ? null : password.toCharArray(), environment, ssl,
                o.value("--sslrootcert").map(Path::of).orElse(null), o.value("--tls-server-name").orElse(null));
    }
}
