-- Kept in step with migrations/sqlite/0005 (each text stored once there). PostgreSQL already
-- keeps the text once outside its tsvector index, so the schema does not change here.
SELECT 1;
