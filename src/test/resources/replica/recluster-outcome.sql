-- A recluster's outcome, added on top of seed.sql by TestReplica.seedReclusterOutcome(): the clusters as a
-- recluster left them, for the records of an exported file (TestReplica.RECLUSTER_FILE) that names the clusters
-- the bad release had put them in (E1..E8). Identifiers only; nothing here touches the seed's windows.
--
--   record  system           id                                    file (earlier)  now
--   R1      NOMIS            A2001AA                               E1              E1          unchanged
--   R2      DELIUS           X200002                               E1              E1          unchanged
--   R3      LIBRA            2000003                               E2              E1          moved: E1 merged E1+E2
--   R4      COMMON_PLATFORM  cf200000-0000-4000-8000-000000000004  E3              E3          unchanged
--   R5      DELIUS           X200005                               E3              E3          unchanged
--   R6      NOMIS            A2006AA                               E3              N2          moved: E3 split
--   R7      LIBRA            2000007                               E4              E4          unchanged
--   R8      DELIUS           X200008                               E5              (none)      moved into no cluster
--   R9      NOMIS            A2009AA                               E4              (no record) not found
--   R10     COMMON_PLATFORM  cf200000-0000-4000-8000-000000000010  (none)          E4          no earlier cluster
--   R11     NOMIS            A2011AA                               E6              N3          moved: N3 merged E6+E7+E8
--   R12     DELIUS           X200012                               E7              N3          moved
--   R13     COMMON_PLATFORM  cf200000-0000-4000-8000-000000000013  E8              N3          moved
--   R14     LIBRA            2000014                               (not in file)   E6          keeps E6 from being empty
--
-- Emptied: E2 and E8 (their person_key holds nothing now), E5 and E7 (their person_key is gone).
-- NEEDS_ATTENTION now: N2 (BROKEN_CLUSTER, not in the review queue), N3 (OVERRIDE_CONFLICT, in the queue).

insert into personrecordservice.person_key (id, person_uuid, status, status_reason) values
    (101, 'e1000000-0000-4000-8000-000000000001', 'ACTIVE', null),
    (102, 'e2000000-0000-4000-8000-000000000002', 'ACTIVE', null),
    (103, 'e3000000-0000-4000-8000-000000000003', 'ACTIVE', null),
    (104, 'e4000000-0000-4000-8000-000000000004', 'ACTIVE', null),
    (106, 'e6000000-0000-4000-8000-000000000006', 'ACTIVE', null),
    (108, 'e8000000-0000-4000-8000-000000000008', 'ACTIVE', null),
    (112, 'b2000000-0000-4000-8000-000000000002', 'NEEDS_ATTENTION', 'BROKEN_CLUSTER'),
    (113, 'b3000000-0000-4000-8000-000000000003', 'NEEDS_ATTENTION', 'OVERRIDE_CONFLICT');

insert into personrecordservice.person (id, fk_person_key_id, match_id, source_system, crn, prison_number,
                                        defendant_id, c_id, first_name, last_name, date_of_birth) values
    (101, 101, 'ff000000-0000-4000-8000-000000000101', 'NOMIS',           null, 'A2001AA', null, null, 'Tobiah', 'Quillfeather', '1971-04-23'),
    (102, 101, 'ff000000-0000-4000-8000-000000000102', 'DELIUS',          'X200002', null, null, null, 'Ismenia', 'Ashgrove-Pellow', '1984-11-02'),
    (103, 101, 'ff000000-0000-4000-8000-000000000103', 'LIBRA',           null, null, null, '2000003', 'Corvinus', 'Brackenridge', '1966-01-30'),
    (104, 103, 'ff000000-0000-4000-8000-000000000104', 'COMMON_PLATFORM', null, null, 'cf200000-0000-4000-8000-000000000004', null, 'Philippa', 'Yelverton', '1999-07-17'),
    (105, 103, 'ff000000-0000-4000-8000-000000000105', 'DELIUS',          'X200005', null, null, null, 'Oswin', 'Fennimore', '1958-03-09'),
    (106, 112, 'ff000000-0000-4000-8000-000000000106', 'NOMIS',           null, 'A2006AA', null, null, 'Marisol', 'Venditti-Crane', '1990-12-25'),
    (107, 104, 'ff000000-0000-4000-8000-000000000107', 'LIBRA',           null, null, null, '2000007', 'Leofric', 'Dunstanville', '1977-05-05'),
    (108, null, 'ff000000-0000-4000-8000-000000000108', 'DELIUS',         'X200008', null, null, null, 'Gwenllian', 'Ap-Tudur', '2001-02-28'),
    (110, 104, 'ff000000-0000-4000-8000-000000000110', 'COMMON_PLATFORM', null, null, 'cf200000-0000-4000-8000-000000000010', null, 'Tobiah', 'Merrow', '1971-04-23'),
    (111, 113, 'ff000000-0000-4000-8000-000000000111', 'NOMIS',           null, 'A2011AA', null, null, 'Ismenia', 'Wren', '1984-11-02'),
    (112, 113, 'ff000000-0000-4000-8000-000000000112', 'DELIUS',          'X200012', null, null, null, 'Corvinus', 'Hale', '1966-01-30'),
    (113, 113, 'ff000000-0000-4000-8000-000000000113', 'COMMON_PLATFORM', null, null, 'cf200000-0000-4000-8000-000000000013', null, 'Philippa', 'Saffron', '1999-07-17'),
    (114, 106, 'ff000000-0000-4000-8000-000000000114', 'LIBRA',           null, null, null, '2000014', 'Oswin', 'Tarrant', '1958-03-09');

