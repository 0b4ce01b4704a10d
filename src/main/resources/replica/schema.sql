-- The parts of hmpps-person-record's schema that the console reads, with the personal-data columns the real
-- tables carry, so that tests can prove none of them leaves the replica. Types, defaults and indexes follow the
-- service's Flyway migrations; columns the console never touches are left out.

create schema personrecordservice;

create table personrecordservice.person_key (
    id            bigserial primary key,
    person_uuid   uuid,
    status        text default 'ACTIVE',
    status_reason text,
    version       int  not null default 0
);

create table personrecordservice.person (
    id                  bigserial primary key,
    fk_person_key_id    bigint references personrecordservice.person_key (id),
    match_id            uuid not null,
    source_system       text not null,
    crn                 text,
    prison_number       text,
    defendant_id        text,
    c_id                text,
    merged_to           bigint,
    master_defendant_id text,
    first_name          text,
    middle_names        text,
    last_name           text,
    date_of_birth       date,
    version             int  not null default 0
);

create table personrecordservice.event_log (
    id                    serial primary key,
    source_system_id      text,
    source_system         text,
    person_uuid           uuid,
    match_id              uuid,
    uuid_status_type      text,
    status_reason         text,
    event_type            text,
    -- filled by the default in the session's zone; the service's sessions run in Europe/London, so the values are
    -- UK wall-clock times without a zone (GMT in winter, BST in summer), not UTC
    event_timestamp       timestamp not null default current_timestamp,
    first_name            text,
    middle_names          text,
    last_name             text,
    date_of_birth         date,
    first_name_aliases    text[],
    last_name_aliases     text[],
    date_of_birth_aliases date[],
    postcodes             text[],
    cros                  text[],
    pncs                  text[],
    sentence_dates        date[],
    master_defendant_id   text,
    override_marker       uuid,
    override_scopes       uuid[],
    record_merged_to      bigint
);

create index idx_event_log_person_uuid on personrecordservice.event_log (person_uuid);
create index idx_event_log_source_system_id on personrecordservice.event_log (source_system_id);
create index idx_event_log_event_timestamp on personrecordservice.event_log (event_timestamp);
create index idx_event_log_event_type on personrecordservice.event_log (event_type);
create index idx_person_match_id on personrecordservice.person (match_id);
create index idx_person_fk_person_key_id on personrecordservice.person (fk_person_key_id);
create index idx_person_key_person_uuid on personrecordservice.person_key (person_uuid);

-- The review queue (Flyway V129, V130, V132, V135): a row for each cluster put in NEEDS_ATTENTION, removed or
-- resolved when it heals. created_at is filled by the service with its wall clock. The foreign keys of the real
-- tables are left out: the console only reads these, and a reseed truncates person_key without them.
create table personrecordservice.review (
    id          serial primary key,
    created_at  timestamp not null default current_timestamp,
    resolved_at timestamp default null
);

create table personrecordservice.review_cluster_link (
    fk_review_id     bigint not null,
    fk_person_key_id bigint not null,
    cluster_type     text   not null,
    primary key (fk_review_id, fk_person_key_id)
);

create index idx_review_cluster_link_review on personrecordservice.review_cluster_link (fk_review_id);
create index idx_review_cluster_link_person_key on personrecordservice.review_cluster_link (fk_person_key_id);
create unique index unq_review_person_key_id_if_primary on personrecordservice.review_cluster_link
    (fk_person_key_id, cluster_type) where cluster_type = 'PRIMARY';
