"""ORCID's OAuth and OpenID Connect endpoints (spec §3, §4) on DOT's views.

``/oauth/token`` and ``/oauth/revoke``: DOT and oauthlib issue and revoke the tokens (with the rules of
`orchid.oauth.server`); these views check what ORCID checks before them and rewrite the answers into
ORCID's exact JSON. ``/oauth/authorize`` and ``/oauth/custom/login.json``: oauthlib validates and
issues, `orchid.oauth.authorize` decides sign-in, consent and errors. Discovery, JWKS and UserInfo
answer from `orchid.oauth.oidc` and `orchid.oauth.keys`.
"""

from __future__ import annotations

import json
import secrets
from functools import wraps
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth import authenticate, logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext
from django.views import View
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from oauth2_provider.exceptions import FatalClientError, OAuthToolkitError
from oauth2_provider.views import RevokeTokenView, TokenView
from oauth2_provider.views.mixins import OAuthLibMixin
from oauthlib.oauth2.rfc6749 import errors as oauth2_errors

from orchid.oauth import authorize, keys, oidc
from orchid.oauth import scopes as orcid_scopes
from orchid.oauth.authentication import bearer_from_request
from orchid.oauth.models import AccessToken, Client
from orchid.oauth.server import SUPPORTED_GRANT_TYPES, token_checksum
from orchid.records.models import Researcher
from orchid.web import accounts, two_factor

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise

__all__ = [
    "HeadlessConsentView",
    "OrcidAuthorizationView",
    "OrcidRevokeTokenView",
    "OrcidTokenView",
    "headless_consent",
    "jwks",
    "openid_configuration",
    "userinfo",
]

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
        **({"id_token": issued["id_token"]} if issued.get("id_token") else {}),
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


# --- /oauth/authorize and its headless consent (spec §3.2) ----------------------------------------

_IMPLICIT_TYPES = frozenset({"token", "id_token", "id_token token"})


def _error_page(
    request: HttpRequest, error: str, description: StrOrPromise, status: int = 400
) -> HttpResponse:
    """ORCID's authorize error page: shown, never redirected."""
    nonce = secrets.token_urlsafe(16)
    context = {"error": error, "description": description, "style_nonce": nonce}
    return _protect_page(render(request, "oauth/error.html", context, status=status), style_nonce=nonce)


def _protect_page(response: HttpResponse, style_nonce: str | None = None) -> HttpResponse:
    """The consent and error pages may not be framed, cached or styled from elsewhere: the Registry
    UI's stylesheet (same origin) and, with a nonce, nothing inline; no scripts at all."""
    style = f"'self' 'nonce-{style_nonce}'" if style_nonce else "'self'"
    response["Content-Security-Policy"] = (
        f"default-src 'none'; style-src {style}; img-src 'self' data:; base-uri 'none'; "
        "frame-ancestors 'none'"
    )
    response["X-Frame-Options"] = "DENY"
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "same-origin"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _redirect(url: str) -> HttpResponse:
    response = HttpResponse(status=302)
    response["Location"] = url
    response["Cache-Control"] = "no-store"
    return response


