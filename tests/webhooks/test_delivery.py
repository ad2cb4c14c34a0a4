"""Record changes -> outbox -> POSTs to a real HTTP receiver on loopback (the worker in the test's thread)."""

from __future__ import annotations

import time
from typing import Any

import pytest
from django.db import transaction
from django.test import Client

from orchid.outbox.models import Message, State
from orchid.outbox.worker import Worker
from orchid.records.changes import Action, Change, mark_changed
from orchid.webhooks.models import Webhook
from tests.outbox.receiver import Receiver

from .conftest import Premium, delete, put

pytestmark = pytest.mark.django_db

WORK = {
    "title": {"title": {"value": "Cracked pots"}},
    "type": "journal-article",
    "external-ids": {
        "external-id": [
            {
                "external-id-type": "doi",
                "external-id-value": "10.5555/12345678",
                "external-id-relationship": "self",
            }
        ]
    },
}


def drain() -> dict[str, int]:
    return Worker(poll_seconds=0).run(once=True).as_dict()


def change(researcher: Any) -> None:
    with transaction.atomic():
        mark_changed(researcher.pk, Change(Action.UPDATED, "work"))


def register(client: Client, researcher: Any, premium: Premium, receiver: Receiver, path: str = "/cb") -> str:
    callback = receiver.url(path)
    assert put(client, researcher.orcid, callback, premium.token).status_code == 201
    return callback


