"""`orchid worker` as a real process on the test database: callbacks arrive, and none is lost to kill -9."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from django.db import transaction
from django.test import Client

import orchid.settings as orchid_settings
from orchid.outbox.models import Message
from orchid.records.changes import Action, Change, mark_changed
from tests.outbox.processes import start_worker, stop, worker_env
from tests.outbox.receiver import Receiver

from .conftest import Premium, put

pytestmark = pytest.mark.django_db(transaction=True)


def change(researcher: Any) -> None:
    with transaction.atomic():
        mark_changed(researcher.pk, Change(Action.UPDATED, "work"))


def wait_until_empty(timeout: float) -> int:
    deadline = time.monotonic() + timeout
    while (left := Message.objects.count()) and time.monotonic() < deadline:
        time.sleep(0.2)
    return left


def test_a_change_is_called_back_within_15_seconds_in_sandbox_mode(
    client: Client,
    researcher: Any,
    premium: Premium,
    receiver: Receiver,
    settings: Any,
    orchid_cmd: list[str],
    tmp_path: Path,
) -> None:
    # Sandbox mode's own window (the suite's fixture sets 0 for the in-process tests).
    settings.ORCHID_WEBHOOK_WINDOW_SECONDS = orchid_settings.ORCHID_WEBHOOK_WINDOW_SECONDS
    assert orchid_settings.SANDBOX and settings.ORCHID_WEBHOOK_WINDOW_SECONDS <= 10
    assert put(client, researcher.orcid, receiver.url("/changed"), premium.token).status_code == 201
    log = tmp_path / "worker.log"
    worker = start_worker(orchid_cmd, worker_env(tmp_path / "var"), log)
    try:
        changed_at = time.monotonic()
        researcher.biography = "Josiah Carberry studies psychoceramics."
        researcher.save()
        assert receiver.wait_for(1, 15), log.read_text()
        assert receiver.requests[0].at - changed_at < 15
        assert receiver.paths() == ["/changed"] and receiver.requests[0].body == b""
        assert wait_until_empty(5) == 0
    finally:
        stop(worker)
    assert worker.returncode == 0, log.read_text()
    assert json.loads(log.read_text().strip().splitlines()[-1])["delivered"] == 1


def test_no_callback_is_lost_when_the_worker_is_killed_mid_batch(
    client: Client, premium: Premium, receiver: Receiver, orchid_cmd: list[str], tmp_path: Path
) -> None:
    from orchid.records.researchers import create_researcher

    count = 24
    researchers = [create_researcher(given_names=f"Researcher {index}") for index in range(count)]
    for index, researcher in enumerate(researchers):
        assert put(client, researcher.orcid, receiver.url(f"/cb/{index}"), premium.token).status_code == 201
    for researcher in researchers:
        change(researcher)
    assert Message.objects.count() == count
    expected = {f"/cb/{index}" for index in range(count)}

    receiver.delay = 0.4  # a slow receiver: the worker is always in the middle of a batch
    env = worker_env(
        tmp_path / "var",
        ORCHID_OUTBOX_CONCURRENCY="4",
        ORCHID_OUTBOX_BATCH_SIZE="8",
        ORCHID_OUTBOX_LEASE_SECONDS="3",
        ORCHID_OUTBOX_POLL_SECONDS="0.2",
    )
    log = tmp_path / "worker.log"
    first = start_worker(orchid_cmd, env, log)
    try:
        assert receiver.wait_for(6, 30), log.read_text()
    finally:
        stop(first, kill=True)  # kill -9: no chance to finish or release anything
    assert first.returncode == -9
    left = Message.objects.count()
    assert 0 < left < count  # some were delivered, some were not
    assert Message.objects.filter(lease_until__isnull=False).exists()  # the dead worker's claims

    second = start_worker(orchid_cmd, env, log)
    try:
        missing = receiver.wait_for_paths(expected, 60)
        assert not missing, f"never called back: {sorted(missing)}\n{log.read_text()}"
        assert wait_until_empty(20) == 0
    finally:
        stop(second)
    assert second.returncode == 0, log.read_text()
    # At least once: every callback arrived; the killed batch's may have arrived twice.
    calls = receiver.paths()
    assert set(calls) == expected and len(calls) >= count
    stats = subprocess.run(
        [*orchid_cmd, "worker", "--stats"], env=env, capture_output=True, text=True, timeout=60, check=True
    )
    assert json.loads(stats.stdout) == {}


@pytest.mark.parametrize("worker", [True, False], ids=["serve", "serve --no-worker"])
def test_orchid_serve_runs_the_worker_unless_told_not_to(
    client: Client,
    researcher: Any,
    premium: Premium,
    receiver: Receiver,
    orchid_cmd: list[str],
    tmp_path: Path,
    free_port: int,
    worker: bool,
) -> None:
    assert put(client, researcher.orcid, receiver.url("/served"), premium.token).status_code == 201
    change(researcher)  # due at once (window 0)
    env = worker_env(tmp_path / "var", ORCHID_OUTBOX_POLL_SECONDS="0.2")
    command = [*orchid_cmd, "serve", "--host", "127.0.0.1", "--port", str(free_port)]
    log = tmp_path / "serve.log"
    with open(log, "ab") as output:
        server = subprocess.Popen(
            command if worker else [*command, "--no-worker"], env=env, stdout=output, stderr=subprocess.STDOUT
        )
    try:
        arrived = receiver.wait_for(1, 15 if worker else 4)
    finally:
        stop(server)
    assert arrived is worker, log.read_text()
    assert server.returncode == 0, log.read_text()  # SIGTERM stops the server and its worker cleanly
    assert Message.objects.exists() is not worker


def test_worker_once_drains_what_is_due_and_exits(
    client: Client,
    researcher: Any,
    premium: Premium,
    receiver: Receiver,
    orchid_cmd: list[str],
    tmp_path: Path,
) -> None:
    assert put(client, researcher.orcid, receiver.url("/once"), premium.token).status_code == 201
    change(researcher)
    result = subprocess.run(
        [*orchid_cmd, "worker", "--once"],
        env=worker_env(tmp_path / "var"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"delivered": 1, "failed": 0, "dead": 0}
    assert receiver.paths() == ["/once"]
    assert not Message.objects.exists()
