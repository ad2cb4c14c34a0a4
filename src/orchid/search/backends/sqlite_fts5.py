"""SQLite: a contentless FTS5 table over ``search_entry``, kept in sync by triggers.

Each entry is indexed twice: ``body`` as written (searches over every field, Solr's ``text``), and
``scoped``, each token prefixed with the entry's field (``family-name_carberry``), so a fielded search
is one FTS5 lookup of that field's tokens only instead of every field's, filtered afterwards. Field names
and tokens stay single FTS5 tokens (``tokenchars '-_'``; folded tokens never hold ``-`` or ``_``).

A hit's rowid is the entry's id, which names its researcher (``orchid.search.models.ENTRY_ID_BITS``):
``rowid >> 20`` is the researcher, with no lookup of the entry row. Contentless: the triggers hand FTS5
the old values on delete. Phrases are FTS5 phrases, a trailing ``*`` an FTS5 prefix query. General
wildcards use Django's ``REGEXP`` function (a scan of the field's entries).
"""

from __future__ import annotations

import re

from django.db.backends.base.base import BaseDatabaseWrapper

from orchid.search.backends import Phrase
from orchid.search.models import ENTRY_ID_BITS

_FIELD_NAME = re.compile(r"^[a-z0-9_-]+$")


def _scoped(row: str) -> str:
    return f"{row}.field || '_' || replace({row}.body, ' ', ' ' || {row}.field || '_')"


def _phrase(tokens: list[str], prefix: bool) -> str:
    # Tokens are runs of letters and digits (plus a field name of [a-z0-9_-]): quoting keeps FTS5 syntax out.
    return '"' + " ".join(tokens) + '"' + ("*" if prefix else "")


#: FTS5's `automerge`: how many segments of one level are merged into one of the next (FTS5's default 4).
#: Every write transaction adds a segment, so a registry's stream of small writes merged often: with 4, a
#: POST of a work spent 2.2 ms on average (p99 11 ms) in the index's merges, with 16 0.5 ms (p99 3 ms)
#: (bench/apibench/profile_write.py), for a few more segments per term for a query to read.
AUTOMERGE = 16


def tuning_sql() -> list[str]:
    return [f"INSERT INTO search_fts(search_fts, rank) VALUES ('automerge', {AUTOMERGE})"]


class SqliteFts5Backend:
    def schema_sql(self, connection: BaseDatabaseWrapper) -> list[str]:
        insert = f"INSERT INTO search_fts(rowid, body, scoped) VALUES (new.id, new.body, {_scoped('new')});"
        delete = (
            "INSERT INTO search_fts(search_fts, rowid, body, scoped) "
            f"VALUES ('delete', old.id, old.body, {_scoped('old')});"
        )
        return [
            "CREATE VIRTUAL TABLE search_fts USING fts5(body, scoped, content='', "
            "tokenize=\"unicode61 remove_diacritics 2 tokenchars '-_'\")",
            f"CREATE TRIGGER search_entry_ai AFTER INSERT ON search_entry BEGIN {insert} END",
            f"CREATE TRIGGER search_entry_ad AFTER DELETE ON search_entry BEGIN {delete} END",
            f"CREATE TRIGGER search_entry_au AFTER UPDATE ON search_entry BEGIN {delete} {insert} END",
            *tuning_sql(),
        ]

    def reverse_sql(self) -> list[str]:
        return [
            "DROP TRIGGER IF EXISTS search_entry_au",
            "DROP TRIGGER IF EXISTS search_entry_ad",
            "DROP TRIGGER IF EXISTS search_entry_ai",
            "DROP TABLE IF EXISTS search_fts",
        ]

    def populate_sql(self) -> list[str]:
        return [
            "INSERT INTO search_fts(search_fts) VALUES ('delete-all')",
            f"INSERT INTO search_fts(rowid, body, scoped) SELECT id, body, {_scoped('search_entry')} "
            "FROM search_entry",
        ]

    def matching(self, fields: tuple[str, ...] | None, phrases: list[Phrase]) -> tuple[str, list[object]]:
        if fields is None:
            expression = "body : (" + " AND ".join(_phrase(list(p.tokens), p.prefix) for p in phrases) + ")"
        else:
            alternatives = []
            for name in fields:
                if not _FIELD_NAME.match(name):
                    raise ValueError(f"field name {name!r} cannot be an FTS5 token")
                scoped = [_phrase([f"{name}_{token}" for token in p.tokens], p.prefix) for p in phrases]
                alternatives.append("(" + " AND ".join(scoped) + ")")
            expression = "scoped : (" + " OR ".join(alternatives) + ")"
        return (
            f"SELECT rowid >> {ENTRY_ID_BITS} AS researcher_id FROM search_fts WHERE search_fts MATCH %s",
            [expression],
        )

    def regex(self, pattern: str) -> tuple[str, list[object]]:
        return "e.body REGEXP %s", [pattern]
