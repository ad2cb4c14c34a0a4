"""OAuth in a browser: a member client's authorize link, sign-in, consent, the code and its exchange, the
API read with the token; the deny path; revoking in trusted organizations; a redirect-URI mismatch; the
implicit flow. The client's redirect URI is ``/healthz`` on the live server (any page answering 200)."""

from __future__ import annotations

from typing import Any

import requests

from .conftest import (
    Account,
    RegisteredClient,
    Site,
    authorize_path,
    fragment_of,
    make_member_client,
    make_researcher,
    path_pattern,
    query_of,
    shoot,
    sign_in,
)

JSON = "application/vnd.orcid+json"


def consent_page(page: Any, site: Site, client: RegisteredClient, account: Account, **params: str) -> None:
    """Follow the client's authorize link, sign in, and stop on the consent page."""
    from playwright.sync_api import expect

    page.goto(authorize_path(client, site.callback, **params))
    page.wait_for_url(path_pattern(site, "/signin"))
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    sign_in(page, account.email, account.password)
    page.wait_for_url(path_pattern(site, "/oauth/authorize"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"{client.name} asks for access")


def authorize(page: Any, site: Site, client: RegisteredClient, account: Account, **params: str) -> str:
    """The whole code flow in the browser: the code the redirect URI received."""
    consent_page(page, site, client, account, **params)
    page.get_by_role("button", name="Authorize access").click()
    page.wait_for_url(path_pattern(site, "/healthz"))
    return query_of(page.url)["code"]


def exchange(site: Site, client: RegisteredClient, code: str) -> dict[str, Any]:
    response = requests.post(
        f"{site.url}/oauth/token",
        data={
            "client_id": client.client_id,
            "client_secret": client.secret,
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": site.callback,
        },
        headers={"Accept": "application/json"},
        timeout=10,
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def read_record(site: Site, orcid: str, token: str) -> requests.Response:
    return requests.get(
        f"{site.url}/v3.0/{orcid}/record",
        headers={"Accept": JSON, "Authorization": f"Bearer {token}"},
        timeout=10,
    )


def test_code_flow_sign_in_consent_exchange_and_read_the_record(page: Any, site: Site) -> None:
    from playwright.sync_api import expect

    account = make_researcher()
    client = make_member_client(site)
    page.goto(authorize_path(client, site.callback, scope="/read-limited /activities/update", state="s 1"))
    page.wait_for_url(path_pattern(site, "/signin"))
    shoot(page, "signin")
    sign_in(page, account.email, account.password)

    page.wait_for_url(path_pattern(site, "/oauth/authorize"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"{client.name} asks for access")
    scopes = page.locator("ul.scopes li")
    expect(scopes).to_have_count(2)
    expect(scopes.first).to_contain_text("Trusted Organizations")
    expect(page.locator("main")).to_contain_text(account.orcid)
    shoot(page, "consent")
    page.get_by_role("button", name="Authorize access").click()

    page.wait_for_url(path_pattern(site, "/healthz"))
    assert page.locator("body").inner_text().strip()  # the redirect target answered
    params = query_of(page.url)
    assert params["state"] == "s 1"
    assert len(params["code"]) == 6

    token = exchange(site, client, params["code"])
    assert token["orcid"] == account.orcid
    assert token["name"] == "Ada Lovelace"
    assert set(token["scope"].split()) >= {"/read-limited", "/activities/update"}

    record = read_record(site, account.orcid, token["access_token"])
    assert record.status_code == 200, record.text
    body = record.json()
    assert body["orcid-identifier"]["path"] == account.orcid
    name = body["person"]["name"]
    assert (name["given-names"]["value"], name["family-name"]["value"]) == ("Ada", "Lovelace")


def test_deny_sends_access_denied_to_the_redirect_uri(page: Any, site: Site) -> None:
    account = make_researcher()
    client = make_member_client(site)
    consent_page(page, site, client, account, state="keep-me")
    page.get_by_role("button", name="Deny access").click()

    page.wait_for_url(path_pattern(site, "/healthz"))
    params = query_of(page.url)
    assert params["error"] == "access_denied"
    assert params["state"] == "keep-me"
    assert "code" not in params


def test_revoking_in_trusted_organizations_makes_the_token_401(page: Any, site: Site) -> None:
    from playwright.sync_api import expect

    account = make_researcher()
    client = make_member_client(site)
    token = exchange(site, client, authorize(page, site, client, account))["access_token"]
    assert read_record(site, account.orcid, token).status_code == 200

    page.goto("/trusted-organizations")
    row = page.locator("tbody tr", has_text=client.name)
    expect(row).to_contain_text("/read-limited")
    shoot(page, "trusted-organizations")
    page.set_viewport_size({"width": 390, "height": 844})  # on a phone the cells carry their labels
    expect(row.locator("td[data-label='Granted']")).to_be_visible()
    page.set_viewport_size({"width": 1280, "height": 800})
    row.get_by_role("button", name="Revoke access").click()
    page.wait_for_url(path_pattern(site, "/trusted-organizations"))
    expect(page.locator(".flash")).to_contain_text("Access revoked")
    expect(page.locator("tbody tr", has_text=client.name)).to_have_count(0)

    answer = read_record(site, account.orcid, token)
    assert answer.status_code == 401, answer.text


def test_redirect_uri_mismatch_shows_the_error_page_and_never_redirects(page: Any, site: Site) -> None:
    from playwright.sync_api import expect

    client = make_member_client(site)
    elsewhere = f"{site.url}/mailbox"  # same origin, outside the registered path /healthz
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))

    response = page.goto(authorize_path(client, elsewhere, state="x"))
    assert response is not None and response.status == 400
    assert page.url.startswith(f"{site.url}/oauth/authorize?")
    expect(page.get_by_role("alert")).to_contain_text("Redirect URI doesn't match")
    shoot(page, "authorize-error")
    page.wait_for_timeout(200)  # a meta refresh or script redirect would have started by now
    assert page.url.startswith(f"{site.url}/oauth/authorize?")
    assert not [url for url in requested if url.startswith(elsewhere)], requested


def test_implicit_flow_returns_the_token_in_the_fragment(page: Any, site: Site) -> None:
    account = make_researcher()
    client = make_member_client(site)
    consent_page(page, site, client, account, response_type="token", scope="/authenticate", state="i")
    page.get_by_role("button", name="Authorize access").click()

    page.wait_for_url(path_pattern(site, "/healthz"))
    assert "?" not in page.url.split("#", 1)[0]  # nothing in the query: the server never sees the token
    fragment = fragment_of(page.url)
    assert fragment["token_type"] == "bearer"
    assert fragment["orcid"] == account.orcid
    assert fragment["state"] == "i"
    assert 0 < int(fragment["expires_in"]) <= 600
    assert "code" not in fragment
    record = read_record(site, account.orcid, fragment["access_token"])
    assert record.status_code == 200, record.text
