"""The OpenAPI 3 document of the v3.0 API (`/v3.0/openapi.json`) and the browsable page (`/v3.0/`).

Both are generated from the API's URL table (`orchid.api.urls`: each pattern's Endpoint and its methods)
and the sections table (`orchid.records.sections`: one path per section for the generic `{segment}`
routes), so they never drift from what the server answers. No hand-maintained JSON.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.templatetags.static import static
from django.utils.html import escape

from orchid import __version__
from orchid.api import negotiation
from orchid.api.edge import Endpoint
from orchid.records.sections import ACTIVITIES, SECTIONS, Section

PREFIX = "/v3.0"
DATA_TYPES = tuple(
    media.name
    for media in (
        negotiation.VND_ORCID_XML,
        negotiation.ORCID_XML,
        negotiation.APPLICATION_XML,
        negotiation.VND_ORCID_JSON,
        negotiation.ORCID_JSON,
        negotiation.APPLICATION_JSON,
    )
)
PARAMETERS: dict[str, dict[str, Any]] = {
    "orcid": {
        "description": "an ORCID iD",
        "schema": {"type": "string", "pattern": r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$"},
    },
    "put_code": {"description": "the item's put code", "schema": {"type": "integer", "format": "int64"}},
    "put_codes": {"description": "up to 100 put codes, comma-separated", "schema": {"type": "string"}},
    "client_id": {"description": "a client id (APP-...)", "schema": {"type": "string"}},
}
QUERY_PARAMETERS: dict[str, list[dict[str, Any]]] = {
    "/group-id-record": [
        {"name": name, "in": "query", "required": False, "schema": schema}
        for name, schema in (
            ("page-size", {"type": "integer"}),
            ("page", {"type": "integer"}),
            ("group-id", {"type": "string"}),
            ("name", {"type": "string"}),
        )
    ],
    "/identifiers": [{"name": "locale", "in": "query", "required": False, "schema": {"type": "string"}}],
}
NO_BODY_STATUS = {"POST": "201", "DELETE": "204"}
#: Endpoints whose answers differ from the defaults above: (endpoint, method) -> status -> description.
SPECIAL_RESPONSES: dict[tuple[str, str], dict[str, str]] = {
    ("webhook", "PUT"): {"201": "registered", "204": "already registered"},
    ("webhook-v3", "PUT"): {"201": "registered", "204": "already registered"},
    ("notification-permission", "DELETE"): {"200": "archived; the notification is returned"},
}


@dataclass(frozen=True)
class Operation:
    path: str  # an OpenAPI path template under /v3.0, e.g. "/{orcid}/work/{put_code}"
    method: str  # GET, POST, PUT, DELETE
    endpoint: str  # the URL pattern's name
    member_only: bool
    authenticated: bool
    json_only: bool
    section: Section | None


def _endpoint_of(callback: Any) -> Endpoint | None:
    target = getattr(getattr(callback, "__wrapped__", None), "__self__", None)
    return target if isinstance(target, Endpoint) else None


def _group_end(regex: str, start: int) -> int:
    """Index just past the group opening at `start` (balanced parentheses, escapes skipped)."""
    depth, i = 0, start
    while i < len(regex):
        char = regex[i]
        if char == "\\":
            i += 2
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise ValueError(f"unbalanced group in {regex!r}")


def templates(regex: str) -> list[str]:
    """OpenAPI path templates a URL regex matches: named groups become `{name}`, `(?:a|b)` expands."""
    results = [""]
    i = 0
    while i < len(regex):
        char = regex[i]
        if regex.startswith("(?P<", i):
            end = _group_end(regex, i)
            name = regex[i + 4 : regex.index(">", i)]
            results = [r + "{" + name + "}" for r in results]
            i = end
        elif regex.startswith("(?:", i):
            end = _group_end(regex, i)
            choices = regex[i + 3 : end - 1].split("|")
            results = [r + choice.replace("\\", "") for r in results for choice in choices]
            i = end
        elif char == "\\":
            results = [r + regex[i + 1] for r in results]
            i += 2
        elif char in "^$":
            i += 1
        elif regex.startswith("/?", i):
            i += 2
        else:
            results = [r + char for r in results]
            i += 1
    return results


def _segment_paths(template: str, pattern_name: str, method: str) -> list[tuple[str, Section | None]]:
    """The paths a `{segment}` route serves for a method (views.py: lists on the list segment, POST
    and items on the item segment, summaries for activities only)."""
    if "{segment}" not in template:
        return [(template, None)]
    if pattern_name == "summary":
        sections = list(ACTIVITIES)
    elif pattern_name == "section" and method == "GET":
        # `/{orcid}/works` has its own route, listed before this one.
        return [
            (template.replace("{segment}", s.list_segment), s) for s in SECTIONS if s.list_segment != "works"
        ]
    else:
        sections = list(SECTIONS)
    return [(template.replace("{segment}", s.item_segment), s) for s in sections]


def operations() -> list[Operation]:
    """Every (path, method) of the v3.0 API, in URL-table order."""
    from orchid.api import urls

    found: list[Operation] = []
    for pattern in urls.urlpatterns:
        regex = str(pattern.pattern)
        endpoint = _endpoint_of(getattr(pattern, "callback", None))
        if not regex.startswith("^v3\\.0/") or endpoint is None or not endpoint.handlers:
            continue
        name = getattr(pattern, "name", "") or ""
        for template in templates(regex.removeprefix("^v3\\.0")):
            for method in ("GET", "POST", "PUT", "DELETE"):
                if method not in endpoint.handlers:
                    continue
                for path, section in _segment_paths(template, name, method):
                    found.append(
                        Operation(
                            path=path,
                            method=method,
                            endpoint=name,
                            member_only=endpoint.member_only or method != "GET",
                            authenticated=endpoint.authenticate,
                            json_only=not endpoint.negotiate,
                            section=section,
                        )
                    )
    found.sort(key=lambda op: _ORDER.index(op.method))
    return sorted(found, key=lambda op: op.path)


_ORDER = ("GET", "POST", "PUT", "DELETE")


def _summary(op: Operation) -> str:
    what = op.section.label if op.section is not None else op.endpoint.replace("-", " ")
    verbs = {"GET": "Read", "POST": "Add", "PUT": "Update", "DELETE": "Delete"}
    return f"{verbs[op.method]} {what}"


def document() -> dict[str, Any]:
    paths: dict[str, dict[str, Any]] = {}
    for op in operations():
        parameters = [
            {
                "name": name,
                "in": "path",
                "required": True,
                **PARAMETERS.get(name, {"schema": {"type": "string"}}),
            }
            for name in re.findall(r"\{([a-z_]+)\}", op.path)
        ]
        parameters += QUERY_PARAMETERS.get(op.path, []) if op.method == "GET" else []
        types = ("application/json",) if op.json_only else DATA_TYPES
        responses: dict[str, Any]
        special = SPECIAL_RESPONSES.get((op.endpoint, op.method))
        if special is not None:
            responses = {status: {"description": text} for status, text in special.items()}
        elif op.method in NO_BODY_STATUS:
            responses = {NO_BODY_STATUS[op.method]: {"description": "done"}}
        else:
            responses = {"200": {"description": "OK", "content": {t: {} for t in types}}}
        responses["default"] = {
            "description": "an ORCID error (error:error)",
            "content": {t: {} for t in types},
        }
        operation: dict[str, Any] = {
            "summary": _summary(op),
            "operationId": f"{op.method.lower()}_{op.endpoint}_{op.path}".replace("/", "_")
            .replace("{", "")
            .replace("}", ""),
            "tags": ["member" if op.member_only else "public"],
            "parameters": parameters,
            "responses": responses,
        }
        if op.method in ("POST", "PUT"):
            operation["requestBody"] = {"required": True, "content": {t: {} for t in DATA_TYPES}}
        if not op.authenticated:
            operation["security"] = []
        elif not op.member_only:
            operation["security"] = [{}, {"bearer": []}]  # anonymous reads are allowed (Public API)
        paths.setdefault(op.path, {})[op.method.lower()] = operation
    return {
        "openapi": "3.0.3",
        "info": {"title": "Orchid ORCID-compatible API", "version": f"3.0 (Orchid {__version__})"},
        "servers": [{"url": PREFIX}],
        "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
        "security": [{"bearer": []}],
        "tags": [
            {"name": "public", "description": "Public API: no token needed, public data only"},
            {"name": "member", "description": "Member API: a bearer token with the right scope"},
        ],
        "paths": paths,
    }


def openapi_view(request: HttpRequest) -> HttpResponse:
    return JsonResponse(document(), json_dumps_params={"indent": 1})


def browse_view(request: HttpRequest) -> HttpResponse:
    """`/v3.0/`: the endpoints, one row per path and method, with links to the readable ones."""
    rows = []
    for op in operations():
        path = escape(PREFIX + op.path)
        link = (
            f'<a href="{path}">{path}</a>'
            if op.method == "GET" and "{" not in op.path
            else f"<code>{path}</code>"
        )
        access = "member" if op.member_only else "public"
        rows.append(
            f"<tr><td>{op.method}</td><td>{link}</td><td>{escape(_summary(op))}</td><td>{access}</td></tr>"
        )
    body = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Orchid API v3.0</title>
<link rel="stylesheet" href="{escape(static("web/orchid.css"))}"></head>
<body><main>
<h1>Orchid API v3.0</h1>
<p>ORCID-compatible Public and Member API. Machine-readable description:
<a href="{PREFIX}/openapi.json">{PREFIX}/openapi.json</a> (OpenAPI 3). Send <code>Accept:</code>
one of {", ".join(f"<code>{t}</code>" for t in DATA_TYPES)}; member calls need
<code>Authorization: Bearer &lt;token&gt;</code>.</p>
<table><thead><tr><th>Method</th><th>Path</th><th>Operation</th><th>API</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody></table>
</main></body></html>
"""
    return HttpResponse(body, content_type="text/html; charset=utf-8")
