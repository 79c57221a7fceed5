-- Documents, their extraction records, and the indexes Veille queries.
CREATE TABLE documents (
    doc_id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    path TEXT, url TEXT, title TEXT, publisher TEXT, published TEXT,
    reference_date TEXT, language TEXT,
    record TEXT NOT NULL,             -- the public extraction record, as JSON
    signature TEXT NOT NULL,          -- MinHash signature, JSON list of ints
    added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX documents_published ON documents (published);
CREATE INDEX documents_url ON documents (url);
CREATE TABLE doc_bands (band TEXT NOT NULL, doc_id TEXT NOT NULL REFERENCES documents ON DELETE CASCADE);
CREATE INDEX doc_bands_band ON doc_bands (band);

-- Entities across documents: one row per real-world entity (kb id or normalized name).
CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL, type TEXT NOT NULL, kb_id TEXT
);
CREATE TABLE doc_entities (
    doc_id TEXT NOT NULL REFERENCES documents ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities,
    name TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    aliases TEXT NOT NULL,            -- JSON list of the surface forms seen
    PRIMARY KEY (doc_id, local_id)
);
CREATE INDEX doc_entities_entity ON doc_entities (entity_id);

CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents ON DELETE CASCADE,
    kind TEXT NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    speaker TEXT, speaker_entity INTEGER REFERENCES entities, speaker_role TEXT,
    cue TEXT, said_on TEXT, medium TEXT, published TEXT
);
CREATE INDEX quotes_speaker ON quotes (speaker_entity);
CREATE INDEX quotes_doc ON quotes (doc_id);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents ON DELETE CASCADE,
    type TEXT NOT NULL, date TEXT, place TEXT, status TEXT, event TEXT NOT NULL
);
CREATE INDEX events_date ON events (date);
CREATE TABLE event_entities (
    event_id INTEGER NOT NULL REFERENCES events ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entities
);
CREATE INDEX event_entities_entity ON event_entities (entity_id);

-- Full text: accents folded by the tokenizer; lemmas (spaCy) and Snowball stems indexed too,
-- so "négociation" finds "négociations" and "dire" finds "a dit".
CREATE VIRTUAL TABLE doc_fts USING fts5(
    doc_id UNINDEXED, title, body, lemmas, stems,
    tokenize = "unicode61 remove_diacritics 2"
);
