"""Security headers on the Registry UI's pages (every view of the ``web`` URL namespace).

A strict Content-Security-Policy (no inline scripts or styles, nothing from other origins, no
framing), ``X-Content-Type-Options: nosniff`` and a ``Referrer-Policy``. Django's SecurityMiddleware
and XFrameOptionsMiddleware add their own headers to every response; these complete them. A header
a view set itself is kept.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'"
)

HEADERS: dict[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def apply_headers(response: HttpResponse) -> HttpResponse:
    for name, value in HEADERS.items():
        if name not in response:
            response[name] = value
    return response


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if match is not None and "web" in match.namespaces:
            apply_headers(response)
        return response
