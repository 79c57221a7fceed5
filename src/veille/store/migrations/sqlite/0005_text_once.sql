-- Each text stored once (issue 15: the store held 14.8x the bytes of its texts). The text
-- moves out of the record JSON into doc_texts; the full-text index keeps its index but no
-- copy of its columns (external content: snippet() reads the body from doc_texts through
-- doc_search_source); the record keeps no mention, quote or time text that is a slice of the
-- text (store/rows.py compact_record, restored on read). The lemma and stem columns exist only
-- in the index: doc_search_source gives them empty, so an FTS5 'rebuild' would drop them
-- (rebuild from the records instead). doc_texts has its own INTEGER PRIMARY KEY because
-- VACUUM may renumber the implicit rowids of documents, which the index points at.
CREATE TABLE doc_texts (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL UNIQUE REFERENCES documents ON DELETE CASCADE,
    text TEXT NOT NULL
);
INSERT INTO doc_texts (doc_id, text)
    SELECT doc_id, coalesce(json_extract(record, '$.text'), '') FROM documents ORDER BY rowid;
UPDATE documents SET record = json_remove(record, '$.text');
CREATE VIEW doc_search_source AS
    SELECT t.id AS id, coalesce(d.title, '') AS title, t.text AS body, '' AS lemmas,
           '' AS stems
    FROM doc_texts t JOIN documents d ON d.doc_id = t.doc_id;
CREATE VIRTUAL TABLE doc_search USING fts5(
    title, body, lemmas, stems, content = 'doc_search_source', content_rowid = 'id',
    tokenize = "unicode61 remove_diacritics 2"
);
INSERT INTO doc_search (rowid, title, body, lemmas, stems)
    SELECT t.id, f.title, f.body, f.lemmas, f.stems
    FROM doc_fts f JOIN doc_texts t ON t.doc_id = f.doc_id;
DROP TABLE doc_fts;
-- Band lookups need (band, doc_id) only: one clustered index instead of a table and an index.
CREATE TABLE doc_bands_clustered (
    band TEXT NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents ON DELETE CASCADE,
    PRIMARY KEY (band, doc_id)
) WITHOUT ROWID;
INSERT OR IGNORE INTO doc_bands_clustered (band, doc_id) SELECT band, doc_id FROM doc_bands;
DROP TABLE doc_bands;
ALTER TABLE doc_bands_clustered RENAME TO doc_bands;
