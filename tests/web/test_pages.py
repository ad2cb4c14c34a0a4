"""The public record page (HTML and content negotiation), /my-orcid, trusted organizations, developer
tools and account settings, through real requests."""

from __future__ import annotations

import json
import re
import uuid

import pytest
from django.test import Client

from orchid.oauth.authentication import InvalidToken, authenticate
from orchid.oauth.models import Client as OAuthClient
from orchid.oauth.services import create_client, grant_token
from orchid.records import services
from orchid.records.models import Item, Researcher
from orchid.records.sections import BY_NAME
from orchid.records.viewer import Api, Viewer
from orchid.schema import from_json
from orchid.schema import models as m
from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.django_db

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def _work(title: str, doi: str) -> m.work.Work:
    body = {
        "title": {"title": {"value": title}},
        "type": "journal-article",
        "external-ids": {
            "external-id": [
                {"external-id-type": "doi", "external-id-value": doi, "external-id-relationship": "self"}
            ]
        },
    }
    return from_json(json.dumps(body).encode(), m.work.Work)


def _keyword(text: str) -> m.keyword.Keyword:
    return from_json(json.dumps({"content": text}).encode(), m.keyword.Keyword)


@pytest.fixture
def filled(researcher: Researcher) -> Researcher:
    """A record with public and private items, some added by the researcher, one by a member client."""
    me = Viewer.researcher_self(researcher.orcid)
    services.add_item(researcher.orcid, BY_NAME["keyword"], _keyword("psychoceramics"), me)
    secret_kw = services.add_item(researcher.orcid, BY_NAME["keyword"], _keyword("hidden-topic"), me)
    services.add_item(researcher.orcid, BY_NAME["work"], _work("Cracked pots revisited", "10.5555/1"), me)
    secret_work = services.add_item(researcher.orcid, BY_NAME["work"], _work("Secret draft", "10.5555/2"), me)
    Item.objects.filter(pk__in=[secret_kw, secret_work]).update(visibility="private")
    member, _ = create_client("Member Org", "member", ["https://member.example.org/cb"])
    viewer = Viewer(
        api=Api.MEMBER, client=member, orcid=researcher.orcid, scopes=frozenset({"/orcid-works/update"})
    )
    services.add_item(researcher.orcid, BY_NAME["work"], _work("Client work", "10.5555/3"), viewer)
    researcher.biography = "Professor of psychoceramics."
    researcher.save()
    return researcher


# --- the public record page ---------------------------------------------------------------------------


def test_record_page_shows_public_items_only(client: Client, filled: Researcher) -> None:
    response = client.get(f"/{filled.orcid}", HTTP_ACCEPT=BROWSER_ACCEPT)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert f"https://orcid.org/{filled.orcid}" in page
    assert "Josiah Carberry" in page and "Professor of psychoceramics." in page
    assert "psychoceramics" in page and "Cracked pots revisited" in page and "Client work" in page
    assert "Source: Member Org" in page
    assert "hidden-topic" not in page and "Secret draft" not in page
    assert "Delete" not in page  # nobody's own page


def test_record_page_uses_the_configured_id_host(
    client: Client, filled: Researcher, settings: object
) -> None:
    settings.ORCID_ID_HOST = "sandbox.orcid.org"  # type: ignore[attr-defined]
    assert f"https://sandbox.orcid.org/{filled.orcid}" in client.get(f"/{filled.orcid}").content.decode()


@pytest.mark.parametrize(
    ("accept", "content_type"),
    [
        ("application/vnd.orcid+xml", "application/vnd.orcid+xml; charset=UTF-8"),
        ("application/orcid+json", "application/orcid+json; charset=UTF-8"),
        ("application/json", "application/json; charset=UTF-8"),
        ("application/xml", "application/xml; charset=UTF-8"),
    ],
)
def test_record_url_negotiates_the_public_v3_record(
    client: Client, filled: Researcher, accept: str, content_type: str
) -> None:
    response = client.get(f"/{filled.orcid}", HTTP_ACCEPT=accept)
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    body = response.content.decode()
    assert "Cracked pots revisited" in body and "psychoceramics" in body
    assert "Secret draft" not in body and "hidden-topic" not in body
    if "json" in accept:
        assert json.loads(body)["orcid-identifier"]["path"] == filled.orcid
    else:
        assert body.startswith("<?xml") and "<record:record" in body


