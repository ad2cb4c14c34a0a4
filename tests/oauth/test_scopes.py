"""ORCID's scope table: implications, parsing, and what a client-credentials request may get."""

from __future__ import annotations

import pytest

from orchid.oauth import scopes
from orchid.oauth.scopes import InvalidScopeError, client_credentials_scopes, expand, parse

ACTIVITY_READS = {
    "/orcid-works/read-limited",
    "/funding/read-limited",
    "/affiliations/read-limited",
    "/peer-review/read-limited",
    "/orcid-patents/read-limited",
}
ACTIVITY_WRITES = {
    f"{section}/{action}"
    for section in ("/orcid-works", "/funding", "/affiliations", "/peer-review", "/orcid-patents")
    for action in ("create", "update")
}


def test_every_implied_scope_is_in_the_table_and_names_are_unique() -> None:
    names = [scope.name for scope in scopes._TABLE]
    assert len(names) == len(set(names))
    for scope in scopes._TABLE:
        assert set(scope.implies) <= set(scopes.SCOPES), scope.name


@pytest.mark.parametrize(
    ("granted", "expected"),
    [
        (
            ["/read-limited"],
            {
                "/read-limited",
                "/activities/read-limited",
                "/person/read-limited",
                "/orcid-bio/read-limited",
                "/read-public",
                *ACTIVITY_READS,
            },
        ),
        (["/activities/read-limited"], {"/activities/read-limited", "/read-public", *ACTIVITY_READS}),
        (["/person/read-limited"], {"/person/read-limited", "/orcid-bio/read-limited", "/read-public"}),
        (["/activities/update"], {"/activities/update", "/read-public", *ACTIVITY_WRITES}),
        (
            ["/person/update"],
            {"/person/update", "/orcid-bio/update", "/orcid-bio/external-identifiers/create", "/read-public"},
        ),
        (["/group-id-record/update"], {"/group-id-record/update", "/group-id-record/read", "/read-public"}),
        (["/premium-notification"], {"/premium-notification", "/basic-notification", "/read-public"}),
        (["openid"], {"openid", "/authenticate", "/read-public"}),
        (["/authenticate"], {"/authenticate", "/read-public"}),
        (["/webhook"], {"/webhook", "/read-public"}),
        ([], {"/read-public"}),
    ],
)
def test_expand_follows_implications_transitively(granted: list[str], expected: set[str]) -> None:
    assert expand(granted) == frozenset(expected)


def test_update_scopes_do_not_imply_limited_reads() -> None:
    assert "/orcid-works/read-limited" not in expand(["/activities/update"])
    assert "/orcid-bio/read-limited" not in expand(["/person/update"])


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("/read-public", ["/read-public"]),
        ("/activities/update /read-limited", ["/activities/update", "/read-limited"]),
        ("/activities/update+/read-limited", ["/activities/update", "/read-limited"]),
        ("  /read-limited   /read-limited ", ["/read-limited"]),
        ("/orcid-grants/read-limited", ["/funding/read-limited"]),
        ("", []),
        (None, []),
    ],
)
def test_parse_splits_on_spaces_and_plus(raw: str | None, expected: list[str]) -> None:
    assert parse(raw) == expected


def test_allowed_for_each_client_type() -> None:
    assert scopes.allowed_for("public") == {"/read-public", "/authenticate", "openid"}
    member = scopes.allowed_for("member")
    assert {"/read-limited", "/activities/update", "/person/update", "/group-id-record/update"} <= member
    assert "/webhook" not in member
    assert "/webhook" in scopes.allowed_for("premium")
    assert not any(scopes.SCOPES[name].internal for name in scopes.allowed_for("premium"))


def test_client_credentials_drops_three_legged_scopes_silently() -> None:
    requested = ["/read-limited", "/group-id-record/update", "/activities/update", "/read-public"]
    assert client_credentials_scopes(requested, "member") == ["/group-id-record/update", "/read-public"]


def test_client_credentials_with_nothing_two_legged_gets_read_public() -> None:
    assert client_credentials_scopes(["/read-limited"], "member") == ["/read-public"]
    assert client_credentials_scopes([], "public") == ["/read-public"]


def test_read_public_is_always_allowed() -> None:
    assert client_credentials_scopes(["/read-public"], "public") == ["/read-public"]


def test_webhook_is_for_premium_clients_only() -> None:
    assert client_credentials_scopes(["/webhook"], "premium") == ["/webhook"]
    with pytest.raises(InvalidScopeError) as refused:
        client_credentials_scopes(["/webhook"], "member")
    assert refused.value.oauth_description == "Invalid scope: /webhook"
    assert refused.value.http_status == 400
    assert refused.value.code == 9015


def test_public_clients_may_not_use_group_id_records() -> None:
    with pytest.raises(InvalidScopeError):
        client_credentials_scopes(["/group-id-record/read"], "public")


@pytest.mark.parametrize("name", ["/orcid-internal", "/member-list/read", "/no-such-scope"])
def test_internal_and_unknown_scopes_are_refused_with_9015(name: str) -> None:
    with pytest.raises(InvalidScopeError) as refused:
        client_credentials_scopes([name], "premium")
    assert refused.value.http_status == 401
    assert refused.value.oauth_description.startswith("One of the provided scopes is not allowed.")
