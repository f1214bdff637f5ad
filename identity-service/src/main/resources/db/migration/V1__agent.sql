-- The agent registry: one row per agent, addressed by its DID and bound to exactly one OAuth client.
create table agent (
    did               text        primary key,
    client_id         text        not null unique,
    owner             text        not null,
    allowed_upstreams text[]      not null,
    max_trust_level   text        not null,
    status            text        not null,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    constraint agent_did_form check (did ~ '^did:sigil:.+'),
    constraint agent_max_trust_level check (max_trust_level in ('UNTRUSTED', 'LOW', 'MEDIUM', 'HIGH')),
    constraint agent_status check (status in ('active', 'suspended', 'revoked'))
);
