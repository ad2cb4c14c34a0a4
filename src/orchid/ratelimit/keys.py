"""Whom a request is counted against: its OAuth client, else its IP address.

A bearer token (``Authorization: Bearer`` or ``?access_token=``, read as the API reads it) is resolved
to its client's id by the token's checksum, one indexed query, remembered per process (a token's client
never changes; unknown tokens are remembered for a minute only). A request without a token, or whose
token is unknown, is anonymous and counted by IP, as ORCID's ``ApiRateLimitFilter`` does. ``/oauth/token``
is always counted by IP: the client it names is not authenticated yet, so keying by it would let anyone
drain another client's bucket.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict

from django.http import HttpRequest

from orchid.oauth.authentication import bearer_from_request
from orchid.oauth.models import AccessToken
from orchid.oauth.server import token_checksum

__all__ = ["client_for_token", "client_ip", "forget_tokens"]

_CACHE_SIZE = 10_000
_UNKNOWN_TTL_S = 60.0

_tokens: OrderedDict[str, tuple[str | None, float]] = OrderedDict()
_tokens_lock = threading.Lock()


def client_ip(request: HttpRequest, header: str) -> str:
    """The caller's address: the first entry of ``header`` (e.g. X-Forwarded-For, set by a trusted
    proxy) when configured and present, else ``REMOTE_ADDR``."""
    if header:
        value = request.META.get("HTTP_" + header.upper().replace("-", "_"), "")
        first = value.split(",", 1)[0].strip()
        if first and first.lower() != "unknown":
            return first
    return str(request.META.get("REMOTE_ADDR", ""))


def client_for_token(request: HttpRequest) -> str | None:
    """The client id behind the request's bearer token; None without a token or for an unknown one."""
    token = bearer_from_request(request)
    if not token:
        return None
    checksum = token_checksum(token)
    now = time.monotonic()
    with _tokens_lock:
        cached = _tokens.get(checksum)
        if cached is not None and (cached[0] is not None or now < cached[1]):
            _tokens.move_to_end(checksum)
            return cached[0]
    client_id = (
        AccessToken.objects.filter(token_checksum=checksum)
        .values_list("application__client_id", flat=True)
        .first()
    )
    with _tokens_lock:
        _tokens[checksum] = (client_id, now + _UNKNOWN_TTL_S)
        _tokens.move_to_end(checksum)
        while len(_tokens) > _CACHE_SIZE:
            _tokens.popitem(last=False)
    return client_id


def forget_tokens() -> None:
    """Empty the process's token -> client memory (tests)."""
    with _tokens_lock:
        _tokens.clear()
