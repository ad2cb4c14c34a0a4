"""POST /oauth/token and /oauth/revoke over real HTTP (Django's test client), as ORCID answers them."""

from __future__ import annotations

import base64
import re
from typing import TYPE_CHECKING, Any

import pytest
from django.test import Client as HttpClient

from orchid.oauth.authentication import InvalidToken, authenticate
from orchid.oauth.models import AccessToken, RefreshToken
from orchid.oauth.server import token_checksum
from orchid.oauth.services import create_client, grant_token, revoke_by_researcher
from orchid.records.viewer import Api

from .conftest import RESEARCHER, Registered

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as TestResponse

pytestmark = pytest.mark.django_db

UUID4 = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
ORCID_KEYS = ["access_token", "token_type", "refresh_token", "expires_in", "scope", "name", "orcid"]
LONG_LIVED = {631138518, 631138519}


def token_request(http: HttpClient, registered: Registered | None, **params: str) -> TestResponse:
    data = dict(params)
    if registered is not None:
        data.setdefault("client_id", registered.client_id)
        data.setdefault("client_secret", registered.secret)
    return http.post("/oauth/token", data)


def basic_auth(client_id: str, secret: str) -> str:
    return "Basic " + base64.b64encode(f"{client_id}:{secret}".encode()).decode()


def stored(access_token: str) -> AccessToken:
    return AccessToken.objects.get(token_checksum=token_checksum(access_token))


def assert_oauth_error(
    response: TestResponse, status: int, error: str, description: str | None = None
) -> None:
    assert response.status_code == status, response.content
    body = response.json()
    assert list(body) == ["error", "error_description"]
    assert body["error"] == error
    if description is not None:
        assert body["error_description"] == description


# Client credentials.


def test_client_credentials_with_body_authentication(http: HttpClient, member: Registered) -> None:
    response = token_request(http, member, grant_type="client_credentials", scope="/read-public")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json;charset=UTF-8"
    assert response["Cache-Control"] == "no-store"
    assert response["Pragma"] == "no-cache"
    body = response.json()
    assert list(body) == ORCID_KEYS
    assert UUID4.fullmatch(body["access_token"])
    assert UUID4.fullmatch(body["refresh_token"])
    assert body["token_type"] == "bearer"
    assert body["expires_in"] in LONG_LIVED
    assert body["scope"] == "/read-public"
    assert body["name"] is None
    assert body["orcid"] is None

    token = stored(body["access_token"])
    assert token.orcid is None
    assert token.application == member.client
    assert token.scope == "/read-public"
    refresh = RefreshToken.objects.get(access_token=token)
    assert refresh.token_checksum == token_checksum(body["refresh_token"])


def test_client_credentials_with_basic_authentication(http: HttpClient, member: Registered) -> None:
    response = http.post(
        "/oauth/token",
        {"grant_type": "client_credentials", "scope": "/read-public"},
        HTTP_AUTHORIZATION=basic_auth(member.client_id, member.secret),
    )

    assert response.status_code == 200
    body = response.json()
    assert list(body) == ORCID_KEYS
    assert body["scope"] == "/read-public"
    assert body["expires_in"] in LONG_LIVED
    assert stored(body["access_token"]).application == member.client


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1"])
def test_token_endpoint_answers_on_every_host(http: HttpClient, member: Registered, host: str) -> None:
    response = http.post(
        "/oauth/token",
        {"grant_type": "client_credentials", "scope": "/read-public", **_credentials(member)},
        HTTP_HOST=host,
    )
    assert response.status_code == 200


def _credentials(registered: Registered) -> dict[str, str]:
    return {"client_id": registered.client_id, "client_secret": registered.secret}


def test_three_legged_scopes_are_dropped_silently(http: HttpClient, member: Registered) -> None:
    response = token_request(
        http,
        member,
        grant_type="client_credentials",
        scope="/read-limited /group-id-record/update /activities/update",
    )
    assert response.status_code == 200
    assert response.json()["scope"] == "/group-id-record/update"


