-- A small, exact data set for the replica tests. TestReplica's constants state what the queries must return on
-- it; change the two together. Every name, date of birth, postcode, CRO and PNC below is invented.
--
-- event_timestamp is written as the service writes it: the service's sessions run in Europe/London and the
-- column's DEFAULT CURRENT_TIMESTAMP stores "now" as UK wall-clock time. Each event below is given as an instant
-- (UTC, "+00") and stored through this session's Europe/London zone, the same conversion the default makes: an
-- event at 12:21:55 UTC in June is stored as 13:21:55.
--
-- Windows the tests use (instants in UTC):
--   BST cutoff  2025-06-09 12:21:55     (13:21:55 in London)
--   summer as-of bound 2025-06-09 13:00:00 (14:00:00 in London): an event 10 minutes before it
--   GMT cutoff  2025-11-18 09:05:00     (09:05:00 in London)
--   as-of bound 2025-12-01 00:00:00     (an event exactly there and one just after are outside every window)
--   clock changes 2025-03-30 01:00 (GMT to BST) and 2025-10-26 01:00 (BST to GMT)

set local timezone = 'Europe/London';

create temporary table seed_people (
    person        int primary key,
    first_name    text,
    middle_names  text,
    last_name     text,
    date_of_birth date,
    alias_first   text,
    alias_last    text,
    alias_dob     date,
    postcode      text,
    cro           text,
    pnc           text
) on commit drop;

insert into seed_people values
    (1, 'Tobiah',    'Merrow',  'Quillfeather',    '1971-04-23', 'Tobyah',    'Quilfether',    '1971-04-24', 'ZX1 4QP', '104477/71X', '1991/0104477Z'),
    (2, 'Ismenia',   'Wren',    'Ashgrove-Pellow', '1984-11-02', 'Ismeny',    'Ashgrove',      null,         'ZX2 7LW', '220918/84K', '2002/0220918K'),
    (3, 'Corvinus',  'Hale',    'Brackenridge',    '1966-01-30', 'Corvin',    'Brakenridge',   '1966-01-03', 'ZX3 9DN', '339012/66C', '1985/0339012C'),
    (4, 'Philippa',  'Saffron', 'Yelverton',       '1999-07-17', 'Pippa',     'Yelvertone',    null,         'ZX4 2HB', '447301/99P', '2017/0447301P'),
    (5, 'Oswin',     'Tarrant', 'Fennimore',       '1958-03-09', 'Ozwin',     'Fenimore',      null,         'ZX5 6RT', '558120/58M', '1976/0558120M'),
    (6, 'Marisol',   'Eira',    'Venditti-Crane',  '1990-12-25', 'Marisole',  'Vendetti',      null,         'ZX6 1AJ', '661254/90E', '2008/0661254E'),
    (7, 'Leofric',   'Ambrose', 'Dunstanville',    '1977-05-05', 'Leofrick',  'Dunstanvile',   null,         'ZX7 8UU', '770033/77L', '1995/0770033L'),
    (8, 'Gwenllian', 'Rhos',    'Ap-Tudur',        '2001-02-28', 'Gwenlian',  'Aptudur',       null,         'ZX8 3GG', '880702/01G', '2019/0880702G');

insert into personrecordservice.person_key (id, person_uuid, status, status_reason) values
    (1, '1a1a1a1a-0000-4000-8000-000000000001', 'ACTIVE', null),
    (2, '2b2b2b2b-0000-4000-8000-000000000002', 'ACTIVE', null),
    (3, '3c3c3c3c-0000-4000-8000-000000000003', 'NEEDS_ATTENTION', 'BROKEN_CLUSTER'),
    (4, '4d4d4d4d-0000-4000-8000-000000000004', 'NEEDS_ATTENTION', 'OVERRIDE_CONFLICT'),
    (5, '5e5e5e5e-0000-4000-8000-000000000005', 'MERGED', null),            -- legacy status
    (6, '6f6f6f6f-0000-4000-8000-000000000006', 'ACTIVE', null),            -- no affected record in any window
    (7, '7a7a7a7a-0000-4000-8000-000000000007', 'RECLUSTER_MERGE', null);   -- legacy; only reached past the as-of bound

