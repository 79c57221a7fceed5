-- Twin of sqlite/0002: the surname key of unlinked people, so a spelling variant from another
-- source ("Steve" and "Steven Witkoff") finds its stored twin with one indexed lookup.
ALTER TABLE entities ADD COLUMN surname TEXT;
CREATE INDEX entities_surname ON entities (surname);
