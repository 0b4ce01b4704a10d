package uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * What the rehearsal's simulated recluster does to its replica, for the Outcome step to find, roughly as the real
 * one does: the records of some clusters are merged into a neighbour's cluster, one record of some others is split
 * off into a cluster of its own (each move logged as CPR_RECLUSTER_RECORD_MERGED), most NEEDS_ATTENTION clusters
 * become ACTIVE, and those left keep BROKEN_CLUSTER or turn OVERRIDE_CONFLICT, in the review queue. Which clusters
 * is decided by their id, so a rehearsal's outcome is the same every time. Only the records of the run count.
 */
final class SimulatedReclusterEffects {

    /** The clusters of the records the run reclustered; the four arrays are the same ids. */
    private static final String TOUCHED = "select distinct fk_person_key_id from personrecordservice.person"
            + " where fk_person_key_id is not null and (crn = any(?) or prison_number = any(?) or defendant_id = any(?)"
            + " or c_id = any(?))";

    private static final String SOURCE_SYSTEM_ID = "case p.source_system when 'DELIUS' then p.crn when 'NOMIS' then"
            + " p.prison_number when 'COMMON_PLATFORM' then p.defendant_id when 'LIBRA' then p.c_id end";

    private static final String LOG_MOVES = "insert into personrecordservice.event_log (source_system_id,"
            + " source_system, person_uuid, match_id, uuid_status_type, event_type)"
            + " select " + SOURCE_SYSTEM_ID + ", p.source_system, pk.person_uuid, p.match_id, pk.status,"
            + " 'CPR_RECLUSTER_RECORD_MERGED' from personrecordservice.person p"
            + " join personrecordservice.person_key pk on pk.id = p.fk_person_key_id where p.id = any(?)";

    // Cluster k+1's records join cluster k, for every seventh cluster k the run touched.
    private static final String MERGE = "with pairs as (select t.fk_person_key_id as into_id from (" + TOUCHED + ") t"
            + " where t.fk_person_key_id % 7 = 1)"
            + " update personrecordservice.person p set fk_person_key_id = pairs.into_id from pairs"
            + " where p.fk_person_key_id = pairs.into_id + 1 returning p.id";

    // Every eleventh cluster touched gives its last record a cluster of its own (once: the new uuid is fixed).
    private static final String SPLIT_NEW_CLUSTERS = "insert into personrecordservice.person_key (person_uuid, status)"
            + " select md5('rehearsal-split-' || t.fk_person_key_id)::uuid, 'ACTIVE' from (" + TOUCHED + ") t"
            + " where t.fk_person_key_id % 11 = 2 and (select count(*) from personrecordservice.person p"
            + " where p.fk_person_key_id = t.fk_person_key_id) >= 2 and not exists (select 1 from"
            + " personrecordservice.person_key k where k.person_uuid = md5('rehearsal-split-' || t.fk_person_key_id)::uuid)"
            + " returning person_uuid";

    private static final String SPLIT_MOVE = "update personrecordservice.person p set fk_person_key_id = n.id"
            + " from personrecordservice.person_key n, personrecordservice.person_key old"
            + " where n.person_uuid = any(?) and n.person_uuid = md5('rehearsal-split-' || old.id)::uuid"
            + " and p.fk_person_key_id = old.id and p.id = (select max(q.id) from personrecordservice.person q"
            + " where q.fk_person_key_id = old.id) returning p.id";

    private static final String SETTLE = "update personrecordservice.person_key set status = 'ACTIVE',"
            + " status_reason = null where status = 'NEEDS_ATTENTION' and id % 3 <> 0 and id in (" + TOUCHED + ")";

    private static final String OVERRIDE_CONFLICT = "update personrecordservice.person_key"
            + " set status_reason = 'OVERRIDE_CONFLICT' where status = 'NEEDS_ATTENTION' and id % 4 = 0"
            + " and id in (" + TOUCHED + ")";

    // Those left wait in the review queue, raised some hours ago (the service's clock: UK wall-clock).
    private static final String QUEUE = "with left_over as (select k.id from personrecordservice.person_key k"
            + " where k.status = 'NEEDS_ATTENTION' and k.id in (" + TOUCHED + ") and not exists (select 1 from"
            + " personrecordservice.review_cluster_link l where l.fk_person_key_id = k.id and l.cluster_type = 'PRIMARY')),"
            + " raised as (insert into personrecordservice.review (created_at) select"
            + " (now() at time zone 'Europe/London') - (l.id % 40 + 1) * interval '1 hour' from left_over l"
            + " returning id, created_at)"
            + " insert into personrecordservice.review_cluster_link (fk_review_id, fk_person_key_id, cluster_type)"
            + " select r.id, l.id, 'PRIMARY' from (select id, row_number() over (order by id) n from raised) r"
            + " join (select id, row_number() over (order by id) n from left_over) l on l.n = r.n";

    private SimulatedReclusterEffects() {
    }

    /** Applies a run's effects for the records {@code ids}, in one transaction. */
    static void apply(Connection c, List<String> ids) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            Array array = c.createArrayOf("text", ids.toArray());
            log(c, moved(c, MERGE, array));
            List<Object> made = new java.util.ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(SPLIT_NEW_CLUSTERS)) {
                touched(s, 1, array);
                try (var rs = s.executeQuery()) {
                    while (rs.next()) {
                        made.add(rs.getObject(1));
                    }
                }
            }
            if (!made.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement(SPLIT_MOVE)) {
                    s.setArray(1, c.createArrayOf("uuid", made.toArray()));
                    log(c, ids(s));
                }
            }
            for (String sql : List.of(SETTLE, OVERRIDE_CONFLICT, QUEUE)) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    touched(s, 1, array);
                    s.executeUpdate();
                }
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static List<Long> moved(Connection c, String sql, Array ids) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            touched(s, 1, ids);
            return ids(s);
        }
    }

    private static List<Long> ids(PreparedStatement s) throws SQLException {
        List<Long> moved = new java.util.ArrayList<>();
        try (var rs = s.executeQuery()) {
            while (rs.next()) {
                moved.add(rs.getLong(1));
            }
        }
        return moved;
    }

    private static void log(Connection c, List<Long> personIds) throws SQLException {
        if (personIds.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(LOG_MOVES)) {
            s.setArray(1, c.createArrayOf("bigint", personIds.toArray()));
            s.executeUpdate();
        }
    }

    private static void touched(PreparedStatement s, int from, Array ids) throws SQLException {
        for (int i = from; i < from + 4; i++) {
            s.setArray(i, ids);
        }
    }
}
