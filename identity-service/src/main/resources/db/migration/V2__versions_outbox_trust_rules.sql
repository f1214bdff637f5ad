-- Every change of an agent bumps its version; the publisher marks a version published only after the broker's
-- ack, so a change committed while Kafka is away is published when it is back (transactional outbox).
alter table agent add column version bigint not null default 1;
alter table agent add column published_version bigint not null default 0;
alter table agent add constraint agent_version_positive check (version >= 1);
alter table agent add constraint agent_published_not_ahead check (published_version <= version);
create index agent_unpublished on agent (did) where published_version < version;

-- The trust rules as data: one row per version, the newest is in force. Only the newest needs publishing.
create table trust_rules (
    version    bigint      primary key,
    rules      jsonb       not null,
    changed_by text        not null,
    reason     text,
    published  boolean     not null default false,
    created_at timestamptz not null default now(),
    constraint trust_rules_version_positive check (version >= 1),
    constraint trust_rules_version_matches check ((rules ->> 'version')::bigint = version)
);

-- Audit events of registry changes, written in the change's own transaction and deleted once the audit topic
-- has acknowledged them: a change is never committed without its audit event.
create table audit_outbox (
    id         bigserial   primary key,
    event      jsonb       not null,
    created_at timestamptz not null default now()
);
