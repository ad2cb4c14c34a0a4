"""Hand-written SQL for the statements on every request's path.

Building a query with the ORM costs more than running a key lookup (bench/apibench/profile_write.py:
~0.25 ms against ~0.05 ms on SQLite), and a write holds SQLite's lock meanwhile. So the statements every
record write runs (and the token and record lookups of every API call) are SQL strings, built once
(`functools.cache`) next to the code that uses them and marked "raw SQL: a hot path (orchid.core.raw)".

Rows that are models come back as models, with the fields' conversions applied as the ORM applies them.
Not through `Manager.raw`: that resolves the columns and their converters again for every query, which
cost more than the query itself (0.15 ms per lookup, four lookups per POST). Here they are worked out
once per model and database vendor, and the SQL names the model's columns (`columns`) in the order of its
concrete fields, so that a row is the model's constructor arguments (`Model.from_db`).
Everything else uses the ORM.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import Any, TypeVar

from django.db import connection
from django.db.models import Model

M = TypeVar("M", bound=Model)

_Converter = tuple[int, list[Callable[..., Any]], Any]  # column index, converters, their expression


def columns(model: type[Model]) -> str:
    """The select list of every column of `model`'s table, in the order `first` expects."""
    return _columns(model, connection.vendor)


@cache
def _columns(model: type[Model], vendor: str) -> str:
    quote = connection.ops.quote_name
    return ", ".join(quote(field.column) for field in model._meta.concrete_fields)


@cache
def _attnames(model: type[Model]) -> list[str]:
    return [field.attname for field in model._meta.concrete_fields]


@cache
def _converters(model: type[Model], vendor: str) -> list[_Converter]:
    found = []
    for index, field in enumerate(model._meta.concrete_fields):
        expression = field.get_col(model._meta.db_table)
        chain = connection.ops.get_db_converters(expression) + expression.get_db_converters(connection)
        if chain:
            found.append((index, chain, expression))
    return found


def first(model: type[M], sql: str, params: Sequence[Any]) -> M | None:
    """The first row of `sql`, which selects `columns(model)`, as a `model`; None when there is none."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        return None
    values = list(row)
    for index, chain, expression in _converters(model, connection.vendor):
        value = values[index]
        for convert in chain:
            value = convert(value, expression, connection)
        values[index] = value
    return model.from_db(connection.alias, _attnames(model), values)


@cache
def _select_by(model: type[Model], column: str, vendor: str) -> str:
    return f"SELECT {columns(model)} FROM {model._meta.db_table} WHERE {column} = %s"


def by_column(model: type[M], column: str, value: Any) -> M | None:
    """The row of `model` whose (unique) `column` is `value`, or None."""
    return first(model, _select_by(model, column, connection.vendor), [value])