def test_a_change_through_the_api_makes_exactly_one_empty_post(
    client: Client, researcher: Any, premium: Premium, receiver: Receiver
) -> None:
    from orchid.oauth import services as oauth

    register(client, researcher, premium, receiver, "/orcid/changed?who=josiah")
    assert not Message.objects.exists()  # registering is not a change
    token = oauth.grant_token(
        premium.client, orcid=researcher.orcid, scopes=["/activities/update"]
    ).plain_token
    response = client.post(
        f"/v3.0/{researcher.orcid}/work",
        data=WORK,
        content_type="application/vnd.orcid+json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 201, response.content
    assert Message.objects.filter(kind="webhook").count() == 1  # written with the work
    assert drain() == {"delivered": 1, "failed": 0, "dead": 0}
    assert receiver.wait_for(1, 5)
    [call] = receiver.requests
    assert (call.method, call.path, call.body) == ("POST", "/orcid/changed?who=josiah", b"")
    assert call.headers.get("Content-Length") == "0"
    assert drain() == {"delivered": 0, "failed": 0, "dead": 0}
    assert len(receiver.requests) == 1
    webhook = Webhook.objects.get()
    assert webhook.last_sent_at is not None and webhook.failed_attempts == 0


def test_a_change_of_the_researcher_row_counts_too(
    client: Client, researcher: Any, premium: Premium, receiver: Receiver
) -> None:
    register(client, researcher, premium, receiver)
    researcher.biography = "Psychoceramics."
    researcher.save()  # record_changed with change=None
    assert drain()["delivered"] == 1
    assert receiver.paths() == ["/cb"]


def test_changes_within_the_window_make_one_call(
    client: Client, researcher: Any, premium: Premium, receiver: Receiver, settings: Any
) -> None:
    settings.ORCHID_WEBHOOK_WINDOW_SECONDS = 1.0
    register(client, researcher, premium, receiver)
    for _ in range(3):
        change(researcher)
    assert Message.objects.count() == 1
    assert drain()["delivered"] == 0  # not due before the window ends
    time.sleep(1.1)
    assert drain() == {"delivered": 1, "failed": 0, "dead": 0}
    assert receiver.paths() == ["/cb"]


def test_every_registration_of_the_record_is_called_and_others_are_not(
    client: Client, researcher: Any, premium: Premium, receiver: Receiver
) -> None:
    from orchid.records.researchers import create_researcher

    register(client, researcher, premium, receiver, "/a")
    register(client, researcher, premium, receiver, "/b")
    someone_else = create_researcher(given_names="Other")
    register(client, someone_else, premium, receiver, "/other")
    change(researcher)
    assert drain()["delivered"] == 2
    assert sorted(receiver.paths()) == ["/a", "/b"]


def test_500s_are_retried_until_a_2xx(
    client: Client, researcher: Any, premium: Premium, receiver: Receiver
) -> None:
    register(client, researcher, premium, receiver)
    receiver.statuses = [500, 500]
    change(researcher)
    assert drain() == {"delivered": 1, "failed": 2, "dead": 0}
    assert receiver.paths() == ["/cb"] * 3
    assert not Message.objects.exists()
    webhook = Webhook.objects.get()
    assert webhook.failed_attempts == 0 and webhook.last_sent_at is not None  # reset by the success


def test_failures_are_counted_and_backed_off(
    client: Client, researcher: Any, premium: Premium, receiver: Receiver, settings: Any
) -> None:
    settings.ORCHID_OUTBOX_RETRY_SECONDS = 600
    register(client, researcher, premium, receiver)
    receiver.statuses = [503]
    change(researcher)
    assert drain() == {"delivered": 0, "failed": 1, "dead": 0}
    message = Message.objects.get()
    assert message.attempts == 1 and "answered 503" in message.last_error
    webhook = Webhook.objects.get()
    assert webhook.failed_attempts == 1 and webhook.last_sent_at is None


def test_given_up_after_the_last_attempt(
    client: Client, researcher: Any, premium: Premium, receiver: Receiver, settings: Any
) -> None:
    settings.ORCHID_OUTBOX_MAX_ATTEMPTS = 3
    register(client, researcher, premium, receiver)
    receiver.default_status = 404
    change(researcher)
    assert drain() == {"delivered": 0, "failed": 2, "dead": 1}
    assert len(receiver.requests) == 3
    assert Message.objects.get().state == State.DEAD
    assert Webhook.objects.get().failed_attempts == 3
    # The next change starts over.
    receiver.default_status = 200
    change(researcher)
    assert drain()["delivered"] == 1


def test_a_redirect_is_a_failure(
    client: Client, researcher: Any, premium: Premium, receiver: Receiver, settings: Any
) -> None:
    settings.ORCHID_OUTBOX_MAX_ATTEMPTS = 1
    register(client, researcher, premium, receiver)
    receiver.default_status = 302
    change(researcher)
    assert drain() == {"delivered": 0, "failed": 0, "dead": 1}


def test_an_unreachable_callback_fails_without_hanging(
    client: Client, researcher: Any, premium: Premium, receiver: Receiver, settings: Any, free_port: int
) -> None:
    settings.ORCHID_OUTBOX_MAX_ATTEMPTS = 1
    assert put(client, researcher.orcid, f"http://127.0.0.1:{free_port}/cb", premium.token).status_code == 201
    change(researcher)
    started = time.monotonic()
    assert drain() == {"delivered": 0, "failed": 0, "dead": 1}
    assert time.monotonic() - started < 5
    assert "127.0.0.1" in Message.objects.get().last_error


def test_delivery_refuses_private_addresses_when_not_allowed(
    client: Client, researcher: Any, premium: Premium, receiver: Receiver, settings: Any
) -> None:
    register(client, researcher, premium, receiver)  # allowed when registered (sandbox)...
    settings.ORCHID_WEBHOOK_ALLOW_PRIVATE = False  # ...not any more when called
    settings.ORCHID_OUTBOX_MAX_ATTEMPTS = 1
    change(researcher)
    assert drain() == {"delivered": 0, "failed": 0, "dead": 1}
    assert receiver.requests == []
    assert "is not public" in Message.objects.get().last_error


def test_unregistering_drops_the_pending_call(
    client: Client, researcher: Any, premium: Premium, receiver: Receiver, settings: Any
) -> None:
    settings.ORCHID_WEBHOOK_WINDOW_SECONDS = 60
    callback = register(client, researcher, premium, receiver)
    change(researcher)
    assert Message.objects.count() == 1
    assert delete(client, researcher.orcid, callback, premium.token).status_code == 204
    assert not Message.objects.exists()


def test_a_locked_client_is_not_called(
    client: Client, researcher: Any, premium: Premium, receiver: Receiver
) -> None:
    register(client, researcher, premium, receiver)
    change(researcher)
    premium.client.locked = True
    premium.client.save()
    assert drain() == {"delivered": 1, "failed": 0, "dead": 0}  # done: nothing to send
    assert receiver.requests == []


def test_a_change_to_a_record_without_webhooks_leaves_no_message(researcher: Any) -> None:
    change(researcher)
    assert not Message.objects.exists()


def test_a_failed_write_leaves_no_message(
    client: Client, researcher: Any, premium: Premium, receiver: Receiver
) -> None:
    register(client, researcher, premium, receiver)
    with pytest.raises(RuntimeError), transaction.atomic():
        mark_changed(researcher.pk, Change(Action.CREATED, "work"))
        raise RuntimeError("the write fails after the change was marked")
    assert not Message.objects.exists()
