"""PostgreSQL reads for browsing: one entity, its documents and company, a page of documents.

Kept apart from :mod:`veille.store.postgres` (writes, search, migrations) to keep both short;
``PostgresStore`` inherits these methods. The SQL mirrors the SQLite store's.
"""

from __future__ import annotations

from typing import Any

import psycopg

from veille.store import rows
from veille.store.base import DocumentRow, EntityRow


class BrowseQueries:
    conn: psycopg.Connection[Any]

    def _entity_rows(self, where: str, params: list[Any], limit: int) -> list[EntityRow]:
        sql = (
            "SELECT e.id, e.name, e.type, e.kb_id, count(DISTINCT de.doc_id), sum(de.mentions),"
            " array_agg(de.aliases) FROM entities e JOIN doc_entities de"
            f" ON de.entity_id = e.id WHERE {where} GROUP BY e.id"
            " ORDER BY sum(de.mentions) DESC, e.name LIMIT %s"
        )
        return [EntityRow(r[0], r[1], r[2], r[3], r[4], int(r[5] or 0), rows.merge_aliases(r[6]))
                for r in self.conn.execute(sql, [*params, limit])]

    def entity(self, entity_id: int) -> EntityRow | None:
        found = self._entity_rows("e.id = %s", [entity_id], 1)
        return found[0] if found else None

    def entity_links(self, doc_id: str) -> dict[str, EntityRow]:
        links = self.conn.execute(
            "SELECT local_id, entity_id FROM doc_entities WHERE doc_id = %s", (doc_id,)
        ).fetchall()
        ids = sorted({entity_id for _, entity_id in links})
        by_id = {r.id: r for r in self._entity_rows("e.id = ANY(%s)", [ids], len(ids))
                 } if ids else {}
        return {local: by_id[entity_id] for local, entity_id in links if entity_id in by_id}

    def entity_documents(self, entity_id: int, limit: int = 200) -> list[str]:
        found = self.conn.execute(
            "SELECT de.doc_id FROM doc_entities de JOIN documents d USING (doc_id)"
            " WHERE de.entity_id = %s"
            " ORDER BY coalesce(d.published, d.reference_date) DESC NULLS LAST LIMIT %s",
            (entity_id, limit)).fetchall()
        return [doc_id for (doc_id,) in found]

    def cooccurring(self, entity_id: int, limit: int = 12) -> list[tuple[EntityRow, int]]:
        found = self.conn.execute(
            "SELECT other.entity_id, count(DISTINCT other.doc_id) AS n FROM doc_entities mine"
            " JOIN doc_entities other ON other.doc_id = mine.doc_id"
            " AND other.entity_id != mine.entity_id JOIN entities e ON e.id = other.entity_id"
            " WHERE mine.entity_id = %s GROUP BY other.entity_id, e.type, e.name"
            # Ties: people and organisations before places, then by name.
            " ORDER BY n DESC, e.type NOT IN ('PER', 'ORG'), e.name"
            " LIMIT %s", (entity_id, limit)).fetchall()
        ids = [i for i, _ in found]
        by_id = {r.id: r for r in self._entity_rows("e.id = ANY(%s)", [ids], limit)
                 } if ids else {}
        return [(by_id[i], n) for i, n in found if i in by_id]

    def documents(self, limit: int = 50, offset: int = 0) -> list[DocumentRow]:
        found = self.conn.execute(
            "SELECT doc_id, title, publisher, published FROM documents"
            " ORDER BY coalesce(published, reference_date) DESC NULLS LAST, doc_id"
            " LIMIT %s OFFSET %s", (limit, offset)).fetchall()
        return [DocumentRow(*r) for r in found]
