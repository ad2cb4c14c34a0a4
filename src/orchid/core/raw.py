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
Inserting goes the same way (`insert`, `insert_many`): `Model.save` and `bulk_create` compile an INSERT
for every call, which cost more than running it. The values are the fields' own database forms
(`get_db_prep_save`), as the ORM would send them.
Everything else uses the ORM.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import Any, TypeVar

from django.db import connection
from django.db.models import Model

M = TypeVar("M", bound=Model)
N = TypeVar("N", bound=Model)

_Converter = tuple[int, list[Callable[..., Any]], Any]  # column index, converters, their expression


def columns(model: type[Model], table: str = "") -> str:
    """The select list of every column of `model`'s table, in the order `first` expects; each qualified
    by `table` (a name or alias in the query) when given."""
    return _columns(model, table, connection.vendor)


@cache
def _columns(model: type[Model], table: str, vendor: str) -> str:
    quote = connection.ops.quote_name
    prefix = f"{table}." if table else ""
    return ", ".join(prefix + quote(field.column) for field in model._meta.concrete_fields)


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


def _build(model: type[M], values: list[Any]) -> M:
    for index, chain, expression in _converters(model, connection.vendor):
        value = values[index]
        for convert in chain:
            value = convert(value, expression, connection)
        values[index] = value
    return model.from_db(connection.alias, _attnames(model), values)


def _first_row(sql: str, params: Sequence[Any]) -> list[Any] | None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return None if row is None else list(row)


def first(model: type[M], sql: str, params: Sequence[Any]) -> M | None:
    """The first row of `sql`, which selects `columns(model)`, as a `model`; None when there is none."""
    row = _first_row(sql, params)
    return None if row is None else _build(model, row)


def first_pair(left: type[M], right: type[N], sql: str, params: Sequence[Any]) -> tuple[M, N] | None:
    """The first row of `sql`, which selects `columns(left, ...)` then `columns(right, ...)` (a join),
    as a `left` and a `right`; None when there is none."""
    row = _first_row(sql, params)
    if row is None:
        return None
    split = len(_attnames(left))
    return _build(left, row[:split]), _build(right, row[split:])


def first_with_extras(model: type[M], sql: str, params: Sequence[Any]) -> tuple[M, list[Any]] | None:
    """The first row of `sql`, which selects `columns(model)` then further values, as a `model` and the
    further values; None when there is none."""
    row = _first_row(sql, params)
    if row is None:
        return None
    split = len(_attnames(model))
    return _build(model, row[:split]), row[split:]


@cache
def _select_by(model: type[Model], column: str, vendor: str) -> str:
    return f"SELECT {columns(model)} FROM {model._meta.db_table} WHERE {column} = %s"


def by_column(model: type[M], column: str, value: Any) -> M | None:
    """The row of `model` whose (unique) `column` is `value`, or None."""
    return first(model, _select_by(model, column, connection.vendor), [value])


@cache
def _inserted_fields(model: type[Model]) -> list[Any]:
    return [field for field in model._meta.concrete_fields if field is not model._meta.auto_field]


@cache
def _insert_sql(table: str, columns: tuple[str, ...], rows: int, vendor: str) -> str:
    quote = connection.ops.quote_name
    row = "(" + ", ".join(["%s"] * len(columns)) + ")"
    names = ", ".join(quote(column) for column in columns)
    return f"INSERT INTO {quote(table)} ({names}) VALUES {', '.join([row] * rows)}"


def _model_columns(model: type[Model]) -> tuple[str, ...]:
    return tuple(field.column for field in _inserted_fields(model))


def _values(obj: Model) -> list[Any]:
    return [
        field.get_db_prep_save(field.pre_save(obj, True), connection) for field in _inserted_fields(type(obj))
    ]


def insert(obj: M) -> M:
    """Insert one new `obj` (its primary key generated by the database) and set its primary key."""
    model = type(obj)
    sql = _insert_sql(model._meta.db_table, _model_columns(model), 1, connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(f"{sql} RETURNING {connection.ops.quote_name(model._meta.pk.column)}", _values(obj))
        obj.pk = cursor.fetchone()[0]
    obj._state.adding = False
    obj._state.db = connection.alias
    return obj


#: Rows per INSERT of `insert_rows`, within the parameters one statement may have (SQLite: 32,766;
#: psycopg: 65,535).
ROWS_PER_INSERT = 500


def insert_rows(table: str, columns: tuple[str, ...], rows: Sequence[Sequence[Any]]) -> None:
    """Insert `rows` (values in `columns` order, already in their database forms) into `table`, many to a
    statement: one round trip for a POST's few rows, where `executemany` sends one statement per row."""
    with connection.cursor() as cursor:
        for start in range(0, len(rows), ROWS_PER_INSERT):
            chunk = rows[start : start + ROWS_PER_INSERT]
            sql = _insert_sql(table, columns, len(chunk), connection.vendor)
            cursor.execute(sql, [value for row in chunk for value in row])


def insert_many(objs: Sequence[Model]) -> None:
    """Insert new rows of one model, many to a statement (their primary keys are not read back)."""
    if objs:
        model = type(objs[0])
        insert_rows(model._meta.db_table, _model_columns(model), [_values(obj) for obj in objs])
