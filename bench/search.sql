WITH ranked AS (
    SELECT rowid AS id, bm25(sections_fts, 8.0, 8.0, 5.0, 3.0, 3.0, 1.0, 0.4) AS score,
           rowid IN (SELECT rowid FROM sections_fts WHERE sections_fts MATCH '{title aliases} : (' || :match || ')') AS in_title,
           rowid IN (SELECT rowid FROM sections_fts WHERE sections_fts MATCH '{heading} : (' || :match || ')') AS in_heading,
           rowid IN (SELECT rowid FROM sections_fts WHERE sections_fts MATCH '{heading summary tags body code} : (' || :match || ')') AS in_content
    FROM sections_fts WHERE sections_fts MATCH :match),
top AS (SELECT id FROM ranked ORDER BY in_title DESC, in_heading DESC, in_content DESC, score LIMIT 30)
SELECT rowid, snippet(sections_fts, 5, '<mark>', '</mark>', '…', 24), snippet(sections_fts, 3, '<mark>', '</mark>', '…', 24),
       snippet(sections_fts, 6, '<mark>', '</mark>', '…', 16)
FROM sections_fts WHERE sections_fts MATCH :match AND +rowid IN (SELECT id FROM top)