def test_record_url_on_api_hosts_and_for_unknown_ids(client: Client, filled: Researcher) -> None:
    redirected = client.get(f"/{filled.orcid}", HTTP_HOST="pub.localhost")
    assert redirected.status_code == 302 and redirected["Location"].endswith(f"/v3.0/{filled.orcid}")
    assert client.post(f"/{filled.orcid}", HTTP_ACCEPT="application/json").status_code == 400
    assert client.get("/0000-0002-1825-0097").status_code == 404
    missing = client.get("/0000-0002-1825-0097", HTTP_ACCEPT="application/vnd.orcid+json")
    assert missing.status_code == 404 and json.loads(missing.content)["error-code"] == 9016


# --- /my-orcid --------------------------------------------------------------------------------------------


def test_my_orcid_lists_every_item_with_source_and_visibility(signed_in: Client, filled: Researcher) -> None:
    page = signed_in.get("/my-orcid").content.decode()
    assert "hidden-topic" in page and "Secret draft" in page and "Client work" in page
    assert "Source: Member Org" in page and "private" in page


def test_my_orcid_edits_names_and_biography(signed_in: Client, researcher: Researcher) -> None:
    response = signed_in.post(
        "/my-orcid",
        {
            "given_names": "Josiah S.",
            "family_name": "Carberry",
            "credit_name": "J. S. Carberry",
            "biography": "New bio",
            "biography_visibility": "limited",
            "default_visibility": "private",
        },
    )
    assert response.status_code == 302
    researcher.refresh_from_db()
    assert (researcher.given_names, researcher.credit_name, researcher.biography) == (
        "Josiah S.",
        "J. S. Carberry",
        "New bio",
    )
    assert researcher.biography_visibility == "limited" and researcher.default_visibility == "private"
    public = services.read_record(researcher.orcid, Viewer.anonymous())
    assert public.person is not None and public.person.biography is None  # limited now
    refused = signed_in.post(
        "/my-orcid", {"given_names": "", "biography_visibility": "public", "default_visibility": "x"}
    )
    assert refused.status_code == 400


def test_my_orcid_deletes_own_items_only(signed_in: Client, filled: Researcher) -> None:
    own = Item.objects.get(researcher=filled, section="work", document__title__title__value="Secret draft")
    theirs = Item.objects.get(researcher=filled, section="work", source_client__isnull=False)
    page = signed_in.get("/my-orcid").content.decode()
    assert f"/my-orcid/items/work/{own.pk}/delete" in page
    assert f"/my-orcid/items/work/{theirs.pk}/delete" not in page
    assert signed_in.post(f"/my-orcid/items/work/{own.pk}/delete").status_code == 302
    assert not Item.objects.filter(pk=own.pk).exists()
    signed_in.post(f"/my-orcid/items/work/{theirs.pk}/delete")
    assert Item.objects.filter(pk=theirs.pk).exists()


# --- trusted organizations ------------------------------------------------------------------------------


def test_trusted_organizations_lists_and_revokes(signed_in: Client, researcher: Researcher) -> None:
    member, _ = create_client("Member Org", "member", ["https://member.example.org/cb"])
    value = str(uuid.uuid4())
    grant_token(member, orcid=researcher.orcid, scopes=["/read-limited", "/activities/update"], value=value)
    other, _ = create_client("Unrelated Org", "member", ["https://other.example.org/cb"])
    grant_token(other, orcid="0000-0002-1825-0097", scopes=["/read-limited"])

    page = signed_in.get("/trusted-organizations").content.decode()
    assert "Member Org" in page and "/read-limited" in page and "/activities/update" in page
    assert "Unrelated Org" not in page
    assert authenticate(value, Api.MEMBER).revoked_by_researcher is False

    response = signed_in.post("/trusted-organizations/revoke", {"client_id": member.client_id})
    assert response.status_code == 302
    assert authenticate(value, Api.MEMBER).revoked_by_researcher is True
    assert "Member Org" not in signed_in.get("/trusted-organizations").content.decode()


