-- How each quote's speaker was found (Quote.speaker_via, issue 16), beside the quote, as in
-- migrations/sqlite/0007. Rows stored before take it from their record's quote at the same
-- offset.
ALTER TABLE quotes ADD COLUMN speaker_via TEXT;
UPDATE quotes q SET speaker_via = x.value->>'speaker_via'
    FROM documents d, jsonb_array_elements(d.record->'quotes') AS x(value)
    WHERE d.doc_id = q.doc_id AND (x.value->>'start')::integer = q.start
    AND x.value->>'speaker_via' IS NOT NULL;