-- One row per source record; person.id is the record number the event list below refers to (9 is unused).
-- Cluster membership is the current one: record 6 moved from cluster 2 to cluster 4, record 8 is in none.
create temporary table seed_records (
    record           int primary key,
    source_system    text,
    source_system_id text,
    person_key       bigint,
    person           int
) on commit drop;

insert into seed_records values
    ( 1, 'NOMIS',           'A1001AA',                              1, 1),
    ( 2, 'DELIUS',          'X100002',                              1, 1),
    ( 3, 'COMMON_PLATFORM', 'cf000000-0000-4000-8000-000000000003', 2, 2),
    ( 4, 'LIBRA',           '1000004',                              2, 2),
    ( 5, 'DELIUS',          'X100005',                              3, 3),
    ( 6, 'NOMIS',           'A1006AA',                              4, 4),
    ( 7, 'COMMON_PLATFORM', 'cf000000-0000-4000-8000-000000000007', 2, 2),
    ( 8, 'LIBRA',           '1000008',                              null, 8),
    (10, 'DELIUS',          'X100010',                              5, 5),
    (11, 'NOMIS',           'A1011AA',                              6, 6),
    (12, 'DELIUS',          'X100012',                              1, 1),
    (13, 'NOMIS',           'A1013AA',                              3, 3),
    (14, 'COMMON_PLATFORM', 'cf000000-0000-4000-8000-000000000014', 4, 4),
    (15, 'LIBRA',           '1000015',                              6, 6),
    (16, 'DELIUS',          'X100016',                              6, 6),
    (17, 'NOMIS',           'A1017AA',                              6, 6),
    (18, 'COMMON_PLATFORM', 'cf000000-0000-4000-8000-000000000018', 1, 1),
    (19, 'LIBRA',           '1000019',                              3, 3),
    (20, 'NOMIS',           'A1020AA',                              1, 1),
    (21, 'DELIUS',          'X100021',                              2, 2),
    (22, 'NOMIS',           'A1022AA',                              7, 7),
    (23, 'DELIUS',          'X100023',                              1, 1),
    (24, 'LIBRA',           '1000024',                              2, 2);

insert into personrecordservice.person (id, fk_person_key_id, match_id, source_system, crn, prison_number,
                                        defendant_id, c_id, first_name, middle_names, last_name, date_of_birth)
select r.record,
       r.person_key,
       ('ee000000-0000-4000-8000-' || lpad(r.record::text, 12, '0'))::uuid,
       r.source_system,
       case when r.source_system = 'DELIUS' then r.source_system_id end,
       case when r.source_system = 'NOMIS' then r.source_system_id end,
       case when r.source_system = 'COMMON_PLATFORM' then r.source_system_id end,
       case when r.source_system = 'LIBRA' then r.source_system_id end,
       p.first_name, p.middle_names, p.last_name, p.date_of_birth
from seed_records r
join seed_people p on p.person = r.person;

-- The events. Columns: id, record, event_type, the instant it happened (UTC), person_uuid at the time (cluster
-- number). London wall-clock readings, as stored, are in the comments where they matter.
create temporary table seed_events (
    id         int primary key,
    record     int,
    event_type text,
    ts         timestamptz,
    cluster    int
) on commit drop;

