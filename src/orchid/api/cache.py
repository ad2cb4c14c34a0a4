"""Public API renderings kept for as long as the record they show is unchanged.

Every caller the Public API's rules apply to sees the same thing (public items only), so a rendering
of `GET /v3.0/{orcid}/...` can be reused for all of them until the record changes. The key holds the
record's `version`, which every change bumps (orchid.records: the services on each write,
`Researcher.save` for the record's own fields): a stale rendering is never served, it just stops being
asked for. A hit costs one indexed query. The store is Django's cache framework (settings.CACHES,
in-process by default; point it at a shared cache to share renderings between server processes).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.core.cache import caches
from django.http import HttpRequest, HttpResponse

from orchid.api.negotiation import MediaType
from orchid.records.models import Researcher

CACHE_ALIAS = "default"
CACHED_STATUS = 200


def public_read(
    request: HttpRequest, orcid: str, media: MediaType, render: Callable[[], HttpResponse]
) -> HttpResponse:
    current = Researcher.objects.filter(orcid=orcid).values_list("pk", "version", "deprecated_to").first()
    if current is None or current[2]:
        return render()  # unknown or deprecated records answer with errors and redirects, not cached
    researcher_pk, version, _ = current
    # Hashed: a bulk read's path can outgrow the key length shared caches (memcached) accept.
    resource = hashlib.blake2b(f"{media.name} {request.path}".encode(), digest_size=16).hexdigest()
    key = f"orchid:public-read:{researcher_pk}:{version}:{resource}"
    cache = caches[CACHE_ALIAS]
    stored = cache.get(key)
    if stored is not None:
        body, content_type = stored
        return HttpResponse(body, content_type=content_type)
    response = render()
    if response.status_code == CACHED_STATUS and not response.streaming:
        cache.set(key, (response.content, response["Content-Type"]))
    return response
