"""/admin-tools/: operators create member and premium clients, lock clients and records, deprecate records."""

from __future__ import annotations

import logging
import re
from typing import Any

import orjson
import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from orchid.oauth.models import Client as OAuthClient
from orchid.oauth.services import create_client, grant_token
from orchid.records.models import Researcher
from orchid.records.researchers import create_researcher
from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.django_db

OPERATOR_PASSWORD = "operator-pass-1"
JSON = "application/vnd.orcid+json"


@pytest.fixture
def operator(client: Client) -> Client:
    """An operator account without a record (as `orchid manage createsuperuser` makes), signed in on
    the sign-in page with its user name."""
    get_user_model().objects.create_user("operator", password=OPERATOR_PASSWORD, is_staff=True)
    signed = client.post(
        "/signin", {"username": "operator", "password": OPERATOR_PASSWORD, "next": "/admin-tools/"}
    )
    assert signed.status_code == 302 and signed["Location"] == "/admin-tools/"
    return client


@pytest.fixture
def other(db: None) -> Researcher:
    return create_researcher(
        given_names="Ada", family_name="Lovelace", email="ada@example.org", password=PASSWORD
    )


def work_json(title: str) -> bytes:
    return orjson.dumps(
        {
            "title": {"title": {"value": title}},
            "type": "journal-article",
            "external-ids": {
                "external-id": [
                    {
                        "external-id-type": "doi",
                        "external-id-value": "10.1234/" + title.replace(" ", "-"),
                        "external-id-relationship": "self",
                    }
                ]
            },
        }
    )


def test_admin_pages_refuse_everybody_but_staff(
    client: Client, signed_in: Client, researcher: Researcher, other: Researcher
) -> None:
    anonymous = Client()
    assert anonymous.get("/admin-tools/")["Location"] == "/signin?next=/admin-tools/"
    assert signed_in.get("/admin-tools/").status_code == 403
    client_row, _secret = create_client("Org", "member")
    for path in (
        "/admin-tools/clients",
        f"/admin-tools/clients/{client_row.client_id}/lock",
        f"/admin-tools/records/{other.orcid}/lock",
        f"/admin-tools/records/{other.orcid}/deprecate",
    ):
        assert signed_in.post(path, {"name": "x", "primary": researcher.orcid}).status_code == 403, path
    other.refresh_from_db()
    assert not other.locked and not other.deprecated_to
    assert not OAuthClient.objects.get(pk=client_row.pk).locked


def test_create_a_premium_client_whose_secret_gets_a_webhook_token(
    operator: Client, caplog: pytest.LogCaptureFixture
) -> None:
    page = operator.get("/admin-tools/")
    assert page.status_code == 200 and b"New member or premium client" in page.content
    with caplog.at_level(logging.INFO, logger="orchid.audit"):
        created = operator.post(
            "/admin-tools/clients",
            {
                "name": "Premium Org",
                "client_type": "premium",
                "website": "https://premium.example.org",
                "description": "Webhooks",
                "redirect_uris": "https://premium.example.org/callback\nhttps://premium.example.org/other",
            },
        )
    assert created.status_code == 200, created.content
    html = created.content.decode()
    client_id = re.search(r'class="client-id">(APP-[A-Z0-9]{16})<', html)
    secret = re.search(r'class="secret">([0-9a-f-]{36})<', html)
    assert client_id and secret, html
    row = OAuthClient.objects.get(client_id=client_id.group(1))
    assert row.client_type == "premium"
    assert row.redirect_uris.split() == [
        "https://premium.example.org/callback",
        "https://premium.example.org/other",
    ]
    assert secret.group(1) not in row.client_secret  # stored hashed
    assert f"client {row.client_id} (premium, 'Premium Org') created by operator" in caplog.text

    def webhook_token() -> Any:
        return Client().post(
            "/oauth/token",
            {
                "client_id": client_id.group(1),
                "client_secret": secret.group(1),
                "grant_type": "client_credentials",
                "scope": "/webhook",
            },
        )

    token = webhook_token()
    assert token.status_code == 200, token.content
    assert token.json()["scope"] == "/webhook" and token.json()["access_token"]
    # The listing names it; the secret is not shown again.
    listing = operator.get("/admin-tools/").content.decode()
    assert client_id.group(1) in listing and secret.group(1) not in listing

    assert operator.post(f"/admin-tools/clients/{row.client_id}/lock").status_code == 302
    assert OAuthClient.objects.get(pk=row.pk).locked
    assert webhook_token().status_code in (400, 401)
    operator.post(f"/admin-tools/clients/{row.client_id}/unlock")
    assert webhook_token().status_code == 200
    assert operator.post("/admin-tools/clients/APP-NOPE/lock").status_code == 404


