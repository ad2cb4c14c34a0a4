"""`orchid serve --processes N`: real pre-forked server processes on one port, on the test database.

The parent binds the port and supervises; its children are the server processes (they hold the
listening socket) and, unless --no-worker, one outbox worker process (which does not).
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from django.db import transaction
from django.test import Client

from orchid.cli import build_parser
from orchid.outbox.models import Message
from orchid.records.changes import Action, Change, mark_changed
from orchid.serving import processes_argument
from tests.outbox.processes import stop, worker_env
from tests.outbox.receiver import running_receiver
from tests.webhooks.conftest import premium_client, put

JSON = "application/vnd.orcid+json"
STARTED = re.compile(r"^Orchid \S+ serving on http://127\.0\.0\.1:(\d+)/ \(Ctrl-C to stop\)", re.MULTILINE)


@contextmanager
def serving(orchid_cmd: list[str], env: dict[str, str], log: Path, *args: str) -> Iterator[Server]:
    with open(log, "ab") as output:
        process = subprocess.Popen(
            [*orchid_cmd, "serve", "--host", "127.0.0.1", "--port", "0", *args],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 30
        while not (started := STARTED.search(log.read_text())):
            assert process.poll() is None, f"orchid serve exited early:\n{log.read_text()}"
            assert time.monotonic() < deadline, f"orchid serve did not start within 30 s:\n{log.read_text()}"
            time.sleep(0.1)
        yield Server(process, int(started.group(1)), log)
    finally:
        stop(process)


class Server:
    def __init__(self, process: subprocess.Popen[bytes], port: int, log: Path) -> None:
        self.process = process
        self.port = port
        self.log = log

    def get(self, path: str, accept: str = "*/*") -> tuple[int, bytes]:
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", headers={"Accept": accept})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def children(self) -> set[int]:
        """The parent's child processes, as the kernel lists them."""
        pid = self.process.pid
        listed: set[int] = set()
        for task in Path(f"/proc/{pid}/task").iterdir():
            listed.update(int(child) for child in (task / "children").read_text().split())
        return listed

    def server_children(self) -> set[int]:
        """The children that hold a socket listening on the port (the server processes)."""
        inodes = listening_inodes(self.port)
        return {pid for pid in self.children() if any(holds_socket(pid, inode) for inode in inodes)}

    def wait_for(self, condition: Callable[[], bool], timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            assert time.monotonic() < deadline, f"not within {timeout} s: {what}\n{self.log.read_text()}"
            time.sleep(0.1)


def listening_inodes(port: int) -> set[str]:
    """The inodes of the sockets listening on 127.0.0.1:`port` (/proc/net/tcp; state 0A = LISTEN): one per
    server process with SO_REUSEPORT (orchid.serving.REUSE_PORT), else the parent's one."""
    found = {
        fields[9]
        for fields in (line.split() for line in Path("/proc/net/tcp").read_text().splitlines()[1:])
        if fields[1].endswith(f":{port:04X}") and fields[3] == "0A"
    }
    assert found, f"nothing listens on port {port}"
    return found


def holds_socket(pid: int, inode: str) -> bool:
    try:
        links = [os.readlink(fd) for fd in Path(f"/proc/{pid}/fd").iterdir()]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return f"socket:[{inode}]" in links


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def test_processes_argument() -> None:
    cpus = os.cpu_count() or 1
    assert [processes_argument(text) for text in ("1", "3", "0", "auto", "AUTO")] == [1, 3, cpus, cpus, cpus]
    for bad in ("-1", "two", ""):
        with pytest.raises(argparse.ArgumentTypeError):
            processes_argument(bad)
    args = build_parser().parse_args(["serve", "--processes", "auto", "--threads", "4"])
    assert (args.processes, args.threads, args.no_worker) == (cpus, 4, False)
    assert build_parser().parse_args(["serve"]).processes == 1


@pytest.mark.django_db(transaction=True)
def test_two_server_processes_share_the_port_are_restarted_and_stop_on_sigterm(
    orchid_cmd: list[str], tmp_path: Path
) -> None:
    from orchid.records.researchers import create_researcher

    orcid = create_researcher(given_names="Josiah", family_name="Carberry").orcid
    log = tmp_path / "serve.log"
    with serving(
        orchid_cmd, worker_env(tmp_path / "var"), log, "--processes", "2", "--threads", "2"
    ) as server:
        assert "with 2 server processes and the outbox worker process" in log.read_text()
        server.wait_for(lambda: len(server.children()) == 3, 10, "3 children")
        # The third child, without a listening socket, is the outbox worker.
        server.wait_for(lambda: len(server.server_children()) == 2, 10, "2 server processes listening")
        servers = server.server_children()
        (worker,) = server.children() - servers
        # The worker takes the CPU the requests leave idle (ORCHID_OUTBOX_NICENESS, 10 by default).
        server_priority = os.getpriority(os.PRIO_PROCESS, min(servers))
        server.wait_for(
            lambda: os.getpriority(os.PRIO_PROCESS, worker) == server_priority + 10,
            10,
            "the worker process at a lower priority",
        )
        # Linux: a socket of its own per server process, so the kernel spreads connections over both.
        assert len(listening_inodes(server.port)) == 2
        for _ in range(25):
            assert server.get("/healthz") == (200, b"ok")
            status, body = server.get(f"/v3.0/{orcid}/record", JSON)
            assert status == 200 and orcid.encode() in body, body[:300]

        killed = min(servers)
        os.kill(killed, signal.SIGKILL)
        server.wait_for(lambda: len(server.server_children() - {killed}) == 2, 10, "a new server process")
        assert killed not in server.children()
        assert f"server process {killed} was killed by SIGKILL" in log.read_text()
        for _ in range(25):
            assert server.get("/healthz") == (200, b"ok")
            assert server.get(f"/v3.0/{orcid}/record", JSON)[0] == 200

        everyone = server.children()
        server.process.send_signal(signal.SIGTERM)
        assert server.process.wait(timeout=15) == 0, log.read_text()
        assert not [pid for pid in everyone if alive(pid)]
    assert "Traceback" not in log.read_text()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("worker", [True, False], ids=["worker", "no-worker"])
def test_with_two_server_processes_a_change_reaches_the_one_worker_once(
    client: Client, orchid_cmd: list[str], tmp_path: Path, settings: Any, worker: bool
) -> None:
    from orchid.records.researchers import create_researcher

    settings.ORCHID_WEBHOOK_WINDOW_SECONDS = 0  # due at once
    settings.ORCHID_WEBHOOK_ALLOW_PRIVATE = True
    settings.ORCHID_RENDERING_REFRESH = False  # the outbox holds the webhook call only
    researcher = create_researcher(given_names="Josiah", family_name="Carberry")
    premium = premium_client()
    env = worker_env(tmp_path / "var", ORCHID_OUTBOX_POLL_SECONDS="0.2")
    with running_receiver() as receiver:
        assert put(client, researcher.orcid, receiver.url("/changed"), premium.token).status_code == 201
        with transaction.atomic():
            mark_changed(researcher.pk, Change(Action.UPDATED, "work"))
        assert Message.objects.count() == 1
        log = tmp_path / "serve.log"
        options = ["--processes", "2"] + ([] if worker else ["--no-worker"])
        with serving(orchid_cmd, env, log, *options) as server:
            server.wait_for(lambda: len(server.children()) == (3 if worker else 2), 10, "children")
            server.wait_for(lambda: len(server.server_children()) == 2, 10, "2 server processes listening")
            arrived = receiver.wait_for(1, 15 if worker else 3)
            time.sleep(1)  # and no second call follows
            assert arrived is worker, log.read_text()
            assert receiver.paths() == (["/changed"] if worker else [])
            assert Message.objects.exists() is not worker
            server.process.send_signal(signal.SIGTERM)
            assert server.process.wait(timeout=15) == 0, log.read_text()


@pytest.mark.django_db(transaction=True)
def test_requests_waiting_for_a_thread_are_not_logged_one_by_one(
    orchid_cmd: list[str], tmp_path: Path
) -> None:
    from concurrent.futures import ThreadPoolExecutor

    log = tmp_path / "serve.log"
    with serving(orchid_cmd, worker_env(tmp_path / "var"), log, "--threads", "1", "--no-worker") as server:
        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(lambda _: server.get("/v3.0/status"), range(200)))
        assert all(status == 200 for status, _ in answers)
    assert "Task queue depth" not in log.read_text()  # waitress's warning per queued request
