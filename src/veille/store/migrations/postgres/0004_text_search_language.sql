-- Each document is indexed with the text-search configuration of its own language
-- (veille_<pack>, made at every migration run from the installed language packs, see
-- store/rows.py text_search_ddl); documents stored before this were French.
ALTER TABLE documents ADD COLUMN IF NOT EXISTS ts_config TEXT NOT NULL DEFAULT 'veille_fr';
