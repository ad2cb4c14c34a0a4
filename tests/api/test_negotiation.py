"""The content-negotiation table of spec §1, case by case (no database, no HTTP)."""

from __future__ import annotations

import pytest

from orchid.api import negotiation
from orchid.api.negotiation import MEDIA_TYPES, choose, media_type_of, request_media_type
from orchid.errors import OrcidError

WORK = "/v3.0/0000-0002-1825-0097/works"


def test_six_media_types_in_orcid_produces_order() -> None:
    assert [media.name for media in MEDIA_TYPES] == [
        "application/vnd.orcid+xml",
        "application/orcid+xml",
        "application/xml",
        "application/vnd.orcid+json",
        "application/orcid+json",
        "application/json",
    ]
    pretty = {media.name: media.pretty for media in MEDIA_TYPES if media.syntax == "json"}
    assert pretty == {
        "application/vnd.orcid+json": True,
        "application/orcid+json": True,
        "application/json": False,
    }


@pytest.mark.parametrize("media", MEDIA_TYPES, ids=lambda media: media.name)
def test_each_type_asked_for_is_served(media: negotiation.MediaType) -> None:
    assert choose(media.name, None, WORK) is media
    assert choose(media.name.upper(), None, WORK) is media  # media types are case-insensitive


@pytest.mark.parametrize(
    ("accept", "content_type", "path", "expected"),
    [
        # missing or */* Accept: the request's Content-Type when it is ours ...
        (None, "application/vnd.orcid+json", WORK, "application/vnd.orcid+json"),
        ("*/*", "application/orcid+xml", WORK, "application/orcid+xml"),
        ("", "application/json", WORK, "application/json"),
        ("*/*", "application/json; charset=UTF-8", WORK, "application/json"),
        # ... else JSON under /oauth/ and for the status endpoints ...
        (None, None, "/oauth/token", "application/json"),
        ("*/*", "application/x-www-form-urlencoded", "/oauth/token", "application/json"),
        (None, None, "/v3.0/apiStatus", "application/json"),
        (None, None, "/v3.0/pubStatus", "application/json"),
        # ... else ORCID XML.
        (None, None, WORK, "application/vnd.orcid+xml"),
        ("*/*", "text/plain", WORK, "application/vnd.orcid+xml"),
    ],
)
def test_missing_accept(accept: str | None, content_type: str | None, path: str, expected: str) -> None:
    assert choose(accept, content_type, path).name == expected


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        # client q first
        ("application/json;q=0.5, application/vnd.orcid+xml", "application/vnd.orcid+xml"),
        ("application/xml;q=0.1, application/orcid+json;q=0.2", "application/orcid+json"),
        # equal q: the server's qs (JAX-RS default 1.0 for the two plain types)
        ("application/vnd.orcid+json, application/orcid+xml", "application/vnd.orcid+json"),
        ("application/vnd.orcid+xml, application/json", "application/json"),
        ("application/*", "application/xml"),
        # a */* among other ranges is an ordinary range
        ("application/json, */*;q=0.1", "application/json"),
        ("text/html, */*;q=0.8", "application/xml"),
        # a browser
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/xml"),
        # q=0 excludes, and the most specific range decides
        ("application/xml;q=0, application/*", "application/json"),
        ("application/vnd.orcid+xml;q=0, */*;q=0.5", "application/xml"),
        # parameters other than q are ignored
        ("application/vnd.orcid+json; charset=UTF-8", "application/vnd.orcid+json"),
        ("application/json;q=abc", "application/json"),
    ],
)
def test_accept_with_q_values(accept: str, expected: str) -> None:
    assert choose(accept, None, WORK).name == expected


@pytest.mark.parametrize(
    "accept", ["text/html", "text/csv", "application/pdf", "application/json;q=0", "image/*"]
)
def test_nothing_acceptable_is_406(accept: str) -> None:
    with pytest.raises(OrcidError) as refused:
        choose(accept, None, WORK)
    assert (refused.value.code, refused.value.http_status) == (9001, 406)


@pytest.mark.parametrize(
    "content_type", [None, "", "text/plain", "application/x-www-form-urlencoded", "json"]
)
def test_unsupported_request_body_is_415(content_type: str | None) -> None:
    with pytest.raises(OrcidError) as refused:
        request_media_type(content_type)
    assert (refused.value.code, refused.value.http_status) == (9001, 415)


def test_request_body_types() -> None:
    assert request_media_type("application/vnd.orcid+xml").syntax == "xml"
    assert request_media_type("Application/JSON; charset=utf-8").name == "application/json"
    assert media_type_of("application/orcid+json") is negotiation.ORCID_JSON


def test_response_content_type_carries_the_charset() -> None:
    assert negotiation.VND_ORCID_XML.content_type == "application/vnd.orcid+xml; charset=UTF-8"
