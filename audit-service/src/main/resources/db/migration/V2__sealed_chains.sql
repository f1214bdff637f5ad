-- The sealed store (issue 6). The pre-chain table held no seals; the topic keeps every event forever, so
-- the sealer re-materialises all of it from offset 0 into the chains below.
drop table audit_record;

-- One hash chain per audit-topic partition. Its head and the next Kafka offset to seal are updated in the
-- same transaction as the records, so a restart resumes with no gap and no duplicate.
create table audit_chain (
    chain           text primary key,
    kafka_partition integer     not null unique,
    next_offset     bigint      not null,
    head_seq        bigint      not null,
    head_mac        bytea       not null,
    updated_at      timestamptz not null default now()
);

-- A sealed event: the JCS-canonical event, its digest and its link in the chain. The extracted columns
-- serve the SOC's queries; the chain covers only the canonical event.
create table audit_record (
    id            bigserial   not null unique,
    chain         text        not null references audit_chain (chain),
    seq           bigint      not null,
    kafka_offset  bigint      not null,
    epoch         bigint      not null,
    sealed_at     timestamptz not null,
    event         text        not null,
    event_sha256  bytea       not null,
    prev_mac      bytea       not null,
    mac           bytea       not null,
    well_formed   boolean     not null,
    audit_id      text,
    event_time    timestamptz,
    class_uid     integer,
    activity      text,
    source        text,
    actor         text,
    outcome       text,
    tool          text,
    primary key (chain, seq),
    constraint audit_record_position unique (chain, kafka_offset)
);

create index audit_record_audit_id on audit_record (audit_id);
create index audit_record_event_time on audit_record (event_time);
create index audit_record_actor on audit_record (actor, id);
create index audit_record_tool on audit_record (tool, id);

-- The forward-secure MAC key: only the current epoch's key is kept; each advance overwrites the last.
create table audit_key_state (
    id            integer     primary key check (id = 1),
    genesis_epoch bigint      not null,
    epoch         bigint      not null,
    epoch_key     bytea       not null
);

-- Signed Merkle checkpoints (RFC 6962 roots over each chain), published to the checkpoints topic.
create table audit_checkpoint (
    chain       text        not null references audit_chain (chain),
    tree_size   bigint      not null,
    root        bytea       not null,
    head_seq    bigint      not null,
    head_mac    bytea       not null,
    epoch       bigint      not null,
    issued_at   timestamptz not null,
    key_id      text        not null,
    signature   bytea       not null,
    published   boolean     not null default false,
    primary key (chain, tree_size)
);

-- How far each SOC feed has delivered each chain; advanced only after a confirmed delivery.
create table audit_feed_cursor (
    feed     text   not null,
    chain    text   not null references audit_chain (chain),
    next_seq bigint not null,
    primary key (feed, chain)
);
