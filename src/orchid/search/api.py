"""The three search endpoints' answers: ``search:search``, ``expanded-search``, CSV (spec §7)."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from typing import Any

from django.http import HttpResponse

from orchid.records import documents
from orchid.records.viewer import Viewer
from orchid.schema import models as m
from orchid.search import fields as f
from orchid.search.service import search

#: `fl` names of /expanded-search and the ExpandedResult attributes they fill.
EXPANDED_FIELDS: dict[str, str] = {
    "orcid": "orcid_id",
    "given-names": "given_names",
    "family-name": "family_names",
    "credit-name": "credit_name",
    "other-names": "other_name",
    "email": "email",
    "current-institution-affiliation-name": "institution_name",
    "past-institution-affiliation-name": "institution_name",
    "given-and-family-names": "given_names",
}


def _fl(params: Mapping[str, str], allowed: tuple[str, ...]) -> list[str]:
    """`fl`, filtered to the allowed fields (ORCID drops the others); default: all of them."""
    raw = params.get("fl")
    if not raw or not raw.strip():
        return list(allowed)
    chosen = [name.strip() for name in raw.split(",") if name.strip() in allowed]
    return chosen or list(allowed)


def search_results(params: Mapping[str, str], viewer: Viewer) -> Any:
    page = search(params, viewer, display=False)
    return m.search.Search(
        result=[
            m.search.Result(orcid_identifier=documents.orcid_identifier(orcid)) for orcid, _ in page.hits
        ],
        num_found=page.num_found,
    )


def expanded_results(params: Mapping[str, str], viewer: Viewer) -> Any:
    page = search(params, viewer)
    wanted = {EXPANDED_FIELDS[name] for name in _fl(params, tuple(EXPANDED_FIELDS))} | {"orcid_id"}
    results = []
    for orcid, display in page.hits:
        values: dict[str, Any] = {
            "orcid_id": orcid,
            "given_names": display.get("given-names"),
            "family_names": display.get("family-names"),
            "credit_name": display.get("credit-name"),
            "other_name": list(display.get("other-name") or []),
            "email": list(display.get("email") or []),
            "institution_name": list(display.get("institution-name") or []),
        }
        for name in list(values):
            if name not in wanted:
                values[name] = [] if isinstance(values[name], list) else None
        results.append(m.expanded_search.ExpandedResult(**values))
    return m.expanded_search.ExpandedSearch(expanded_result=results, num_found=page.num_found)


def _csv_cell(name: str, orcid: str, display: Mapping[str, Any]) -> str:
    if name == "orcid":
        return orcid
    if name == "given-and-family-names":
        return " ".join(p for p in (display.get("given-names"), display.get("family-names")) if p)
    key = {"family-name": "family-names", "other-names": "other-name"}.get(name, name)
    value = display.get(key)
    if isinstance(value, list):
        return ",".join(value)
    return value or ""


def csv_results(params: Mapping[str, str], viewer: Viewer) -> HttpResponse:
    page = search(params, viewer)
    columns = _fl(params, f.CSV_FIELDS)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)  # Solr's wt=csv header line
    for orcid, display in page.hits:
        writer.writerow([_csv_cell(name, orcid, display) for name in columns])
    return HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
