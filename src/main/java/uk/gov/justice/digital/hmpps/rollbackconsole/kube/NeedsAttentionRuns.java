package uk.gov.justice.digital.hmpps.rollbackconsole.kube;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Did the daily needs-attention job run while our recluster ran? Read from the Jobs its CronJob left (the chart
 * keeps the last 2 that succeeded and the last that failed, for 4 days) and from the CronJob's own
 * {@code lastScheduleTime}; a Job made by hand from the CronJob ({@code kubectl create job --from=cronjob/...}, the
 * service's runbook 005) counts too, though the CronJob's status does not record it. The Job's curl returns as soon
 * as the service has started the work in the background, so a run's work goes on on a pod after its Job completed:
 * up to an hour ({@link NeedsAttentionJob#LONGEST_RUN}) is assumed.
 */
public final class NeedsAttentionRuns {

    public enum Verdict {
        /** A run started during the recluster window. */
        RAN,
        /** A run started in the hour before it: its work may still have been going on. */
        MAY_HAVE_RUN,
        /** No run started during it or the hour before, and the cluster keeps enough to tell. */
        DID_NOT_RUN,
        /** The runs that would tell are no longer kept, or nothing could be read. */
        UNKNOWN
    }

    /** One Job of the CronJob: when it started and, if it has, when it completed and how. */
    public record Run(String name, Instant started, Instant completed, boolean failed) {
        public Run {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(started, "started");
        }
    }

    /** What was found for a window, in one or two sentences for the journal and the report. */
    public record Finding(Instant from, Instant to, Verdict verdict, String text) {
        public Finding {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(text, "text");
        }
    }

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.UK)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("HH:mm zzz", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    private NeedsAttentionRuns() {
    }

    /** The CronJob's Jobs, oldest first: those it owns, and those named after it (made by hand from it). */
    static List<Run> read(Kubectl kubectl) throws KubectlException {
        JsonNode list = kubectl.json(kubectl.run(List.of("get", "jobs", "-o", "json")));
        List<Run> runs = new ArrayList<>();
        for (JsonNode job : list.path("items")) {
            String name = job.path("metadata").path("name").asText("");
            boolean owned = false;
            for (JsonNode owner : job.path("metadata").path("ownerReferences")) {
                owned |= "CronJob".equals(owner.path("kind").asText()) && NeedsAttentionJob.NAME.equals(owner.path("name").asText());
            }
            String start = job.path("status").path("startTime").asText("");
            if (!(owned || name.startsWith(NeedsAttentionJob.NAME + "-")) || start.isEmpty()) {
                continue;
            }
            String done = job.path("status").path("completionTime").asText("");
            boolean failed = job.path("status").path("failed").asInt(0) > 0 && done.isEmpty()
                    && job.path("status").path("active").asInt(0) == 0;
            runs.add(new Run(name, Instant.parse(start), done.isEmpty() ? null : Instant.parse(done), failed));
        }
        runs.sort(Comparator.comparing(Run::started));
        return runs;
    }

    /**
     * Whether the job ran during {@code [from, to]}, from its runs still kept, the CronJob's last schedule time and its
     * schedule (which says whether a run was due at all).
     */
    public static Finding during(Instant from, Instant to, Optional<NeedsAttentionJob> job, List<Run> runs) {
        if (job.isEmpty() && runs.isEmpty()) {
            return new Finding(from, to, Verdict.DID_NOT_RUN, "There is no CronJob " + NeedsAttentionJob.NAME
                    + " in the namespace, and no Job of it.");
        }
        List<Instant> starts = new ArrayList<>(runs.stream().map(Run::started).toList());
        job.map(NeedsAttentionJob::lastScheduled).filter(Objects::nonNull).filter(t -> !starts.contains(t))
                .ifPresent(starts::add);
        starts.sort(Comparator.naturalOrder());
        String window = "the recluster window " + when(from) + " to " + when(to);
        List<Instant> during = starts.stream().filter(t -> !t.isBefore(from) && !t.isAfter(to)).toList();
        if (!during.isEmpty()) {
            return new Finding(from, to, Verdict.RAN, NeedsAttentionJob.NAME + " ran during " + window + ": started "
                    + String.join(", ", during.stream().map(NeedsAttentionRuns::when).toList()) + ". It reclusters"
                    + " every NEEDS_ATTENTION cluster on any pod, so the statistics after the recluster moved for it"
                    + " as well as for the recluster.");
        }
        Instant hourBefore = from.minus(NeedsAttentionJob.LONGEST_RUN);
        List<Instant> before = starts.stream().filter(t -> t.isBefore(from) && t.isAfter(hourBefore)).toList();
        if (!before.isEmpty()) {
            return new Finding(from, to, Verdict.MAY_HAVE_RUN, NeedsAttentionJob.NAME + " started at "
                    + when(before.get(before.size() - 1)) + ", less than an hour before " + window + ": the service"
                    + " goes on with its work after the Job ends, so it may have run during the recluster and moved the"
                    + " statistics compared afterwards.");
        }
        Optional<Instant> due = job.flatMap(j -> j.nextRun(from.minusSeconds(60))).filter(t -> !t.isAfter(to));
        boolean keptFromBefore = starts.stream().anyMatch(t -> !t.isAfter(hourBefore));
        if (due.isPresent() && !keptFromBefore) {
            return new Finding(from, to, Verdict.UNKNOWN, NeedsAttentionJob.NAME + " was due at " + when(due.get())
                    + ", during " + window + ", but the cluster no longer keeps a run from then (it keeps the last"
                    + " two for four days): whether it ran cannot be told from here.");
        }
        String last = starts.isEmpty() ? "no run of it is kept"
                : "its runs kept started " + String.join(", ", starts.stream().map(NeedsAttentionRuns::when).toList());
        if (due.isPresent()) {
            return new Finding(from, to, Verdict.DID_NOT_RUN, NeedsAttentionJob.NAME + " was due at " + when(due.get())
                    + " but did not run during " + window + " (" + last + ").");
        }
        return new Finding(from, to, Verdict.DID_NOT_RUN, NeedsAttentionJob.NAME + " did not run during " + window
                + " (" + last + "; none was due).");
    }

    /** Reads the CronJob and its Jobs and says whether it ran during {@code [from, to]}. */
    public static Finding during(Kubectl kubectl, Instant from, Instant to) throws KubectlException {
        return during(from, to, kubectl.needsAttentionJob(), read(kubectl));
    }

    static String when(Instant at) {
        return UTC.format(at) + " (" + UK.format(at) + ")";
    }
}