insert into seed_events values
    -- long before any window
    ( 1,  1, 'CPR_RECORD_CREATED',                  '2024-01-15 10:00:00+00',     1),
    ( 2,  2, 'CPR_RECORD_CREATED',                  '2024-02-20 11:00:00+00',     1),
    ( 3,  3, 'CPR_RECORD_CREATED',                  '2024-03-05 09:30:00+00',     2),
    ( 4,  5, 'CPR_RECORD_CREATED',                  '2024-04-10 14:00:00+00',     3),
    ( 5,  6, 'CPR_RECORD_CREATED',                  '2024-05-01 08:00:00+00',     2),
    ( 6, 11, 'CPR_RECORD_CREATED',                  '2024-06-01 12:00:00+00',     6),
    ( 7,  6, 'CPR_UUID_CREATED',                    '2024-05-01 08:00:00+00',     2),
    -- GMT to BST on 2025-03-30 at 01:00 UTC (London 01:00 GMT becomes 02:00 BST)
    ( 8, 15, 'CPR_RECORD_CREATED',                  '2025-03-30 00:59:59+00',     6),
    ( 9, 16, 'CPR_RECORD_UPDATED',                  '2025-03-30 01:00:00+00',     6),
    (10, 17, 'CPR_RECORD_CREATED',                  '2025-03-30 01:30:00+00',     6),
    -- around the BST cutoff 2025-06-09 12:21:55 UTC
    (11, 24, 'CPR_RECORD_UPDATED',                  '2025-06-09 11:40:00+00',     2),  -- stored 12:40:00; a UTC reading of the cutoff would take it
    (12,  3, 'CPR_RECORD_UPDATED',                  '2025-06-09 12:21:54+00',     2),  -- 1 s before
    (13,  2, 'CPR_RECORD_UPDATED',                  '2025-06-09 12:21:54.999+00', 1),  -- 1 ms before
    (14,  1, 'CPR_RECORD_UPDATED',                  '2025-06-09 12:21:55+00',     1),  -- exactly at
    (15,  3, 'CPR_RECORD_UPDATED',                  '2025-06-09 12:21:55.001+00', 2),  -- 1 ms after
    (16,  4, 'CPR_RECORD_CREATED',                  '2025-06-09 12:21:56+00',     2),  -- 1 s after
    (17, 23, 'CPR_RECORD_CREATED',                  '2025-06-09 12:50:00+00',     1),  -- stored 13:50:00, 10 min before the summer as-of; a UTC reading would lose it
    (18,  8, 'CPR_RECORD_CREATED',                  '2025-06-10 09:00:00+00',     null),
    (19, 10, 'CPR_RECORD_UPDATED',                  '2025-06-11 10:00:00+00',     null),
    -- record 5 updated seven times
    (20,  5, 'CPR_RECORD_UPDATED',                  '2025-06-12 08:00:00+00',     3),
    (21,  5, 'CPR_RECORD_UPDATED',                  '2025-06-20 08:00:00+00',     3),
    (22,  5, 'CPR_RECORD_UPDATED',                  '2025-07-03 08:00:00+00',     3),
    (23,  5, 'CPR_RECORD_UPDATED',                  '2025-07-20 08:00:00+00',     3),
    (24,  5, 'CPR_RECORD_UPDATED',                  '2025-08-01 08:00:00+00',     3),
    (25,  5, 'CPR_RECORD_UPDATED',                  '2025-09-01 08:00:00+00',     3),
    (26,  5, 'CPR_RECORD_UPDATED',                  '2025-10-01 08:00:00+00',     3),
    -- record 6 changed cluster between its affected events: the latest says cluster 4
    (27,  6, 'CPR_RECORD_UPDATED',                  '2025-07-01 10:00:00+00',     2),
    (28,  6, 'CPR_RECLUSTER_NEEDS_ATTENTION',       '2025-08-15 08:59:00+00',     4),
    (29,  6, 'CPR_RECORD_UPDATED',                  '2025-08-15 09:00:00+00',     4),
    -- record 7: two events in the same instant; the higher id (cluster 2) is the latest
    (30,  7, 'CPR_RECORD_CREATED',                  '2025-09-10 08:00:00+00',     1),
    (31,  7, 'CPR_RECORD_UPDATED',                  '2025-09-10 08:00:00+00',     2),
    -- record 11: only event types the rollback leaves alone, current and legacy
    (32, 11, 'CPR_RECORD_DELETED',                  '2025-07-05 10:00:00+00',     6),
    (33, 11, 'CPR_RECORD_MERGED',                   '2025-07-05 10:01:00+00',     6),
    (34, 11, 'CPR_UUID_MERGED',                     '2025-07-05 10:02:00+00',     6),
    (35, 11, 'CPR_RECLUSTER_NEEDS_ATTENTION',       '2025-07-05 10:03:00+00',     6),
    (36, 11, 'CPR_RECORD_SEEDED',                   '2025-07-05 10:04:00+00',     6),
    (37, 11, 'CPR_RECORD_UNMERGED',                 '2025-07-05 10:05:00+00',     6),
    (38, 11, 'CPR_RECLUSTER_RECORD_MERGED',         '2025-07-05 10:06:00+00',     6),
    (39, 11, 'CPR_UUID_CREATED',                    '2025-07-05 10:07:00+00',     6),
    (40, 11, 'CPR_UUID_DELETED',                    '2025-07-05 10:08:00+00',     6),
    (41, 11, 'CPR_RECLUSTER_UUID_MERGED',           '2025-07-05 10:09:00+00',     6),
    (42, 11, 'CPR_UUID_SPLIT',                      '2025-07-05 10:10:00+00',     6),
    (43, 11, 'CPR_UUID_LEAVE',                      '2025-07-05 10:11:00+00',     6),
    (44, 11, 'CPR_RECORD_CREATED_NEEDS_ATTENTION',  '2025-07-05 10:12:00+00',     6),
    (45, 11, 'CPR_NEEDS_ATTENTION_TO_ACTIVE',       '2025-07-05 10:13:00+00',     6),
    -- BST to GMT on 2025-10-26 at 01:00 UTC (London 02:00 BST becomes 01:00 GMT: 01:00-01:59 happens twice)
    (46, 18, 'CPR_RECORD_CREATED',                  '2025-10-26 00:30:00+00',     1),  -- London 01:30 BST
    (47, 19, 'CPR_RECORD_UPDATED',                  '2025-10-26 00:59:59.999+00', 3),  -- London 01:59:59.999 BST
    (48, 20, 'CPR_RECORD_CREATED',                  '2025-10-26 01:00:00+00',     1),  -- London 01:00 GMT, stored as 01:00: read back as 01:00 BST
    (49, 21, 'CPR_RECORD_UPDATED',                  '2025-10-26 01:30:00+00',     2),  -- London 01:30 GMT, stored as 01:30: read back as 01:30 BST
    -- around the GMT cutoff 2025-11-18 09:05:00 UTC
    (50, 13, 'CPR_RECORD_UPDATED',                  '2025-11-18 09:04:59.999+00', 3),  -- 1 ms before
    (51, 12, 'CPR_RECORD_CREATED',                  '2025-11-18 09:05:00+00',     1),  -- exactly at
    (52, 14, 'CPR_RECORD_CREATED',                  '2025-11-18 09:05:01+00',     4),  -- 1 s after
    -- written while a preview runs: at and after the as-of bound
    (53, 22, 'CPR_RECORD_CREATED',                  '2025-12-01 00:00:00+00',     7),
    (54,  1, 'CPR_RECORD_UPDATED',                  '2025-12-01 00:00:01+00',     1);

