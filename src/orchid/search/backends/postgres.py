"""PostgreSQL: a generated ``tsvector`` column on ``search_entry`` with a GIN index (``simple``
configuration: the tokens are already folded), and a trigram GIN index on ``body`` for wildcard
regexes when the ``pg_trgm`` extension can be created. Without it, wildcards still work through
``~`` (a scan of the field's entries), only slower; the migration says so in its notice.
"""

from __future__ import annotations

from django.db.backends.base.base import BaseDatabaseWrapper


def _trigram_available(connection: BaseDatabaseWrapper) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        if cursor.fetchone():
            return True
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")
        if not cursor.fetchone():
            return False
        try:
            cursor.execute("SAVEPOINT orchid_trgm")
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            cursor.execute("RELEASE SAVEPOINT orchid_trgm")
            return True
        except Exception:  # no privilege: the ILIKE/regex scan fallback
            cursor.execute("ROLLBACK TO SAVEPOINT orchid_trgm")
            return False


class PostgresBackend:
    def schema_sql(self, connection: BaseDatabaseWrapper) -> list[str]:
        statements = [
            "ALTER TABLE search_entry ADD COLUMN tsv tsvector "
            "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, body)) STORED",
            "CREATE INDEX search_entry_tsv ON search_entry USING GIN (tsv)",
        ]
        if _trigram_available(connection):
            statements.append("CREATE INDEX search_entry_trgm ON search_entry USING GIN (body gin_trgm_ops)")
        return statements

    def reverse_sql(self) -> list[str]:
        return [
            "DROP INDEX IF EXISTS search_entry_trgm",
            "DROP INDEX IF EXISTS search_entry_tsv",
            "ALTER TABLE search_entry DROP COLUMN IF EXISTS tsv",
        ]

    def phrase(self, tokens: list[str], prefix: bool) -> tuple[str, list[object]]:
        # Tokens are runs of letters and digits, safe inside a tsquery; `<->` keeps them adjacent.
        query = " <-> ".join(tokens) + (":*" if prefix else "")
        return "e.tsv @@ to_tsquery('simple'::regconfig, %s)", [query]

    def regex(self, pattern: str) -> tuple[str, list[object]]:
        return "e.body ~ %s", [pattern]
