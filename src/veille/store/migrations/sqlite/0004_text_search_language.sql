-- Kept in step with migrations/postgres/0004: SQLite's FTS5 index stores Snowball stems made
-- in each document's language (store/rows.py stems), so the schema does not change here.
SELECT 1;
