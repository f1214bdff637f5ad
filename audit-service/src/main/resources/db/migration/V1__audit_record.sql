-- One row per audit event, addressed by its place in the topic so that redelivery never duplicates it.
create table audit_record (
    id           bigserial primary key,
    kafka_partition integer     not null,
    kafka_offset bigint      not null,
    audit_id     text,
    source       text,
    class_uid    integer,
    activity     text,
    actor        text,
    outcome      text,
    event_time   timestamptz,
    event        text        not null,
    well_formed  boolean     not null,
    stored_at    timestamptz not null default now(),
    constraint audit_record_position unique (kafka_partition, kafka_offset)
);

create index audit_record_audit_id on audit_record (audit_id);
create index audit_record_event_time on audit_record (event_time);
