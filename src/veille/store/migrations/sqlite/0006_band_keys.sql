-- Near-copy bands as 64-bit integers beside the document's integer id (issue 15: the text
-- band and doc_id took 40 bytes a row, 32 rows a document). veille_band_key is registered
-- by store/migrate.py (rows.band_key), the function new rows are written with.
CREATE TABLE doc_band_keys (
    band INTEGER NOT NULL,
    doc INTEGER NOT NULL REFERENCES doc_texts ON DELETE CASCADE,
    PRIMARY KEY (band, doc)
) WITHOUT ROWID;
INSERT OR IGNORE INTO doc_band_keys (band, doc)
    SELECT veille_band_key(b.band), t.id FROM doc_bands b JOIN doc_texts t ON t.doc_id = b.doc_id;
DROP TABLE doc_bands;