def test_plus_separated_scopes(http: HttpClient, member: Registered) -> None:
    response = http.post(
        "/oauth/token",
        "grant_type=client_credentials&scope=%2Fgroup-id-record%2Fread%2B%2Fread-public"
        f"&client_id={member.client_id}&client_secret={member.secret}",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert response.json()["scope"] == "/group-id-record/read /read-public"


def test_only_three_legged_scopes_give_read_public(http: HttpClient, member: Registered) -> None:
    response = token_request(http, member, grant_type="client_credentials", scope="/read-limited")
    assert response.status_code == 200
    assert response.json()["scope"] == "/read-public"


def test_webhook_is_refused_to_a_member_client(http: HttpClient, member: Registered) -> None:
    response = token_request(http, member, grant_type="client_credentials", scope="/webhook")
    assert_oauth_error(response, 400, "invalid_scope", "Invalid scope: /webhook")
    assert not AccessToken.objects.exists()


def test_webhook_is_granted_to_a_premium_client(http: HttpClient, premium: Registered) -> None:
    response = token_request(http, premium, grant_type="client_credentials", scope="/webhook")
    assert response.status_code == 200
    assert response.json()["scope"] == "/webhook"


def test_public_client_gets_read_public_but_not_group_ids(http: HttpClient, public: Registered) -> None:
    assert (
        token_request(http, public, grant_type="client_credentials", scope="/read-public").status_code == 200
    )
    refused = token_request(http, public, grant_type="client_credentials", scope="/group-id-record/read")
    assert_oauth_error(refused, 400, "invalid_scope", "Invalid scope: /group-id-record/read")


@pytest.mark.parametrize("scope", ["/no-such-scope", "/orcid-internal", "/member-list/full-access"])
def test_unknown_and_internal_scopes_are_invalid(http: HttpClient, premium: Registered, scope: str) -> None:
    response = token_request(http, premium, grant_type="client_credentials", scope=scope)
    assert_oauth_error(response, 401, "invalid_scope")
    assert response.json()["error_description"].startswith("One of the provided scopes is not allowed.")


# Errors of §3.3.


def test_wrong_secret_is_bad_client_credentials(http: HttpClient, member: Registered) -> None:
    response = token_request(
        http, member, grant_type="client_credentials", scope="/read-public", client_secret="nope"
    )
    assert_oauth_error(response, 401, "invalid_client", "Bad client credentials")


def test_unknown_client_is_bad_client_credentials(http: HttpClient) -> None:
    response = token_request(
        http, None, grant_type="client_credentials", client_id="APP-0000000000000000", client_secret="x"
    )
    assert_oauth_error(response, 401, "invalid_client", "Bad client credentials")


def test_wrong_basic_credentials_are_bad_client_credentials(http: HttpClient, member: Registered) -> None:
    response = http.post(
        "/oauth/token",
        {"grant_type": "client_credentials"},
        HTTP_AUTHORIZATION=basic_auth(member.client_id, "wrong"),
    )
    assert_oauth_error(response, 401, "invalid_client", "Bad client credentials")


def test_missing_client_id_and_secret(http: HttpClient, member: Registered) -> None:
    no_id = http.post("/oauth/token", {"grant_type": "client_credentials"})
    assert_oauth_error(no_id, 400, "invalid_request", "client_id is missing or invalid")
    no_secret = http.post("/oauth/token", {"grant_type": "client_credentials", "client_id": member.client_id})
    assert_oauth_error(no_secret, 400, "invalid_request", "client_secret is missing or invalid")


def test_missing_grant_type(http: HttpClient, member: Registered) -> None:
    response = token_request(http, member, scope="/read-public")
    assert_oauth_error(response, 400, "invalid_request", "grant_type is missing")


@pytest.mark.parametrize("grant_type", ["password", "urn:ietf:params:oauth:grant-type:device_code", "magic"])
def test_unsupported_grant_type(http: HttpClient, member: Registered, grant_type: str) -> None:
    response = token_request(http, member, grant_type=grant_type)
    assert_oauth_error(response, 400, "unsupported_grant_type", f"Unsupported grant type: {grant_type}")


def test_locked_client_is_unauthorized(http: HttpClient, member: Registered) -> None:
    member.client.locked = True
    member.client.save()
    response = token_request(http, member, grant_type="client_credentials", scope="/read-public")
    assert_oauth_error(response, 400, "unauthorized_client", "The client is locked")


def test_get_is_refused(http: HttpClient) -> None:
    assert http.get("/oauth/token").status_code == 405


# Refresh tokens.


def researcher_token(registered: Registered, **kwargs: Any) -> tuple[AccessToken, str, str]:
    access_value, refresh_value = (
        "7c5a3b0e-5d5b-4f0a-9d8e-1a2b3c4d5e6f",
        "0f1e2d3c-4b5a-4978-8877-665544332211",
    )
    token = grant_token(
        registered.client,
        orcid=RESEARCHER,
        scopes=kwargs.pop("scopes", ["/read-limited", "/activities/update"]),
        value=access_value,
        refresh_value=refresh_value,
        **kwargs,
    )
    return token, access_value, refresh_value


def test_refresh_issues_a_new_token_and_keeps_the_parent(http: HttpClient, member: Registered) -> None:
    parent, parent_value, refresh_value = researcher_token(member)

    response = token_request(http, member, grant_type="refresh_token", refresh_token=refresh_value)

    assert response.status_code == 200, response.content
    body = response.json()
    assert list(body) == ORCID_KEYS
    assert body["access_token"] != parent_value and UUID4.fullmatch(body["access_token"])
    assert body["refresh_token"] != refresh_value and UUID4.fullmatch(body["refresh_token"])
    assert body["orcid"] == RESEARCHER
    assert body["scope"] == "/read-limited /activities/update"
    # The child expires with the parent unless expires_in says otherwise.
    assert body["expires_in"] in LONG_LIVED
    assert stored(body["access_token"]).orcid == RESEARCHER
    assert authenticate(parent_value, Api.MEMBER).orcid == RESEARCHER
    # ORCID refresh tokens stay usable while the parent is valid.
    again = token_request(http, member, grant_type="refresh_token", refresh_token=refresh_value)
    assert again.status_code == 200


def test_refresh_with_basic_auth_and_narrower_implied_scope(http: HttpClient, member: Registered) -> None:
    _parent, _value, refresh_value = researcher_token(member)
    response = http.post(
        "/oauth/token",
        {"grant_type": "refresh_token", "refresh_token": refresh_value, "scope": "/orcid-works/read-limited"},
        HTTP_AUTHORIZATION=basic_auth(member.client_id, member.secret),
    )
    assert response.status_code == 200, response.content
    assert response.json()["scope"] == "/orcid-works/read-limited"


def test_refresh_may_not_widen_the_scopes(http: HttpClient, member: Registered) -> None:
    _parent, _value, refresh_value = researcher_token(member)
    response = token_request(
        http, member, grant_type="refresh_token", refresh_token=refresh_value, scope="/person/update"
    )
    assert_oauth_error(
        response, 400, "invalid_scope", "The given scope '/person/update' is not allowed for the parent token"
    )


def test_refresh_with_shorter_expires_in(http: HttpClient, member: Registered) -> None:
    _parent, _value, refresh_value = researcher_token(member)
    response = token_request(
        http, member, grant_type="refresh_token", refresh_token=refresh_value, expires_in="3600"
    )
    assert response.status_code == 200
    assert response.json()["expires_in"] == 3600


@pytest.mark.parametrize(
    ("expires_in", "description_start"),
    [("631138600", "Token expiration can't be after "), ("soon", "soon is not a number")],
)
def test_refresh_with_bad_expires_in(
    http: HttpClient, member: Registered, expires_in: str, description_start: str
) -> None:
    _parent, _value, refresh_value = researcher_token(member)
    response = token_request(
        http, member, grant_type="refresh_token", refresh_token=refresh_value, expires_in=expires_in
    )
    assert_oauth_error(response, 400, "invalid_request")
    assert response.json()["error_description"].startswith(description_start)


def test_refresh_with_revoke_old_revokes_the_parent(http: HttpClient, member: Registered) -> None:
    _parent, parent_value, refresh_value = researcher_token(member)
    response = token_request(
        http, member, grant_type="refresh_token", refresh_token=refresh_value, revoke_old="true"
    )
    assert response.status_code == 200
    with pytest.raises(InvalidToken):
        authenticate(parent_value, Api.MEMBER)
    assert authenticate(response.json()["access_token"], Api.MEMBER).orcid == RESEARCHER


def test_refresh_revokes_the_parent_named_by_a_bearer_header(http: HttpClient, member: Registered) -> None:
    _parent, parent_value, refresh_value = researcher_token(member)
    response = http.post(
        "/oauth/token",
        {"grant_type": "refresh_token", "refresh_token": refresh_value, **_credentials(member)},
        HTTP_AUTHORIZATION=f"Bearer {parent_value}",
    )
    assert response.status_code == 200
    with pytest.raises(InvalidToken):
        authenticate(parent_value, Api.MEMBER)


def test_refresh_with_revoke_old_false_keeps_the_parent(http: HttpClient, member: Registered) -> None:
    _parent, parent_value, refresh_value = researcher_token(member)
    response = http.post(
        "/oauth/token",
        {
            "grant_type": "refresh_token",
            "refresh_token": refresh_value,
            "revoke_old": "false",
            **_credentials(member),
        },
        HTTP_AUTHORIZATION=f"Bearer {parent_value}",
    )
    assert response.status_code == 200
    assert authenticate(parent_value, Api.MEMBER).orcid == RESEARCHER


def test_unknown_refresh_token_is_an_invalid_grant(http: HttpClient, member: Registered) -> None:
    response = token_request(http, member, grant_type="refresh_token", refresh_token="no-such-token")
    assert_oauth_error(response, 400, "invalid_grant", "Invalid refresh token: no-such-token")


def test_another_clients_refresh_token_is_an_invalid_grant(http: HttpClient, member: Registered) -> None:
    other = Registered(*create_client("Other Org", "member"))
    _parent, _value, refresh_value = researcher_token(other)
    response = token_request(http, member, grant_type="refresh_token", refresh_token=refresh_value)
    assert_oauth_error(response, 400, "invalid_grant")


def test_refresh_of_a_token_the_researcher_revoked_is_refused(http: HttpClient, member: Registered) -> None:
    parent, _value, refresh_value = researcher_token(member)
    revoke_by_researcher(parent)
    response = token_request(http, member, grant_type="refresh_token", refresh_token=refresh_value)
    assert_oauth_error(response, 400, "invalid_grant", "Parent token is disabled")


def test_refresh_of_an_expired_token_is_refused(http: HttpClient, member: Registered) -> None:
    _parent, _value, refresh_value = researcher_token(member, state="expired")
    response = token_request(http, member, grant_type="refresh_token", refresh_token=refresh_value)
    assert_oauth_error(response, 400, "invalid_grant")


# Revocation.


def test_revoke_an_access_token(http: HttpClient, member: Registered) -> None:
    _parent, value, refresh_value = researcher_token(member)
    response = http.post("/oauth/revoke", {"token": value, **_credentials(member)})
    assert response.status_code == 200
    assert response.content == b""
    with pytest.raises(InvalidToken):
        authenticate(value, Api.MEMBER)
    # Its refresh token went with it.
    refused = token_request(http, member, grant_type="refresh_token", refresh_token=refresh_value)
    assert refused.status_code == 400


def test_revoke_by_refresh_token_with_basic_auth(http: HttpClient, member: Registered) -> None:
    _parent, value, refresh_value = researcher_token(member)
    response = http.post(
        "/oauth/revoke",
        {"token": refresh_value},
        HTTP_AUTHORIZATION=basic_auth(member.client_id, member.secret),
    )
    assert response.status_code == 200
    with pytest.raises(InvalidToken):
        authenticate(value, Api.MEMBER)


def test_revoke_an_unknown_token_is_200(http: HttpClient, member: Registered) -> None:
    response = http.post("/oauth/revoke", {"token": "no-such-token", **_credentials(member)})
    assert response.status_code == 200
    assert response.content == b""


def test_revoke_another_clients_token_is_ignored(http: HttpClient, member: Registered) -> None:
    other = Registered(*create_client("Other Org", "member"))
    _parent, value, _refresh = researcher_token(other)
    response = http.post("/oauth/revoke", {"token": value, **_credentials(member)})
    assert response.status_code == 200
    assert authenticate(value, Api.MEMBER).client == other.client


def test_revoke_without_token_is_400(http: HttpClient, member: Registered) -> None:
    response = http.post("/oauth/revoke", _credentials(member))
    assert_oauth_error(response, 400, "invalid_request")


def test_revoke_with_bad_credentials_is_401(http: HttpClient, member: Registered) -> None:
    response = http.post(
        "/oauth/revoke", {"token": "x", "client_id": member.client_id, "client_secret": "nope"}
    )
    assert_oauth_error(response, 401, "invalid_client", "Bad client credentials")


def test_endpoints_need_no_csrf_token(member: Registered) -> None:
    strict = HttpClient(enforce_csrf_checks=True)
    issued = token_request(strict, member, grant_type="client_credentials", scope="/read-public")
    assert issued.status_code == 200
    revoked = strict.post("/oauth/revoke", {"token": issued.json()["access_token"], **_credentials(member)})
    assert revoked.status_code == 200
