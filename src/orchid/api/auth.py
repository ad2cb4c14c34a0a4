"""Who is calling: the glue between the HTTP request and `orchid.oauth.authentication` (spec §3.5).

The OAuth package decides whether a token is valid and what it grants; this module only picks the
token out of the request and says which API's rules to authenticate it under.
"""

from __future__ import annotations

from django.http import HttpRequest

from orchid.errors import OrcidError
from orchid.records.viewer import Api, Viewer

# ORCID's member API is a Spring OAuth2 resource server: a request without a token is refused by
# its entry point with this standard body, before any resource runs.
MISSING_TOKEN_BODY = {
    "error": "unauthorized",
    "error_description": "Full authentication is required to access this resource",
}
MISSING_TOKEN_CHALLENGE = (
    'Bearer realm="ORCID T2 API", error="unauthorized", '
    'error_description="Full authentication is required to access this resource"'
)


class MissingToken(Exception):
    """A Member API request without a token (rendered as Spring's 401, not an ORCID error)."""


def _may_carry_token(request: HttpRequest) -> bool:
    # Cheap test first: most Public API reads are anonymous, and then the OAuth layer is not needed.
    return "HTTP_AUTHORIZATION" in request.META or "access_token" in request.GET


def viewer_for(request: HttpRequest, host_api: Api | None) -> Viewer:
    """The Viewer of a request; raises `InvalidToken` (401), `OrcidError` or `MissingToken`."""
    token: str | None = None
    if _may_carry_token(request):
        from orchid.oauth.authentication import bearer_from_request

        token = bearer_from_request(request)
    if token is None:
        if host_api is Api.MEMBER:
            raise MissingToken()
        return Viewer.anonymous(Api.PUBLIC)

    from orchid.oauth.authentication import authenticate

    if host_api is not None:
        return authenticate(token, host_api)  # type: ignore[no-any-return]
    # No host rule: a member or premium client's token gets Member API rules. A public client's
    # token is refused there with 9017 ("public client on member API"), so it falls back to the
    # Public API's rules, like an anonymous call.
    try:
        return authenticate(token, Api.MEMBER)  # type: ignore[no-any-return]
    except OrcidError as error:
        if error.code != 9017:
            raise
    return authenticate(token, Api.PUBLIC)  # type: ignore[no-any-return]