class OrcidAuthorizationView(OAuthLibMixin, View):
    """``GET /oauth/authorize`` (validate, sign in, consent or skip it) and ``POST`` (the consent form).

    oauthlib (through DOT) validates the request and issues codes and implicit tokens with the rules
    of `orchid.oauth.server`; `orchid.oauth.authorize` holds ORCID's other rules.
    """

    http_method_names = ["get", "post"]

    def get(self, request: HttpRequest) -> HttpResponse:
        for name, message in authorize.MISSING_PARAMETER_MESSAGES:
            if not request.GET.get(name, "").strip():
                return _error_page(request, "oauth_error", message)
        client = Client.objects.filter(client_id=request.GET["client_id"]).first()
        if client is None:
            return _error_page(
                request,
                "invalid_client",
                gettext("Client not found: %(client_id)s") % {"client_id": request.GET["client_id"]},
            )
        if client.locked:
            return _error_page(request, "client_locked", gettext("The client application is locked."))
        response_type = request.GET["response_type"].strip()
        implicit = response_type in _IMPLICIT_TYPES
        try:
            scopes, credentials = self.validate_authorization_request(request)
        except FatalClientError as error:
            return self._fatal(request, error.oauthlib_error)
        except OAuthToolkitError as error:
            return self._redirect_error(error.oauthlib_error, implicit)

        openid = "openid" in scopes
        prompt = set(request.GET.get("prompt", "").split()) if openid else set()
        try:
            max_age = authorize.parse_max_age(request.GET.get("max_age")) if openid else None
        except ValueError:
            return _redirect(
                authorize.error_redirect(
                    credentials["redirect_uri"],
                    "invalid_request",
                    "Invalid max_age",
                    credentials.get("state"),
                    fragment=implicit,
                )
            )
        # oauthlib's OAuth 2 grants do not report the OpenID nonce: it is read here.
        credentials = {**credentials, "nonce": request.GET.get("nonce") or None}
        pending = authorize.remember(request.session, scopes, credentials)

        def interaction_error(error: str) -> HttpResponse:
            return _redirect(
                authorize.error_redirect(pending.redirect_uri, error, None, pending.state, fragment=implicit)
            )

        user = request.user
        if not user.is_authenticated:
            if "none" in prompt:
                return interaction_error("login_required")
            return _redirect(authorize.sign_in_url(request.get_full_path(), request.GET))
        if authorize.must_authenticate(user, prompt=prompt, max_age=max_age):
            if "none" in prompt:
                return interaction_error("login_required")
            logout(request)
            authorize.remember(request.session, scopes, credentials)
            next_path = authorize.without_parameters(request.get_full_path(), {"prompt"})
            return _redirect(authorize.sign_in_url(next_path, request.GET))
        researcher = oidc.researcher_for_user(user)
        if researcher is None:
            return _error_page(
                request, "access_denied", gettext("This account has no ORCID record."), status=403
            )
        if "confirm" not in prompt and authorize.consent_already_given(
            client, researcher.orcid, pending.scopes
        ):
            authorize.recall(request.session, pending.id, forget=True)
            return self._issue(request, client, pending, researcher.orcid, persistent=True)
        if "none" in prompt:
            return interaction_error("interaction_required")
        return self._consent_page(request, client, pending, researcher)

    def post(self, request: HttpRequest) -> HttpResponse:
        pending = authorize.recall(request.session, request.POST.get("request_id", ""), forget=True)
        if pending is None:
            return _error_page(
                request, "invalid_request", gettext("This authorization request has expired; start again.")
            )
        if not request.user.is_authenticated:
            return _redirect(authorize.sign_in_url(str(settings.LOGIN_REDIRECT_URL), {}))
        if request.POST.get("action") != "authorize":
            return _redirect(pending.denied_url())
        client = Client.objects.filter(client_id=pending.client_id).first()
        researcher = oidc.researcher_for_user(request.user)
        if client is None or researcher is None:
            return _error_page(
                request, "invalid_request", gettext("This authorization request cannot be completed.")
            )
        return self._issue(request, client, pending, researcher.orcid, persistent=True)

    # Helpers.

    def _issue(
        self,
        request: HttpRequest,
        client: Client,
        pending: authorize.PendingRequest,
        orcid: str,
        *,
        persistent: bool,
    ) -> HttpResponse:
        url = issue(self, request, pending, orcid, persistent=persistent)
        if url is None:
            return _error_page(
                request, "server_error", gettext("The authorization could not be completed."), status=500
            )
        return _redirect(url)

    @staticmethod
    def _fatal(request: HttpRequest, error: Any) -> HttpResponse:
        if isinstance(
            error, (oauth2_errors.MismatchingRedirectURIError, oauth2_errors.InvalidRedirectURIError)
        ):
            return _error_page(
                request, "invalid_grant", gettext("Redirect URI doesn't match your registered redirect URIs.")
            )
        if isinstance(error, oauth2_errors.MissingRedirectURIError):
            return _error_page(request, "oauth_error", gettext("Please specify a redirect URL"))
        return _error_page(request, str(error.error), str(error.description or error.error))

    @staticmethod
    def _redirect_error(error: Any, implicit: bool) -> HttpResponse:
        if isinstance(error, oauth2_errors.UnsupportedResponseTypeError) or not error.redirect_uri:
            return _redirect_less_error(error)
        return _redirect(
            authorize.error_redirect(
                error.redirect_uri, error.error, error.description, error.state, fragment=implicit
            )
        )

    @staticmethod
    def _consent_page(
        request: HttpRequest, client: Client, pending: authorize.PendingRequest, researcher: Any
    ) -> HttpResponse:
        nonce = secrets.token_urlsafe(16)
        context = {
            "client": client,
            "pending": pending,
            "researcher": researcher,
            "scopes": [(name, orcid_scopes.describe(name)) for name in pending.scopes],
            "style_nonce": nonce,
            "id_uri": f"https://{settings.ORCID_ID_HOST}/{researcher.orcid}",
        }
        return _protect_page(render(request, "oauth/consent.html", context), style_nonce=nonce)