-- The moves event_log records (UTC wall-clock, as the seed's other events): one by the bad release inside the BST
-- window, the others by the recluster after the window's as-of bound. A1013AA's DELIUS namesake is not R11.
insert into personrecordservice.event_log (id, source_system_id, source_system, person_uuid, match_id, event_type,
                                           event_timestamp) values
    (201, 'A2011AA', 'NOMIS',           'e6000000-0000-4000-8000-000000000006', 'ff000000-0000-4000-8000-000000000111', 'CPR_RECLUSTER_RECORD_MERGED', '2025-06-10 08:00:00'),
    (202, '2000003', 'LIBRA',           'e1000000-0000-4000-8000-000000000001', 'ff000000-0000-4000-8000-000000000103', 'CPR_RECLUSTER_RECORD_MERGED', '2025-12-02 10:00:00'),
    (203, 'A2006AA', 'NOMIS',           'b2000000-0000-4000-8000-000000000002', 'ff000000-0000-4000-8000-000000000106', 'CPR_RECLUSTER_RECORD_MERGED', '2025-12-02 10:01:00'),
    (204, 'A2011AA', 'NOMIS',           'b3000000-0000-4000-8000-000000000003', 'ff000000-0000-4000-8000-000000000111', 'CPR_RECLUSTER_RECORD_MERGED', '2025-12-02 10:02:00'),
    (205, 'X200012', 'DELIUS',          'b3000000-0000-4000-8000-000000000003', 'ff000000-0000-4000-8000-000000000112', 'CPR_RECLUSTER_RECORD_MERGED', '2025-12-02 10:03:00'),
    (206, 'cf200000-0000-4000-8000-000000000013', 'COMMON_PLATFORM', 'b3000000-0000-4000-8000-000000000003', 'ff000000-0000-4000-8000-000000000113', 'CPR_RECLUSTER_RECORD_MERGED', '2025-12-02 10:04:00'),
    (207, 'X200012', 'NOMIS',           'b3000000-0000-4000-8000-000000000003', 'ff000000-0000-4000-8000-000000000999', 'CPR_RECLUSTER_RECORD_MERGED', '2025-12-02 10:05:00');

-- N3 waits in the review queue since 2025-12-02 10:10 (the service's wall clock); N2 is not in it. A resolved
-- review of E1 is history, not waiting.
-- The seed's OVERRIDE_CONFLICT cluster 4 waits since 2025-11-20 08:00.
insert into personrecordservice.review (id, created_at, resolved_at) values
    (1, '2025-12-02 10:10:00', null),
    (2, '2025-11-01 09:00:00', '2025-11-02 09:00:00'),
    (3, '2025-11-20 08:00:00', null);
insert into personrecordservice.review_cluster_link (fk_review_id, fk_person_key_id, cluster_type) values
    (1, 113, 'PRIMARY'),
    (1, 106, 'ADDITIONAL'),
    (2, 101, 'PRIMARY'),
    (3, 4, 'PRIMARY');
