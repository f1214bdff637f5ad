-- Versioned scanner packs and where each stands in verification; a version, once stored, is never rewritten.
create table scanner_pack (
    id         text        not null,
    version    text        not null,
    status     text        not null,
    definition jsonb       not null,
    created_at timestamptz not null default now(),
    primary key (id, version),
    constraint scanner_pack_status check (status in ('submitted', 'verified', 'rejected'))
);
