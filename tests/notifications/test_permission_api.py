"""The Member API's notification-permission (spec §2.2, §8): real HTTP, real tokens, JSON and XML."""

from __future__ import annotations

import datetime as dt
from typing import Any

import orjson
import pytest
from django.test import Client
from lxml import etree

from orchid.notifications.models import Notification, NotificationPreference
from tests.api.conftest import API, LOCAL, error_code
from tests.notifications.conftest import JSON, XML, Setup, bearer
from tests.schema.orcid_model import AVAILABLE, MISSING_REASON, RESOURCES

pytestmark = pytest.mark.django_db

NS = {"n": "http://www.orcid.org/ns/notification", "common": "http://www.orcid.org/ns/common"}
AUTHORIZE = "/oauth/authorize?client_id=APP-X&response_type=code&scope=/activities/update&redirect_uri=https://cris.example.org/cb"

PERMISSION_JSON = {
    "notification-type": "permission",
    "authorization-url": {"path": AUTHORIZE},
    "notification-subject": {"value": "Connect your iD with Brown CRIS"},
    "notification-intro": {"value": "We would like to add your publications."},
    "items": {
        "item": [
            {
                "item-type": "work",
                "item-name": "A Really Interesting Article",
                "external-id": {
                    "external-id-type": "doi",
                    "external-id-value": "10.5555/12345",
                    "external-id-relationship": "self",
                },
            },
            {"item-type": "employment", "item-name": "Professor at Brown"},
        ]
    },
}


def sample_xml() -> bytes:
    """ORCID's own sample: it carries a put code, dates and a source, which the server must ignore."""
    if not AVAILABLE:
        pytest.skip(MISSING_REASON)
    return (RESOURCES / "notification_3.0" / "samples" / "notification-permission-3.0.xml").read_bytes()


def body(media: str) -> bytes:
    return orjson.dumps(PERMISSION_JSON) if media == JSON else sample_xml()


def url(setup: Setup, put_code: int | None = None) -> str:
    path = f"/v3.0/{setup.orcid}/notification-permission"
    return path if put_code is None else f"{path}/{put_code}"


def post(client: Client, setup: Setup, media: str = JSON, token: str | None = None, **extra: Any) -> Any:
    headers = {"HTTP_HOST": API, **bearer(token or setup.notify), **extra}
    return client.post(url(setup), data=body(media), content_type=media, HTTP_ACCEPT=media, **headers)


def created(client: Client, setup: Setup, media: str = JSON) -> int:
    response = post(client, setup, media)
    assert response.status_code == 201, response.content
    return int(response["Location"].rsplit("/", 1)[1])


def call(client: Client, method: str, path: str, token: str, media: str = JSON, host: str = API) -> Any:
    return getattr(client, method)(path, HTTP_HOST=host, HTTP_ACCEPT=media, **bearer(token))


def parsed(response: Any, media: str) -> dict[str, Any]:
    """The fields the tests look at, from either format."""
    if media == JSON:
        data = orjson.loads(response.content)
        return {
            "put-code": data["put-code"],
            "subject": data["notification-subject"]["value"],
            "items": [item["item-name"] for item in data["items"]["item"]],
            "source": data["source"]["source-client-id"]["path"],
            "created": data["created-date"] is not None,
            "sent": data.get("sent-date") is not None,
            "archived": data.get("archived-date") is not None,
        }
    root = etree.fromstring(response.content)
    return {
        "put-code": int(root.get("put-code")),
        "subject": root.findtext("n:notification-subject", namespaces=NS),
        "items": [name.text for name in root.iterfind("n:items/n:item/n:item-name", NS)],
        "source": root.findtext("common:source/common:source-client-id/common:path", namespaces=NS),
        "created": root.find("common:created-date", NS) is not None,
        "sent": root.find("common:sent-date", NS) is not None,
        "archived": root.find("common:archived-date", NS) is not None,
    }


