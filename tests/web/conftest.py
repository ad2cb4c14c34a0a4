"""Fixtures for the Registry UI tests: the sandbox mailbox backend (pytest-django swaps in locmem) and
helpers that drive the pages through Django's test Client."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from orchid.records.models import Researcher
from orchid.records.researchers import create_researcher

PASSWORD = "correct horse 42"


@pytest.fixture(autouse=True)
def sandbox_mail(settings: Any) -> None:
    settings.SANDBOX = True
    settings.EMAIL_BACKEND = "orchid.web.mail.SandboxMailBackend"


@pytest.fixture
def researcher(db: None) -> Researcher:
    return create_researcher(
        given_names="Josiah", family_name="Carberry", email="josiah@example.org", password=PASSWORD
    )


@pytest.fixture
def signed_in(client: Client, researcher: Researcher) -> Client:
    assert researcher.user is not None
    client.force_login(researcher.user)
    return client


def mailbox_link(client: Client, to: str, path_prefix: str) -> str:
    """Open the newest message to `to` in /mailbox and return the path of its link under `path_prefix`."""
    listing = client.get("/mailbox", {"to": to})
    assert listing.status_code == 200
    ids = re.findall(r'href="/mailbox/(\d+)"', listing.content.decode())
    assert ids, f"no mail for {to}"
    message = client.get(f"/mailbox/{ids[0]}")
    assert message.status_code == 200
    found = re.search(r"http://testserver(" + re.escape(path_prefix) + r'[^\s<"]+)', message.content.decode())
    assert found, message.content.decode()
    return found.group(1)
