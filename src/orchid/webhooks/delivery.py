"""Calling a webhook: the "webhook" outbox handler (run by `orchid worker`).

As ORCID does: an HTTP POST with an empty body to the registered URL (`http://` prepended when it has
no scheme), nothing appended; any 2xx is success (the registration's `last_sent_at` is set and its
failures reset), anything else or no answer is a failure (counted on the registration, and raised so
that the outbox retries with back-off: attempt n -> n x ORCHID_OUTBOX_RETRY_SECONDS later, at most
ORCHID_OUTBOX_MAX_ATTEMPTS attempts). Redirects are not followed, proxies from the environment are not
used, and the connected address is checked against `targets` before anything is sent.
"""

from __future__ import annotations

import socket
import threading
from typing import Any

import requests
from django.conf import settings
from django.db.models import F
from django.utils import timezone
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from orchid import __version__
from orchid.outbox import handler
from orchid.webhooks import targets
from orchid.webhooks.models import Webhook
from orchid.webhooks.services import KIND

USER_AGENT = f"Orchid/{__version__} (webhooks)"
#: At most this much of a callback's answer is read (the rest is dropped with the connection).
MAX_ANSWER_BYTES = 64 * 1024


class DeliveryFailed(Exception):
    """The callback did not answer 2xx."""


def timeout_seconds() -> float:
    return float(getattr(settings, "ORCHID_WEBHOOK_TIMEOUT_SECONDS", 10))


def _checked(sock: socket.socket) -> socket.socket:
    try:
        targets.check_connected(str(sock.getpeername()[0]))
    except OSError:
        sock.close()
        raise
    return sock


class _CheckedHTTPConnection(HTTPConnection):
    def _new_conn(self) -> socket.socket:
        return _checked(super()._new_conn())


class _CheckedHTTPSConnection(HTTPSConnection):
    def _new_conn(self) -> socket.socket:
        return _checked(super()._new_conn())


class _CheckedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _CheckedHTTPConnection


class _CheckedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _CheckedHTTPSConnection


class _CheckedAdapter(HTTPAdapter):
    """requests' adapter whose connections refuse non-public peers (after DNS, so no rebinding trick)."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _CheckedHTTPPool, "https": _CheckedHTTPSPool}


_local = threading.local()


def _session() -> requests.Session:
    """One keep-alive session per worker thread (requests' sessions are not shared across threads)."""
    session: requests.Session | None = getattr(_local, "session", None)
    if session is None:
        session = requests.Session()
        session.trust_env = False  # no proxies from the environment: the peer check must see the callback
        adapter = _CheckedAdapter(max_retries=0)
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        session.headers["User-Agent"] = USER_AGENT
        _local.session = session
    return session


def call(url: str) -> int:
    """POST an empty body to `url`; its HTTP status (raises requests' exceptions when there is none)."""
    seconds = timeout_seconds()
    with _session().post(
        url, data=b"", timeout=(min(5.0, seconds), seconds), allow_redirects=False, stream=True
    ) as response:
        received = 0
        for chunk in response.iter_content(8192):  # read (a little of) the answer to reuse the connection
            received += len(chunk)
            if received > MAX_ANSWER_BYTES:
                break
        return int(response.status_code)


@handler(KIND)
def deliver(payload: dict[str, Any]) -> None:
    pk = payload.get("webhook")
    webhook = Webhook.objects.select_related("client").filter(pk=pk).first() if isinstance(pk, int) else None
    if webhook is None or webhook.client.locked:
        return  # unregistered since, or its client is locked (ORCID calls active clients only)
    url = targets.delivery_url(webhook.uri)
    try:
        status = call(url)
    except requests.RequestException as error:
        _failed(webhook)
        raise DeliveryFailed(f"{url}: {error}") from error
    if not 200 <= status < 300:
        _failed(webhook)
        raise DeliveryFailed(f"{url} answered {status}")
    Webhook.objects.filter(pk=webhook.pk).update(last_sent_at=timezone.now(), failed_attempts=0)


def _failed(webhook: Webhook) -> None:
    Webhook.objects.filter(pk=webhook.pk).update(
        failed_attempts=F("failed_attempts") + 1, last_failed_at=timezone.now()
    )