def _redirect_less_error(error: Any) -> HttpResponse:
    return HttpResponse(
        f"{error.error}: {error.description}", status=400, content_type="text/plain; charset=utf-8"
    )


def issue(
    view: OAuthLibMixin,
    request: HttpRequest,
    pending: authorize.PendingRequest,
    orcid: str,
    *,
    persistent: bool,
) -> str | None:
    """Issue the code (or implicit token) for an approved request: the URL to send the browser to."""
    mfa = bool(request.session.get(authorize.MFA_SESSION_KEY))
    credentials = pending.credentials(orcid=orcid, persistent=persistent, mfa=mfa)
    try:
        uri, _headers, _body, _status = view.create_authorization_response(
            request=request, scopes=" ".join(pending.scopes), credentials=credentials, allow=True
        )
    except FatalClientError:
        return None
    except OAuthToolkitError as error:
        oauthlib_error = error.oauthlib_error
        return authorize.error_redirect(
            pending.redirect_uri,
            oauthlib_error.error,
            oauthlib_error.description,
            pending.state,
            fragment=pending.implicit,
        )
    return str(uri) if uri else None


def _accepts_x_csrf_token(view: Any) -> Any:
    """Django's CSRF check, reading the token from ORCID's ``X-CSRF-TOKEN`` header as well."""
    protected = csrf_protect(view)

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        token = request.headers.get("X-CSRF-TOKEN")
        if token and settings.CSRF_HEADER_NAME not in request.META:
            request.META[settings.CSRF_HEADER_NAME] = token
        response: HttpResponse = protected(request, *args, **kwargs)
        return response

    return csrf_exempt(wrapper)