-- Stored in reverse id order, so that only an explicit order by id (and, for record 7, an explicit tie-break)
-- gives the expected rows.
insert into personrecordservice.event_log (id, source_system_id, source_system, person_uuid, match_id,
                                           uuid_status_type, status_reason, event_type, event_timestamp,
                                           first_name, middle_names, last_name, date_of_birth,
                                           first_name_aliases, last_name_aliases, date_of_birth_aliases,
                                           postcodes, cros, pncs)
select e.id, r.source_system_id, r.source_system, k.person_uuid,
       ('ee000000-0000-4000-8000-' || lpad(r.record::text, 12, '0'))::uuid,
       k.status, k.status_reason, e.event_type, e.ts, -- timestamptz to timestamp in Europe/London, as the default
       p.first_name, p.middle_names, p.last_name, p.date_of_birth,
       array[p.alias_first], array[p.alias_last],
       case when p.alias_dob is null then '{}'::date[] else array[p.alias_dob] end,
       array[p.postcode], array[p.cro], array[p.pnc]
from seed_events e
join seed_records r on r.record = e.record
join seed_people p on p.person = r.person
left join personrecordservice.person_key k on k.id = e.cluster
order by e.id desc;

select setval(pg_get_serial_sequence('personrecordservice.event_log', 'id'), 1000);
select setval(pg_get_serial_sequence('personrecordservice.person', 'id'), 1000);
select setval(pg_get_serial_sequence('personrecordservice.person_key', 'id'), 1000);
