"""The outbox: enqueue in the caller's transaction, coalescing, claims and leases, retries, giving up."""

from __future__ import annotations

import os
import threading
import time
from datetime import timedelta
from typing import Any

import pytest
from django.db import connections, transaction
from django.utils import timezone

from orchid import outbox
from orchid.outbox.models import Message, State
from orchid.outbox.worker import Worker, claim, perform, yield_cpu_to_requests

pytestmark = pytest.mark.django_db

performed: list[dict[str, Any]] = []
failures_left: dict[str, int] = {}
_lock = threading.Lock()


@outbox.handler("test-record")
def record_payload(payload: dict[str, Any]) -> None:
    with _lock:
        key = str(payload.get("name"))
        if failures_left.get(key, 0) > 0:
            failures_left[key] -= 1
            raise RuntimeError(f"refused {key}")
        performed.append(payload)


@pytest.fixture(autouse=True)
def fresh(settings: Any) -> None:
    performed.clear()
    failures_left.clear()
    settings.ORCHID_OUTBOX_RETRY_SECONDS = 0
    settings.ORCHID_OUTBOX_MAX_ATTEMPTS = 25
    settings.ORCHID_OUTBOX_CONCURRENCY = 1


def drain(**options: Any) -> dict[str, int]:
    return Worker(poll_seconds=0, **options).run(once=True).as_dict()


def test_enqueue_is_part_of_the_callers_transaction() -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        outbox.enqueue("test-record", "a", {"name": "a"})
        raise RuntimeError("the change fails")
    assert not Message.objects.exists()
    with transaction.atomic():
        outbox.enqueue("test-record", "a", {"name": "a"})
    assert Message.objects.count() == 1


def test_unclaimed_messages_of_one_key_coalesce_into_one_with_the_latest_payload() -> None:
    first = outbox.enqueue("test-record", "k", {"name": "k", "n": 1})
    second = outbox.enqueue("test-record", "k", {"name": "k", "n": 2})
    other_key = outbox.enqueue("test-record", "other", {"name": "other"})
    uncoalesced = outbox.enqueue("test-record", "k", {"name": "k", "n": 3}, coalesce=False)
    assert first == second != other_key != uncoalesced
    assert Message.objects.get(pk=first).payload == {"name": "k", "n": 2}
    assert drain() == {"delivered": 3, "failed": 0, "dead": 0}
    assert sorted(p.get("n", 0) for p in performed) == [0, 2, 3]
    assert not Message.objects.exists()


def test_a_debounced_message_falls_due_when_its_key_is_quiet_but_within_its_maximum_wait() -> None:
    now = timezone.now()
    wait = timedelta(seconds=60)
    first = outbox.enqueue(
        "test-record", "k", {"n": 1}, not_before=now + timedelta(seconds=10), max_wait=wait
    )
    assert (
        outbox.enqueue("test-record", "k", {"n": 2}, not_before=now + timedelta(seconds=40), max_wait=wait)
        == first
    )
    assert Message.objects.get(pk=first).due_at == now + timedelta(seconds=40)  # put off: not quiet yet
    outbox.enqueue("test-record", "k", {"n": 3}, not_before=now + timedelta(seconds=75), max_wait=wait)
    message = Message.objects.get(pk=first)
    assert message.due_at == now + timedelta(seconds=40) and message.payload == {
        "n": 3
    }  # 75 s is past the wait
    outbox.enqueue("test-record", "k", {"n": 4}, not_before=now + timedelta(seconds=50))  # no max_wait: kept
    assert Message.objects.get(pk=first).due_at == now + timedelta(seconds=40)
    assert Message.objects.count() == 1


def test_a_claimed_message_absorbs_nothing() -> None:
    outbox.enqueue("test-record", "k", {"name": "k", "n": 1})
    [claimed] = claim(10)
    later = outbox.enqueue("test-record", "k", {"name": "k", "n": 2})
    assert later != claimed.pk  # the claimed one may be performing the older state already
    assert Message.objects.get(pk=claimed.pk).payload == {"name": "k", "n": 1}


