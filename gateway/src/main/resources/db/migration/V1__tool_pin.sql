-- Digests of upstream tool definitions as first seen (rug-pull defence; filled by the gateway issue).
create table tool_pin (
    upstream    text        not null,
    tool        text        not null,
    digest      text        not null,
    first_seen  timestamptz not null default now(),
    approved    boolean     not null default true,
    primary key (upstream, tool)
);
