"""Fixtures for the rate-limit tests: limits switched on, a fresh state file, a live server, HTTP bursts.

Each test gets its own state file (``tmp_path``) and counts callers by ``X-Forwarded-For``, so the
tests choose their client addresses and never share a bucket.
"""

from __future__ import annotations

import http.client
import os
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from pytest_django.live_server_helper import LiveServer

from orchid.ratelimit.keys import forget_tokens


@pytest.fixture(scope="session")
def live_server(request: pytest.FixtureRequest) -> Iterator[LiveServer]:
    """pytest-django's live server (a thread per connection), bound to 127.0.0.1."""
    server = LiveServer(os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS") or "127.0.0.1")
    yield server
    server.stop()


@pytest.fixture
def limits_on(settings: Any, tmp_path: Path) -> Path:
    """ORCID's limits (24 r/s, burst 40, 10,000/day) on, with a state file of the test's own."""
    settings.ORCHID_RATE_LIMIT = True
    settings.ORCHID_RATE_LIMIT_RATE = 24.0
    settings.ORCHID_RATE_LIMIT_BURST = 40
    settings.ORCHID_RATE_LIMIT_DAILY_QUOTA = 10_000
    settings.ORCHID_RATE_LIMIT_FILE = str(tmp_path / "ratelimit.bin")
    settings.ORCHID_RATE_LIMIT_IP_HEADER = "X-Forwarded-For"
    forget_tokens()
    return tmp_path / "ratelimit.bin"


@dataclass(frozen=True)
class Answer:
    status: int
    seconds: float  # from sending the request to the end of the response
    body: bytes


class Http:
    """Requests to the live server over connections opened beforehand (no accept-queue effects)."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80

    def _connections(self, count: int) -> list[http.client.HTTPConnection]:
        connections = [http.client.HTTPConnection(self.host, self.port, timeout=30) for _ in range(count)]
        for connection in connections:
            connection.connect()
            # The live server's accept loop needs the GIL: without a pause its listen backlog (10)
            # overflows and the kernel makes a connect wait a second for its SYN to be resent.
            time.sleep(0.005)
        if count > 1:
            time.sleep(0.2)  # let the server accept them all and wait for their requests
        return connections

    @staticmethod
    def _send(
        connection: http.client.HTTPConnection, path: str, headers: dict[str, str], method: str = "GET"
    ) -> Answer:
        started = time.monotonic()
        try:
            connection.request(method, path, headers=headers)
            response = connection.getresponse()
            body = response.read()
            return Answer(response.status, time.monotonic() - started, body)
        finally:
            connection.close()

    def get(self, path: str, headers: dict[str, str], method: str = "GET") -> Answer:
        return self._send(self._connections(1)[0], path, headers, method)

    def at_once(
        self, count: int, path: str, headers: dict[str, str] | Sequence[dict[str, str]]
    ) -> list[Answer]:
        """``count`` requests released together by a barrier (``headers``: for all, or one each)."""
        each = [headers] * count if isinstance(headers, dict) else list(headers)
        connections = self._connections(count)
        barrier = threading.Barrier(count)

        def one(index: int) -> Answer:
            barrier.wait()
            return self._send(connections[index], path, each[index])

        with ThreadPoolExecutor(count) as pool:
            return list(pool.map(one, range(count)))

    def steady(self, rate: float, seconds: float, path: str, headers: dict[str, str]) -> list[Answer]:
        """``rate`` requests per second for ``seconds``, each sent at its scheduled time."""
        count = round(rate * seconds)
        connections = self._connections(count)
        start = time.monotonic() + 0.1

        def one(index: int) -> Answer:
            time.sleep(max(0.0, start + index / rate - time.monotonic()))
            return self._send(connections[index], path, headers)

        with ThreadPoolExecutor(count) as pool:
            return list(pool.map(one, range(count)))


def statuses(answers: Sequence[Answer]) -> dict[int, int]:
    counts: dict[int, int] = {}
    for answer in answers:
        counts[answer.status] = counts.get(answer.status, 0) + 1
    return counts


@pytest.fixture
def http_live(live_server: LiveServer, transactional_db: None, limits_on: Path) -> Http:
    return Http(live_server.url)
