"""ORCID's ``POST /oauth/token`` and ``POST /oauth/revoke`` (spec §3.3, §3.4) on DOT's views.

DOT and oauthlib issue and revoke the tokens (with the rules of `orchid.oauth.server`); these views
check what ORCID checks before them and rewrite the answers into ORCID's exact JSON.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt
from oauth2_provider.views import RevokeTokenView, TokenView

from orchid.oauth.server import SUPPORTED_GRANT_TYPES

__all__ = ["OrcidRevokeTokenView", "OrcidTokenView"]

JSON_CONTENT_TYPE = "application/json;charset=UTF-8"

# ORCID's fixed answer to any failed client authentication.
BAD_CLIENT_CREDENTIALS = "Bad client credentials"


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    response["Pragma"] = "no-cache"
    return response


def _json_response(status: int, body: dict[str, Any]) -> HttpResponse:
    content = json.dumps(body, separators=(",", ":"))
    return _no_store(HttpResponse(content, status=status, content_type=JSON_CONTENT_TYPE))


def oauth_error(status: int, error: str, description: str) -> HttpResponse:
    """ORCID's token-endpoint error: ``{"error": ..., "error_description": ...}``."""
    return _json_response(status, {"error": error, "error_description": description})


def _from_oauthlib_error(body: str, status: int) -> HttpResponse:
    try:
        parsed = json.loads(body) if body else {}
    except ValueError:
        parsed = {}
    error = str(parsed.get("error") or "server_error")
    description = str(parsed.get("error_description") or error)
    if error == "invalid_client":
        return oauth_error(401, error, BAD_CLIENT_CREDENTIALS)
    return oauth_error(status, error, description)


def _missing_client_credentials(request: HttpRequest) -> str | None:
    """ORCID's message when the request names no client or no secret, else None."""
    if request.headers.get("Authorization", "").startswith("Basic "):
        return None
    if not request.POST.get("client_id"):
        return "client_id is missing or invalid"
    if not request.POST.get("client_secret"):
        return "client_secret is missing or invalid"
    return None


def _orcid_token_body(issued: dict[str, Any]) -> dict[str, Any]:
    """oauthlib's token dict in ORCID's key order and spelling."""
    return {
        "access_token": issued["access_token"],
        "token_type": "bearer",
        "refresh_token": issued.get("refresh_token"),
        "expires_in": int(issued["expires_in"]),
        "scope": issued.get("scope", ""),
        "name": issued.get("name"),
        "orcid": issued.get("orcid"),
    }


@method_decorator(csrf_exempt, name="dispatch")
class OrcidTokenView(TokenView):
    """``POST /oauth/token``: client_credentials, refresh_token (and authorization_code) grants."""

    http_method_names = ["post", "options"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        missing = _missing_client_credentials(request)
        if missing is not None:
            return oauth_error(400, "invalid_request", missing)
        grant_type = request.POST.get("grant_type", "")
        if not grant_type:
            return oauth_error(400, "invalid_request", "grant_type is missing")
        if grant_type not in SUPPORTED_GRANT_TYPES:
            return oauth_error(400, "unsupported_grant_type", f"Unsupported grant type: {grant_type}")
        _uri, _headers, body, status = self.create_token_response(request)
        if status != 200:
            return _from_oauthlib_error(body, status)
        return _json_response(200, _orcid_token_body(json.loads(body)))


@method_decorator(csrf_exempt, name="dispatch")
class OrcidRevokeTokenView(RevokeTokenView):
    """``POST /oauth/revoke``: 200 with an empty body whether or not the token existed."""

    http_method_names = ["post", "options"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.POST.get("token"):
            return oauth_error(400, "invalid_request", "Missing token parameter.")
        _uri, _headers, body, status = self.create_revocation_response(request)
        if status != 200:
            return _from_oauthlib_error(body, status)
        return _no_store(HttpResponse(b"", status=200))
