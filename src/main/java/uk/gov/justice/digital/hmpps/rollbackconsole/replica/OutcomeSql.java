package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

/**
 * The statements of the outcome analysis: where the exported records are now, how many records the clusters they
 * left still hold, the records of the clusters a recluster merged, their merge events, the affected records by hour
 * and the review queue. Identifiers only; every list of ids is one bound array ({@code = any(?)}), so a batch is one
 * statement whatever its size, and nothing is ever written (a read-only replica has no temporary tables).
 */
final class OutcomeSql {

    private OutcomeSql() {
    }

    /** The id column that names a record in its source system; nothing else of person. */
    static final String SOURCE_SYSTEM_ID = """
            case p.source_system
              when 'DELIUS' then p.crn
              when 'NOMIS' then p.prison_number
              when 'COMMON_PLATFORM' then p.defendant_id
              when 'LIBRA' then p.c_id
            end""";

    /**
     * The cluster each of a batch of records is in now. Four arrays, one a source system, each compared with the
     * column that holds that system's ids. A record merged away into another (merged_to set) is reported as such.
     */
    static final String CURRENT_CLUSTERS = """
            select p.source_system,
                   %s as source_system_id,
                   pk.person_uuid,
                   pk.status,
                   pk.status_reason,
                   p.merged_to is not null as merged_away
            from personrecordservice.person p
            left join personrecordservice.person_key pk on pk.id = p.fk_person_key_id
            where (p.source_system = 'NOMIS' and p.prison_number = any(?))
               or (p.source_system = 'DELIUS' and p.crn = any(?))
               or (p.source_system = 'COMMON_PLATFORM' and p.defendant_id = any(?))
               or (p.source_system = 'LIBRA' and p.c_id = any(?))
            """.formatted(SOURCE_SYSTEM_ID);

    /** How many records each of some clusters holds now; a cluster no longer in person_key gives no row. */
    static final String RECORDS_NOW = """
            select pk.person_uuid, count(p.id) as records
            from personrecordservice.person_key pk
            left join personrecordservice.person p on p.fk_person_key_id = pk.id
            where pk.person_uuid = any(?)
            group by pk.person_uuid
            """;

    /** The records some clusters hold now, by source system and id, in a stable order. */
    static final String RECORDS_OF_CLUSTERS = """
            select person_uuid, source_system, source_system_id
            from (select pk.person_uuid,
                         p.source_system,
                         %s as source_system_id
                  from personrecordservice.person_key pk
                  join personrecordservice.person p on p.fk_person_key_id = pk.id
                  where pk.person_uuid = any(?)) r
            order by person_uuid, source_system collate "C", source_system_id collate "C"
            """.formatted(SOURCE_SYSTEM_ID);

    /**
     * The moves logged for some records between two bounds: the bad release's and the recluster's alike
     * (CPR_RECLUSTER_RECORD_MERGED). The bounds come first, as the window binds them.
     */
    static final String MERGE_EVENTS = """
            select source_system, source_system_id, person_uuid, event_timestamp
            from personrecordservice.event_log
            where event_timestamp >= ? and event_timestamp < ?
              and event_type = 'CPR_RECLUSTER_RECORD_MERGED'
              and source_system_id = any(?)
            order by event_timestamp, id
            """;

    /** The affected records by the hour of their first event in the window, by source system. */
    static final String AFFECTED_BY_HOUR = """
            select date_trunc('hour', first_event) as hour, source_system, count(*) as records
            from (select source_system, source_system_id, min(event_timestamp) as first_event
                  from personrecordservice.event_log
                  where event_timestamp >= ? and event_timestamp < ?
                    and event_type in ('CPR_RECORD_CREATED', 'CPR_RECORD_UPDATED')
                  group by source_system, source_system_id) r
            group by 1, 2
            order by hour, source_system collate "C"
            """;

    /** Whether the replica has the review queue's tables (an older schema has not). */
    static final String REVIEW_QUEUE_EXISTS = """
            select to_regclass('personrecordservice.review') is not null
               and to_regclass('personrecordservice.review_cluster_link') is not null
            """;

    /** The open review rows of some clusters: when each was raised, and whether the cluster is its primary. */
    static final String REVIEW_QUEUE = """
            select pk.person_uuid, r.id as review_id, r.created_at, l.cluster_type
            from personrecordservice.person_key pk
            join personrecordservice.review_cluster_link l on l.fk_person_key_id = pk.id
            join personrecordservice.review r on r.id = l.fk_review_id
            where pk.person_uuid = any(?) and r.resolved_at is null
            order by pk.person_uuid, r.created_at, r.id
            """;
}
