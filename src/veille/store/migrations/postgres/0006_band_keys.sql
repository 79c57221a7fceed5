-- Kept in step with migrations/sqlite/0006 (integer band keys there); the PostgreSQL band
-- table is left as it is.
SELECT 1;
