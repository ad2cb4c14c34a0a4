"""Public API renderings kept for as long as the record they show is unchanged.

Every caller the Public API's rules apply to sees the same thing (public items only), so a rendering
of `GET /v3.0/{orcid}/...` can be reused for all of them until the record changes. Renderings are
keyed on the record's `version`, which every change bumps (orchid.records: the services on each write,
`Researcher.save` for the record's own fields): a stale rendering is never served.

Two stores, both checked with the one query that reads the researcher's state:

* the whole record (`GET /v3.0/{orcid}` and `/record`) comes from the stored public renderings
  (orchid.records.renderings, a database table refreshed after each change): when the stored one's
  version is the record's, its body is sent (from the query, or from this host's rendering file named
  by the stamp the query returns), else the record is rendered, stored and served;
* other resources are kept in Django's cache framework (settings.CACHES, in-process by default; point
  it at a shared cache to share renderings between server processes).

A caller the record's rules refuse (a revoked token, a token for another record, a client reading an
unclaimed record) never gets a stored rendering: the handler runs and answers with the error.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import orjson
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse

from orchid.api.negotiation import MediaType
from orchid.errors import OrcidError
from orchid.records import renderings
from orchid.records.viewer import Viewer

CACHE_ALIAS = "default"
CACHED_STATUS = 200


def _record_body(rendering: renderings.Rendering, media: MediaType) -> bytes:
    return rendering.record_xml if media.syntax == "xml" else rendering.record_json


def _in_media(body: bytes, media: MediaType) -> bytes:
    """The stored JSON is indented (ORCID's JSON types); `application/json` is the same data compact."""
    if media.syntax == "json" and not media.pretty:
        return orjson.dumps(orjson.loads(body))
    return body


def public_read(
    request: HttpRequest,
    orcid: str,
    media: MediaType,
    render: Callable[[], HttpResponse],
    *,
    viewer: Viewer,
    whole_record: bool = False,
) -> HttpResponse:
    from orchid.records.services import check_readable

    found = renderings.lookup(orcid, media.syntax if whole_record else None)
    if found is None or found.researcher.deprecated_to:
        return render()  # unknown or deprecated records answer with errors and redirects, not cached
    try:
        check_readable(found.researcher, viewer)
    except OrcidError:
        return render()  # the handler refuses the same way, with the error in the negotiated type
    if whole_record:
        body = found.body
        if body is None:
            rendering = renderings.render_and_store(orcid)
            if rendering is None:
                return render()
            body = _record_body(rendering, media)
        return HttpResponse(_in_media(body, media), content_type=media.content_type)
    researcher = found.researcher
    # Hashed: a bulk read's path can outgrow the key length shared caches (memcached) accept.
    resource = hashlib.blake2b(f"{media.name} {request.path}".encode(), digest_size=16).hexdigest()
    key = f"orchid:public-read:{researcher.pk}:{researcher.version}:{resource}"
    cache = caches[CACHE_ALIAS]
    stored = cache.get(key)
    if stored is not None:
        body, content_type = stored
        return HttpResponse(body, content_type=content_type)
    response = render()
    if response.status_code == CACHED_STATUS and not response.streaming:
        cache.set(key, (response.content, response["Content-Type"]))
    return response