class HeadlessConsentView(OAuthLibMixin, View):
    """``POST /oauth/custom/login.json``: sign in and decide in one JSON request, as ORCID's pages do.

    Body ``{"userName", "password", "approved", "persistentTokenEnabled", "redirectUrl"}`` with the
    ``X-CSRF-TOKEN`` header (the ``_csrf`` meta of the page the authorize request led to), for the
    request waiting in the session. Answers ``{"redirectUrl": "<redirect_uri>?code=..."}``, or the
    ``access_denied`` URL when not approved.

    Accounts with two-factor authentication also send ``verificationCode`` (the TOTP code) or
    ``recoveryCode``, as ORCID's sign-in form does. Without either the answer is 200
    ``{"success": false, "verificationCodeRequired": true, "errors": []}`` and the request keeps
    waiting, so the client can ask for the code and post again; a wrong code is 401 with the same
    ``verificationCodeRequired`` and an error (wrong codes are throttled as on the sign-in page).

    Wrong passwords count towards the sign-in page's throttle (`orchid.web.accounts`: per account
    name and client address, shared with ``/signin``); once it is reached every attempt, even with
    the right password, is refused with 429 ``{"success": false, "errors": [...]}`` and
    ``Retry-After`` until the window ends.
    """

    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        try:
            body = json.loads(request.body or b"{}")
        except ValueError:
            body = None
        if not isinstance(body, dict):
            return _json_response(
                400, {"success": False, "errors": ["The request body is not a JSON object."]}
            )
        pending = authorize.recall(request.session)
        if pending is None:
            return _json_response(
                400,
                {
                    "success": False,
                    "errors": ["No authorization request is waiting: open /oauth/authorize first."],
                },
            )
        identifier = str(body.get("userName") or "")
        address = accounts.client_address(request)
        if accounts.is_throttled(identifier, address):
            return _too_many_sign_ins()
        user = authorize.find_user(identifier)
        password = str(body.get("password") or "")
        user = authenticate(request, username=user.get_username(), password=password) if user else None
        if user is None:
            # Counted with the sign-in page's failures for the same account and address.
            accounts.record_failure(identifier, address)
            if accounts.is_throttled(identifier, address):
                return _too_many_sign_ins()
        researcher = oidc.researcher_for_user(user) if user is not None else None
        if user is None or researcher is None:
            return _json_response(401, {"success": False, "errors": ["Invalid user name or password."]})
        mfa = two_factor.is_enabled(user)
        if mfa:
            code = str(body.get("verificationCode") or "")
            recovery_code = str(body.get("recoveryCode") or "")
            if not code.strip() and not recovery_code.strip():
                return _json_response(200, {"success": False, "verificationCodeRequired": True, "errors": []})
            refusal = two_factor.check_code(request, user, code=code, recovery_code=recovery_code)
            if refusal is not None:
                return _json_response(
                    401, {"success": False, "verificationCodeRequired": True, "errors": [refusal]}
                )
        two_factor.finish_sign_in(request, user, mfa=mfa)
        authorize.recall(request.session, pending.id, forget=True)
        if body.get("approved") is not True:
            return _json_response(200, {"redirectUrl": pending.denied_url()})
        persistent = body.get("persistentTokenEnabled") is not False
        url = issue(self, request, pending, researcher.orcid, persistent=persistent)
        if url is None:
            return _json_response(
                500, {"success": False, "errors": ["The authorization could not be completed."]}
            )
        return _json_response(200, {"redirectUrl": url})


def _too_many_sign_ins() -> HttpResponse:
    """429 in login.json's shape, once the sign-in throttle (`orchid.web.accounts`) is reached."""
    response = _json_response(
        429,
        {
            "success": False,
            "errors": [
                "Too many failed sign-ins for this account from your address. "
                f"Wait {accounts.window_minutes()} minutes or reset your password."
            ],
        },
    )
    response["Retry-After"] = str(accounts.window_minutes() * 60)
    return response


headless_consent = _accepts_x_csrf_token(HeadlessConsentView.as_view())


# --- OpenID Connect (spec §4) -------------------------------------------------------------------


def _origin(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}"


def openid_configuration(request: HttpRequest) -> HttpResponse:
    """``GET /.well-known/openid-configuration`` (pretty-printed, as ORCID serves it)."""
    document = oidc.discovery_document(oidc.issuer(_origin(request)))
    return HttpResponse(json.dumps(document, indent=2), content_type=JSON_CONTENT_TYPE)


def jwks(request: HttpRequest) -> HttpResponse:
    """``GET /oauth/jwks``: the public keys id_tokens are signed with."""
    return HttpResponse(json.dumps(keys.jwks()), content_type=JSON_CONTENT_TYPE)


@csrf_exempt
def userinfo(request: HttpRequest) -> HttpResponse:
    """``GET``/``POST /oauth/userinfo`` with a token implying ``/authenticate`` (``openid``)."""
    if request.method not in ("GET", "POST"):
        return HttpResponse(status=405)
    value = bearer_from_request(request) or request.POST.get("access_token", "").strip()
    token = AccessToken.objects.filter(token_checksum=token_checksum(value)).first() if value else None
    researcher = (
        Researcher.objects.filter(orcid=token.orcid).first()
        if token is not None
        and token.orcid
        and not token.is_expired()
        and not token.revoked_by_researcher
        and "/authenticate" in orcid_scopes.expand(token.scope.split())
        else None
    )
    if researcher is None:
        return _json_response(403, {"error": "access_denied", "error-description": "access_token is invalid"})
    return _json_response(200, oidc.userinfo(researcher))
