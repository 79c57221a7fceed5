-- Surname key of unlinked people, so a spelling variant from another source ("Steve" and
-- "Steven Witkoff") finds its stored twin with one indexed lookup. Rows stored before this
-- migration keep a NULL surname and are simply not candidates.
ALTER TABLE entities ADD COLUMN surname TEXT;
CREATE INDEX entities_surname ON entities (surname);
