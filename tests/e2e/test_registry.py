"""The Registry UI in a browser: registration with e-mail verification through the sandbox mailbox, sign
out and in, turning on two-factor authentication and signing in with it, developer tools, and the public
record page (with their screenshots)."""

from __future__ import annotations

import re
import time
from typing import Any

import pyotp

from orchid import ids

from .conftest import PASSWORD, Site, make_researcher, path_pattern, shoot, sign_in

EMAIL = "grace.hopper@example.org"


def test_register_verify_sign_in_and_turn_on_two_factor(page: Any, site: Site) -> None:
    from playwright.sync_api import expect

    page.goto("/register")
    page.get_by_label("Given names").fill("Grace")
    page.get_by_label("Family name").fill("Hopper")
    page.get_by_label("E-mail").fill(EMAIL)
    page.get_by_label(re.compile(r"^Password")).fill(PASSWORD)
    page.get_by_label("Confirm password").fill(PASSWORD)
    page.get_by_role("button", name="Register").click()

    page.wait_for_url(path_pattern(site, "/my-orcid"))
    id_link = page.locator(".orcid-uri a")
    orcid = str(id_link.get_attribute("href")).strip("/")
    assert ids.is_valid(orcid), orcid
    expect(page.locator(".flash")).to_contain_text(orcid)
    expect(page.get_by_text(f"Please verify your e-mail address {EMAIL}")).to_be_visible()

    # The verification mail, read in the sandbox mailbox; its link verifies the address.
    page.goto("/mailbox?to=" + EMAIL)
    page.locator("table a[href^='/mailbox/']").first.click()
    expect(page.locator(".mail-head")).to_contain_text(EMAIL)
    page.locator(".mail-body a[href*='/verify-email/']").click()
    page.wait_for_url(re.compile(r".*/verify-email/.+"))
    expect(page.get_by_role("heading", name="E-mail verified")).to_be_visible()
    expect(page.locator("main")).to_contain_text(f"{EMAIL} is now verified")

    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(path_pattern(site, "/signin"))
    page.goto("/my-orcid")
    assert page.url.startswith(f"{site.url}/signin?")  # signed out: sent to sign in

    sign_in(page, EMAIL, PASSWORD)
    page.wait_for_url(path_pattern(site, "/my-orcid"))
    expect(page.locator(".orcid-uri a")).to_have_attribute("href", f"/{orcid}")
    expect(page.locator(".record-name")).to_have_text("Grace Hopper")
    expect(page.get_by_text("Please verify your e-mail address")).to_have_count(0)
    shoot(page, "my-orcid")

    # Two-factor authentication: the key the page shows (data-secret), a code an authenticator computes.
    page.goto("/account/two-factor")
    expect(page.get_by_role("heading", name="Turn on two-factor authentication")).to_be_visible()
    shoot(page, "two-factor")
    totp = pyotp.TOTP(str(page.locator("[data-secret]").get_attribute("data-secret")))
    page.get_by_label("Code from your authenticator app").fill(totp.now())
    page.get_by_role("button", name="Turn on").click()
    expect(page.locator(".flash")).to_contain_text("Two-factor authentication is on.")
    expect(page.locator(".recovery-codes li")).to_have_count(10)
    shoot(page, "two-factor-recovery-codes")

    # Signing in now takes a second step. A code is accepted once: the next step's code (one step of
    # drift is allowed) is fresh, whichever step the one above belonged to.
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(path_pattern(site, "/signin"))
    sign_in(page, EMAIL, PASSWORD)
    page.wait_for_url(path_pattern(site, "/signin/two-factor"))
    expect(page.get_by_role("heading", name="Two-factor authentication")).to_be_visible()
    shoot(page, "signin-two-factor")
    page.get_by_label("Authentication code").fill(totp.at(time.time() + 30))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(path_pattern(site, "/my-orcid"))
    expect(page.locator(".record-name")).to_have_text("Grace Hopper")
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def test_developer_tools_register_a_public_client_and_see_its_credentials(page: Any, site: Site) -> None:
    from playwright.sync_api import expect

    account = make_researcher()
    page.goto("/developer-tools")
    page.wait_for_url(path_pattern(site, "/signin"))
    sign_in(page, account.orcid, account.password)
    page.wait_for_url(path_pattern(site, "/developer-tools"))

    page.get_by_label("Application name").fill("Lab Publications Page")
    page.get_by_label("Application website").fill("https://lab.example.org")
    page.get_by_label("Description").fill("Lists the lab's publications from its members' ORCID records.")
    page.get_by_label("Redirect URIs").fill("https://lab.example.org/orcid/callback")
    page.get_by_role("button", name="Register client").click()

    client_id = page.locator(".creds dd code").first
    expect(client_id).to_have_text(re.compile(r"APP-[0-9A-Z]{16}"))
    secret = page.locator("code.secret")
    expect(secret).to_have_text(re.compile(r"[0-9a-f-]{36}"))
    shoot(page, "developer-tools")


def test_public_record_page(page: Any, site: Site) -> None:
    """The demo researcher's public record (the demo sandbox has items in every section)."""
    from playwright.sync_api import expect

    from orchid.fixtures import demo

    demo.ensure_loaded()
    orcid = demo.demo_data()["researchers"][0]["orcid"]
    response = page.goto(f"/{orcid}")
    assert response is not None and response.status == 200
    assert response.headers["content-type"].startswith("text/html")
    expect(page.locator("main")).to_contain_text(f"orcid.org/{orcid}")
    icon = page.request.get("/favicon.ico")  # redirected to the SVG icon the pages link to
    assert icon.ok and icon.headers["content-type"].startswith("image/svg+xml")
    shoot(page, "record")
