"""PUT and DELETE /{orcid}/webhook/{url-encoded callback} (spec §2.2, §8) through the whole API edge."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from orchid.webhooks.models import Webhook

from .conftest import Premium, delete, premium_client, put, webhook_path

pytestmark = pytest.mark.django_db

CALLBACK = "https://cris.example.org/orcid/updated?id=42"
JSON = {"HTTP_ACCEPT": "application/json"}


def error_code(response: Any) -> int:
    return int(json.loads(response.content)["error-code"])


def test_put_registers_201_with_location_then_204(client: Client, researcher: Any, premium: Premium) -> None:
    first = put(client, researcher.orcid, CALLBACK, premium.token)
    assert first.status_code == 201, first.content
    assert first["Location"] == f"http://testserver{webhook_path(researcher.orcid, CALLBACK)}"
    assert first.content == b""
    again = put(client, researcher.orcid, CALLBACK, premium.token)
    assert again.status_code == 204
    # ORCID's key is (record, URL): another premium client finds it registered too.
    other = premium_client("Another premium member")
    assert put(client, researcher.orcid, CALLBACK, other.token).status_code == 204
    webhook = Webhook.objects.get()
    assert (webhook.uri, webhook.client_id, webhook.researcher_id) == (
        CALLBACK,
        premium.client.pk,
        researcher.pk,
    )


def test_put_needs_no_content_type_and_any_is_accepted(
    client: Client, researcher: Any, premium: Premium
) -> None:
    response = put(client, researcher.orcid, CALLBACK, premium.token, content_type="text/plain")
    assert response.status_code == 201


def test_the_v3_path_serves_webhooks_too(client: Client, researcher: Any, premium: Premium) -> None:
    path = webhook_path(researcher.orcid, CALLBACK, version="/v3.0")
    response = client.put(path, HTTP_AUTHORIZATION=f"Bearer {premium.token}")
    assert response.status_code == 201
    assert response["Location"].endswith(path)
    assert client.delete(path, HTTP_AUTHORIZATION=f"Bearer {premium.token}").status_code == 204


def test_delete_204_then_404_9028(client: Client, researcher: Any, premium: Premium) -> None:
    put(client, researcher.orcid, CALLBACK, premium.token)
    assert delete(client, researcher.orcid, CALLBACK, premium.token).status_code == 204
    assert not Webhook.objects.exists()
    missing = client.delete(
        webhook_path(researcher.orcid, CALLBACK), HTTP_AUTHORIZATION=f"Bearer {premium.token}", **JSON
    )
    assert missing.status_code == 404 and error_code(missing) == 9028
    body = json.loads(missing.content)
    assert body["developer-message"] == f"No webhook found for orcid={researcher.orcid}, and uri={CALLBACK}."


def test_only_the_registering_client_may_delete_403_9014(
    client: Client, researcher: Any, premium: Premium
) -> None:
    put(client, researcher.orcid, CALLBACK, premium.token)
    other = premium_client("Another premium member")
    response = client.delete(
        webhook_path(researcher.orcid, CALLBACK), HTTP_AUTHORIZATION=f"Bearer {other.token}", **JSON
    )
    assert response.status_code == 403 and error_code(response) == 9014
    assert Webhook.objects.count() == 1


def test_a_token_without_the_webhook_scope_403_9038(client: Client, researcher: Any) -> None:
    from orchid.oauth import services as oauth

    member, _ = oauth.create_client("Member CRIS", "member", ["https://m.example.org/cb"])
    token = oauth.grant_token(member, scopes=["/read-public"]).plain_token
    response = client.put(
        webhook_path(researcher.orcid, CALLBACK), HTTP_AUTHORIZATION=f"Bearer {token}", **JSON
    )
    assert response.status_code == 403 and error_code(response) == 9038
    response = client.delete(
        webhook_path(researcher.orcid, CALLBACK), HTTP_AUTHORIZATION=f"Bearer {token}", **JSON
    )
    assert response.status_code == 403 and error_code(response) == 9038
    assert not Webhook.objects.exists()


def test_without_a_token_401(client: Client, researcher: Any) -> None:
    response = client.put(webhook_path(researcher.orcid, CALLBACK), HTTP_HOST="api.orcid.test")
    assert response.status_code == 401


def test_not_on_the_public_api(client: Client, researcher: Any, premium: Premium) -> None:
    response = client.put(
        webhook_path(researcher.orcid, CALLBACK),
        HTTP_AUTHORIZATION=f"Bearer {premium.token}",
        HTTP_HOST="pub.orcid.test",
    )
    assert response.status_code == 404


def test_unknown_record_404_9016(client: Client, premium: Premium) -> None:
    response = client.put(
        webhook_path("0000-0002-1825-0097", CALLBACK), HTTP_AUTHORIZATION=f"Bearer {premium.token}", **JSON
    )
    assert response.status_code == 404 and error_code(response) == 9016


@pytest.mark.parametrize(
    "callback",
    ["ftp://files.example.org/cb", "http://", "https://exa mple.org/cb", "http://example.org:99999/cb"],
)
def test_an_unusable_callback_400_9012(
    client: Client, researcher: Any, premium: Premium, callback: str
) -> None:
    response = client.put(
        webhook_path(researcher.orcid, callback), HTTP_AUTHORIZATION=f"Bearer {premium.token}", **JSON
    )
    assert response.status_code == 400 and error_code(response) == 9012, response.content
    assert not Webhook.objects.exists()


def test_a_callback_without_scheme_is_http_as_at_orcid(
    client: Client, researcher: Any, premium: Premium
) -> None:
    assert put(client, researcher.orcid, "cris.example.org/cb", premium.token).status_code == 201
    assert Webhook.objects.get().uri == "cris.example.org/cb"


@pytest.mark.parametrize(
    "callback",
    [
        "http://127.0.0.1:8080/cb",
        "http://localhost/cb",
        "http://10.1.2.3/cb",
        "http://192.168.0.1/cb",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/cb",
        "http://[::ffff:127.0.0.1]/cb",
    ],
)
def test_private_callbacks_are_refused_unless_allowed(
    client: Client, researcher: Any, premium: Premium, settings: Any, callback: str
) -> None:
    settings.ORCHID_WEBHOOK_ALLOW_PRIVATE = False
    response = client.put(
        webhook_path(researcher.orcid, callback), HTTP_AUTHORIZATION=f"Bearer {premium.token}", **JSON
    )
    assert response.status_code == 400 and error_code(response) == 9012
    assert "public addresses only" in json.loads(response.content)["developer-message"]
    settings.ORCHID_WEBHOOK_ALLOW_PRIVATE = True  # sandbox mode
    assert put(client, researcher.orcid, callback, premium.token).status_code == 201


def test_errors_are_orcid_xml_by_default(client: Client, premium: Premium) -> None:
    response = client.put(
        webhook_path("0000-0002-1825-0097", CALLBACK), HTTP_AUTHORIZATION=f"Bearer {premium.token}"
    )
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/vnd.orcid+xml")
    assert b"<error:error-code>9016</error:error-code>" in response.content
