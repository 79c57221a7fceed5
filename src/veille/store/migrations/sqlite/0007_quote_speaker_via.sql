-- How each quote's speaker was found (Quote.speaker_via, issue 16), beside the quote: the
-- quotes pages read it from the table instead of decoding every article's record. Rows
-- stored before take it from their record: veille_quote_via is registered by store/migrate.py
-- (rows.stored_quote_via).
ALTER TABLE quotes ADD COLUMN speaker_via TEXT;
UPDATE quotes SET speaker_via = veille_quote_via(d.record, quotes.start)
    FROM documents d WHERE d.doc_id = quotes.doc_id;
