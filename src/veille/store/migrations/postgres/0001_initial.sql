-- The PostgreSQL twin of migrations/sqlite/0001_initial.sql: same tables, same columns, with a
-- tsvector column in place of FTS5. Dates stay ISO strings (2025, 2025-08, 2025-08-15) so both
-- back-ends compare them the same way.

-- French full text with accents folded: unaccent runs before the Snowball stemmer, so
-- "negociation" and "négociations" meet at the lexeme "negoci". unaccent ships with
-- postgresql-contrib and is a trusted extension (PG 13+); where it cannot be created, the
-- configuration stays plain French and Veille folds accents itself before indexing and querying.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS unaccent;
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'unaccent unavailable (%): Veille folds accents itself', SQLERRM;
END
$$;
CREATE TEXT SEARCH CONFIGURATION veille_fr (COPY = pg_catalog.french);
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'unaccent') THEN
        ALTER TEXT SEARCH CONFIGURATION veille_fr
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
    END IF;
END
$$;

CREATE TABLE documents (
    seq BIGSERIAL UNIQUE,             -- insertion order, for iter_records
    doc_id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    path TEXT, url TEXT, title TEXT, publisher TEXT, published TEXT,
    reference_date TEXT, language TEXT,
    record JSONB NOT NULL,            -- the public extraction record
    signature JSONB NOT NULL,         -- MinHash signature, list of ints
    tsv TSVECTOR NOT NULL,            -- title (A), body (B), lemmas (C)
    added_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX documents_published ON documents (published);
CREATE INDEX documents_url ON documents (url);
CREATE INDEX documents_path ON documents (path);
CREATE INDEX documents_tsv ON documents USING GIN (tsv);
CREATE TABLE doc_bands (band TEXT NOT NULL, doc_id TEXT NOT NULL REFERENCES documents ON DELETE CASCADE);
CREATE INDEX doc_bands_band ON doc_bands (band);

CREATE TABLE entities (
    id BIGSERIAL PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL, type TEXT NOT NULL, kb_id TEXT
);
CREATE TABLE doc_entities (
    doc_id TEXT NOT NULL REFERENCES documents ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    entity_id BIGINT NOT NULL REFERENCES entities,
    name TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    aliases TEXT NOT NULL,            -- JSON list of the surface forms seen (text, as in SQLite)
    PRIMARY KEY (doc_id, local_id)
);
CREATE INDEX doc_entities_entity ON doc_entities (entity_id);

CREATE TABLE quotes (
    id BIGSERIAL PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents ON DELETE CASCADE,
    kind TEXT NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    speaker TEXT, speaker_entity BIGINT REFERENCES entities, speaker_role TEXT,
    cue TEXT, said_on TEXT, medium TEXT, published TEXT
);
CREATE INDEX quotes_speaker ON quotes (speaker_entity);
CREATE INDEX quotes_doc ON quotes (doc_id);
CREATE INDEX quotes_published ON quotes (published);

CREATE TABLE events (
    id BIGSERIAL PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents ON DELETE CASCADE,
    type TEXT NOT NULL, date TEXT, place TEXT, status TEXT, event JSONB NOT NULL
);
CREATE INDEX events_date ON events (date);
CREATE INDEX events_doc ON events (doc_id);
CREATE TABLE event_entities (
    event_id BIGINT NOT NULL REFERENCES events ON DELETE CASCADE,
    entity_id BIGINT NOT NULL REFERENCES entities
);
CREATE INDEX event_entities_entity ON event_entities (entity_id);
