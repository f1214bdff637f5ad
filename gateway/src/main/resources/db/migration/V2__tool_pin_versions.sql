-- One row per version of a tool's definition (V1's one-row-per-tool sketch was never filled): the version first
-- seen is approved; a later, different one waits as pending until an administrator approves it.
drop table tool_pin;
create table tool_pin (
    upstream    text        not null,
    tool        text        not null,
    digest      text        not null,
    definition  jsonb       not null,
    first_seen  timestamptz not null default now(),
    status      text        not null check (status in ('approved', 'pending')),
    change_of   text,
    markers     text[]      not null default '{}',
    approved_by text,
    approved_at timestamptz,
    primary key (upstream, tool, digest)
);
