"""SQLite: an external-content FTS5 table over ``search_entry``, kept in sync by triggers.

Tokens are already folded, so the ``unicode61`` tokenizer only splits on the spaces Orchid wrote.
A match is ``e.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)``; phrases are FTS5
phrases, a trailing ``*`` an FTS5 prefix query. General wildcards use Django's ``REGEXP`` function
(a scan of the field's entries).
"""

from __future__ import annotations

from django.db.backends.base.base import BaseDatabaseWrapper


class SqliteFts5Backend:
    def schema_sql(self, connection: BaseDatabaseWrapper) -> list[str]:
        return [
            "CREATE VIRTUAL TABLE search_fts USING fts5("
            "body, content='search_entry', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
            "CREATE TRIGGER search_entry_ai AFTER INSERT ON search_entry BEGIN "
            "INSERT INTO search_fts(rowid, body) VALUES (new.id, new.body); END",
            "CREATE TRIGGER search_entry_ad AFTER DELETE ON search_entry BEGIN "
            "INSERT INTO search_fts(search_fts, rowid, body) VALUES ('delete', old.id, old.body); END",
            "CREATE TRIGGER search_entry_au AFTER UPDATE ON search_entry BEGIN "
            "INSERT INTO search_fts(search_fts, rowid, body) VALUES ('delete', old.id, old.body); "
            "INSERT INTO search_fts(rowid, body) VALUES (new.id, new.body); END",
        ]

    def reverse_sql(self) -> list[str]:
        return [
            "DROP TRIGGER IF EXISTS search_entry_au",
            "DROP TRIGGER IF EXISTS search_entry_ad",
            "DROP TRIGGER IF EXISTS search_entry_ai",
            "DROP TABLE IF EXISTS search_fts",
        ]

    def phrase(self, tokens: list[str], prefix: bool) -> tuple[str, list[object]]:
        # Tokens are runs of letters and digits: quoting them is enough to keep FTS5 syntax out.
        expression = '"' + " ".join(tokens) + '"' + ("*" if prefix else "")
        return "e.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH %s)", [expression]

    def regex(self, pattern: str) -> tuple[str, list[object]]:
        return "e.body REGEXP %s", [pattern]
