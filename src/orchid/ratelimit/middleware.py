"""The rate-limit middleware: nginx ``limit_req`` per client or IP, and the anonymous daily quota.

Applies to the v3.0 API (``/v3.0`` and below) and to ``/oauth/token``; the Registry UI, static files and
everything else pass untouched. For a request it applies to:

1. its key (``keys``) takes a request from its leaky bucket (``bucket``, state in ``store``); beyond the
   burst the answer is 503 at once, as nginx's;
2. an anonymous v3.0 request is counted against its IP's UTC-day quota; over it the answer is 429 with
   ORCID's text (at once, without waiting for its slot, as no work follows);
3. a request within the burst but over the rate sleeps until its slot, then goes on.

A delayed request holds its server thread while it waits (nginx holds only a timer): for nginx's exact
answer to a sudden burst, run more ``orchid serve --threads`` than the burst; with fewer, waitress's
own queue holds the surplus, which is then served at the rate instead of refused.

Failures of the limiter itself (state file unwritable, database down) are logged and the request is
served, as ORCID's filter does.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from orchid.ratelimit.bucket import Limits, quota_exceeded
from orchid.ratelimit.keys import client_for_token, client_ip
from orchid.ratelimit.store import shared_state

__all__ = ["DAILY_QUOTA_MESSAGE", "RateLimitMiddleware", "applies_to", "limit"]

logger = logging.getLogger(__name__)

#: ORCID's body for the anonymous daily quota (``ApiRateLimitFilter.TOO_MANY_REQUESTS_MSG``), verbatim.
DAILY_QUOTA_MESSAGE = (
    "Too Many Requests. You have exceeded the daily quota for anonymous usage of this API. \n"
    "You can increase your daily quota by registering for and using Public API client credentials "
    "(https://info.orcid.org/documentation/integration-guide/registering-a-public-api-client/)"
)

#: nginx's default error page for ``limit_req_status 503``.
BUSY_PAGE = (
    "<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n"
    "<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>orchid</center>\r\n"
    "</body>\r\n</html>\r\n"
)

API_PREFIX = "/v3.0"
TOKEN_PATHS = frozenset({"/oauth/token", "/oauth/token/"})


def applies_to(path: str) -> tuple[bool, bool]:
    """(limited at all, is a v3.0 API path) for a request path."""
    if path.startswith(API_PREFIX) and (len(path) == len(API_PREFIX) or path[len(API_PREFIX)] == "/"):
        return True, True
    return path in TOKEN_PATHS, False


@lru_cache(maxsize=8)
def _limits(rate: float, burst: int) -> Limits:
    return Limits(rate=rate, burst=burst)


def limit(request: HttpRequest, is_api: bool) -> tuple[HttpResponse | None, float]:
    """The limiter's verdict: (a response to answer with instead, or None; seconds to wait first)."""
    client_id = client_for_token(request) if is_api else None
    ip = client_ip(request, settings.ORCHID_RATE_LIMIT_IP_HEADER)
    key = f"client:{client_id}" if client_id else f"ip:{ip}"
    state = shared_state(settings.ORCHID_RATE_LIMIT_FILE)
    now_ms = time.time_ns() // 1_000_000
    outcome = state.take(
        key, now_ms, _limits(settings.ORCHID_RATE_LIMIT_RATE, settings.ORCHID_RATE_LIMIT_BURST)
    )
    if not outcome.accepted:
        logger.warning("limiting requests, excess: %.3f by %s", outcome.excess / 1000, key)
        return HttpResponse(BUSY_PAGE, status=503, content_type="text/html"), 0.0
    quota: int = settings.ORCHID_RATE_LIMIT_DAILY_QUOTA
    if is_api and client_id is None and quota > 0:
        count = state.count_today(f"ip:{ip}", now_ms // 86_400_000)
        if quota_exceeded(count, quota):
            return HttpResponse(
                DAILY_QUOTA_MESSAGE, status=429, content_type="text/plain; charset=utf-8"
            ), 0.0
    return None, outcome.delay_ms / 1000


class RateLimitMiddleware:
    """Registered first in ``settings.MIDDLEWARE``; reads its settings on every request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not settings.ORCHID_RATE_LIMIT:
            return self.get_response(request)
        limited, is_api = applies_to(request.path_info)
        if not limited:
            return self.get_response(request)
        try:
            answer, wait = limit(request, is_api)
        except Exception:
            logger.exception("rate limiter failed; serving the request unlimited")
            answer, wait = None, 0.0
        if answer is not None:
            return answer
        if wait > 0:
            time.sleep(wait)
        return self.get_response(request)
