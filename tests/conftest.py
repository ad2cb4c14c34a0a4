"""Shared test configuration.

Settings: ``DJANGO_SETTINGS_MODULE`` and the database plugin (``orchid.testing.pytest_plugin``) are set in
pyproject.toml's ``[tool.pytest.ini_options]``. A test that needs the database asks for it the pytest-django
way (``@pytest.mark.django_db`` or the ``db`` fixture); only those run again on PostgreSQL. Tests without
either need no database and run once, on the SQLite pass.
"""

from __future__ import annotations

import os
import shutil
import socket
import sys
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def orchid_cmd() -> list[str]:
    """How to run the installed ``orchid`` console script (falls back to ``python -m orchid``)."""
    script = Path(sys.executable).with_name("orchid")
    if script.exists():
        return [str(script)]
    found = shutil.which("orchid")
    return [found] if found else [sys.executable, "-m", "orchid"]


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    """Environment for an ``orchid`` subprocess: SQLite in a fresh var dir, no DATABASE_URL."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["ORCHID_VAR_DIR"] = str(tmp_path / "var")
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env


@pytest.fixture
def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# Rate limits (orchid.ratelimit) are on by default for a served registry; the suite makes thousands of
# requests from 127.0.0.1 in bursts, so they are off here, for `orchid` subprocesses too (the env) and
# in-process whatever the environment says (the fixture). tests/ratelimit turns them on per test.
os.environ.setdefault("ORCHID_RATE_LIMIT", "0")


@pytest.fixture(autouse=True)
def rate_limits_off(settings: Any) -> None:
    settings.ORCHID_RATE_LIMIT = False


@pytest.fixture(autouse=True)
def fast_password_hashing(settings: Any) -> None:
    """Tests create many accounts; a real password hash (by design slow) would dominate the run."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# --- every ORCID XML response of the suite is checked against ORCID's XSDs ---------------------

#: The Content-Types ORCID writes XML in (spec §1); a response in one of them must be schema-valid.
ORCID_XML_TYPES = frozenset({"application/vnd.orcid+xml", "application/orcid+xml", "application/xml"})
#: XML roots ORCID publishes no XSD for: `/v3.0/identifiers` (a JAXB list of IdentifierType beans).
UNSCHEMATIZED_ROOTS = frozenset({"identifierTypes"})


_VALID_BODIES: set[int] = set()  # hashes of bodies already found valid: identical ones are checked once


def check_xml_response(response: Any) -> None:
    """Validate `response` when it is ORCID XML with a body; raise AssertionError naming the request."""
    from lxml import etree

    from tests.api.xsd import assert_valid_orcid_xml

    media = (response.get("Content-Type") or "").split(";", 1)[0].strip().lower()
    if media not in ORCID_XML_TYPES or getattr(response, "streaming", False):
        return
    body: bytes = response.content
    key = hash(body)
    if not body.strip() or key in _VALID_BODIES:
        return
    request = getattr(response, "wsgi_request", None)
    method, path = getattr(request, "method", "?"), getattr(request, "path", "?")
    where = f"{method} {path} -> {response.status_code} {media}"
    try:
        root = etree.fromstring(body)
        if etree.QName(root).localname in UNSCHEMATIZED_ROOTS and not etree.QName(root).namespace:
            return
        assert_valid_orcid_xml(body)
    except (AssertionError, etree.XMLSyntaxError) as error:
        raise AssertionError(
            f"{where}: the body is not valid ORCID XML\n{error}\n"
            f"body: {body[:2000].decode('utf-8', 'replace')}"
        ) from None
    _VALID_BODIES.add(key)


@pytest.fixture(autouse=True, scope="session")
def orcid_xml_responses_are_valid() -> Any:
    """Every response Django's test `Client` returns in ORCID XML is validated (tests/api/xsd.py).

    `django.test.Client.request` is the one method all of the client's verbs go through, so wrapping
    it covers every test; a body that does not validate raises AssertionError in the test that made
    the request. Schemas are compiled once per XSD (cached) and identical bodies are checked once.
    Skipped as a whole when ORCID's XSDs are not checked out beside the repository.
    """
    from django.test import Client

    from tests.schema.orcid_model import AVAILABLE

    if not AVAILABLE:
        yield
        return
    original = Client.request

    def request(self: Client, **kwargs: Any) -> Any:
        response = original(self, **kwargs)
        check_xml_response(response)
        return response

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Client, "request", request)
        yield


@pytest.fixture(autouse=True)
def empty_caches() -> None:
    """Each test's database starts empty, so must the caches keyed on its rows."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
