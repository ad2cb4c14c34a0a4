"""SQLite: a contentless FTS5 table over ``search_entry``, kept in step through a queue.

Each entry is indexed twice: ``body`` as written (searches over every field, Solr's ``text``), and
``scoped``, each token prefixed with the entry's field (``family-name_carberry``), so a fielded search
is one FTS5 lookup of that field's tokens only instead of every field's, filtered afterwards. Field names
and tokens stay single FTS5 tokens (``tokenchars '-_'``; folded tokens never hold ``-`` or ``_``).

A hit's rowid is the entry's id, which names its researcher (``orchid.search.models.ENTRY_ID_BITS``):
``rowid >> 20`` is the researcher, with no lookup of the entry row. Contentless: the queue (below) hands
FTS5 the old values on delete. Phrases are FTS5 phrases, a trailing ``*`` an FTS5 prefix query. General
wildcards use Django's ``REGEXP`` function (a scan of the field's entries).

Triggers on ``search_entry`` do not write to FTS5 but append each change to ``search_fts_queue``
(``i`` with the new values, ``d`` with the old ones), a plain append inside the writer's transaction;
``catch_up_sql`` applies the queue to FTS5 in one transaction (``orchid.search.index.catch_up``: the
outbox worker every second, and every search before it reads, so a search sees every committed write).
Written straight from the triggers, FTS5 flushed a segment and merged at every COMMIT: a third of the
time a POST of a work held the write lock (bench/apibench/profile_write.py). Applied in batches, a
second's worth of writes is one segment.
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
#: Every transaction writing to FTS5 adds a segment. When each POST did (before the queue below), with 4 a
#: POST of a work spent 2.2 ms on average (p99 11 ms) in the index's merges, with 16 0.5 ms (p99 3 ms)
#: (bench/apibench/profile_write.py), for a few more segments per term for a query to read.
AUTOMERGE = 16


def tuning_sql() -> list[str]:
    return [f"INSERT INTO search_fts(search_fts, rank) VALUES ('automerge', {AUTOMERGE})"]


QUEUE = "search_fts_queue"
_TRIGGERS = ("search_entry_ai", "search_entry_ad", "search_entry_au")


def queue_sql() -> list[str]:
    """The queue and the triggers that fill it (migration 0004 puts them in place of direct triggers)."""
    insert = f"INSERT INTO {QUEUE}(op, entry_id, field, body) VALUES ('i', new.id, new.field, new.body);"
    delete = f"INSERT INTO {QUEUE}(op, entry_id, field, body) VALUES ('d', old.id, old.field, old.body);"
    return [
        f"CREATE TABLE IF NOT EXISTS {QUEUE} (seq INTEGER PRIMARY KEY, op TEXT NOT NULL, "
        "entry_id INTEGER NOT NULL, field TEXT NOT NULL, body TEXT NOT NULL)",
        *drop_triggers_sql(),
        f"CREATE TRIGGER search_entry_ai AFTER INSERT ON search_entry BEGIN {insert} END",
        f"CREATE TRIGGER search_entry_ad AFTER DELETE ON search_entry BEGIN {delete} END",
        f"CREATE TRIGGER search_entry_au AFTER UPDATE ON search_entry BEGIN {delete} {insert} END",
    ]


def drop_triggers_sql() -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {name}" for name in _TRIGGERS]


class SqliteFts5Backend:
    def pending_sql(self) -> str | None:
        """One row when the queue holds changes FTS5 has not seen yet."""
        return f"SELECT 1 FROM {QUEUE} LIMIT 1"

    def catch_up_sql(self) -> list[str]:
        """Apply the queue to FTS5 and empty it (in one transaction).

        Of an entry's queued changes only the first and the last matter: the values FTS5 holds are the old
        values of its first change when that is a delete (FTS5 had them), and the values it must hold are
        those of its last change when that is an insert; the changes in between cancel out. So: one delete
        per entry whose first change is a delete, then one insert per entry whose last change is an insert,
        in rowid order (FTS5 writes rising rowids into its pending segment without flushing it).
        """
        ordered = (
            "SELECT entry_id, op, field, body, "
            "ROW_NUMBER() OVER (PARTITION BY entry_id ORDER BY seq) AS first_change, "
            "ROW_NUMBER() OVER (PARTITION BY entry_id ORDER BY seq DESC) AS last_change "
            f"FROM {QUEUE}"
        )
        return [
            f"INSERT INTO search_fts(search_fts, rowid, body, scoped) SELECT 'delete', q.entry_id, q.body, "
            f"{_scoped('q')} FROM ({ordered}) q WHERE q.first_change = 1 AND q.op = 'd' ORDER BY q.entry_id",
            f"INSERT INTO search_fts(rowid, body, scoped) SELECT q.entry_id, q.body, {_scoped('q')} "
            f"FROM ({ordered}) q WHERE q.last_change = 1 AND q.op = 'i' ORDER BY q.entry_id",
            f"DELETE FROM {QUEUE}",
        ]

    def schema_sql(self, connection: BaseDatabaseWrapper) -> list[str]:
        return [
            "CREATE VIRTUAL TABLE search_fts USING fts5(body, scoped, content='', "
            "tokenize=\"unicode61 remove_diacritics 2 tokenchars '-_'\")",
            *queue_sql(),
            *tuning_sql(),
        ]

    def reverse_sql(self) -> list[str]:
        return [*drop_triggers_sql(), f"DROP TABLE IF EXISTS {QUEUE}", "DROP TABLE IF EXISTS search_fts"]

    def populate_sql(self) -> list[str]:
        return [
            f"DELETE FROM {QUEUE}",
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
