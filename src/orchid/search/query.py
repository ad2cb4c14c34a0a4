"""Solr/Lucene query syntax (parsed by luqum) compiled to one SQL condition on ``search_document d``.

Supported: fielded terms (``family-name:Carberry``), bare terms (``df=text``, or the ``qf`` fields
under ``defType=dismax|edismax``), phrases, ``AND``/``OR``/``NOT`` (upper case), ``+``/``-``,
grouping and field groups (``given-names:(josiah OR jo)``), wildcards (``carb*``, ``c?rberry``,
``*berry``), ``field:*``, ``*:*``, date ranges on the date fields (``[2018-01-01T00:00:00Z TO NOW]``,
``{...}``, ``*``, ``NOW-1YEAR``, ``NOW/DAY``). Boosts are accepted and ignored (no relevance ranking);
fuzzy terms match exactly; proximity (``"a b"~3``) needs every word in the same value.

Implicit operators follow Lucene: ``+`` clauses are required, ``-``/``NOT`` clauses excluded, the
others optional (at least one must match when nothing is required); ``q.op=AND`` or
``defType=dismax`` (Solr's mm=100%) make them required. Every problem is a ``QueryError`` whose
message says what is wrong; the API answers it with 400.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from luqum import tree
from luqum.parser import parser

from orchid.search import fields as f
from orchid.search.backends import Backend, Phrase
from orchid.search.text import fold, tokens

MAX_CLAUSES = 1024  # Solr's maxBooleanClauses
DEF_TYPES = ("lucene", "edismax", "dismax")

_parse_lock = threading.Lock()  # luqum's (ply) parser keeps state on the parser object


class QueryError(Exception):
    """A query Orchid cannot run; the message is for the client."""


@dataclass(frozen=True)
class Sql:
    text: str
    params: tuple[Any, ...] = ()
    #: When the condition is "the researcher has a matching entry": the SELECT of those researchers' ids
    #: (column ``researcher_id``), which lets the service count and page hits without reading every
    #: matching document (orchid.search.service).
    ids: Sql | None = None


TRUE = Sql("1=1")
FALSE = Sql("1=0")


def parse_qf(qf: str | None) -> tuple[str, ...]:
    """`qf=given-names^2.0 family-name` -> the field names (boosts ignored), each checked."""
    names = []
    for part in (qf or "").replace(",", " ").split():
        name = part.split("^", 1)[0]
        _field(name)
        names.append(name)
    return tuple(names)


def _field(name: str) -> f.Field:
    found = f.lookup(name)
    if found is None:
        raise QueryError(f"Unknown search field '{name}'")
    return found


def parse(q: str) -> tree.Item:
    if not q or not q.strip():
        raise QueryError("The q parameter is required (a Solr query, e.g. family-name:Carberry)")
    try:
        with _parse_lock:
            return parser.parse(q)
    except Exception as exc:  # luqum's ParseSyntaxError / IllegalCharacterError / ply errors
        raise QueryError(f"Invalid query '{q}': {exc}") from None


def compile_query(
    q: str, backend: Backend, *, def_type: str | None = None, qf: str | None = None, q_op: str | None = None
) -> Sql:
    kind = (def_type or "lucene").lower()
    if kind not in DEF_TYPES:
        raise QueryError(f"Unsupported defType '{def_type}': use one of {', '.join(DEF_TYPES)}")
    operator = (q_op or ("AND" if kind == "dismax" else "OR")).upper()
    if operator not in ("AND", "OR"):
        raise QueryError(f"Invalid q.op '{q_op}': use AND or OR")
    default_fields = (parse_qf(qf) or (f.DEFAULT_FIELD,)) if kind != "lucene" else (f.DEFAULT_FIELD,)
    return _Compiler(backend, operator).node(parse(q), default_fields)


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _has_wildcard(text: str) -> bool:
    return re.search(r"(?<!\\)[*?]", text) is not None


_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z?)?$")
_MATH = re.compile(r"([+-])(\d+)(YEAR|MONTH|DAY|HOUR|MINUTE|SECOND)S?|/(YEAR|MONTH|DAY|HOUR|MINUTE|SECOND)S?")
_UNITS = {"DAY": timedelta(days=1), "HOUR": timedelta(hours=1), "MINUTE": timedelta(minutes=1)}


def _truncate(moment: datetime, unit: str) -> datetime:
    if unit == "YEAR":
        return moment.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
    if unit == "MONTH":
        return moment.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    if unit == "DAY":
        return moment.replace(hour=0, minute=0, second=0, microsecond=0)
    if unit == "HOUR":
        return moment.replace(minute=0, second=0, microsecond=0)
    if unit == "MINUTE":
        return moment.replace(second=0, microsecond=0)
    return moment.replace(microsecond=0)


def _shift(moment: datetime, sign: int, amount: int, unit: str) -> datetime:
    if unit in ("YEAR", "MONTH"):
        months = moment.year * 12 + moment.month - 1 + sign * amount * (12 if unit == "YEAR" else 1)
        year, month = divmod(months, 12)
        return moment.replace(year=year, month=month + 1, day=min(moment.day, 28))
    step = _UNITS.get(unit, timedelta(seconds=1))
    return moment + sign * amount * step


def parse_date(text: str) -> datetime | None:
    """A Solr date (`2018-01-01T00:00:00Z`, `2018-01-01`, `NOW`, `NOW-1YEAR/DAY`) or None for `*`."""
    value = _unescape(text.strip())
    if value == "*":
        return None
    if value.upper().startswith("NOW"):
        moment = datetime.now(UTC)
        rest = value[3:].upper()
        position = 0
        while position < len(rest):
            match = _MATH.match(rest, position)
            if match is None:
                raise QueryError(f"Invalid date math '{value}'")
            if match.group(4):
                moment = _truncate(moment, match.group(4))
            else:
                moment = _shift(
                    moment, 1 if match.group(1) == "+" else -1, int(match.group(2)), match.group(3)
                )
            position = match.end()
        return moment
    match = _DATE.match(value)
    if match is None:
        raise QueryError(f"Invalid date '{value}': use e.g. 2018-01-01T00:00:00Z, 2018-01-01 or NOW")
    year, month, day, hour, minute, second = (int(p) if p else 0 for p in match.groups())
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    except ValueError as exc:
        raise QueryError(f"Invalid date '{value}': {exc}") from None


class _Compiler:
    def __init__(self, backend: Backend, operator: str) -> None:
        self.backend = backend
        self.operator = operator
        self.clauses = 0

    # --- boolean structure ---------------------------------------------------------------------

    def node(self, node: tree.Item, names: tuple[str, ...]) -> Sql:
        if isinstance(node, tree.SearchField):
            if node.name == "*":
                if isinstance(node.expr, tree.Word) and node.expr.value == "*":
                    return TRUE
                raise QueryError("'*' is only allowed as '*:*' (every record)")
            _field(node.name)
            return self.node(node.expr, (node.name,))
        if isinstance(node, tree.Group | tree.FieldGroup):
            return _paren(self.node(node.expr, names))
        if isinstance(node, tree.Boost):
            return self.node(node.expr, names)
        if isinstance(node, tree.Plus):
            return self.node(node.a, names)
        if isinstance(node, tree.Not | tree.Prohibit):
            return _not(self.node(node.a, names))
        if isinstance(node, tree.AndOperation):
            return _join(" AND ", [self.node(child, names) for child in node.children])
        if isinstance(node, tree.OrOperation):
            return _join(" OR ", [self.node(child, names) for child in node.children])
        if isinstance(node, tree.UnknownOperation):
            return self._implicit(node, names)
        if isinstance(node, tree.Range):
            return self._range(node, names)
        if isinstance(node, tree.Fuzzy):
            return self.node(node.term, names)
        if isinstance(node, tree.Proximity):
            return self._terms(names, tokens(_unescape(node.term.value.strip('"'))), together=False)
        if isinstance(node, tree.Phrase):
            return self._terms(names, tokens(_unescape(node.value[1:-1])))
        if isinstance(node, tree.Word):
            return self._word(node.value, names)
        raise QueryError(f"Unsupported query syntax: '{node}'")

    def _implicit(self, node: tree.UnknownOperation, names: tuple[str, ...]) -> Sql:
        required: list[Sql] = []
        excluded: list[Sql] = []
        optional: list[Sql] = []
        for child in node.children:
            if isinstance(child, tree.Not | tree.Prohibit):
                excluded.append(_not(self.node(child.a, names)))
            elif isinstance(child, tree.Plus) or self.operator == "AND":
                required.append(self.node(child, names))
            else:
                optional.append(self.node(child, names))
        parts = required + excluded
        if optional and not required:
            parts.insert(0, _join(" OR ", optional))
        return _join(" AND ", parts) if parts else TRUE

    # --- terms ---------------------------------------------------------------------------------

    def _word(self, raw: str, names: tuple[str, ...]) -> Sql:
        if raw == "*":
            return self._exists(names)
        kinds = {_field(name).kind for name in names}
        if f.Kind.DATE in kinds:
            example = f"{names[0]}:[2018-01-01T00:00:00Z TO NOW]"
            raise QueryError(f"The date field '{names[0]}' is searched with a range, e.g. {example}")
        if not _has_wildcard(raw):
            return self._terms(names, tokens(_unescape(raw)))
        stem = raw[:-1]
        if raw.endswith("*") and not _has_wildcard(stem) and tokens(_unescape(stem)):
            return self._terms(names, tokens(_unescape(stem)), prefix=True)
        return self._wildcard(raw, names)

    def _wildcard(self, raw: str, names: tuple[str, ...]) -> Sql:
        pieces = re.split(r"(?<!\\)([*?])", raw)
        pattern = ""
        for piece in pieces:
            if piece == "*":
                pattern += "[^ ]*"
            elif piece == "?":
                pattern += "[^ ]"
            else:
                pattern += " ".join(re.escape(token) for token in tokens(_unescape(piece)))
        if not pattern.replace("[^ ]*", "").replace("[^ ]", ""):
            return self._exists(names)
        condition, params = self.backend.regex(f"(^| ){pattern}( |$)")
        return self._entries(names, [Sql(condition, tuple(params))])

    def _terms(
        self, names: tuple[str, ...], words: list[str], *, prefix: bool = False, together: bool = True
    ) -> Sql:
        if not words:
            return FALSE  # nothing searchable (only punctuation): Solr finds nothing either
        # A phrase: tokens in a row; a proximity query: each word somewhere in the same value.
        phrases = [Phrase(tuple(words), prefix)] if together else [Phrase((word,)) for word in words]
        self._count_clause()
        searched = self._searched(names)
        fields = None if any(_field(name).kind is f.Kind.ALL for name in searched) else tuple(searched)
        select, params = self.backend.matching(fields, phrases)
        return Sql(f"d.researcher_id IN ({select})", tuple(params), ids=Sql(select, tuple(params)))

    def _exists(self, names: tuple[str, ...]) -> Sql:
        if any(_field(name).kind is f.Kind.ALL for name in names):
            return TRUE
        if all(name in f.DATE_COLUMNS for name in names):
            return TRUE  # every document has both dates
        return self._entries(names, [])

    def _count_clause(self) -> None:
        self.clauses += 1
        if self.clauses > MAX_CLAUSES:
            raise QueryError(f"Too many clauses in the query (at most {MAX_CLAUSES})")

    def _searched(self, names: tuple[str, ...]) -> list[str]:
        searched = [name for name in names if _field(name).kind is not f.Kind.DATE]
        if not searched:
            raise QueryError(f"The date field '{names[0]}' is searched with a range")
        return searched

    def _entries(self, names: tuple[str, ...], conditions: list[Sql]) -> Sql:
        self._count_clause()
        where: list[str] = []
        params: list[Any] = []
        searched = self._searched(names)
        if not any(_field(name).kind is f.Kind.ALL for name in searched):
            where.append("e.field IN (" + ", ".join(["%s"] * len(searched)) + ")")
            params.extend(searched)
        for condition in conditions:
            where.append(condition.text)
            params.extend(condition.params)
        text = "d.researcher_id IN (SELECT e.researcher_id FROM search_entry e"
        if where:
            text += " WHERE " + " AND ".join(where)
        return Sql(text + ")", tuple(params))

    def _range(self, node: tree.Range, names: tuple[str, ...]) -> Sql:
        if len(names) != 1 or names[0] not in f.DATE_COLUMNS:
            raise QueryError(
                "Range queries are supported on the date fields only: " + ", ".join(f.DATE_COLUMNS)
            )
        column = "d." + f.DATE_COLUMNS[names[0]]
        low, high = parse_date(str(node.low)), parse_date(str(node.high))
        parts: list[str] = []
        params: list[Any] = []
        if low is not None:
            parts.append(f"{column} {'>=' if node.include_low else '>'} %s")
            params.append(low)
        if high is not None:
            parts.append(f"{column} {'<=' if node.include_high else '<'} %s")
            params.append(high)
        return Sql("(" + " AND ".join(parts) + ")", tuple(params)) if parts else TRUE


def _paren(sql: Sql) -> Sql:
    return Sql(f"({sql.text})", sql.params, ids=sql.ids)


def _not(sql: Sql) -> Sql:
    return Sql(f"NOT ({sql.text})", sql.params)


def _join(operator: str, parts: list[Sql]) -> Sql:
    if len(parts) == 1:
        return parts[0]
    return Sql("(" + operator.join(p.text for p in parts) + ")", tuple(x for p in parts for x in p.params))


__all__ = ["QueryError", "Sql", "compile_query", "fold", "parse_date", "parse_qf"]