# --- developer tools --------------------------------------------------------------------------------------


def _secret(page: str) -> str:
    found = re.search(r'<code class="secret">([0-9a-f-]{36})</code>', page)
    assert found, page
    return found.group(1)


def test_developer_tools_registers_a_public_client_whose_secret_works(
    signed_in: Client, researcher: Researcher
) -> None:
    created = signed_in.post(
        "/developer-tools",
        {
            "name": "My App",
            "website": "https://app.example.org",
            "description": "Signs people in",
            "redirect_uris": "https://app.example.org/callback\nhttps://app.example.org/other",
        },
    )
    assert created.status_code == 200
    page = created.content.decode()
    client = OAuthClient.objects.get(name="My App")
    assert client.client_type == "public" and client.user_id == researcher.user_id
    assert client.client_id in page
    secret = _secret(page)
    assert client.redirect_uris.split() == [
        "https://app.example.org/callback",
        "https://app.example.org/other",
    ]

    def token(secret_value: str) -> int:
        response = Client().post(
            "/oauth/token",
            {"client_id": client.client_id, "client_secret": secret_value, "grant_type": "client_credentials",
             "scope": "/read-public"},
        )  # fmt: skip
        return int(response.status_code)

    assert token(secret) == 200
    # The secret is shown once; later visits do not show it.
    assert 'class="secret"' not in signed_in.get("/developer-tools").content.decode()

    new_secret = _secret(signed_in.post("/developer-tools/reset-secret").content.decode())
    assert new_secret != secret
    assert token(new_secret) == 200
    assert token(secret) != 200


def test_developer_tools_refuses_bad_redirect_uris(signed_in: Client) -> None:
    response = signed_in.post(
        "/developer-tools",
        {"name": "X", "website": "https://x.example.org", "description": "d", "redirect_uris": "not a uri"},
    )
    assert response.status_code == 400
    assert not OAuthClient.objects.filter(name="X").exists()


# --- account settings ------------------------------------------------------------------------------------


def test_account_language_and_deactivation(signed_in: Client, researcher: Researcher) -> None:
    page = signed_in.get("/account").content.decode()
    assert page.count("<option") == 15
    assert signed_in.post("/account", {"locale": "zh_CN"}).status_code == 302
    researcher.refresh_from_db()
    assert researcher.locale == "zh_CN"
    assert signed_in.post("/account", {"locale": "xx"}).status_code == 400

    assert signed_in.post("/account/deactivate", {"confirm": "yes"}).status_code == 400
    done = signed_in.post("/account/deactivate", {"confirm": "DEACTIVATE"})
    assert done.status_code == 200 and b"deactivated" in done.content
    researcher.refresh_from_db()
    assert researcher.deactivated_at is not None
    assert signed_in.get("/my-orcid").status_code == 302
    assert Client().post("/signin", {"username": researcher.orcid, "password": PASSWORD}).status_code == 400
    assert b"This record has been deactivated" in Client().get(f"/{researcher.orcid}").content


def test_signed_in_pages_require_sign_in(client: Client) -> None:
    for path in ("/my-orcid", "/trusted-organizations", "/developer-tools", "/account"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"] == f"/signin?next={path}"


def test_invalid_token_still_raises_for_unknown_values(db: None) -> None:
    with pytest.raises(InvalidToken):
        authenticate(str(uuid.uuid4()), Api.MEMBER)


@pytest.mark.django_db
def test_record_page_says_how_many_sources_a_grouped_work_has(client: Client) -> None:
    from orchid.records import services
    from orchid.records.sections import BY_NAME
    from tests.records import builders

    researcher = builders.researcher()
    for _source in range(2):  # two clients list the same DOI: one group, two sources
        viewer = builders.member_viewer(researcher.orcid)
        services.add_item(
            researcher.orcid, BY_NAME["work"], builders.work("Shared", builders.external_id("10.1/x")), viewer
        )
    page = client.get(f"/{researcher.orcid}").content.decode()
    assert "2 sources for this item" in page
