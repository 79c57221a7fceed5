"""Recorded, transactional schema migrations: numbered SQL files applied once, in order."""

from __future__ import annotations

import sqlite3
from importlib import resources


def migration_files(dialect: str) -> list[tuple[int, str, str]]:
    """(version, name, sql) for ``store/migrations/<dialect>/NNNN_name.sql``, in order."""
    root = resources.files("veille.store").joinpath("migrations", dialect)
    found = []
    for entry in root.iterdir():
        if entry.name.endswith(".sql"):
            version = int(entry.name.split("_", 1)[0])
            found.append((version, entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def migrate_sqlite(conn: sqlite3.Connection) -> list[str]:
    """Apply pending migrations, each in its own transaction; return the names applied."""
    from veille.store.rows import band_key, stored_quote_via  # rows imports the packs: here

    # Functions a migration's SQL may call to convert stored values.
    conn.create_function("veille_band_key", 1, band_key, deterministic=True)
    conn.create_function("veille_quote_via", 2, stored_quote_via, deterministic=True)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT,"
        " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))"
    )
    done = {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}
    applied = []
    for version, name, sql in migration_files("sqlite"):
        if version in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        if conn.execute("SELECT 1 FROM schema_migrations WHERE version = ?",
                        (version,)).fetchone():
            conn.execute("ROLLBACK")  # another process (a server worker) applied it meanwhile
            continue
        try:
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)",
                         (version, name))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied


def _statements(sql: str) -> list[str]:
    """Split a migration on semicolons that end a line (our files never nest them)."""
    lines = [line for line in sql.splitlines() if not line.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";\n") if s.strip().strip(";")]
