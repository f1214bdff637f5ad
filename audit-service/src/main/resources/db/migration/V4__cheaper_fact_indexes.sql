-- Cheaper query indexes for the sealer's inserts (docs/benchmarks.md, "Sealing, fourth measurement").
--
-- The SOC looks audit_id, actor and tool up by equality only (RecordStore.query). Under the database's libc collation
-- (C.UTF-8 on the devstack, often en_US.UTF-8) every btree comparison of every insert calls strcoll; under "C" it is
-- a memcmp. Equality is byte equality under any deterministic collation, so no query's answer changes; the type
-- stays text (no table rewrite), the three indexes are rebuilt.
alter table audit_record
    alter column audit_id type text collate "C",
    alter column actor type text collate "C",
    alter column tool type text collate "C";

-- event_time is set when the gateway emits, and the sealer stores events in topic order, so it follows the physical
-- order of the table: a BRIN index answers the SOC's time ranges for almost nothing per insert, where the btree
-- took a descent and a leaf write per record. An out-of-order time only widens a block range's summary.
drop index audit_record_event_time;
create index audit_record_event_time on audit_record using brin (event_time);

-- The foreign key from a record to its chain ran a referential check per inserted row (a query on audit_chain and a
-- KEY SHARE lock on its row, as a trigger, for every record the COPY stores). The sealer's transaction already makes
-- the same guarantee: it inserts the chain's row before its first records and moves the chain's head in the same
-- transaction, and the head's update fails the whole batch if the row is absent. Verification covers the records
-- whatever the constraints say.
alter table audit_record drop constraint audit_record_chain_fkey;
