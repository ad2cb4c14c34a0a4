"""Bearer tokens on the APIs (spec §3.5): who is calling, as a `Viewer` for the records layer."""

from __future__ import annotations

import re
from functools import cache

from django.db import connection
from django.http import HttpRequest

from orchid.core import raw
from orchid.errors import OrcidError
from orchid.oauth import scopes as orcid_scopes
from orchid.oauth.models import AccessToken, Client, ClientType
from orchid.oauth.server import token_checksum
from orchid.records.viewer import Api, Viewer

__all__ = ["InvalidToken", "authenticate", "bearer_from_request"]

#: The realm ORCID names in its WWW-Authenticate challenge.
REALM = "ORCID T2 API"

_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


class InvalidToken(Exception):
    """An unknown, expired or revoked access token: 401 ``invalid_token`` (not ORCID's 9xxx format)."""

    def __init__(self, token_value: str) -> None:
        self.token_value = token_value
        super().__init__(self.description)

    @property
    def description(self) -> str:
        return f"Invalid access token: {self.token_value}"

    def to_response_parts(self) -> tuple[int, dict[str, str], dict[str, str]]:
        """(HTTP status, headers, JSON body) of ORCID's answer to this token."""
        # The token is the caller's own input: keep it from breaking out of the quoted header value.
        quoted = _CONTROL_CHARACTERS.sub("", self.description).replace("\\", "\\\\").replace('"', '\\"')
        challenge = f'Bearer realm="{REALM}", error="invalid_token", error_description="{quoted}"'
        body = {"error": "invalid_token", "error_description": self.description}
        return 401, {"WWW-Authenticate": challenge}, body


def bearer_from_request(request: HttpRequest) -> str | None:
    """The access token a request carries: ``Authorization: Bearer x`` or ``?access_token=x``.

    As ORCID reads it: "bearer" in any case, and anything after a comma in the header ignored. A
    header with another scheme (e.g. Basic) carries no token.
    """
    header = request.headers.get("Authorization", "")
    scheme, _, rest = header.strip().partition(" ")
    if scheme.lower() == "bearer":
        token = rest.split(",", 1)[0].strip()
        if token:
            return token
    token = request.GET.get("access_token", "").strip()
    return token or None


@cache
def _token_sql(vendor: str) -> str:
    return (
        f"SELECT {raw.columns(AccessToken, 't')}, {raw.columns(Client, 'c')} "
        f"FROM {AccessToken._meta.db_table} t JOIN {Client._meta.db_table} c ON c.id = t.application_id "
        "WHERE t.token_checksum = %s"
    )


def authenticate(token_value: str | None, api: Api) -> Viewer:
    """The caller behind ``token_value`` on ``api``: the token and its client (one key lookup).

    No token: the anonymous viewer. Unknown, expired or client-revoked tokens (``/oauth/revoke``
    deletes them) raise `InvalidToken`. A token the researcher revoked gives a viewer marked
    ``revoked_by_researcher`` (the records layer lets it only DELETE). Raises ``OrcidError(9017)``
    for a public client's token on the Member API and ``OrcidError(9057)`` for a locked client.
    """
    if not token_value:
        return Viewer.anonymous(api)
    # raw SQL: a hot path (orchid.core.raw); every API call with a token starts here
    found = raw.first_pair(AccessToken, Client, _token_sql(connection.vendor), [token_checksum(token_value)])
    if found is None:  # unknown, or its client is gone
        raise InvalidToken(token_value)
    token, client = found
    if token.is_expired():
        raise InvalidToken(token_value)
    if client.locked:
        raise OrcidError(9057)
    if api is Api.MEMBER and client.client_type == ClientType.PUBLIC:
        # ORCID: the Member API requires a member client ("public clients refused").
        raise OrcidError(9017)
    return Viewer(
        api=api,
        client=client,
        orcid=token.orcid,
        scopes=orcid_scopes.expand(token.scope.split()),
        revoked_by_researcher=token.revoked_by_researcher,
    )
