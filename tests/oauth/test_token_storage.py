"""Access and refresh tokens are stored hashed: the database keeps each token's SHA-256 checksum and a
display prefix, never the value; the plain values the client received still work everywhere."""

from __future__ import annotations

import importlib
import re
from types import SimpleNamespace
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.apps import apps
from django.test import Client as HttpClient

from orchid.fixtures import load
from orchid.oauth.models import AccessToken, RefreshToken, display_prefix, is_display_prefix
from orchid.oauth.server import token_checksum
from orchid.oauth.services import grant_token
from orchid.records.models import Researcher
from orchid.records.researchers import create_researcher

from .conftest import Registered

pytestmark = pytest.mark.django_db

CALLBACK = "https://member.example.org/callback"


@pytest.fixture
def researcher(db: None) -> Researcher:
    return create_researcher(
        given_names="Ada", family_name="Lovelace", email="ada@example.org", password="correct horse 1"
    )


def token_request(registered: Registered, **params: str) -> Any:
    data = {"client_id": registered.client_id, "client_secret": registered.secret, **params}
    return HttpClient().post("/oauth/token", data)


def client_credentials(registered: Registered) -> dict[str, Any]:
    response = token_request(registered, grant_type="client_credentials", scope="/read-public")
    assert response.status_code == 200, response.content
    body: dict[str, Any] = response.json()
    return body


def code_exchange(registered: Registered, researcher: Researcher) -> dict[str, Any]:
    browser = HttpClient()
    assert researcher.user is not None
    browser.force_login(researcher.user)
    query = {
        "client_id": registered.client_id,
        "response_type": "code",
        "scope": "/read-limited",
        "redirect_uri": CALLBACK,
    }
    page = browser.get("/oauth/authorize?" + urlencode(query))
    match = re.search(r'name="request_id" value="([^"]+)"', page.content.decode())
    assert match, page.content.decode()
    answer = browser.post("/oauth/authorize", {"request_id": match.group(1), "action": "authorize"})
    code = parse_qs(urlsplit(answer["Location"]).query)["code"][0]
    response = token_request(registered, grant_type="authorization_code", code=code)
    assert response.status_code == 200, response.content
    body: dict[str, Any] = response.json()
    return body


def assert_stored_hashed(access_value: str, refresh_value: str) -> None:
    """The rows for these tokens hold their checksums and prefixes; no row holds a plain value."""
    access = AccessToken.objects.get(token_checksum=token_checksum(access_value))
    refresh = RefreshToken.objects.get(token_checksum=token_checksum(refresh_value))
    assert access.token == access_value[:8] + "…"
    assert refresh.token == refresh_value[:8] + "…"
    for model in (AccessToken, RefreshToken):
        stored = list(model.objects.values_list("token", flat=True))
        assert stored and all(is_display_prefix(value) for value in stored), stored
        assert not model.objects.filter(token__in=[access_value, refresh_value]).exists()


def api_status(token: str, orcid: str, path: str = "record") -> int:
    response = HttpClient().get(
        f"/v3.0/{orcid}/{path}",
        HTTP_AUTHORIZATION=f"Bearer {token}",
        HTTP_ACCEPT="application/vnd.orcid+json",
    )
    return int(response.status_code)


def test_client_credentials_tokens_are_stored_hashed_and_still_work(
    member: Registered, researcher: Researcher
) -> None:
    body = client_credentials(member)

    assert_stored_hashed(body["access_token"], body["refresh_token"])
    assert api_status(body["access_token"], researcher.orcid) == 200
    assert api_status(body["access_token"][:8] + "…", researcher.orcid) == 401  # the prefix is no token


def test_code_exchange_tokens_are_stored_hashed_and_still_work(
    member: Registered, researcher: Researcher
) -> None:
    body = code_exchange(member, researcher)

    assert body["orcid"] == researcher.orcid
    assert_stored_hashed(body["access_token"], body["refresh_token"])
    assert api_status(body["access_token"], researcher.orcid, "works") == 200


def test_refresh_with_the_plain_refresh_token_issues_hashed_tokens(
    member: Registered, researcher: Researcher
) -> None:
    parent = code_exchange(member, researcher)

    response = token_request(
        member, grant_type="refresh_token", refresh_token=parent["refresh_token"], revoke_old="true"
    )

    assert response.status_code == 200, response.content
    child = response.json()
    assert child["orcid"] == researcher.orcid
    assert_stored_hashed(child["access_token"], child["refresh_token"])
    assert api_status(child["access_token"], researcher.orcid, "works") == 200
    assert api_status(parent["access_token"], researcher.orcid, "works") == 401  # revoke_old
    # The revoked parent refresh token was saved again and kept its checksum (not one of its prefix).
    assert RefreshToken.objects.filter(token_checksum=token_checksum(parent["refresh_token"])).exists()
    again = token_request(member, grant_type="refresh_token", refresh_token=child["refresh_token"])
    assert again.status_code == 200, again.content


