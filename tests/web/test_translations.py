"""The Registry UI and the OAuth pages are ready for translation (docs/translations.md): they render in
another language (no catalog yet: the English text), and `makemessages` extracts their strings."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

import orchid
from orchid.records.models import Researcher

#: `makemessages` found 372 strings when every template and module was marked; fewer means a
#: template or module lost its tags.
MIN_MESSAGES = 350


@pytest.fixture
def german(signed_in: Client, researcher: Researcher) -> Client:
    researcher.locale = "de"
    researcher.save(update_fields=["locale"])
    return signed_in


@pytest.mark.parametrize(
    "path",
    [
        "/my-orcid",
        "/my-orcid/items/work/new",
        "/account",
        "/account/two-factor",
        "/developer-tools",
        "/trusted-organizations",
        "/mailbox",
    ],
)
def test_signed_in_pages_render_in_german(german: Client, path: str) -> None:
    page = german.get(path)
    assert page.status_code == 200
    assert page["Content-Language"] == "de"
    assert '<html lang="de"' in page.content.decode()


def test_public_pages_render_with_german_default(
    client: Client, researcher: Researcher, settings: Any
) -> None:
    settings.LANGUAGE_CODE = "de"
    for path in ("/signin", "/register", "/reset-password", f"/{researcher.orcid}"):
        page = client.get(path, HTTP_ACCEPT="text/html")
        assert page.status_code == 200, path
    # No German catalog yet: the English text (the OAuth error page, from orchid.oauth.authorize).
    error = client.get("/oauth/authorize")
    assert error.status_code == 400
    assert "Please specify a client id" in error.content.decode()


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext (xgettext) is not installed")
def test_makemessages_extracts_the_ui_strings(tmp_path: Path, settings: Any, monkeypatch: Any) -> None:
    # makemessages writes next to the scanned files (src/orchid/locale): it scans a copy of the package.
    package = tmp_path / "orchid"
    shutil.copytree(
        Path(orchid.__file__).resolve().parent,
        package,
        ignore=shutil.ignore_patterns("locale", "static", "__pycache__", "*.pyc"),
    )
    locale = package / "locale"
    settings.LOCALE_PATHS = [locale]
    monkeypatch.chdir(package)  # as docs/translations.md says: from src/orchid
    call_command("makemessages", locale=["de"], verbosity=0)
    catalog = (locale / "de" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    count = len(re.findall(r"^msgid ", catalog, re.MULTILINE)) - 1  # less the header entry
    assert count >= MIN_MESSAGES
    for text in (
        "Sign in with your ORCID iD or e-mail address.",  # web/templates/web/signin.html
        "Authorize access",  # oauth/templates/oauth/consent.html
        "Get your ORCID iD",  # oauth/scopes.py DESCRIPTIONS
        "[Orchid] Verify your e-mail address",  # web/accounts.py
        "Client not found: %(client_id)s",  # oauth/views.py
    ):
        assert f'"{text}"' in catalog, text
    # ORCID's API messages are not the Registry UI's to translate.
    assert "errors.py" not in catalog
