"""Hand-written SQL for the statements on every request's path.

Building a query with the ORM costs more than running a key lookup (bench/apibench/profile_write.py:
~0.25 ms against ~0.05 ms on SQLite), and a write holds SQLite's lock meanwhile. So the statements every
record write runs (and the token and record lookups of every API call) are SQL strings, built once
(`functools.cache`) next to the code that uses them and marked "raw SQL: a hot path (orchid.core.raw)".
Rows that are models come back as models through `Manager.raw`, which applies the fields' conversions;
these helpers do that. Everything else uses the ORM.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any, TypeVar

from django.db.models import Model

M = TypeVar("M", bound=Model)


def first(model: type[M], sql: str, params: Sequence[Any]) -> M | None:
    """The first row of `sql` (every column of `model`'s table) as a `model`, or None."""
    rows: Any = model._default_manager.raw(sql, params)
    return next(iter(rows), None)


@cache
def _select_by(model: type[Model], column: str) -> str:
    return f"SELECT * FROM {model._meta.db_table} WHERE {column} = %s"


def by_column(model: type[M], column: str, value: Any) -> M | None:
    """The row of `model` whose (unique) `column` is `value`, or None."""
    return first(model, _select_by(model, column), [value])