@pytest.mark.parametrize("media", [JSON, XML])
def test_post_get_list_and_archive(client: Client, setup: Setup, media: str) -> None:
    response = post(client, setup, media)
    assert response.status_code == 201, response.content
    assert response.content == b""
    put_code = int(response["Location"].rsplit("/", 1)[1])
    assert response["Location"] == f"http://{API}{url(setup, put_code)}"
    row = Notification.objects.get(pk=put_code)
    assert (row.notification_type, row.client_id, row.researcher_id) == (
        "PERMISSION",
        setup.member.pk,
        setup.researcher.pk,
    )

    read = call(client, "get", url(setup, put_code), setup.notify, media)
    assert read.status_code == 200, read.content
    fields = parsed(read, media)
    expected_subject = "Connect your iD with Brown CRIS" if media == JSON else "Subject"
    assert fields["put-code"] == put_code  # the registry's, not the sample's put-code="1"
    assert fields["subject"] == expected_subject
    assert fields["source"] == setup.member.client_id  # not the sample's APP-U4UKCNSSIM1OCVQY
    assert fields["created"] and not fields["sent"] and not fields["archived"]
    assert len(fields["items"]) == (2 if media == JSON else 4)

    listing = call(client, "get", url(setup), setup.notify, media)
    assert listing.status_code == 200
    if media == JSON:
        assert [n["put-code"] for n in orjson.loads(listing.content)["notification"]] == [put_code]
    else:
        assert etree.fromstring(listing.content).tag == "{http://www.orcid.org/ns/notification}notifications"
        assert b'put-code="%d"' % put_code in listing.content

    archived = call(client, "delete", url(setup, put_code), setup.notify, media)
    assert archived.status_code == 200, archived.content
    assert parsed(archived, media)["archived"]
    row.refresh_from_db()
    assert row.archived_at is not None
    again = call(client, "delete", url(setup, put_code), setup.notify, media)
    assert again.status_code == 200  # archiving an archived, unread notification answers it again


def test_a_client_lists_only_its_own(client: Client, setup: Setup) -> None:
    mine = created(client, setup)
    post(client, setup, token=setup.other_notify)
    listing = orjson.loads(call(client, "get", url(setup), setup.notify).content)
    assert [n["put-code"] for n in listing["notification"]] == [mine]


@pytest.mark.parametrize("media", [JSON, XML])
def test_unknown_notification_is_9029(client: Client, setup: Setup, media: str) -> None:
    put_code = created(client, setup)
    for method in ("get", "delete"):
        response = call(client, method, url(setup, put_code + 1000), setup.notify, media)
        assert (response.status_code, error_code(response)) == (404, 9029)
    message = orjson.loads(call(client, "get", url(setup, put_code + 1000), setup.notify).content)
    assert message["developer-message"].startswith(
        f"404 Not Found: Could not find notification with id: {put_code + 1000}"
    )


def test_amended_notifications_are_not_permission_notifications(client: Client, setup: Setup) -> None:
    response = client.post(
        f"/v3.0/{setup.orcid}/keywords",
        data=orjson.dumps({"content": "kw"}),
        content_type=JSON,
        HTTP_HOST=API,
        **bearer(setup.update),
    )
    assert response.status_code == 201
    amended = Notification.objects.get(notification_type="AMENDED")
    read = call(client, "get", url(setup, amended.pk), setup.notify)
    assert (read.status_code, error_code(read)) == (404, 9029)


@pytest.mark.parametrize("media", [JSON, XML])
def test_archiving_a_read_notification_is_9009(client: Client, setup: Setup, media: str) -> None:
    put_code = created(client, setup)
    Notification.objects.filter(pk=put_code).update(read_at=dt.datetime.now(dt.UTC))
    response = call(client, "delete", url(setup, put_code), setup.notify, media)
    assert (response.status_code, error_code(response)) == (403, 9009)
    assert Notification.objects.get(pk=put_code).archived_at is None


def test_another_clients_notification(client: Client, setup: Setup) -> None:
    put_code = created(client, setup)
    read = call(client, "get", url(setup, put_code), setup.other_notify)
    assert (read.status_code, error_code(read)) == (403, 9004)
    archive = call(client, "delete", url(setup, put_code), setup.other_notify)
    assert (archive.status_code, error_code(archive)) == (403, 9010)
    assert Notification.objects.get(pk=put_code).archived_at is None


@pytest.mark.parametrize("media", [JSON, XML])
def test_opted_out_researcher_is_9032(client: Client, setup: Setup, media: str) -> None:
    NotificationPreference.objects.create(researcher=setup.researcher, permission_opt_out=True)
    response = post(client, setup, media)
    assert (response.status_code, error_code(response)) == (409, 9032)
    assert not Notification.objects.exists()


