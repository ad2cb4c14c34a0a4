"""Browser end-to-end tests: Debian's Chromium driven by Playwright against a live Orchid.

* the live server is pytest-django's ``LiveServer`` bound to 127.0.0.1 (one for the session); each test
  gets a fresh database (``transactional_db``) and a fresh browser context (cookies, storage);
* one Chromium for the whole session, ``/usr/bin/chromium`` (Debian's package; Playwright's own browser
  download is never used), started headless with the flags this machine's closed network needs;
* without ``/usr/bin/chromium`` every test here is skipped and a banner says so at the end of the run
  (``.ci/run`` installs ``chromium``, so CI always runs them);
* `shoot` writes screenshots at desktop and phone widths to ``var/screenshots/`` (README.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from pytest_django.live_server_helper import LiveServer

CHROMIUM = Path("/usr/bin/chromium")
#: Chromium's flags here: as root without a sandbox, and no background connections (the closed network
#: refuses them, many at a time). Playwright adds ``--headless`` and a fresh ``--user-data-dir``.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SKIP_REASON = (
    f"{CHROMIUM} not found: the browser end-to-end tests (tests/e2e) did NOT run; "
    "install Debian's 'chromium' package (.ci/run does)"
)
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
VIEWPORTS = {"desktop": (1280, 800), "phone": (390, 844)}
#: Playwright's wait for an element or a navigation (its default, 30 s, only slows a failing run down).
TIMEOUT_MS = 10_000

PASSWORD = "correct horse battery staple"

E2E_DIR = Path(__file__).resolve().parent


# --- skip loudly without Chromium --------------------------------------------------------------------


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(reason=SKIP_REASON)
    for item in items:
        if E2E_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(skip)


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    if not CHROMIUM.exists():
        terminalreporter.write_sep("#", "WARNING", yellow=True, bold=True)
        terminalreporter.write_line(f"# {SKIP_REASON}", yellow=True, bold=True)
        terminalreporter.write_sep("#", yellow=True, bold=True)


# --- the live server and the browser ---------------------------------------------------------------


@pytest.fixture(scope="session")
def live_server(request: pytest.FixtureRequest) -> Iterator[LiveServer]:
    """pytest-django's live server, on 127.0.0.1 (its default is ``localhost``)."""
    server = LiveServer("127.0.0.1")
    yield server
    server.stop()


@pytest.fixture(scope="package")
def browser() -> Iterator[Any]:
    """One Chromium for the tests of this package (package scope: closed when they are done)."""
    if not CHROMIUM.exists():
        pytest.skip(SKIP_REASON)
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        # Playwright's sync API keeps an asyncio loop running in this thread while it is started, so
        # Django would refuse the ORM here (SynchronousOnlyOperation), though nothing runs concurrently.
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@dataclass(frozen=True)
class Site:
    """The live registry as one test sees it."""

    url: str

    @property
    def callback(self) -> str:
        """A page of the live server that answers 200: the clients' registered redirect URI."""
        return f"{self.url}/healthz"


@pytest.fixture
def site(
    live_server: LiveServer,
    transactional_db: None,
    settings: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> Site:
    from django.db import connection

    # The live server's request threads close their connections after each request (otherwise the
    # PostgreSQL test database could not be dropped: see tests/clients/conftest.py).
    monkeypatch.setitem(connection.settings_dict, "CONN_MAX_AGE", 0)
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")  # the live server speaks plain http
    settings.SANDBOX = True
    settings.EMAIL_BACKEND = "orchid.web.mail.SandboxMailBackend"  # pytest-django swaps in locmem
    return Site(live_server.url)


@pytest.fixture
def page(browser: Any, site: Site) -> Iterator[Any]:
    """A page in a new browser context (no cookies), at desktop size."""
    width, height = VIEWPORTS["desktop"]
    context = browser.new_context(base_url=site.url, viewport={"width": width, "height": height})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()


# --- helpers ----------------------------------------------------------------------------------------


def shoot(page: Any, name: str) -> list[Path]:
    """Full-page screenshots of what `page` shows at desktop and phone widths: ``var/screenshots/NAME-*.png``.

    The viewport is restored afterwards.
    """
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    before = page.viewport_size
    written = []
    for label, (width, height) in VIEWPORTS.items():
        page.set_viewport_size({"width": width, "height": height})
        path = SCREENSHOTS / f"{name}-{label}.png"
        page.screenshot(path=str(path), full_page=True, animations="disabled")
        written.append(path)
    if before:
        page.set_viewport_size(before)
    return written


@dataclass(frozen=True)
class Account:
    orcid: str
    email: str
    password: str


def make_researcher(
    email: str = "ada@example.org", given_names: str = "Ada", family_name: str = "Lovelace"
) -> Account:
    from orchid.records.researchers import create_researcher

    researcher = create_researcher(
        given_names=given_names, family_name=family_name, email=email, password=PASSWORD
    )
    return Account(researcher.orcid, email, PASSWORD)


@dataclass(frozen=True)
class RegisteredClient:
    client_id: str
    secret: str
    name: str


def make_member_client(site: Site, name: str = "Brown University CRIS") -> RegisteredClient:
    from orchid.oauth.services import create_client

    client, secret = create_client(
        name,
        "member",
        [site.callback],
        description="Connects your ORCID iD to Brown's research information system.",
        website="https://cris.example.org",
    )
    return RegisteredClient(str(client.client_id), secret, name)


def authorize_path(client: RegisteredClient, redirect_uri: str, **params: str) -> str:
    query = {
        "client_id": client.client_id,
        "response_type": "code",
        "scope": "/read-limited",
        "redirect_uri": redirect_uri,
        **params,
    }
    return "/oauth/authorize?" + urlencode(query)


def sign_in(page: Any, username: str, password: str) -> None:
    """Fill in and submit the sign-in form the page shows."""
    page.get_by_label("E-mail or ORCID iD").fill(username)
    page.get_by_label(re.compile(r"^Password")).fill(password)
    page.get_by_role("button", name="Sign in").click()


def query_of(url: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def fragment_of(url: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).fragment).items()}


def path_pattern(site: Site, path: str) -> re.Pattern[str]:
    """A regex for `page.wait_for_url`: ``path`` on the live server, any query or fragment."""
    return re.compile(re.escape(site.url + path) + r"([?#].*)?$")
