"""Real ORCID client libraries against a live Orchid.

pytest-django's ``live_server`` runs the real WSGI app in a thread on 127.0.0.1 (plain http, a neutral
host: the token decides Public or Member API rules). Its data is seen by the test only through
committed transactions, hence ``transactional_db``; everything is created through Orchid's services
(researchers, OAuth clients, tokens) or over HTTP by the clients under test, never as raw rows.
"""

from __future__ import annotations

import os
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from typing import Any

import orcid  # python-orcid 1.0.3
import pytest
import requests
from pytest_django.live_server_helper import LiveServer

READ_LIMITED_SCOPES = ["/read-limited", "/activities/update", "/person/update"]
GIVEN_NAMES = "Josiah"
FAMILY_NAME = "Carberry"
CREDIT_NAME = "J. S. Carberry"
BIOGRAPHY = "Josiah Carberry studies psychoceramics, the study of cracked pots."


@pytest.fixture(scope="session")
def live_server(request: pytest.FixtureRequest) -> Iterator[LiveServer]:
    """pytest-django's live server, bound to 127.0.0.1 (its default is ``localhost``)."""
    server = LiveServer(
        request.config.getvalue("liveserver") or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS") or "127.0.0.1"
    )
    yield server
    server.stop()


@dataclass(frozen=True)
class LiveOrchid:
    url: str  # the live server's base URL, e.g. http://127.0.0.1:40123
    orcid: str
    member_key: str
    member_secret: str
    public_key: str
    public_secret: str
    update_token: str  # member client, 3-legged: /read-limited /activities/update /person/update


@pytest.fixture
def live_orchid(
    live_server: LiveServer, transactional_db: None, monkeypatch: pytest.MonkeyPatch
) -> LiveOrchid:
    from django.db import connection

    from orchid.oauth import services as oauth
    from orchid.records.researchers import create_researcher

    # The live server closes a request thread's database connection when the HTTP connection ends, but
    # clients keep HTTP connections alive (pyorcid's Session, python-orcid's last raw_response): with
    # DATABASE_URL's CONN_MAX_AGE those threads would keep PostgreSQL sessions open and the test database
    # could not be dropped at the end. CONN_MAX_AGE=0 (read when a thread connects; this settings dict is
    # shared by every thread's connection) closes them at the end of each request instead.
    monkeypatch.setitem(connection.settings_dict, "CONN_MAX_AGE", 0)
    researcher = create_researcher(
        given_names=GIVEN_NAMES,
        family_name=FAMILY_NAME,
        credit_name=CREDIT_NAME,
        biography=BIOGRAPHY,
        email="josiah.carberry@example.org",
        password="psychoceramics",
    )
    member, member_secret = oauth.create_client(
        "Brown University CRIS", "member", ["https://cris.example.org/cb"]
    )
    public, public_secret = oauth.create_client(
        "Public profile app", "public", ["https://app.example.org/cb"]
    )
    token = oauth.grant_token(member, orcid=researcher.orcid, scopes=READ_LIMITED_SCOPES)
    return LiveOrchid(
        url=live_server.url,
        orcid=researcher.orcid,
        member_key=member.client_id,
        member_secret=member_secret,
        public_key=public.client_id,
        public_secret=public_secret,
        update_token=token.token,
    )


# --- python-orcid 1.0.3 --------------------------------------------------------------------------------


@pytest.fixture
def python_orcid_v3(monkeypatch: pytest.MonkeyPatch) -> None:
    """python-orcid 1.0.3 speaks v2.0 by default; its module-level version constants pick the API version.
    monkeypatch restores them after the test."""
    monkeypatch.setattr(orcid.orcid, "VERSION", "/v3.0")
    monkeypatch.setattr(orcid.orcid, "SEARCH_VERSION", "/v3.0")


def point_at(api: Any, base_url: str) -> None:
    """Point every URL of a python-orcid API object at `base_url` (one origin serves both APIs, OAuth too)."""
    api._host = base_url.split("://", 1)[1]
    api._endpoint = base_url
    api._token_url = f"{base_url}/oauth/token"
    api._login_or_register_endpoint = f"{base_url}/oauth/authorize"
    api._login_url = f"{base_url}/oauth/custom/login.json"
    if isinstance(api, orcid.MemberAPI):
        api._auth_url = f"{base_url}/signin/auth.json"
        api._authorize_url = f"{base_url}/oauth/custom/authorize.json"


@pytest.fixture
def member_api(live_orchid: LiveOrchid, python_orcid_v3: None) -> orcid.MemberAPI:
    api = orcid.MemberAPI(
        live_orchid.member_key,
        live_orchid.member_secret,
        sandbox=True,
        timeout=10,
        do_store_raw_response=True,
    )
    point_at(api, live_orchid.url)
    return api


@pytest.fixture
def public_api(live_orchid: LiveOrchid, python_orcid_v3: None) -> orcid.PublicAPI:
    api = orcid.PublicAPI(
        live_orchid.public_key,
        live_orchid.public_secret,
        sandbox=True,
        timeout=10,
        do_store_raw_response=True,
    )
    point_at(api, live_orchid.url)
    return api


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """When a client raised ``requests.HTTPError``, show the request and Orchid's answer in the report."""
    report = yield
    error = call.excinfo.value if call.excinfo is not None else None
    response = getattr(error, "response", None)
    if isinstance(error, requests.HTTPError) and response is not None:
        request = response.request
        body = request.body.decode() if isinstance(request.body, bytes) else str(request.body or "")
        report.sections.append(
            (
                "Orchid's answer",
                f"{request.method} {request.url}\n{body}\n\n-> {response.status_code} "
                f"{response.headers.get('Content-Type')}\n{response.text}",
            )
        )
    return report
