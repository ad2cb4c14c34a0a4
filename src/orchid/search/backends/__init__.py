"""Full-text backends: how a token condition on ``search_entry`` becomes SQL for this database.

A backend answers one question for the query compiler: the SQL (with params) of "entries whose body
matches these tokens (as a phrase, the last one maybe a prefix)", and of "entries whose body has a
token matching this regular expression" (general wildcards). ``schema_sql`` is what migration 0001
runs to build the backend's structures.
"""

from __future__ import annotations

from typing import Protocol

from django.db.backends.base.base import BaseDatabaseWrapper


class Backend(Protocol):
    def schema_sql(self, connection: BaseDatabaseWrapper) -> list[str]: ...

    def reverse_sql(self) -> list[str]: ...

    def phrase(self, tokens: list[str], prefix: bool) -> tuple[str, list[object]]:
        """A condition on alias ``e`` (search_entry): body has ``tokens`` in a row."""
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