@pytest.mark.parametrize("token_name", ["read_public", "update"])
def test_wrong_scope_is_403_9038(client: Client, setup: Setup, token_name: str) -> None:
    token = getattr(setup, token_name)
    response = post(client, setup, token=token)
    assert (response.status_code, error_code(response)) == (403, 9038)
    listing = call(client, "get", url(setup), token)
    assert (listing.status_code, error_code(listing)) == (403, 9038)
    assert not Notification.objects.filter(notification_type="PERMISSION").exists()


def test_public_client_is_refused(client: Client, setup: Setup) -> None:
    on_member_host = post(client, setup, token=setup.public_read)
    assert (on_member_host.status_code, error_code(on_member_host)) == (401, 9017)
    # Without a host rule a public client gets the Public API, which has no such path.
    on_local_host = post(client, setup, token=setup.public_read, HTTP_HOST=LOCAL)
    assert on_local_host.status_code == 404
    assert not Notification.objects.exists()


def test_without_a_token_on_the_member_api_is_401(client: Client, setup: Setup) -> None:
    response = client.get(url(setup), HTTP_HOST=API, HTTP_ACCEPT=JSON)
    assert response.status_code == 401


def test_unknown_record_is_9016(client: Client, setup: Setup) -> None:
    response = client.post(
        "/v3.0/0000-0002-1825-0097/notification-permission",
        data=body(JSON),
        content_type=JSON,
        HTTP_HOST=API,
        HTTP_ACCEPT=JSON,
        **bearer(setup.notify),
    )
    assert (response.status_code, error_code(response)) == (404, 9016)


def test_invalid_bodies_are_400(client: Client, setup: Setup) -> None:
    def send(data: bytes, media: str) -> Any:
        return client.post(
            url(setup), data=data, content_type=media, HTTP_HOST=API, HTTP_ACCEPT=JSON, **bearer(setup.notify)
        )

    missing_url = {key: value for key, value in PERMISSION_JSON.items() if key != "authorization-url"}
    assert error_code(send(orjson.dumps(missing_url), JSON)) == 9047
    no_items = {**PERMISSION_JSON, "items": {"item": []}}
    response = send(orjson.dumps(no_items), JSON)
    assert (response.status_code, error_code(response)) == (400, 9020)
    long_intro = {**PERMISSION_JSON, "notification-intro": {"value": "x" * 1001}}
    assert send(orjson.dumps(long_intro), JSON).status_code == 400
    xml_without_items = sample_xml().replace(b"<notification:items>", b"<notification:itemz>")
    response = send(xml_without_items, XML)
    assert (response.status_code, error_code(response)) == (400, 9001)
    assert not Notification.objects.exists()


def test_the_premium_notification_scope_is_granted_by_client_credentials(client: Client, db: None) -> None:
    from orchid.oauth import services as oauth
    from orchid.records.researchers import create_researcher

    researcher = create_researcher(given_names="Ada", family_name="Lovelace", email="ada@example.org")
    member, secret = oauth.create_client("Token member", "member", ["https://t.example.org/cb"])
    token = client.post(
        "/oauth/token",
        {
            "client_id": member.client_id,
            "client_secret": secret,
            "grant_type": "client_credentials",
            "scope": "/premium-notification",
        },
        HTTP_ACCEPT="application/json",
    )
    assert token.status_code == 200, token.content
    data = orjson.loads(token.content)
    assert data["scope"] == "/premium-notification"
    response = client.post(
        f"/v3.0/{researcher.orcid}/notification-permission",
        data=orjson.dumps(PERMISSION_JSON),
        content_type=JSON,
        HTTP_HOST=API,
        **bearer(data["access_token"]),
    )
    assert response.status_code == 201, response.content


def test_deprecated_record_is_9007(client: Client, setup: Setup) -> None:
    from orchid.records.models import Researcher
    from orchid.records.researchers import create_researcher

    put_code = created(client, setup)
    primary = create_researcher(given_names="Primary", family_name="Record", email="primary@example.org")
    Researcher.objects.filter(pk=setup.researcher.pk).update(deprecated_to=primary.orcid)
    read = call(client, "get", url(setup, put_code), setup.notify)
    assert (read.status_code, error_code(read)) == (301, 9007)
    assert read["Location"].endswith(f"/v3.0/{primary.orcid}/notification-permission/{put_code}")
    posted = post(client, setup)
    assert (posted.status_code, error_code(posted)) == (409, 9007)
