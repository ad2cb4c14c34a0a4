"""Amended notifications: a member client's writes through the API land in the researcher's inbox."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

import orjson
import pytest
from django.test import Client

from orchid.notifications.models import Notification, NotificationPreference
from tests.api.conftest import API
from tests.notifications.conftest import JSON, Setup, bearer, put_code_of, work

pytestmark = pytest.mark.django_db


def amended(setup: Setup) -> list[Notification]:
    return list(
        Notification.objects.filter(researcher=setup.researcher, notification_type="AMENDED").order_by("pk")
    )


def lines(notification: Notification) -> list[dict[str, Any]]:
    return [
        {"put-code": line.put_code, "section": line.section, "name": line.name, "action": line.action}
        for line in notification.amended_items
    ]


def test_post_put_delete_by_a_member_client_make_one_grouped_notification(
    client: Client, setup: Setup, post_work: Callable[..., Any]
) -> None:
    put_code = put_code_of(post_work(setup, "First paper", "10.5555/first"))
    [notification] = amended(setup)
    assert notification.client_id == setup.member.pk
    assert lines(notification) == [
        {"put-code": put_code, "section": "work", "name": "First paper", "action": "CREATED"}
    ]
    assert notification.read_at is None

    path = f"/v3.0/{setup.orcid}/work/{put_code}"
    body = orjson.loads(work("First paper, revised", "10.5555/first"))
    body["put-code"] = put_code
    updated = client.put(
        path, data=orjson.dumps(body), content_type=JSON, HTTP_HOST=API, **bearer(setup.update)
    )
    assert updated.status_code == 200, updated.content
    other = put_code_of(post_work(setup, "Second paper", "10.5555/second"))
    deleted = client.delete(f"/v3.0/{setup.orcid}/work/{other}", HTTP_HOST=API, **bearer(setup.update))
    assert deleted.status_code == 204

    [notification] = amended(setup)  # still one: same client, unread, within the window
    assert lines(notification) == [
        # created then updated is still "created", with the newest title
        {"put-code": put_code, "section": "work", "name": "First paper, revised", "action": "CREATED"},
        {"put-code": other, "section": "work", "name": "Second paper", "action": "CREATED"},
        {"put-code": other, "section": "work", "name": "Second paper", "action": "DELETED"},
    ]


def test_person_items_are_notified_with_their_section(client: Client, setup: Setup) -> None:
    response = client.post(
        f"/v3.0/{setup.orcid}/keywords",
        data=orjson.dumps({"content": "glaciology"}),
        content_type=JSON,
        HTTP_HOST=API,
        **bearer(setup.update),
    )
    put_code = put_code_of(response)
    [notification] = amended(setup)
    assert lines(notification) == [
        {"put-code": put_code, "section": "keyword", "name": "glaciology", "action": "CREATED"}
    ]


def post_bulk(client: Client, setup: Setup, numbers: Iterable[int], doi_prefix: str) -> None:
    """POST /works of papers "Paper n" with DOIs `doi_prefix`.n."""
    bulk = {"bulk": [{"work": orjson.loads(work(f"Paper {n}", f"{doi_prefix}.{n}"))} for n in numbers]}
    response = client.post(
        f"/v3.0/{setup.orcid}/works",
        data=orjson.dumps(bulk),
        content_type=JSON,
        HTTP_HOST=API,
        HTTP_ACCEPT=JSON,
        **bearer(setup.update),
    )
    assert response.status_code == 200, response.content


def test_bulk_post_is_one_notification_with_every_work(client: Client, setup: Setup) -> None:
    post_bulk(client, setup, range(3), "10.5555/bulk")
    [notification] = amended(setup)
    assert [item["name"] for item in lines(notification)] == ["Paper 0", "Paper 1", "Paper 2"]
    assert {item["action"] for item in lines(notification)} == {"CREATED"}


def test_a_failed_write_leaves_no_notification(setup: Setup, post_work: Callable[..., Any]) -> None:
    put_code_of(post_work(setup, "Paper", "10.5555/dup"))
    Notification.objects.all().delete()
    duplicate = post_work(setup, "Paper again", "10.5555/dup")
    assert duplicate.status_code == 409
    assert amended(setup) == []


def test_the_researchers_own_edits_are_not_notified(client: Client, setup: Setup) -> None:
    client.force_login(setup.researcher.user)
    page = client.post("/my-orcid/items/keyword/new", {"content": "my own keyword", "visibility": "public"})
    assert page.status_code == 302
    from orchid.records.models import Item

    assert Item.objects.filter(researcher=setup.researcher, section="keyword").exists()
    assert amended(setup) == []


def test_another_client_in_between_starts_a_new_notification(
    setup: Setup, post_work: Callable[..., Any]
) -> None:
    put_code_of(post_work(setup, "One", "10.5555/one"))
    put_code_of(post_work(setup, "Two", "10.5555/two", token=setup.other_update))
    put_code_of(post_work(setup, "Three", "10.5555/three"))
    notifications = amended(setup)
    assert [(n.client_id, [i["name"] for i in lines(n)]) for n in notifications] == [
        (setup.member.pk, ["One"]),
        (setup.other_member.pk, ["Two"]),
        (setup.member.pk, ["Three"]),
    ]


def test_a_read_notification_is_not_added_to(setup: Setup, post_work: Callable[..., Any]) -> None:
    put_code_of(post_work(setup, "One", "10.5555/one"))
    Notification.objects.update(read_at=dt.datetime.now(dt.UTC))
    put_code_of(post_work(setup, "Two", "10.5555/two"))
    assert [[i["name"] for i in lines(n)] for n in amended(setup)] == [["One"], ["Two"]]


def test_changes_after_the_window_start_a_new_notification(
    setup: Setup, post_work: Callable[..., Any], settings: Any
) -> None:
    put_code_of(post_work(setup, "One", "10.5555/one"))
    Notification.objects.update(created_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=61))
    put_code_of(post_work(setup, "Two", "10.5555/two"))
    settings.ORCHID_NOTIFICATION_GROUP_SECONDS = 7200  # configurable: a wider window merges again
    put_code_of(post_work(setup, "Three", "10.5555/three"))
    assert [[i["name"] for i in lines(n)] for n in amended(setup)] == [["One"], ["Two", "Three"]]


def test_opted_out_researcher_gets_no_amended_notification(
    setup: Setup, post_work: Callable[..., Any]
) -> None:
    NotificationPreference.objects.create(researcher=setup.researcher, amended_opt_out=True)
    put_code_of(post_work(setup, "Quiet paper", "10.5555/quiet"))
    assert amended(setup) == []


def test_opting_out_stops_lines_joining_an_open_notification(
    setup: Setup, post_work: Callable[..., Any]
) -> None:
    put_code_of(post_work(setup, "Loud paper", "10.5555/loud"))
    NotificationPreference.objects.create(researcher=setup.researcher, amended_opt_out=True)
    put_code_of(post_work(setup, "Quiet paper", "10.5555/quiet"))
    [notification] = amended(setup)
    assert ([i["name"] for i in lines(notification)], notification.item_count) == (["Loud paper"], 1)


def test_created_items_join_the_list_in_order_up_to_its_cap(
    client: Client, setup: Setup, post_work: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from orchid.notifications import domain

    monkeypatch.setattr(domain, "MAX_ITEMS", 4)
    first = put_code_of(post_work(setup, "Paper 0", "10.5555/cap.0"))
    post_bulk(client, setup, (1, 2), "10.5555/cap")
    post_work(setup, "Paper 3", "10.5555/cap.3")
    [notification] = amended(setup)  # the bulk and the last POST joined the first POST's notification
    assert [item["name"] for item in lines(notification)] == ["Paper 0", "Paper 1", "Paper 2", "Paper 3"]
    assert notification.item_count == 4
    assert lines(notification)[0] == {
        "put-code": first,
        "section": "work",
        "name": "Paper 0",
        "action": "CREATED",
    }
    post_work(setup, "Paper 4", "10.5555/cap.4")
    full, started = amended(setup)  # a fifth line would pass the cap: a new notification
    assert (full.item_count, len(lines(full))) == (4, 4)
    assert [item["name"] for item in lines(started)] == ["Paper 4"]
    assert started.item_count == 1
