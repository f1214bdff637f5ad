-- Whether a verified pack has been announced, signed, on the scanners topic (the broker acknowledged it).
alter table scanner_pack add column published boolean not null default false;
