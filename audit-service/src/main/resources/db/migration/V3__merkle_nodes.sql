-- Roots of the perfect Merkle subtrees of 256 leaves and more (RFC 6962 hashing over each chain's macs), stored
-- in the sealer's transaction as they complete: an inclusion proof, and the sealer's restart, read O(log n)
-- of these plus at most two blocks of 256 macs instead of every mac of the chain. A subtree's root never
-- changes once complete. Chains sealed before this table existed are filled in at the sealer's next start.
create table audit_merkle_node (
    chain text     not null references audit_chain (chain),
    level smallint not null,
    idx   bigint   not null,
    hash  bytea    not null,
    primary key (chain, level, idx)
);
