package uk.gov.justice.digital.hmpps.rollbackconsole.outcome;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.OutstandingCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.OutstandingClusters;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ClusterLookup;

/**
 * Every outstanding cluster with its path, ordered by what a person should look at first: those only a person can
 * resolve, longest waiting first, then those with an unknown reason, then those the daily job may still heal.
 *
 * @param reviewQueue whether the replica has the review queue's tables at all
 */
public record ClusterPaths(List<ClusterPath> paths, boolean reviewQueue, Instant takenAt) {

    /** The service writes review.created_at with its own clock: the UK's. */
    static final ZoneId SERVICE_CLOCK = ZoneId.of("Europe/London");

    public ClusterPaths {
        paths = List.copyOf(paths);
        Objects.requireNonNull(takenAt, "takenAt");
    }

    public long count(ClusterPath.Path path) {
        return paths.stream().filter(p -> p.path() == path).count();
    }

    /** The counts the journal keeps of this reading. */
    public uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.PathsTaken journalEntry() {
        return new uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.PathsTaken(takenAt,
                paths.size(), count(ClusterPath.Path.PERSON_MUST_ACT), count(ClusterPath.Path.PERSON_SHOULD_LOOK),
                count(ClusterPath.Path.MAY_HEAL), inQueue());
    }

    public long inQueue() {
        return paths.stream().filter(ClusterPath::inReviewQueue).count();
    }

    /** The manage UI's page of a cluster: {@code BASE/cluster/UUID}; empty when no base URL is set. */
    public static Optional<String> link(String manageUiBase, UUID personUuid) {
        if (manageUiBase == null || manageUiBase.isBlank() || personUuid == null) {
            return Optional.empty();
        }
        String base = manageUiBase.trim();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return Optional.of(base + "/cluster/" + personUuid);
    }

    /** Whether {@code text} can serve as the manage UI's base URL (http or https, with a host). */
    public static boolean validBase(String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        try {
            URI u = URI.create(text.trim());
            return ("https".equals(u.getScheme()) || "http".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static ClusterPaths of(OutstandingClusters outstanding, boolean reviewQueue, List<ClusterLookup.QueueRow> rows,
                           Instant takenAt, String manageUiBase) {
        Map<UUID, ClusterLookup.QueueRow> firstRow = new HashMap<>();
        for (ClusterLookup.QueueRow r : rows) {
            firstRow.putIfAbsent(r.personUuid(), r); // oldest open review first (the query's order)
        }
        LocalDateTime now = LocalDateTime.ofInstant(takenAt, SERVICE_CLOCK);
        List<ClusterPath> paths = new ArrayList<>();
        for (OutstandingCluster c : outstanding.clusters()) {
            ClusterLookup.QueueRow row = c.personUuid() == null ? null : firstRow.get(c.personUuid());
            Optional<LocalDateTime> raised = Optional.ofNullable(row).map(ClusterLookup.QueueRow::raisedAt);
            paths.add(new ClusterPath(c, ClusterPath.Path.of(c.statusReason()), row != null,
                    row == null ? null : row.clusterType(), raised,
                    raised.map(at -> Duration.between(at, now)), link(manageUiBase, c.personUuid())));
        }
        paths.sort(Comparator.comparing(ClusterPath::path)
                .thenComparing(p -> p.raisedAt().orElse(LocalDateTime.MAX))
                .thenComparing(Comparator.comparingLong((ClusterPath p) -> p.cluster().records()).reversed())
                .thenComparing(p -> p.personUuid() == null ? "" : p.personUuid().toString()));
        return new ClusterPaths(paths, reviewQueue, takenAt);
    }
}
