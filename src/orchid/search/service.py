"""Running a search: ORCID's parameter rules (spec §7, §9), the query, the page of results.

``rows``: default 1000, an integer 0..1000 else 9012. ``start``: an integer >= 0; callers without
credentials at most 10,000 (9043). Query problems are ``OrcidError(9001)`` with 400 and a message
saying what is wrong. Results come in creation order (no relevance ranking) unless ``sort`` names
``profile-submission-date``, ``profile-last-modified-date`` or ``orcid`` (``asc``/``desc``).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db import connection

from orchid.errors import OrcidError
from orchid.records.viewer import Viewer
from orchid.search import fields as f
from orchid.search.backends import for_vendor
from orchid.search.index import catch_up
from orchid.search.query import QueryError, Sql, compile_query

logger = logging.getLogger("orchid.search")

MAX_ROWS = 1000
DEFAULT_ROWS = 1000
MAX_ANONYMOUS_START = 10_000
ROWS_MESSAGE = "The rows parameter must be an integer between 0 and 1000"
START_MESSAGE = "The start parameter must be an integer greater than or equal to 0"


@dataclass(frozen=True)
class Page:
    num_found: int
    hits: list[tuple[str, dict[str, Any]]]  # (orcid, display values)


def _int(raw: str | None, default: int) -> int | None:
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw.strip())
    except ValueError:
        return None


def page_bounds(params: Mapping[str, str], viewer: Viewer) -> tuple[int, int]:
    rows = _int(params.get("rows"), DEFAULT_ROWS)
    if rows is None or not 0 <= rows <= MAX_ROWS:
        raise OrcidError(9012, ROWS_MESSAGE)
    start = _int(params.get("start"), 0)
    anonymous = viewer.client is None
    if anonymous and (start is None or not 0 <= start <= MAX_ANONYMOUS_START):
        raise OrcidError(9043)
    if start is None or start < 0:
        raise OrcidError(9012, START_MESSAGE)
    return start, rows


DEFAULT_ORDER = "d.researcher_id ASC"  # creation order: no relevance ranking


def _order(sort: str | None) -> str:
    if not sort or not sort.strip():
        return DEFAULT_ORDER
    clauses = []
    for part in sort.split(","):
        words = part.split()
        column = f.SORT_COLUMNS.get(words[0]) if words else None
        direction = words[1].upper() if len(words) == 2 else ""
        if column is None or direction not in ("ASC", "DESC"):
            allowed = ", ".join(f.SORT_COLUMNS)
            raise OrcidError(
                9001, f"Invalid sort '{part.strip()}': use '<field> asc|desc' with one of {allowed}"
            )
        clauses.append(f"d.{column} {direction}")
    return ", ".join([*clauses, "d.researcher_id ASC"])


def search(params: Mapping[str, str], viewer: Viewer, *, display: bool = True) -> Page:
    """One page of hits; ``display=False`` (``/search`` shows iDs only) leaves the display values out."""
    start, rows = page_bounds(params, viewer)
    try:
        catch_up()  # the committed writes the worker has not brought into the index yet
    except Exception:  # answer from the index as it is; the worker's chore retries and logs too
        logger.exception("search: could not bring the index up to date")
    try:
        where = compile_query(
            params.get("q", ""),
            for_vendor(connection.vendor),
            def_type=params.get("defType"),
            qf=params.get("qf"),
            q_op=params.get("q.op"),
        )
    except QueryError as exc:
        raise OrcidError(9001, str(exc)) from None
    order = _order(params.get("sort"))
    if where.ids is not None and order == DEFAULT_ORDER:
        return _page_of_ids(where.ids, start, rows, display)
    hits: list[tuple[str, dict[str, Any]]] = []
    total = 0
    with connection.cursor() as cursor:
        if rows:
            # The page and num-found in one pass over the hits (COUNT(*) OVER () is computed before LIMIT).
            columns = "d.orcid, d.display" if display else "d.orcid, NULL"
            cursor.execute(
                f"SELECT {columns}, COUNT(*) OVER () FROM search_document d WHERE {where.text} "
                f"ORDER BY {order} LIMIT %s OFFSET %s",
                [*where.params, rows, start],
            )
            for orcid, values, found in cursor.fetchall():
                hits.append((orcid, _json(values)))
                total = int(found)
        if not hits and (start > 0 or not rows):  # past the last hit, or rows=0: count alone
            cursor.execute(f"SELECT COUNT(*) FROM search_document d WHERE {where.text}", list(where.params))
            row = cursor.fetchone()
            total = int(row[0]) if row else 0
    return Page(total, hits)


def _page_of_ids(ids: Sql, start: int, rows: int, display: bool) -> Page:
    """A query that is one entry condition, in the default order: count and page the matching researcher
    ids, then read the documents of that page only. Every researcher with entries has a document
    (orchid.search.index writes entries only under one), so the count is the number of distinct ids."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT m.researcher_id, COUNT(*) OVER () "
            f"FROM (SELECT DISTINCT researcher_id FROM ({ids.text}) x) m "
            "ORDER BY m.researcher_id LIMIT %s OFFSET %s",
            [*ids.params, max(rows, 1), start],
        )
        page = cursor.fetchall()
        if page:
            total = int(page[0][1])
        else:
            cursor.execute(f"SELECT COUNT(DISTINCT researcher_id) FROM ({ids.text}) x", list(ids.params))
            row = cursor.fetchone()
            total = int(row[0]) if row else 0
        if not rows or not page:
            return Page(total, [])
        columns = "d.researcher_id, d.orcid, d.display" if display else "d.researcher_id, d.orcid, NULL"
        wanted = [int(researcher_id) for researcher_id, _ in page]
        marks = ", ".join(["%s"] * len(wanted))
        cursor.execute(f"SELECT {columns} FROM search_document d WHERE d.researcher_id IN ({marks})", wanted)
        found = {
            int(researcher_id): (orcid, _json(values)) for researcher_id, orcid, values in cursor.fetchall()
        }
    return Page(total, [found[researcher_id] for researcher_id in wanted if researcher_id in found])


def _json(value: Any) -> dict[str, Any]:
    if isinstance(value, dict):
        return value
    import json

    return json.loads(value) if value else {}
