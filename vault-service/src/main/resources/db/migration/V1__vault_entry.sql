-- One row per sealed vault entry; the ciphertext is stored as received and never leaves through the API.
create table vault_entry (
    id          uuid        primary key,
    ciphertext  bytea       not null,
    description text        not null,
    created_at  timestamptz not null,
    tags        text[]      not null,
    tenant      text        not null,
    key_version integer     not null
);
