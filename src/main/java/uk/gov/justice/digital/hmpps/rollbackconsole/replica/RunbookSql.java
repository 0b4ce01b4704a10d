package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

/**
 * The runbook's queries, bounded above by the preview's as-of instant. Every statement the console sends is here:
 * the window's bounds are always bind parameters (timestamp without time zone, wall-clock time in event_log's
 * clock: UK time on the real service, see EventClock), and only
 * identifiers are selected, never the personal-data columns that sit beside them.
 */
final class RunbookSql {

    private RunbookSql() {
    }

    /** The two event types a bad deployment's writes show up as; everything else is left alone. */
    static final String AFFECTED_EVENTS = "event_type in ('CPR_RECORD_CREATED', 'CPR_RECORD_UPDATED')"
            + " and event_timestamp >= ? and event_timestamp < ?";

    /** Affected events between two wall-clock readings: what a window takes in at a repeated hour. */
    static final String AFFECTED_EVENTS_COUNT =
            "select count(*) from personrecordservice.event_log where " + AFFECTED_EVENTS;

    /** The newest event and the replica's clock, read in one statement: which clock event_log follows. */
    static final String CLOCK_READING =
            "select (select max(event_timestamp) from personrecordservice.event_log), now()";

    // Byte order, so that the same data gives the same file whatever the server's collation. Grouped in that
    // order too, so the server sorts the window once instead of twice (equal text is equal bytes either way).
    static final String DISTINCT_RECORDS = """
            select source_system collate "C" as source_system,
                   source_system_id collate "C" as source_system_id,
                   count(*) as event_count,
                   max(event_timestamp) as last_event,
                   (array_agg(person_uuid order by event_timestamp desc, id desc))[1] as person_uuid
            from personrecordservice.event_log
            where %s
            group by source_system collate "C", source_system_id collate "C"
            order by source_system collate "C", source_system_id collate "C"
            """.formatted(AFFECTED_EVENTS);

    // In the order the events were stored: by event_timestamp, then id for the rows of one instant. That is the
    // order of the index the window is read through, so the server sorts only rows of equal timestamps (an
    // incremental sort) where "order by id" made it sort the whole window, or walk the primary key through the
    // whole table. In a repeated hour (autumn) the two hours' rows interleave by their wall-clock reading.
    static final String ONE_ROW_PER_EVENT = """
            select source_system,
                   source_system_id,
                   1 as event_count,
                   event_timestamp as last_event,
                   person_uuid
            from personrecordservice.event_log
            where %s
            order by event_timestamp, id
            """.formatted(AFFECTED_EVENTS);

    static final String COUNTS = """
            select count(*) as events,
                   count(distinct (source_system, source_system_id)) as distinct_records,
                   count(distinct person_uuid) as distinct_clusters
            from personrecordservice.event_log
            where %s
            """.formatted(AFFECTED_EVENTS);

    // The runbook's cluster status statistics, restricted to the window.
    static final String CLUSTER_STATISTICS = """
            with affected_records as (
              select distinct el.source_system_id, el.source_system, el.match_id
              from personrecordservice.event_log el
              where el.%s
            )
            select clusters.status, count(*) as clusters
            from (select distinct pk.id, pk.status
                  from affected_records ar
                  join personrecordservice.person p on ar.match_id = p.match_id
                  join personrecordservice.person_key pk on pk.id = p.fk_person_key_id) clusters
            group by clusters.status
            order by clusters.status collate "C" nulls last
            """.formatted(AFFECTED_EVENTS.replace("event_timestamp", "el.event_timestamp"));

    /**
     * The NEEDS_ATTENTION clusters the window's affected records are in now (reached as the statistics reach them,
     * through match_id and person), one row per record of each: the id column that names a record in its source
     * system, and nothing else of person. A cluster without records still gives one row, with a null
     * source_system. Ordered so that the same data gives the same list and files.
     */
    static final String OUTSTANDING_CLUSTER_RECORDS = """
            with affected_records as (
              select distinct el.match_id
              from personrecordservice.event_log el
              where el.%s
            ),
            outstanding as (
              select distinct pk.id
              from affected_records ar
              join personrecordservice.person p on ar.match_id = p.match_id
              join personrecordservice.person_key pk on pk.id = p.fk_person_key_id
              where pk.status = 'NEEDS_ATTENTION'
            ),
            outstanding_records as (
              select r.fk_person_key_id,
                     r.source_system,
                     case r.source_system
                       when 'DELIUS' then r.crn
                       when 'NOMIS' then r.prison_number
                       when 'COMMON_PLATFORM' then r.defendant_id
                       when 'LIBRA' then r.c_id
                     end as source_system_id
              from personrecordservice.person r
              where r.fk_person_key_id in (select id from outstanding)
            )
            select pk.id as cluster_id,
                   pk.person_uuid,
                   pk.status_reason,
                   o_r.source_system,
                   o_r.source_system_id
            from outstanding o
            join personrecordservice.person_key pk on pk.id = o.id
            left join outstanding_records o_r on o_r.fk_person_key_id = pk.id
            order by pk.person_uuid nulls last, pk.id, o_r.source_system collate "C", o_r.source_system_id collate "C"
            """.formatted(AFFECTED_EVENTS.replace("event_timestamp", "el.event_timestamp"));

    static final String NEEDS_ATTENTION_IN_REPLICA =
            "select count(*) from personrecordservice.person_key where status = 'NEEDS_ATTENTION'";

    static final String REPEATABLE_READ = "set transaction isolation level repeatable read";

    static final String NOW = "select now()";

    /** Replication lag as the standby sees it; the last three are null on a primary. */
    static final String LAG = "select pg_is_in_recovery(), now(), pg_last_xact_replay_timestamp(),"
            + " pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()";

    static final String SERVER_VERSION = "show server_version";

    static final String IN_RECOVERY = "select pg_is_in_recovery()";

    static final String SCHEMA_EXISTS = "select exists (select 1 from pg_catalog.pg_namespace where nspname = ?)";

    static final String COLUMNS = """
            select c.relname, a.attname, has_table_privilege(c.oid, 'SELECT') as readable
            from pg_catalog.pg_class c
            join pg_catalog.pg_namespace n on n.oid = c.relnamespace
            join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
            where n.nspname = ? and c.relname in ('event_log', 'person', 'person_key')
              and c.relkind in ('r', 'p', 'v', 'm', 'f')
            """;

    /** reltuples is -1 (PostgreSQL 14+) or 0 with no pages (older) until the table is first vacuumed or analysed. */
    static final String EVENT_LOG_ESTIMATE = """
            select c.reltuples::float8, c.relpages
            from pg_catalog.pg_class c
            join pg_catalog.pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'personrecordservice' and c.relname = 'event_log'
            """;

    static final long EVENT_LOG_COUNT_CAP = 1_000_000;

    static final String EVENT_LOG_BOUNDED_COUNT =
            "select count(*) from (select 1 from personrecordservice.event_log limit " + EVENT_LOG_COUNT_CAP + ") s";
}