def test_enqueue_many_coalesces_like_enqueue() -> None:
    waiting = outbox.enqueue("test-record", "a", {"name": "a", "n": 1})
    outbox.enqueue("test-record", "b", {"name": "b", "n": 1})
    [claimed] = claim(1)  # "a", the oldest due
    assert claimed.pk == waiting
    outbox.enqueue_many("test-record", {key: {"name": key, "n": 2} for key in ("a", "b", "c")})
    rows = sorted(
        Message.objects.values_list("key", "payload", "lease_until"), key=lambda row: (row[0], row[2] is None)
    )
    assert [(key, payload["n"], lease is None) for key, payload, lease in rows] == [
        ("a", 1, False),  # claimed: kept as it is...
        ("a", 2, True),  # ...and a new message for the new change
        ("b", 2, True),  # absorbed, with the new payload
        ("c", 2, True),
    ]
    outbox.enqueue_many("test-record", {"c": {"name": "c", "n": 2}})
    assert Message.objects.filter(key="c").count() == 1


def test_only_due_messages_are_performed() -> None:
    outbox.enqueue("test-record", "now", {"name": "now"})
    outbox.enqueue("test-record", "later", {"name": "later"}, not_before=timezone.now() + timedelta(hours=1))
    assert drain() == {"delivered": 1, "failed": 0, "dead": 0}
    assert performed == [{"name": "now"}]
    assert list(Message.objects.values_list("key", flat=True)) == ["later"]


def test_a_failure_is_retried_after_attempts_times_the_back_off(settings: Any) -> None:
    settings.ORCHID_OUTBOX_RETRY_SECONDS = 600
    failures_left["x"] = 1
    outbox.enqueue("test-record", "x", {"name": "x"})
    before = timezone.now()
    assert drain() == {"delivered": 0, "failed": 1, "dead": 0}
    message = Message.objects.get()
    assert message.attempts == 1 and message.state == State.PENDING
    assert message.lease_until is None and message.lease_token == ""
    assert "RuntimeError: refused x" in message.last_error
    assert timedelta(seconds=599) <= message.due_at - before <= timedelta(seconds=610)
    # Second failure: 2 x 600 s (ORCID's linear back-off).
    failures_left["x"] = 1
    Message.objects.update(due_at=timezone.now())
    before = timezone.now()
    assert drain() == {"delivered": 0, "failed": 1, "dead": 0}
    message = Message.objects.get()
    assert message.attempts == 2
    assert timedelta(seconds=1199) <= message.due_at - before <= timedelta(seconds=1210)


def test_retries_until_success_then_the_message_is_gone() -> None:
    failures_left["y"] = 2
    outbox.enqueue("test-record", "y", {"name": "y"})
    assert drain() == {"delivered": 1, "failed": 2, "dead": 0}
    assert performed == [{"name": "y"}]
    assert not Message.objects.exists()


def test_given_up_after_the_last_attempt(settings: Any) -> None:
    settings.ORCHID_OUTBOX_MAX_ATTEMPTS = 3
    failures_left["z"] = 100
    outbox.enqueue("test-record", "z", {"name": "z"})
    assert drain() == {"delivered": 0, "failed": 2, "dead": 1}
    message = Message.objects.get()
    assert (message.state, message.attempts) == (State.DEAD, 3)
    assert failures_left["z"] == 97
    assert drain() == {"delivered": 0, "failed": 0, "dead": 0}  # a dead message stays dead


def test_a_kind_nobody_handles_fails_like_any_failure(settings: Any) -> None:
    settings.ORCHID_OUTBOX_MAX_ATTEMPTS = 2
    outbox.enqueue("no-such-kind", "1", {})
    assert drain() == {"delivered": 0, "failed": 1, "dead": 1}
    message = Message.objects.get()
    assert message.state == State.DEAD and "no outbox handler for kind 'no-such-kind'" in message.last_error


def test_a_lease_keeps_others_away_until_it_expires() -> None:
    outbox.enqueue("test-record", "l", {"name": "l"})
    [held] = claim(10, lease_seconds=0.5)
    assert claim(10) == []  # leased: nobody else takes it
    time.sleep(0.6)
    [again] = claim(10)  # the holder died: the lease ran out, the message is due again
    assert again.pk == held.pk and again.lease_token != held.lease_token
    assert again.attempts == 2
    # The first holder finishing late cannot complete a message it no longer holds...
    assert perform(held) == "delivered"
    assert Message.objects.filter(pk=held.pk, lease_token=again.lease_token).exists()
    # ...its present holder does.
    assert perform(again) == "delivered"
    assert not Message.objects.exists()


