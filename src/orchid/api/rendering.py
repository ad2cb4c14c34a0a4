"""Writing API responses: ORCID messages and ORCID errors in the negotiated media type."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any
from xml.sax.saxutils import escape

import orjson
from django.http import HttpResponse

from orchid.api.negotiation import MediaType
from orchid.errors import OrcidError
from orchid.identifiers import ExternalIdType
from orchid.schema import models, to_json, to_xml


def message(model: Any, media: MediaType, status: int = 200) -> HttpResponse:
    """An ORCID message (a schema model) as the response body."""
    body = to_xml(model) if media.syntax == "xml" else to_json(model, pretty=media.pretty)
    return HttpResponse(body, status=status, content_type=media.content_type)


def error_model(error: OrcidError, http_status: int | None = None) -> Any:
    return models.error.Error(
        response_code=http_status or error.http_status,
        developer_message=error.developer_message,
        user_message=error.user_message,
        error_code=error.code,
        more_info=error.more_info,
    )


def error(error: OrcidError, media: MediaType, http_status: int | None = None) -> HttpResponse:
    """ORCID's five-field error body (spec §5); the status is the error's unless overridden."""
    status = http_status or error.http_status
    return message(error_model(error, status), media, status=status)


def plain_json(data: Any, status: int = 200, pretty: bool = False) -> HttpResponse:
    """JSON that is not an ORCID message (status, OAuth-layer errors, identifier types)."""
    option = orjson.OPT_INDENT_2 if pretty else 0
    return HttpResponse(orjson.dumps(data, option=option), status=status, content_type="application/json")


def oauth_error(status: int, headers: Mapping[str, str], body: Mapping[str, Any]) -> HttpResponse:
    response = plain_json(dict(body), status=status)
    for name, value in headers.items():
        response[name] = value
    return response


def identifier_types(types: Iterable[ExternalIdType], media: MediaType) -> HttpResponse:
    """`GET /v3.0/identifiers`: ORCID's `IdentifierType` beans as Jersey writes a list of them.

    JSON is a bare array of objects with the bean's property names; XML a JAXB list
    (`identifierTypes/identifierType`). Orchid does not keep ORCID's database ids and dates, so
    `putCode`, `dateCreated` and `lastModified` are left out.
    """
    rows = [
        {
            "name": item.name,
            "resolutionPrefix": item.resolution_prefix,
            "deprecated": item.deprecated,
            "description": item.description,
            "caseSensitive": item.case_sensitive,
            "primaryUse": item.primary_use,
        }
        for item in types
    ]
    if media.syntax == "json":
        body = orjson.dumps(rows, option=orjson.OPT_INDENT_2 if media.pretty else 0)
        return HttpResponse(body, content_type=media.content_type)
    parts = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<identifierTypes>']
    for row in rows:
        parts.append("<identifierType>")
        for key, value in row.items():
            if value is None:
                continue
            text = str(value).lower() if isinstance(value, bool) else str(value)
            parts.append(f"<{key}>{escape(text)}</{key}>")
        parts.append("</identifierType>")
    parts.append("</identifierTypes>\n")
    return HttpResponse("".join(parts).encode(), content_type=media.content_type)
