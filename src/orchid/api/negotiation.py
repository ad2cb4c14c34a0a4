"""Content negotiation for the v3.0 API, as ORCID does it (spec §1, "Media types").

Every v3.0 resource produces and consumes the same six media types. ORCID's JAX-RS resources give
four of them a server-side quality (`qs`), which decides between types the client accepts equally:
`Accept: application/*` gets `application/xml`, the first of the two types without a `qs` (JAX-RS
gives those 1.0) in ORCID's `@Produces` order.

A missing Accept, an empty one or exactly `*/*` is first replaced the way ORCID's `AcceptFilter`
does: by the request's Content-Type when that is one of ours, else JSON under `/oauth/` and for the
status endpoints, else `application/vnd.orcid+xml`. Only then is Accept matched.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from orchid.errors import OrcidError

Syntax = Literal["xml", "json"]


@dataclass(frozen=True, slots=True)
class MediaType:
    name: str  # e.g. "application/vnd.orcid+xml"
    syntax: Syntax
    qs: float  # JAX-RS server-side quality; 1.0 when ORCID declares none
    pretty: bool  # JSON only: ORCID's "pretty" Jackson provider serves the ORCID JSON types

    @property
    def content_type(self) -> str:
        # ORCID (Jersey) answers with the charset parameter; clients ignore or expect it.
        return f"{self.name}; charset=UTF-8"


# In ORCID's @Produces order, which breaks ties between equally acceptable types.
VND_ORCID_XML = MediaType("application/vnd.orcid+xml", "xml", 0.5, pretty=True)
ORCID_XML = MediaType("application/orcid+xml", "xml", 0.3, pretty=True)
APPLICATION_XML = MediaType("application/xml", "xml", 1.0, pretty=True)
VND_ORCID_JSON = MediaType("application/vnd.orcid+json", "json", 0.4, pretty=True)
ORCID_JSON = MediaType("application/orcid+json", "json", 0.2, pretty=True)
APPLICATION_JSON = MediaType("application/json", "json", 1.0, pretty=False)

MEDIA_TYPES: tuple[MediaType, ...] = (
    VND_ORCID_XML,
    ORCID_XML,
    APPLICATION_XML,
    VND_ORCID_JSON,
    ORCID_JSON,
    APPLICATION_JSON,
)
BY_NAME: dict[str, MediaType] = {media.name: media for media in MEDIA_TYPES}

#: What an error is written in when negotiation itself failed (406) or never ran.
DEFAULT = VND_ORCID_XML

# Paths whose missing Accept means JSON (AcceptFilter: /oauth/*; spec §1: the status endpoints).
_JSON_BY_DEFAULT_SUFFIXES = ("/pubStatus", "/apiStatus")


def media_type_of(header: str | None) -> MediaType | None:
    """The media type a Content-Type header names, if it is one of ours (parameters ignored).

    ORCID compares the raw header, so `application/json; charset=UTF-8` would not count there;
    Orchid ignores parameters, which only makes more requests work.
    """
    if not header:
        return None
    return BY_NAME.get(header.split(";", 1)[0].strip().lower())


@dataclass(frozen=True, slots=True)
class _Range:
    type: str
    subtype: str
    q: float

    @property
    def specificity(self) -> int:
        # 2 for type/subtype, 1 for type/*, 0 for */*
        return 0 if self.type == "*" else 1 if self.subtype == "*" else 2

    def matches(self, media: MediaType) -> bool:
        main, sub = media.name.split("/", 1)
        return (self.type in ("*", main)) and (self.subtype in ("*", sub))


def _parse_accept(header: str) -> list[_Range]:
    ranges = []
    for part in header.split(","):
        pieces = [piece.strip() for piece in part.split(";")]
        if not pieces[0]:
            continue
        full = pieces[0].lower()
        if full == "*":  # seen from old clients; means */*
            full = "*/*"
        if "/" not in full:
            continue
        main, sub = full.split("/", 1)
        q = 1.0
        for param in pieces[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value.strip())))
                except ValueError:
                    q = 1.0
        ranges.append(_Range(main, sub, q))
    return ranges


def _quality(media: MediaType, ranges: Iterable[_Range]) -> tuple[float, int] | None:
    """The q of the most specific range matching `media` (RFC 9110 §12.5.1), and that specificity."""
    best: _Range | None = None
    for candidate in ranges:
        if candidate.matches(media) and (best is None or candidate.specificity > best.specificity):
            best = candidate
    if best is None or best.q <= 0:
        return None
    return best.q, best.specificity


def effective_accept(accept: str | None, content_type: str | None, path: str) -> str:
    """The Accept header ORCID's AcceptFilter would hand on to the resource."""
    if accept is not None and accept.strip() not in ("", "*/*"):
        return accept
    from_body = media_type_of(content_type)
    if from_body is not None:
        return from_body.name
    if path.startswith("/oauth/") or path.endswith(_JSON_BY_DEFAULT_SUFFIXES):
        return APPLICATION_JSON.name
    return VND_ORCID_XML.name


def choose(accept: str | None, content_type: str | None, path: str) -> MediaType:
    """The response media type for a request; 406 (ORCID error 9001) when none is acceptable.

    Order as in JAX-RS (Jersey): the client's q first, then the server's qs, then how precisely
    the client named the type, then ORCID's @Produces order.
    """
    ranges = _parse_accept(effective_accept(accept, content_type, path))
    best: tuple[tuple[float, float, int, int], MediaType] | None = None
    for index, media in enumerate(MEDIA_TYPES):
        quality = _quality(media, ranges)
        if quality is None:
            continue
        key = (quality[0], media.qs, quality[1], -index)
        if best is None or key > best[0]:
            best = (key, media)
    if best is None:
        raise not_acceptable()
    return best[1]


def request_media_type(content_type: str | None) -> MediaType:
    """The media type of a request body; 415 (ORCID error 9001) when missing or not one of ours."""
    media = media_type_of(content_type)
    if media is None:
        raise unsupported_media_type()
    return media


def not_acceptable() -> OrcidError:
    # ORCID maps every JAX-RS WebApplicationException to 9001 with that exception's status and
    # Jersey's message as the "full validation error".
    return OrcidError(9001, "HTTP 406 Not Acceptable", http_status=406)


def unsupported_media_type() -> OrcidError:
    return OrcidError(9001, "HTTP 415 Unsupported Media Type", http_status=415)