def test_discard_drops_unclaimed_messages_only() -> None:
    outbox.enqueue("test-record", "d", {"name": "d"})
    [claimed] = claim(10)
    outbox.enqueue("test-record", "d", {"name": "d", "n": 2})
    assert outbox.discard("test-record", "d") == 1
    assert list(Message.objects.values_list("pk", flat=True)) == [claimed.pk]


@pytest.mark.django_db(transaction=True)
def test_a_worker_with_threads_performs_every_message_once() -> None:
    for index in range(60):
        outbox.enqueue("test-record", str(index), {"name": str(index)})
    totals = drain(concurrency=4, batch_size=7)
    assert totals == {"delivered": 60, "failed": 0, "dead": 0}
    assert sorted(int(p["name"]) for p in performed) == list(range(60))
    assert not Message.objects.exists()


_serial_state = {"running": 0, "most": 0}


@outbox.handler("test-serial", concurrency=1)
def serial_payload(payload: dict[str, Any]) -> None:
    with _lock:
        _serial_state["running"] += 1
        _serial_state["most"] = max(_serial_state["most"], _serial_state["running"])
    time.sleep(0.01)  # long enough for the pool's other threads to try
    with _lock:
        _serial_state["running"] -= 1
        performed.append(payload)


@pytest.mark.django_db(transaction=True)
def test_a_kind_limited_to_one_at_a_time_never_overlaps_in_a_threaded_worker() -> None:
    _serial_state.update(running=0, most=0)
    for index in range(12):
        outbox.enqueue("test-serial", str(index), {"name": str(index)})
        outbox.enqueue("test-record", f"r{index}", {"name": f"r{index}"})
    totals = drain(concurrency=4, batch_size=24)
    assert totals == {"delivered": 24, "failed": 0, "dead": 0}
    assert _serial_state["most"] == 1  # the limited kind ran one at a time
    assert len(performed) == 24


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_never_perform_a_message_twice() -> None:
    for index in range(80):
        outbox.enqueue("test-record", str(index), {"name": str(index)})
    results: list[dict[str, int]] = []

    def work() -> None:
        try:
            results.append(drain(concurrency=2, batch_size=5))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sum(result["delivered"] for result in results) == 80
    assert sorted(int(p["name"]) for p in performed) == list(range(80))


@pytest.mark.parametrize("niceness", [10, 0])
def test_the_worker_lowers_only_its_own_threads_priority(settings: Any, niceness: int) -> None:
    settings.ORCHID_OUTBOX_NICENESS = niceness
    here = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    seen: dict[str, int] = {}

    def worker_thread() -> None:
        yield_cpu_to_requests()
        seen["worker"] = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

        def started_by_the_worker() -> None:  # like the worker's pool threads
            seen["pool"] = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

        pool = threading.Thread(target=started_by_the_worker)
        pool.start()
        pool.join()

    thread = threading.Thread(target=worker_thread)
    thread.start()
    thread.join()
    assert seen == {"worker": min(19, here + niceness), "pool": min(19, here + niceness)}
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == here


@outbox.handler("test-priority")
def record_priority(payload: dict[str, Any]) -> None:
    with _lock:
        performed.append({"priority": os.getpriority(os.PRIO_PROCESS, threading.get_native_id())})


@pytest.mark.django_db(transaction=True)  # the worker's chores thread has its own connection
def test_chores_keep_the_callers_priority_while_messages_yield_the_cpu(settings: Any) -> None:
    from orchid.outbox import registry

    settings.ORCHID_OUTBOX_NICENESS = 10
    here = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    chore_priorities: list[int] = []
    registry.chore(
        "test-priority",
        lambda: chore_priorities.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id())),
    )
    outbox.enqueue("test-priority", "p", {})
    stop = threading.Event()

    def run_worker() -> None:
        try:
            Worker(poll_seconds=0.01, yield_cpu=True).run(stop)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run_worker)
    try:
        thread.start()
        deadline = time.monotonic() + 20
        while (not performed or not chore_priorities) and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        stop.set()
        thread.join(30)
        registry._CHORES.pop("test-priority")
    assert chore_priorities and set(chore_priorities) == {here}  # the chores' thread: not niced
    assert performed == [{"priority": min(19, here + 10)}]  # the messages: niced