def test_revoke_with_the_plain_access_token(member: Registered, researcher: Researcher) -> None:
    body = client_credentials(member)
    data = {"client_id": member.client_id, "client_secret": member.secret, "token": body["access_token"]}

    assert HttpClient().post("/oauth/revoke", data).status_code == 200

    assert not AccessToken.objects.filter(token_checksum=token_checksum(body["access_token"])).exists()
    assert api_status(body["access_token"], researcher.orcid) == 401
    refused = token_request(member, grant_type="refresh_token", refresh_token=body["refresh_token"])
    assert refused.status_code == 400


def test_revoke_with_the_plain_refresh_token(member: Registered, researcher: Researcher) -> None:
    body = code_exchange(member, researcher)
    data = {
        "client_id": member.client_id,
        "client_secret": member.secret,
        "token": body["refresh_token"],
        "token_type_hint": "refresh_token",
    }

    assert HttpClient().post("/oauth/revoke", data).status_code == 200

    refresh = RefreshToken.objects.get(token_checksum=token_checksum(body["refresh_token"]))
    assert refresh.revoked is not None and refresh.token == body["refresh_token"][:8] + "…"
    assert api_status(body["access_token"], researcher.orcid, "works") == 401
    refused = token_request(member, grant_type="refresh_token", refresh_token=body["refresh_token"])
    assert refused.status_code == 400


def test_grant_token_returns_the_plain_values_and_stores_none(
    member: Registered, researcher: Researcher
) -> None:
    token = grant_token(member.client, orcid=researcher.orcid, scopes=["/read-limited"])

    assert token.plain_token is not None and token.plain_refresh_token is not None
    assert token.token == token.plain_token  # the in-memory object keeps the plain value
    assert_stored_hashed(token.plain_token, token.plain_refresh_token)
    reloaded = AccessToken.objects.get(pk=token.pk)
    assert reloaded.token == display_prefix(token.plain_token) and reloaded.plain_token is None
    reloaded.scope = "/read-limited /activities/update"
    reloaded.save()  # saving a loaded row keeps the checksum of the value, not of the prefix
    assert api_status(token.plain_token, researcher.orcid, "works") == 200
    refreshed = token_request(member, grant_type="refresh_token", refresh_token=token.plain_refresh_token)
    assert refreshed.status_code == 200, refreshed.content


def test_a_token_assigned_directly_is_stored_hashed_too(member: Registered) -> None:
    AccessToken.objects.create(
        application=member.client,
        token="direct-value-1234",
        expires="2999-01-01T00:00:00Z",
        scope="/read-public",
    )

    row = AccessToken.objects.get(token_checksum=token_checksum("direct-value-1234"))
    assert row.token == "direct-v…"


def test_fixture_out_reports_usable_plain_tokens_and_stores_none() -> None:
    from tests.fixtures.test_loader import ACCESS_VALUE, ALICE, small_fixture

    out = load(small_fixture())

    entry = out["tokens"]["alice-update"]
    assert entry["access_token"] == ACCESS_VALUE
    assert_stored_hashed(entry["access_token"], entry["refresh_token"])
    assert api_status(entry["access_token"], ALICE, "works") == 200
    member = out["clients"]["member"]
    refreshed = HttpClient().post(
        "/oauth/token",
        {
            "client_id": member["client_id"],
            "client_secret": member["client_secret"],
            "grant_type": "refresh_token",
            "refresh_token": entry["refresh_token"],
        },
    )
    assert refreshed.status_code == 200, refreshed.content
    assert api_status(refreshed.json()["access_token"], ALICE, "works") == 200


def test_the_migration_hashes_tokens_stored_in_plain_text(member: Registered) -> None:
    token = grant_token(member.client, scopes=["/read-public"])
    assert token.plain_token is not None and token.plain_refresh_token is not None
    # As a database from before hashed storage holds them: the plain values in the token columns.
    AccessToken.objects.filter(pk=token.pk).update(token=token.plain_token, token_checksum="stale")
    RefreshToken.objects.filter(access_token=token).update(token=token.plain_refresh_token)
    migration = importlib.import_module("orchid.oauth.migrations.0004_hashed_tokens")

    editor = SimpleNamespace(connection=SimpleNamespace(alias="default"))
    migration.hash_stored_tokens(apps, editor)
    migration.hash_stored_tokens(apps, editor)  # a second run changes nothing

    assert_stored_hashed(token.plain_token, token.plain_refresh_token)


def test_tokens_appear_in_no_log_record(
    member: Registered, researcher: Researcher, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    body = code_exchange(member, researcher)
    refreshed = token_request(member, grant_type="refresh_token", refresh_token=body["refresh_token"]).json()

    logged = "\n".join(record.getMessage() for record in caplog.records)
    for value in (body["access_token"], body["refresh_token"], refreshed["access_token"]):
        assert value not in logged
