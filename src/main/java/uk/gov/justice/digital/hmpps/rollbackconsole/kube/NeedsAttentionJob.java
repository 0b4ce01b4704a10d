package uk.gov.justice.digital.hmpps.rollbackconsole.kube;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The daily CronJob {@code hmpps-person-record-recluster-needs-attention-job}: at {@code 0 13 * * *} in prod and
 * {@code 0 13 * * 1-5} in dev and preprod, in the cluster's clock (UTC unless the CronJob names a time zone), it calls
 * the Service's {@code POST /jobs/recluster-needs-attention}, which reclusters every NEEDS_ATTENTION cluster on any
 * pod (perhaps the one the console sends to) and moves the statistics compared before and after a recluster.
 *
 * @param lastScheduled when it last ran; null if never
 */
public record NeedsAttentionJob(String name, String schedule, ZoneId zone, boolean suspended, Instant lastScheduled) {

    /** The release name cut to 26 characters, as the chart names it, plus the job's suffix. */
    public static final String NAME = "hmpps-person-record-recluster-needs-attention-job";
    /** The job's {@code activeDeadlineSeconds}: a run can last this long. */
    public static final Duration LONGEST_RUN = Duration.ofHours(1);
    /** About 3 minutes per 500 records was seen in dev (each record upserted, then reclustered). */
    public static final Duration PER_RECORD = Duration.ofMillis(360);

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("EEE d MMM HH:mm 'UTC'", Locale.UK)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("HH:mm zzz", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    public NeedsAttentionJob {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(zone, "zone");
        cron(schedule);
    }

    /** Reads the CronJob; empty when the namespace has none. */
    static Optional<NeedsAttentionJob> read(Kubectl kubectl) throws KubectlException {
        JsonNode job;
        try {
            job = kubectl.json(kubectl.getJson("cronjob", NAME));
        } catch (KubectlException e) {
            if (e.reason() == KubectlException.Reason.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
        JsonNode spec = job.path("spec");
        String zone = spec.path("timeZone").asText("");
        String last = job.path("status").path("lastScheduleTime").asText("");
        try {
            return Optional.of(new NeedsAttentionJob(NAME, spec.path("schedule").asText(""),
                    zone.isEmpty() ? ZoneOffset.UTC : ZoneId.of(zone), spec.path("suspend").asBoolean(false),
                    last.isEmpty() ? null : Instant.parse(last)));
        } catch (RuntimeException e) {
            throw new KubectlException(KubectlException.Reason.UNEXPECTED_OUTPUT, "The CronJob " + NAME
                    + " has a schedule or time zone the console cannot read: " + e.getMessage(), "");
        }
    }

    /** How long a recluster of this many records may take, at the pace seen in dev. */
    public static Duration estimate(long records) {
        return PER_RECORD.multipliedBy(Math.max(0, records));
    }

    /** Its next run after {@code now}, in its own clock; empty when suspended. */
    public Optional<Instant> nextRun(Instant now) {
        if (suspended) {
            return Optional.empty();
        }
        BitSet[] fields = cron(schedule);
        ZonedDateTime t = now.atZone(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        for (int i = 0; i < 60 * 24 * 8; i++, t = t.plusMinutes(1)) {
            int dow = t.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : t.getDayOfWeek().getValue();
            if (fields[0].get(t.getMinute()) && fields[1].get(t.getHour()) && fields[2].get(t.getDayOfMonth())
                    && fields[3].get(t.getMonthValue()) && fields[4].get(dow)) {
                return Optional.of(t.toInstant());
            }
        }
        return Optional.empty();
    }

    /**
     * A warning when the job's next run falls within a recluster starting {@code start} and lasting about
     * {@code estimated}, or when its last run may still be going; empty otherwise.
     */
    public Optional<String> overlap(Instant start, Duration estimated) {
        Instant end = start.plus(estimated);
        if (lastScheduled != null && lastScheduled.plus(LONGEST_RUN).isAfter(start) && !lastScheduled.isAfter(start)) {
            return Optional.of(name + " started at " + when(lastScheduled) + " and may still be running (up to an hour):"
                    + " it reclusters every NEEDS_ATTENTION cluster on any pod, perhaps the one you send to, and moves"
                    + " the statistics compared afterwards. Send after " + when(lastScheduled.plus(LONGEST_RUN))
                    + ", or once its pod is gone.");
        }
        return nextRun(start).filter(next -> next.isBefore(end)).map(next -> name + " runs next at " + when(next)
                + ", within this run's estimated " + minutes(estimated) + ": it reclusters every NEEDS_ATTENTION"
                + " cluster on any pod, perhaps the one you send to, and moves the statistics compared afterwards."
                + " Send after its run (it may last up to an hour: after " + when(next.plus(LONGEST_RUN))
                + "), or early enough to finish before it.");
    }

    /** An instant as the job's facts say it: "Tue 10 Jun 13:00 UTC (14:00 BST)". */
    static String when(Instant at) {
        return UTC.format(at) + " (" + UK.format(at) + ")";
    }

    private static String minutes(Duration d) {
        long m = Math.max(1, (d.toSeconds() + 59) / 60);
        return m >= 60 ? m / 60 + " h " + m % 60 + " min" : m + " min";
    }

    // minute hour day-of-month month day-of-week: numbers, *, ranges, lists and steps, as Kubernetes reads them.
    private static BitSet[] cron(String schedule) {
        String[] parts = schedule.trim().split("\\s+");
        if (parts.length != 5) {
            throw new IllegalArgumentException("the schedule \"" + schedule + "\" is not five cron fields");
        }
        int[][] ranges = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 7}};
        BitSet[] fields = new BitSet[5];
        for (int f = 0; f < 5; f++) {
            fields[f] = new BitSet();
            for (String term : parts[f].split(",")) {
                int step = 1;
                String range = term;
                if (term.contains("/")) {
                    step = Integer.parseInt(term.substring(term.indexOf('/') + 1));
                    range = term.substring(0, term.indexOf('/'));
                }
                int lo;
                int hi;
                if (range.equals("*")) {
                    lo = ranges[f][0];
                    hi = ranges[f][1];
                } else if (range.contains("-")) {
                    lo = Integer.parseInt(range.substring(0, range.indexOf('-')));
                    hi = Integer.parseInt(range.substring(range.indexOf('-') + 1));
                } else {
                    lo = Integer.parseInt(range);
                    hi = term.contains("/") ? ranges[f][1] : lo;
                }
                for (int v = lo; v <= hi; v += step) {
                    fields[f].set(v);
                }
            }
        }
        if (fields[4].get(7)) {
            fields[4].set(0);
        }
        return fields;
    }
}
