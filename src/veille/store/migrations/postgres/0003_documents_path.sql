-- The path index exists since 0001 here; this keeps the migration lists of both back-ends
-- in step (a test compares them).
CREATE INDEX IF NOT EXISTS documents_path ON documents (path);
