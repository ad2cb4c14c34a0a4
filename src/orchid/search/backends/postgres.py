"""PostgreSQL: a generated ``tsvector`` column on ``search_entry`` with a GIN index (``simple``
configuration: the tokens are already folded), and a trigram GIN index on ``body`` for wildcard
regexes when the ``pg_trgm`` extension can be created. Without it, wildcards still work through
``~`` (a scan of the field's entries), only slower; the migration says so in its notice.
"""

from __future__ import annotations

import time

from django.db import connection
from django.db.backends.base.base import BaseDatabaseWrapper

from orchid.search.backends import Phrase


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


#: Seconds a reading of the column's lexeme statistics is reused.
STATISTICS_TTL = 600.0
_statistics: tuple[float, dict[str, float]] = (-STATISTICS_TTL, {})


def _lexeme_frequencies() -> dict[str, float]:
    """The share of entries holding each of the most common lexemes (ANALYZE's statistics of ``tsv``)."""
    global _statistics
    read_at, frequencies = _statistics
    if time.monotonic() - read_at < STATISTICS_TTL:
        return frequencies
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
            "WHERE tablename = 'search_entry' AND attname = 'tsv'"
        )
        row = cursor.fetchone()
    frequencies = dict(zip(row[0], row[1], strict=False)) if row and row[0] else {}
    _statistics = (time.monotonic(), frequencies)
    return frequencies


def _rarest_token(phrase: Phrase) -> str | None:
    """A phrase of common and rare tokens (`https ror org 046g2rp01`) is cheapest to find by its rarest
    token alone: GIN intersecting the common tokens' long posting lists cost more than the whole rest of
    the query. None when every token is as common as the others, or nothing is known."""
    if len(phrase.tokens) < 2:
        return None
    frequencies = _lexeme_frequencies()
    candidates = phrase.tokens[:-1] if phrase.prefix else phrase.tokens
    if not frequencies or not candidates:
        return None
    rarest = min(candidates, key=lambda token: frequencies.get(token, 0.0))
    if frequencies.get(rarest, 0.0) >= max(frequencies.get(token, 0.0) for token in phrase.tokens):
        return None
    return rarest


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

    def populate_sql(self) -> list[str]:
        return []  # a generated column: computed as rows are written

    def pending_sql(self) -> str | None:
        return None  # the generated column and its indexes follow every write

    def catch_up_sql(self) -> list[str]:
        return []

    def matching(self, fields: tuple[str, ...] | None, phrases: list[Phrase]) -> tuple[str, list[object]]:
        where: list[str] = []
        params: list[object] = []
        if fields is not None:
            # `|| ''` keeps the planner off the (field, researcher) index: ANDing a whole field's entries
            # (a million rows for family-name) into the GIN bitmap cost 100x more than filtering the hits.
            where.append("(e.field || '') IN (" + ", ".join(["%s"] * len(fields)) + ")")
            params.extend(fields)
        for phrase in phrases:
            # Tokens are runs of letters and digits, safe inside a tsquery; `<->` keeps them adjacent.
            query = " <-> ".join(phrase.tokens) + (":*" if phrase.prefix else "")
            rarest = _rarest_token(phrase)
            if rarest is None:
                where.append("e.tsv @@ to_tsquery('simple'::regconfig, %s)")
                params.append(query)
            else:
                # GIN finds the entries of the rarest token; the phrase is checked on those rows only
                # (ts_match_vq is `@@` in a form the planner does not take to the index).
                where.append("e.tsv @@ to_tsquery('simple'::regconfig, %s)")
                where.append("ts_match_vq(e.tsv, to_tsquery('simple'::regconfig, %s))")
                params.extend([rarest, query])
        return "SELECT e.researcher_id FROM search_entry e WHERE " + " AND ".join(where), params

    def regex(self, pattern: str) -> tuple[str, list[object]]:
        return "e.body ~ %s", [pattern]
