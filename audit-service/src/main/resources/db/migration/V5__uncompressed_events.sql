-- Sealed events stay inline and uncompressed up to 4 KB per row (docs/benchmarks.md, "Sealing OCSF events").
--
-- An OCSF event of the gateway is 1.7-1.9 KB, which with the chain fields and facts puts most rows just above
-- PostgreSQL's default 2 KB toast target: each such row was first compressed with pglz, and decompressed again when a
-- feed read it. On 100,000 such rows, COPY took 37-42 µs of server CPU per row with compression and 30-33 µs without
-- (-19 %); the table grew from 181 MB to 269 MB (+49 %). Rows above 4 KB are still compressed. Where disk matters
-- more than sealing throughput and the server has lz4, `alter table audit_record alter column event set compression
-- lz4` with the default target is the cheaper compressor (docs/operations.md).
alter table audit_record set (toast_tuple_target = 4096);
