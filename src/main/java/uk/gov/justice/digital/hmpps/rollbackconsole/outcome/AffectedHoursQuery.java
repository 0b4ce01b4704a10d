package uk.gov.justice.digital.hmpps.rollbackconsole.outcome;

import java.util.Objects;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ClusterLookup;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.Replica;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ReplicaQuery;

/** The affected records of a window by hour: one grouped statement, a row per hour and source system. */
public final class AffectedHoursQuery {

    private AffectedHoursQuery() {
    }

    public static ReplicaQuery<AffectedHours> of(Replica replica, AffectedWindow window) {
        Objects.requireNonNull(window, "window");
        return ClusterLookup.inOneSnapshot(replica,
                session -> new AffectedHours(window, session.affectedByHour(window), session.takenAt()));
    }
}
