-- What the automatic verification found: the reasons of a rejection and the measured metrics.
alter table scanner_pack add column verification jsonb;
