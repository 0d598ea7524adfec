SELECT p.section, p.slug, p.title, p.url,
       snippet(pages_fts, -1, '<mark>', '</mark>', '…', 14),
       top.rank, top.total, top.tier
FROM (SELECT id, rank, tier, title_length, count(*) OVER () AS total FROM (
        SELECT pages_fts.rowid AS id, bm25(pages_fts, 10.0, 4.0, 4.0, 1.0) AS rank, length(q.title) AS title_length,
               CASE WHEN pages_fts.rowid IN (SELECT rowid FROM pages_fts WHERE pages_fts MATCH '{title} : (' || :match || ')') THEN 2
                    WHEN pages_fts.rowid IN (SELECT rowid FROM pages_fts WHERE pages_fts MATCH '{summary tags} : (' || :match || ')') THEN 1
                    ELSE 0 END AS tier
        FROM pages_fts JOIN pages q ON q.id = pages_fts.rowid
        WHERE pages_fts MATCH :match)
      ORDER BY tier DESC, CASE WHEN tier = 2 THEN title_length ELSE 0 END, rank, id
      LIMIT 10 OFFSET 0) AS top
JOIN pages p ON p.id = top.id
JOIN pages_fts ON pages_fts.rowid = top.id AND pages_fts MATCH :match
ORDER BY top.tier DESC, CASE WHEN top.tier = 2 THEN top.title_length ELSE 0 END, top.rank, top.id
