"""The sandbox status page lists every leniency and whether it is on."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client


@pytest.mark.django_db
def test_sandbox_page_lists_each_leniency(client: Client) -> None:
    page = client.get("/sandbox").content.decode()
    assert "Sandbox mode is on" in page
    for name, setting in (
        ("Plain HTTP", "ORCHID_ALLOW_PLAIN_HTTP"),
        ("Lenient organizations", "ORCHID_SANDBOX"),
        ("Any Host header", "ORCHID_ALLOWED_HOSTS"),
    ):
        assert name in page and setting in page


@pytest.mark.django_db
def test_sandbox_page_says_when_it_is_off(client: Client, settings: Any) -> None:
    settings.SANDBOX = False
    settings.ORCHID_ALLOW_PLAIN_HTTP = False
    page = client.get("/sandbox").content.decode()
    assert "Sandbox mode is off" in page
    assert "<th scope=row>Plain HTTP</th><td>off</td>" in page
