"""authenticate() and bearer_from_request(): from a bearer token to the records layer's Viewer."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import RequestFactory

from orchid.errors import OrcidError
from orchid.oauth.authentication import InvalidToken, authenticate, bearer_from_request
from orchid.oauth.models import AccessToken
from orchid.oauth.server import token_checksum
from orchid.oauth.services import create_client, grant_token, revoke_by_researcher
from orchid.records.viewer import Api, Viewer

from .conftest import RESEARCHER, Registered

VALUE = "3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b"


def token_for(registered: Registered, **kwargs: Any) -> AccessToken:
    kwargs.setdefault("scopes", ["/read-limited", "/activities/update"])
    return grant_token(registered.client, orcid=RESEARCHER, value=VALUE, **kwargs)


@pytest.mark.parametrize("api", [Api.PUBLIC, Api.MEMBER])
@pytest.mark.parametrize("token_value", [None, ""])
def test_no_token_is_anonymous(token_value: str | None, api: Api) -> None:
    assert authenticate(token_value, api) == Viewer.anonymous(api)


@pytest.mark.django_db
def test_valid_token_in_one_key_lookup(member: Registered, django_assert_num_queries: Any) -> None:
    token_for(member)
    # The token by its checksum, joined to its client by primary key.
    with django_assert_num_queries(1):
        viewer = authenticate(VALUE, Api.MEMBER)
        assert viewer.client_id == member.client_id  # the client came with the token
    assert viewer.api is Api.MEMBER
    assert viewer.client == member.client
    assert viewer.orcid == RESEARCHER
    assert viewer.revoked_by_researcher is False
    assert {
        "/read-limited",
        "/orcid-works/read-limited",
        "/orcid-works/create",
        "/read-public",
    } <= viewer.scopes
    assert viewer.has("/orcid-bio/read-limited")


@pytest.mark.django_db
def test_client_credentials_token_has_no_researcher(member: Registered) -> None:
    grant_token(member.client, scopes=["/read-public"], value=VALUE)
    viewer = authenticate(VALUE, Api.PUBLIC)
    assert viewer.orcid is None
    assert viewer.scopes == frozenset({"/read-public"})


@pytest.mark.django_db
def test_unknown_token_is_invalid() -> None:
    with pytest.raises(InvalidToken) as invalid:
        authenticate("not-a-token", Api.PUBLIC)
    status, headers, body = invalid.value.to_response_parts()
    assert status == 401
    assert body == {"error": "invalid_token", "error_description": "Invalid access token: not-a-token"}
    assert headers == {
        "WWW-Authenticate": 'Bearer realm="ORCID T2 API", error="invalid_token", '
        'error_description="Invalid access token: not-a-token"'
    }


def test_invalid_token_header_cannot_be_broken_by_the_token() -> None:
    _status, headers, body = InvalidToken('a"b\r\nX-Evil: 1').to_response_parts()
    assert "\n" not in headers["WWW-Authenticate"] and "\r" not in headers["WWW-Authenticate"]
    assert 'error_description="Invalid access token: a\\"bX-Evil: 1"' in headers["WWW-Authenticate"]
    assert body["error_description"] == 'Invalid access token: a"b\r\nX-Evil: 1'


@pytest.mark.django_db
def test_expired_token_is_invalid(member: Registered) -> None:
    token_for(member, state="expired")
    with pytest.raises(InvalidToken):
        authenticate(VALUE, Api.MEMBER)


@pytest.mark.django_db
def test_token_without_a_client_is_invalid(member: Registered) -> None:
    token = token_for(member)
    AccessToken.objects.filter(pk=token.pk).update(application=None)
    with pytest.raises(InvalidToken):
        authenticate(VALUE, Api.MEMBER)


@pytest.mark.django_db
def test_token_revoked_by_the_client_is_invalid(member: Registered) -> None:
    token = token_for(member)
    token.revoke()  # what /oauth/revoke does (DOT deletes the token)
    with pytest.raises(InvalidToken):
        authenticate(VALUE, Api.MEMBER)


@pytest.mark.django_db
def test_token_revoked_by_the_researcher_is_flagged(member: Registered) -> None:
    token = token_for(member)
    revoke_by_researcher(token)
    viewer = authenticate(VALUE, Api.MEMBER)
    assert viewer.revoked_by_researcher is True
    assert viewer.orcid == RESEARCHER


@pytest.mark.django_db
def test_granted_revoked_state_is_revoked_by_the_researcher(member: Registered) -> None:
    token_for(member, state="revoked")
    assert authenticate(VALUE, Api.MEMBER).revoked_by_researcher is True


@pytest.mark.django_db
def test_public_client_is_refused_on_the_member_api(public: Registered) -> None:
    token_for(public, scopes=["/authenticate"])
    assert authenticate(VALUE, Api.PUBLIC).client == public.client
    with pytest.raises(OrcidError) as refused:
        authenticate(VALUE, Api.MEMBER)
    assert refused.value.code == 9017
    assert refused.value.http_status == 401


@pytest.mark.django_db
def test_locked_client_is_refused(member: Registered) -> None:
    token_for(member)
    member.client.locked = True
    member.client.save()
    with pytest.raises(OrcidError) as refused:
        authenticate(VALUE, Api.MEMBER)
    assert refused.value.code == 9057


@pytest.mark.django_db
def test_token_storage(member: Registered) -> None:
    token = token_for(member)
    stored = AccessToken.objects.get(token_checksum=token_checksum(VALUE))
    assert stored.pk == token.pk
    assert stored.orcid == RESEARCHER
    assert stored.refresh_token is not None  # type: ignore[attr-defined]


@pytest.mark.django_db
def test_lifetimes_follow_orcid() -> None:
    persistent, _ = create_client("Persistent", "member")
    transient, _ = create_client("Transient", "member")
    transient.persistent_tokens = False
    transient.save()
    long_lived = grant_token(persistent, orcid=RESEARCHER, scopes=["/read-limited"])
    short_lived = grant_token(transient, orcid=RESEARCHER, scopes=["/read-limited"])
    two_legged = grant_token(transient, scopes=["/read-public"])
    assert (long_lived.expires - long_lived.created).total_seconds() == pytest.approx(631138519, abs=5)
    assert (short_lived.expires - short_lived.created).total_seconds() == pytest.approx(3600, abs=5)
    assert (two_legged.expires - two_legged.created).total_seconds() == pytest.approx(631138519, abs=5)


@pytest.mark.django_db
def test_grant_token_refuses_bad_input(member: Registered) -> None:
    with pytest.raises(ValueError):
        grant_token(member.client, scopes=["/no-such-scope"])
    with pytest.raises(ValueError):
        grant_token(member.client, orcid="0000-0000-0000-0000", scopes=["/read-limited"])


@pytest.mark.django_db
def test_create_client_ids_and_hashed_secrets() -> None:
    generated, secret = create_client("Generated", "member")
    assert re.fullmatch(r"APP-[0-9A-Z]{16}", generated.client_id)
    assert generated.client_secret != secret  # stored hashed
    given, given_secret = create_client(
        "Given", "premium", client_id="APP-ABCDEFGHIJKLMNOP", client_secret="s3cret"
    )
    assert given.client_id == "APP-ABCDEFGHIJKLMNOP"
    assert given_secret == "s3cret"


@pytest.mark.parametrize(
    ("header", "query", "expected"),
    [
        ("Bearer abc", "", "abc"),
        ("bearer abc", "", "abc"),
        ("BEARER abc, realm=x", "", "abc"),
        ("Basic dXNlcjpwdw==", "", None),
        ("", "access_token=xyz", "xyz"),
        ("Bearer abc", "access_token=xyz", "abc"),
        ("", "", None),
    ],
)
def test_bearer_from_request(header: str, query: str, expected: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    request = RequestFactory().get(f"/v3.0/0000-0002-1825-0097/record?{query}", headers=headers)
    assert bearer_from_request(request) == expected
