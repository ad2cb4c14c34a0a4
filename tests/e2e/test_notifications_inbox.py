"""The inbox in a browser: a member client asks for permission through the Member API, the researcher
signs in, sees the request with its authorization button and the client's change to the record, and the
button takes them through the registry's authorization back to the client."""

from __future__ import annotations

import json
import re
from typing import Any

from .conftest import (
    Site,
    authorize_path,
    make_member_client,
    make_researcher,
    path_pattern,
    query_of,
    shoot,
    sign_in,
)

NOTIFY_TOKEN = "e0000000-0000-4000-8000-000000000001"
UPDATE_TOKEN = "e0000000-0000-4000-8000-000000000002"
JSON = "application/vnd.orcid+json"


def test_inbox_shows_a_permission_request_with_its_authorization_link(page: Any, site: Site) -> None:
    from playwright.sync_api import expect

    from orchid.oauth.models import Client
    from orchid.oauth.services import grant_token

    account = make_researcher()
    member = make_member_client(site)
    client = Client.objects.get(client_id=member.client_id)
    grant_token(client, scopes=["/premium-notification"], value=NOTIFY_TOKEN)
    grant_token(client, orcid=account.orcid, scopes=["/activities/update"], value=UPDATE_TOKEN)
    authorize = authorize_path(member, site.callback, scope="/activities/update")

    def member_api(path: str, body: dict[str, Any], token: str) -> Any:
        return page.request.post(
            f"{site.url}/v3.0/{account.orcid}/{path}",
            data=json.dumps(body),
            headers={"Authorization": f"Bearer {token}", "Content-Type": JSON, "Accept": JSON},
        )

    work = {
        "title": {"title": {"value": "On the Analytical Engine"}},
        "type": "journal-article",
        "external-ids": {
            "external-id": [
                {
                    "external-id-type": "doi",
                    "external-id-value": "10.5555/engine",
                    "external-id-relationship": "self",
                }
            ]
        },
    }
    assert member_api("work", work, UPDATE_TOKEN).status == 201
    permission = {
        "notification-type": "permission",
        "authorization-url": {"path": authorize},
        "notification-subject": {"value": "Connect your ORCID iD with Brown University"},
        "notification-intro": {
            "value": "Brown would like to add your employment and publications to your record."
        },
        "items": {
            "item": [
                {"item-type": "employment", "item-name": "Professor of Mathematics, Brown University"},
                {"item-type": "work", "item-name": "Sketch of the Analytical Engine, translated"},
            ]
        },
    }
    created = member_api("notification-permission", permission, NOTIFY_TOKEN)
    assert created.status == 201, created.text()
    assert re.search(r"/notification-permission/\d+$", created.headers["location"])

    page.goto("/signin")
    sign_in(page, account.email, account.password)
    page.wait_for_url(path_pattern(site, "/my-orcid"))
    inbox_link = page.locator(".section-nav a[href='/inbox']")
    expect(inbox_link).to_contain_text("2")  # the unread count
    inbox_link.click()
    page.wait_for_url(path_pattern(site, "/inbox"))

    request = page.locator("li.card", has_text="Connect your ORCID iD with Brown University")
    expect(request).to_contain_text("Brown would like to add your employment and publications")
    expect(request).to_contain_text("Professor of Mathematics, Brown University")
    button = request.get_by_role("link", name=f"Grant permission to {member.name}")
    expect(button).to_have_attribute("href", authorize)
    amended = page.locator("li.card", has_text="On the Analytical Engine")
    expect(amended).to_contain_text(f"{member.name} changed 1 item on your record")
    shoot(page, "inbox")

    # The researcher already granted this scope to the client (its update token), so ORCID's authorize
    # answers at once: back to the client's redirect URI with an authorization code.
    button.click()
    page.wait_for_url(path_pattern(site, "/healthz"))
    assert query_of(page.url).get("code")