def test_bad_client_input_is_refused(operator: Client) -> None:
    bad = operator.post("/admin-tools/clients", {"name": "Org", "client_type": "public", "redirect_uris": ""})
    assert bad.status_code == 400
    bad_uri = operator.post(
        "/admin-tools/clients", {"name": "Org", "client_type": "member", "redirect_uris": "not a uri"}
    )
    assert bad_uri.status_code == 400
    assert not OAuthClient.objects.exists()


def test_lock_a_record_and_the_api_refuses_writes_with_9018(
    operator: Client, researcher: Researcher, caplog: pytest.LogCaptureFixture
) -> None:
    member, _secret = create_client("Member Org", "member", ["https://member.example.org/callback"])
    grant_token(member, orcid=researcher.orcid, scopes=["/activities/update"], value="update-token")
    api = Client()

    def write(title: str) -> Any:
        return api.post(
            f"/v3.0/{researcher.orcid}/work",
            data=work_json(title),
            content_type=JSON,
            HTTP_ACCEPT=JSON,
            HTTP_AUTHORIZATION="Bearer update-token",
        )

    assert write("before lock").status_code == 201
    found = operator.get("/admin-tools/", {"orcid": f"https://orcid.org/{researcher.orcid}"})
    assert found.status_code == 200 and b"Lock record" in found.content
    with caplog.at_level(logging.INFO, logger="orchid.audit"):
        locked = operator.post(f"/admin-tools/records/{researcher.orcid}/lock")
    assert locked.status_code == 302 and locked["Location"] == f"/admin-tools/?orcid={researcher.orcid}"
    assert f"record {researcher.orcid} locked by operator" in caplog.text
    refused = write("while locked")
    assert refused.status_code == 409 and orjson.loads(refused.content)["error-code"] == 9018
    operator.post(f"/admin-tools/records/{researcher.orcid}/unlock")
    assert write("after unlock").status_code == 201
    assert operator.get("/admin-tools/", {"orcid": "0000-0000-0000-0000"}).status_code == 404


def test_deprecate_a_record_into_another(
    operator: Client, researcher: Researcher, other: Researcher, caplog: pytest.LogCaptureFixture
) -> None:
    into_itself = operator.post(
        f"/admin-tools/records/{researcher.orcid}/deprecate", {"primary": researcher.orcid}
    )
    assert into_itself.status_code == 400 and b"into itself" in into_itself.content
    unknown = operator.post(
        f"/admin-tools/records/{researcher.orcid}/deprecate", {"primary": "0000-0002-1825-0097"}
    )
    assert unknown.status_code == 400 and b"No record" in unknown.content

    with caplog.at_level(logging.INFO, logger="orchid.audit"):
        done = operator.post(
            f"/admin-tools/records/{researcher.orcid}/deprecate",
            {"primary": f"https://orcid.org/{other.orcid}"},
        )
    assert done.status_code == 302
    assert f"record {researcher.orcid} deprecated into {other.orcid} by operator" in caplog.text
    researcher.refresh_from_db()
    assert researcher.deprecated_to == other.orcid

    moved = Client().get(f"/v3.0/{researcher.orcid}/record", HTTP_ACCEPT=JSON)
    assert moved.status_code == 301
    assert moved["Location"].endswith(f"/v3.0/{other.orcid}/record")
    # The deprecated record's account can no longer sign in.
    signin = Client().post("/signin", {"username": "josiah@example.org", "password": PASSWORD})
    assert signin.status_code == 400
    page = operator.get("/admin-tools/", {"orcid": researcher.orcid}).content.decode()
    assert "Deprecated into" in page and other.orcid in page
