-- resolve_doc and `veille process` re-runs look documents up by path.
CREATE INDEX documents_path ON documents (path);
