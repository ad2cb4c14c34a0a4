"""Full-text backends: how a token condition on ``search_entry`` becomes SQL for this database.

A backend answers two questions for the query compiler: the SQL (with params) selecting "researchers with an
entry, in one of these fields (or any), whose body holds each of these phrases (tokens in a row, the last
one maybe a prefix)", and of "entries whose body has a token matching this regular expression" (general
wildcards). ``schema_sql`` builds the backend's structures over ``search_entry`` (migrations 0001 and 0002),
``reverse_sql`` drops them (old and current names alike), ``populate_sql`` fills them from existing rows
(after a bulk load that bypassed them, bench/search.py). A backend may let the structures lag the entries
(``pending_sql``) until ``catch_up_sql`` runs (``orchid.search.index.catch_up``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from django.db.backends.base.base import BaseDatabaseWrapper


@dataclass(frozen=True)
class Phrase:
    tokens: tuple[str, ...]  # folded tokens (orchid.search.text), at least one
    prefix: bool = False  # the last token is a prefix


class Backend(Protocol):
    def schema_sql(self, connection: BaseDatabaseWrapper) -> list[str]: ...

    def reverse_sql(self) -> list[str]: ...

    def populate_sql(self) -> list[str]: ...

    def pending_sql(self) -> str | None:
        """A query with a row when writes are waiting for ``catch_up_sql`` (None: the structures follow every
        write at once)."""
        ...

    def catch_up_sql(self) -> list[str]:
        """Bring the full-text structures up to the committed entries (run in one transaction)."""
        ...

    def matching(self, fields: tuple[str, ...] | None, phrases: list[Phrase]) -> tuple[str, list[object]]:
        """A SELECT of column ``researcher_id``: researchers with one entry, in one of ``fields`` (None: any
        field), whose body holds every phrase (an id may come more than once)."""
        ...

    def regex(self, pattern: str) -> tuple[str, list[object]]:
        """A condition on alias ``e``: body matches the (portable, POSIX-and-Python) regex."""
        ...


def for_vendor(vendor: str) -> Backend:
    if vendor == "postgresql":
        from orchid.search.backends.postgres import PostgresBackend

        return PostgresBackend()
    if vendor == "sqlite":
        from orchid.search.backends.sqlite_fts5 import SqliteFts5Backend

        return SqliteFts5Backend()
    raise RuntimeError(f"search has no backend for the {vendor} database")
