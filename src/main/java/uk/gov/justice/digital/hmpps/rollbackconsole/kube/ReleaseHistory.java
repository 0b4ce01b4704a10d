package uk.gov.justice.digital.hmpps.rollbackconsole.kube;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A deployment's releases as the cluster keeps them: Helm's records of the last 10 deploys, merged with the three
 * ReplicaSets the chart keeps ({@code revisionHistoryLimit: 2}), newest first, and where that history ends. Without
 * Helm's records (no permission to read secrets, or none there) only the ReplicaSets are listed, and it says so.
 *
 * @param helmUnread why Helm's records were not used; empty when they were
 */
public record ReleaseHistory(String deployment, List<Release> releases, String helmUnread) {

    /** A ReplicaSet is created a moment after Helm applies the deployment; this much later still matches. */
    static final Duration MATCH_WINDOW = Duration.ofMinutes(15);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    public ReleaseHistory {
        Objects.requireNonNull(deployment, "deployment");
        releases = List.copyOf(releases);
        helmUnread = helmUnread == null ? "" : helmUnread;
    }

    public boolean fromHelm() {
        return helmUnread.isEmpty();
    }

    /** The oldest release the cluster still records. */
    public Optional<Release> oldest() {
        return releases.isEmpty() ? Optional.empty() : Optional.of(releases.get(releases.size() - 1));
    }

    /** Where the history ends, and what to do about a bad release older than that. */
    public String end() {
        String source = fromHelm()
                ? "Helm keeps the last 10 releases of " + deployment
                : "Only the ReplicaSets of " + deployment + " are listed (" + helmUnread + "); the chart keeps the one"
                  + " running and two before it";
        return source + oldest().map(r -> ": the oldest kept is revision " + r.revision() + " (" + r.tag() + "), started "
                + UTC.format(r.created()) + " (" + UK.format(r.created()) + "). An older bad release is not listed:"
                + " type its deployment time.").orElse(": none is recorded. Type the bad release's deployment time.");
    }

    /**
     * Merges Helm's records with the ReplicaSets' releases. A ReplicaSet belongs to the Helm release with its image
     * tag deployed last before it was created (a rollback to an earlier tag may reuse an old ReplicaSet, so a tag
     * alone is not enough); each release starts at the earlier of the two times.
     */
    static ReleaseHistory merge(String deployment, List<Release> fromReplicaSets, List<HelmRelease> helm) {
        List<HelmRelease> records = helm.stream().sorted(Comparator.comparingLong(HelmRelease::version).reversed()).toList();
        Set<Release> matched = new HashSet<>();
        List<Row> rows = new ArrayList<>();
        for (HelmRelease h : records) {
            Release best = null;
            for (Release rs : fromReplicaSets) {
                if (matched.contains(rs) || !rs.tag().equals(h.imageTag())) {
                    continue;
                }
                boolean after = !rs.created().isBefore(h.lastDeployed().minus(Duration.ofMinutes(1)))
                        && !rs.created().isAfter(h.lastDeployed().plus(MATCH_WINDOW));
                if (after && (best == null || rs.created().isBefore(best.created()))) {
                    best = rs;
                }
            }
            if (best != null) {
                matched.add(best);
            }
            rows.add(new Row(best, h));
        }
        for (Release rs : fromReplicaSets) {
            if (!matched.contains(rs)) {
                rows.add(new Row(rs, null));
            }
        }
        rows.sort(Comparator.comparing(Row::start).reversed());
        List<Release> releases = new ArrayList<>();
        Instant next = null;
        for (Row r : rows) {
            Instant start = r.start();
            boolean current = r.h() != null ? "deployed".equals(r.h().status()) : r.rs().current() && records.isEmpty();
            Duration ran = current || next == null ? null : Duration.between(start, next);
            if (r.h() == null) {
                releases.add(new Release(deployment, records.isEmpty() ? r.rs().revision() : 0, r.rs().replicaSet(),
                        r.rs().images(), start, ran, current, r.rs().replicas(), Release.Kept.REPLICA_SET,
                        r.rs().deploymentRevision(), ""));
            } else if (r.rs() == null) {
                releases.add(new Release(deployment, r.h().version(), "", List.of(r.h().imageTag()), start, ran, current,
                        0, Release.Kept.HELM, 0, r.h().status()));
            } else {
                releases.add(new Release(deployment, r.h().version(), r.rs().replicaSet(), r.rs().images(), start, ran,
                        current, r.rs().replicas(), Release.Kept.HELM_AND_REPLICA_SET, r.rs().deploymentRevision(),
                        r.h().status()));
            }
            // A failed deploy did not replace what ran before it.
            if (r.h() == null || !"failed".equals(r.h().status())) {
                next = start;
            }
        }
        return new ReleaseHistory(deployment, releases, "");
    }

    static ReleaseHistory replicaSetsOnly(String deployment, List<Release> fromReplicaSets, String why) {
        return new ReleaseHistory(deployment, fromReplicaSets, why);
    }

    /** A ReplicaSet, a Helm record, or both: one release. */
    private record Row(Release rs, HelmRelease h) {
        Instant start() {
            if (h == null) {
                return rs.created();
            }
            return rs == null || h.lastDeployed().isBefore(rs.created()) ? h.lastDeployed() : rs.created();
        }
    }
}
