"""The Registry UI inbox: listing, the nav's unread count, mark read, archive, opt-outs (CSRF-protected)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import orjson
import pytest
from django.test import Client

from orchid.notifications.models import Notification, NotificationPreference
from tests.api.conftest import API
from tests.notifications.conftest import JSON, Setup, bearer, put_code_of, work
from tests.notifications.test_permission_api import PERMISSION_JSON

pytestmark = pytest.mark.django_db


def ask_permission(
    client: Client, setup: Setup, subject: str = "Connect your iD", path: str | None = None
) -> Any:
    body = {
        **PERMISSION_JSON,
        "notification-subject": {"value": subject},
        "authorization-url": {"path": path or PERMISSION_JSON["authorization-url"]["path"]},
    }
    response = client.post(
        f"/v3.0/{setup.orcid}/notification-permission",
        data=orjson.dumps(body),
        content_type=JSON,
        HTTP_HOST=API,
        **bearer(setup.notify),
    )
    return response


@pytest.fixture
def signed_in(setup: Setup) -> Client:
    browser = Client()
    browser.force_login(setup.researcher.user)
    return browser


def unread_badge(page: Any) -> str | None:
    found = re.search(
        r'href="/inbox"[^>]*>Inbox <span class="badge[^"]*"[^>]*>(\d+)</span>', page.content.decode()
    )
    return found.group(1) if found else None


def test_inbox_lists_newest_first_with_items_and_authorization_button(
    client: Client, signed_in: Client, setup: Setup, post_work: Callable[..., Any]
) -> None:
    put_code_of(post_work(setup, "A paper from Brown", "10.5555/brown"))
    assert ask_permission(client, setup, "Connect your iD with Brown CRIS").status_code == 201
    page = signed_in.get("/inbox")
    assert page.status_code == 200
    html = page.content.decode()
    permission_at = html.index("Connect your iD with Brown CRIS")
    amended_at = html.index("A paper from Brown")
    assert permission_at < amended_at  # newest first
    assert "Brown CRIS changed 1 item on your record" in html
    assert "We would like to add your publications." in html
    assert "Professor at Brown" in html
    link = re.search(r'<a class="button button-primary button-small" href="([^"]+)"', html)
    assert link is not None
    assert link.group(1).replace("&amp;", "&") == PERMISSION_JSON["authorization-url"]["path"]
    assert unread_badge(page) == "2"


def test_authorization_links_go_to_this_registry_and_unsafe_ones_get_no_button(
    client: Client, signed_in: Client, setup: Setup
) -> None:
    ask_permission(
        client, setup, "Elsewhere", "https://orcid.org/oauth/authorize?client_id=APP-1&scope=/read-limited"
    )
    ask_permission(client, setup, "Unsafe", "javascript:alert(1)")
    html = signed_in.get("/inbox").content.decode()
    assert 'href="/oauth/authorize?client_id=APP-1&amp;scope=/read-limited"' in html
    assert "javascript:" not in html


def test_mark_read_archive_and_the_unread_count(client: Client, signed_in: Client, setup: Setup) -> None:
    first = put_code_of(ask_permission(client, setup, "First"))
    second = put_code_of(ask_permission(client, setup, "Second"))
    assert unread_badge(signed_in.get("/my-orcid")) == "2"  # on every page of the researcher

    assert signed_in.post(f"/inbox/{first}/read").status_code == 302
    assert Notification.objects.get(pk=first).read_at is not None
    assert unread_badge(signed_in.get("/inbox")) == "1"

    assert signed_in.post(f"/inbox/{second}/archive").status_code == 302
    archived = Notification.objects.get(pk=second)
    assert archived.archived_at is not None and archived.read_at is not None
    page = signed_in.get("/inbox").content.decode()
    assert "Second" not in page and "First" in page
    assert unread_badge(signed_in.get("/inbox")) is None
    assert "Second" in signed_in.get("/inbox?archived=1").content.decode()

    put_code_of(ask_permission(client, setup, "Third"))
    assert signed_in.post("/inbox/read").status_code == 302
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def test_a_researcher_cannot_touch_anothers_notifications(client: Client, setup: Setup) -> None:
    from orchid.records.researchers import create_researcher

    put_code = put_code_of(ask_permission(client, setup))
    intruder = create_researcher(
        given_names="Eve", family_name="Other", email="eve@example.org", password="pw-12345678"
    )
    other = Client()
    other.force_login(intruder.user)
    other.post(f"/inbox/{put_code}/read")
    other.post(f"/inbox/{put_code}/archive")
    row = Notification.objects.get(pk=put_code)
    assert row.read_at is None and row.archived_at is None
    assert "Connect your iD" not in other.get("/inbox").content.decode()


def test_forms_need_the_csrf_token(client: Client, setup: Setup) -> None:
    put_code = put_code_of(ask_permission(client, setup))
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(setup.researcher.user)
    assert strict.post(f"/inbox/{put_code}/archive").status_code == 403
    assert strict.post("/inbox/settings", {"permission_opt_out": "on"}).status_code == 403
    assert Notification.objects.get(pk=put_code).archived_at is None
    assert not NotificationPreference.objects.exists()


def test_signed_out_is_sent_to_sign_in(client: Client, db: None) -> None:
    response = client.get("/inbox")
    assert response.status_code == 302
    assert response["Location"].startswith("/signin")


def test_opt_out_from_the_inbox_page(
    client: Client, signed_in: Client, setup: Setup, post_work: Callable[..., Any]
) -> None:
    response = signed_in.post("/inbox/settings", {"permission_opt_out": "on", "amended_opt_out": "on"})
    assert response.status_code == 302
    preference = NotificationPreference.objects.get(researcher=setup.researcher)
    assert preference.permission_opt_out and preference.amended_opt_out
    page = signed_in.get("/inbox").content.decode()
    assert 'name="amended_opt_out" checked' in page and 'name="permission_opt_out" checked' in page

    refused = ask_permission(client, setup)
    assert refused.status_code == 409
    put_code_of(post_work(setup, "Unnoticed", "10.5555/unnoticed"))
    assert not Notification.objects.exists()

    signed_in.post("/inbox/settings", {"permission_opt_out": "on"})  # amended ones wanted again
    put_code_of(post_work(setup, "Noticed", "10.5555/noticed"))
    assert ask_permission(client, setup).status_code == 409
    assert list(Notification.objects.values_list("notification_type", flat=True)) == ["AMENDED"]


def test_inbox_renders_in_german(signed_in: Client, setup: Setup) -> None:
    setup.researcher.locale = "de"
    setup.researcher.save(update_fields=["locale"])
    page = signed_in.get("/inbox")
    assert page.status_code == 200
    assert page["Content-Language"] == "de"


def test_the_inbox_is_paged_and_long_notifications_are_shortened(
    client: Client, signed_in: Client, setup: Setup
) -> None:
    from orchid.notifications.services import PAGE_SIZE
    from orchid.notifications.views import LINES_SHOWN

    bulk = {
        "bulk": [
            {"work": orjson.loads(work(f"Bulk paper {n}", f"10.5555/bulk.{n}"))}
            for n in range(LINES_SHOWN + 3)
        ]
    }
    response = client.post(
        f"/v3.0/{setup.orcid}/works",
        data=orjson.dumps(bulk),
        content_type=JSON,
        HTTP_HOST=API,
        **bearer(setup.update),
    )
    assert response.status_code == 200
    for n in range(PAGE_SIZE):
        put_code_of(ask_permission(client, setup, f"Request number {n}"))

    first = signed_in.get("/inbox").content.decode()
    assert first.count('<li class="card"') == PAGE_SIZE
    assert f"Request number {PAGE_SIZE - 1}" in first and "Bulk paper" not in first
    assert 'href="/inbox?page=2"' in first
    second = signed_in.get("/inbox?page=2").content.decode()
    assert second.count('<li class="card"') == 1
    assert f"changed {LINES_SHOWN + 3} items on your record" in second
    assert f"Bulk paper {LINES_SHOWN - 1}<" in second and f"Bulk paper {LINES_SHOWN}<" not in second
    assert "and 3 more changes" in second
    assert 'href="/inbox?page=1"' in second
