-- Versioned policy bundles: a version, once stored, is never rewritten.
create table policy_bundle (
    id         text        not null,
    version    integer     not null,
    content    jsonb       not null,
    created_at timestamptz not null default now(),
    primary key (id, version)
);
