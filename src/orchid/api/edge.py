"""The one request pipeline every v3.0 endpoint goes through.

transport check -> method allowed on this API (405) -> who is calling (401) -> request body type
(415) -> response type (406) -> the endpoint's handler -> its result rendered, or its error
rendered as ORCID's error message. The order is Jersey's behind Spring Security's filters: a
token is checked before the resource is matched by method and media type.

Handlers are thin: they receive a `Call` and the path parameters, make one service call and
return a schema model (200), or an `HttpResponse` for 201/204.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt

from orchid.api import auth, cache, negotiation, rendering, routing
from orchid.api.negotiation import MediaType
from orchid.errors import OrcidError
from orchid.records.viewer import Api, Viewer
from orchid.schema import from_json, from_xml

logger = logging.getLogger("orchid.api")

Handler = Callable[..., Any]

WRITE_METHODS = frozenset({"POST", "PUT", "DELETE"})
_BODY_METHODS = frozenset({"POST", "PUT"})
_DEFAULT_MAX_BODY = 10 * 1024 * 1024

CORS_HEADERS = {"Access-Control-Allow-Origin": "*"}
_PREFLIGHT_METHODS = "GET, POST, PUT, DELETE"


def max_body_bytes() -> int:
    return int(getattr(settings, "ORCHID_API_MAX_BODY_BYTES", _DEFAULT_MAX_BODY))


def not_found() -> OrcidError:
    # An unmatched path is a JAX-RS NotFoundException, which ORCID maps to 9001 with its 404.
    return OrcidError(9001, "HTTP 404 Not Found", http_status=404)


def method_not_allowed() -> OrcidError:
    return OrcidError(9001, "HTTP 405 Method Not Allowed", http_status=405)


@dataclass
class Call:
    """One API request, as handlers see it."""

    request: HttpRequest
    viewer: Viewer
    media: MediaType  # of the response
    body_media: MediaType | None = None  # of the request body (POST/PUT)
    _body: bytes | None = field(default=None, repr=False)

    def raw_body(self) -> bytes:
        if self._body is None:
            limit = max_body_bytes()
            data = self.request.read(limit + 1)
            if len(data) > limit:
                raise OrcidError(9001, f"Request body larger than {limit} bytes", http_status=413)
            self._body = data
        return self._body

    def body(self, cls: type) -> Any:
        """The request body parsed as an ORCID message of type `cls` (9001 XML / 9047 JSON)."""
        media = self.body_media or negotiation.request_media_type(self.request.content_type)
        data = self.raw_body()
        if media.syntax == "xml":
            return from_xml(data, cls)
        return from_json(data, cls)

    def absolute_url(self, path: str) -> str:
        """`{scheme}://{host}{path}` for the host the client called (ORCID's `Location`)."""
        return self.request.build_absolute_uri(path)


def with_cors(response: HttpResponse) -> HttpResponse:
    for name, value in CORS_HEADERS.items():
        response[name] = value
    return response


def preflight(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(status=200)
    response["Access-Control-Allow-Methods"] = _PREFLIGHT_METHODS
    requested = request.headers.get("Access-Control-Request-Headers")
    response["Access-Control-Allow-Headers"] = requested or "Authorization, Content-Type, Accept"
    response["Access-Control-Max-Age"] = "86400"
    return with_cors(response)


def error_media(request: HttpRequest) -> MediaType:
    """The media type an error is written in: the negotiated one, else ORCID's default."""
    try:
        return negotiation.choose(request.headers.get("Accept"), request.content_type, request.path)
    except OrcidError:
        return negotiation.DEFAULT


def render_failure(request: HttpRequest, exc: Exception, path_orcid: str | None = None) -> HttpResponse:
    """Any exception raised while serving an API request, as the response ORCID would give."""
    media = error_media(request)
    if isinstance(exc, OrcidError):
        primary = getattr(exc, "primary_orcid", None)
        if exc.code == 9007 and primary and path_orcid:
            return _deprecated(request, exc, media, path_orcid, str(primary))
        return rendering.error(exc, media)
    if isinstance(exc, auth.MissingToken):
        response = rendering.plain_json(auth.MISSING_TOKEN_BODY, status=401)
        response["WWW-Authenticate"] = auth.MISSING_TOKEN_CHALLENGE
        return response
    to_parts = getattr(exc, "to_response_parts", None)
    if callable(to_parts):  # orchid.oauth.authentication.InvalidToken: the OAuth layer's own format
        status, headers, body = to_parts()
        return rendering.oauth_error(status, headers, body)
    # Never a stack trace to the client; the log has it.
    logger.exception("unhandled error serving %s %s", request.method, request.get_full_path())
    return rendering.error(OrcidError(9008), media)


def _deprecated(
    request: HttpRequest, exc: OrcidError, media: MediaType, deprecated: str, primary: str
) -> HttpResponse:
    # Spec §2.3: GET -> 301 with Location = the same URL with the primary iD; other methods 409.
    if request.method in ("GET", "HEAD"):
        response = rendering.error(exc, media, http_status=301)
        response["Location"] = request.build_absolute_uri().replace(deprecated, primary, 1)
        return response
    return rendering.error(exc, media, http_status=409)


class Endpoint:
    """A path of the API: its handlers per method and who may call it."""

    def __init__(
        self,
        *,
        get: Handler | None = None,
        post: Handler | None = None,
        put: Handler | None = None,
        delete: Handler | None = None,
        member_only: bool = False,
        authenticate: bool = True,
        negotiate: bool = True,
        takes_body: bool = True,
        whole_record: bool = False,
    ) -> None:
        self.handlers: dict[str, Handler] = {}
        for method, handler in (("GET", get), ("POST", post), ("PUT", put), ("DELETE", delete)):
            if handler is not None:
                self.handlers[method] = handler
        if get is not None:
            self.handlers["HEAD"] = get
        self.member_only = member_only  # ORCID's Public API has no such path: 404 there
        self.authenticate = authenticate  # status endpoints answer without looking at tokens
        self.negotiate = negotiate  # status endpoints always answer JSON
        self.whole_record = whole_record  # its public reads are served from stored renderings
        self.takes_body = takes_body  # webhook PUTs carry no body: any or no Content-Type is fine
        self.view = csrf_exempt(self._serve)  # API clients send tokens, not CSRF cookies

    def _serve(self, request: HttpRequest, **kwargs: str) -> HttpResponse:
        if request.method == "OPTIONS":
            return preflight(request)
        try:
            response = self._dispatch(request, kwargs)
        except Exception as exc:  # every failure becomes an API response, see render_failure
            response = render_failure(request, exc, kwargs.get("orcid"))
        return with_cors(response)

    def _dispatch(self, request: HttpRequest, kwargs: dict[str, str]) -> HttpResponse:
        routing.check_transport(request)
        method = request.method or "GET"
        host_api = routing.api_for_host(routing.request_host(request))
        if host_api is Api.PUBLIC:
            self._check_public(method)
        handler = self.handlers.get(method)
        if handler is None:
            if not self.handlers:
                raise not_found()
            raise method_not_allowed()
        viewer = auth.viewer_for(request, host_api) if self.authenticate else Viewer.anonymous()
        if host_api is None and viewer.api is Api.PUBLIC:
            # No host rule and a caller with Public API rules: the Public API's answers.
            self._check_public(method)
        call = Call(request=request, viewer=viewer, media=negotiation.APPLICATION_JSON)
        if method in _BODY_METHODS and self.takes_body:
            call.body_media = negotiation.request_media_type(request.content_type)
        if self.negotiate:
            call.media = negotiation.choose(request.headers.get("Accept"), request.content_type, request.path)
        if method in ("GET", "HEAD") and viewer.api is Api.PUBLIC and "orcid" in kwargs:
            return cache.public_read(
                request,
                kwargs["orcid"],
                call.media,
                lambda: self._respond(handler, call, kwargs),
                viewer=viewer,
                whole_record=self.whole_record,
            )
        return self._respond(handler, call, kwargs)

    @staticmethod
    def _respond(handler: Handler, call: Call, kwargs: dict[str, str]) -> HttpResponse:
        result = handler(call, **kwargs)
        if isinstance(result, HttpResponse):
            return result
        return rendering.message(result, call.media)

    def _check_public(self, method: str) -> None:
        if self.member_only:
            raise not_found()
        if method in WRITE_METHODS and self.handlers:
            # The Public API has GET resources only: a write is Jersey's 405.
            raise method_not_allowed()


def created(location: str) -> HttpResponse:
    """201 with an empty body and `Location` (ORCID's `ApiUtils.buildApiResponse`)."""
    response = HttpResponse(status=201)
    del response["Content-Type"]
    response["Location"] = location
    return response


def no_content() -> HttpResponse:
    response = HttpResponse(status=204)
    del response["Content-Type"]
    return response
