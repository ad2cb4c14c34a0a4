"""GET/POST /oauth/authorize, the headless consent and the code exchange, over Django's test client.

A browser signs in on the Registry UI's sign-in page; here the researcher is signed in with
``force_login`` instead.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.test import Client as HttpClient

from orchid.oauth.authentication import InvalidToken, authenticate
from orchid.oauth.models import AccessToken
from orchid.oauth.services import create_client
from orchid.records.models import Researcher
from orchid.records.researchers import create_researcher
from orchid.records.viewer import Api

from .conftest import Registered

pytestmark = pytest.mark.django_db

CALLBACK = "https://member.example.org/callback"
EMAIL = "ada@example.org"
PASSWORD = "correct horse battery staple"
ORCID_KEYS = ["access_token", "token_type", "refresh_token", "expires_in", "scope", "name", "orcid"]


@pytest.fixture
def researcher(db: None) -> Researcher:
    return create_researcher(
        given_names="Ada", family_name="Lovelace", credit_name="A. Lovelace", email=EMAIL, password=PASSWORD
    )


@pytest.fixture
def browser(researcher: Researcher) -> HttpClient:
    http = HttpClient()
    assert researcher.user is not None
    http.force_login(researcher.user)
    return http


def authorize_url(client: Registered, **params: str) -> str:
    query = {"client_id": client.client_id, "response_type": "code", "scope": "/read-limited"}
    query["redirect_uri"] = CALLBACK
    query.update(params)
    return "/oauth/authorize?" + urlencode(query)


def request_id(page: Any) -> str:
    match = re.search(r'name="request_id" value="([^"]+)"', page.content.decode())
    assert match, page.content.decode()
    return match.group(1)


def approve(browser: HttpClient, client: Registered, action: str = "authorize", **params: str) -> str:
    page = browser.get(authorize_url(client, **params))
    assert page.status_code == 200, page.content
    answer = browser.post("/oauth/authorize", {"request_id": request_id(page), "action": action})
    assert answer.status_code == 302
    return str(answer["Location"])


def query_of(url: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def fragment_of(url: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).fragment).items()}


def exchange(client: Registered, code: str, **extra: str) -> Any:
    data = {
        "client_id": client.client_id,
        "client_secret": client.secret,
        "grant_type": "authorization_code",
        "code": code,
        **extra,
    }
    return HttpClient().post("/oauth/token", data)


def test_consent_page_names_the_client_and_each_scope_and_cannot_be_framed(
    browser: HttpClient, member: Registered
) -> None:
    page = browser.get(authorize_url(member, scope="/read-limited /activities/update"))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Member Org" in html
    assert "Read your information with visibility set to Trusted Organizations" in html
    assert "Add, update and delete the activities it added to your record" in html
    assert re.search(r'<meta name="_csrf" content="[^"]+">', html)
    assert 'value="authorize"' in html and 'value="deny"' in html
    assert page["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]


def test_code_flow_issues_a_six_character_code_and_orcid_s_token_response(
    browser: HttpClient, member: Registered, researcher: Researcher
) -> None:
    location = approve(browser, member, state="xyz 1")
    assert location.startswith(CALLBACK + "?")
    params = query_of(location)
    assert re.fullmatch(r"[0-9A-Za-z]{6}", params["code"])
    assert params["state"] == "xyz 1"

    response = exchange(member, params["code"], redirect_uri=CALLBACK)
    assert response.status_code == 200, response.content
    body = response.json()
    assert list(body) == ORCID_KEYS
    assert body["name"] == "A. Lovelace"
    assert body["orcid"] == researcher.orcid
    assert body["scope"] == "/read-limited"
    assert body["expires_in"] in (631138518, 631138519)
    viewer = authenticate(body["access_token"], Api.MEMBER)
    assert viewer.orcid == researcher.orcid


def test_non_persistent_clients_get_one_hour_tokens(browser: HttpClient, member: Registered) -> None:
    member.client.persistent_tokens = False
    member.client.save()
    code = query_of(approve(browser, member))["code"]
    assert exchange(member, code).json()["expires_in"] in (3599, 3600)


def test_reusing_a_code_fails_and_revokes_the_tokens_it_issued(
    browser: HttpClient, member: Registered
) -> None:
    code = query_of(approve(browser, member))["code"]
    first = exchange(member, code).json()
    again = exchange(member, code)
    assert again.status_code == 400
    assert again.json() == {
        "error": "invalid_grant",
        "error_description": f"Reused authorization code: {code}",
    }
    with pytest.raises(InvalidToken):
        authenticate(first["access_token"], Api.MEMBER)


def test_unknown_code_and_redirect_uri_mismatch_at_the_token_endpoint(
    browser: HttpClient, member: Registered
) -> None:
    unknown = exchange(member, "AbC123")
    assert unknown.json() == {
        "error": "invalid_grant",
        "error_description": "Invalid authorization code: AbC123",
    }
    code = query_of(approve(browser, member))["code"]
    mismatch = exchange(member, code, redirect_uri=CALLBACK + "/other")
    assert mismatch.status_code == 400
    assert mismatch.json()["error_description"] == "Redirect URI mismatch."


def test_deny_redirects_with_access_denied_and_the_state(browser: HttpClient, member: Registered) -> None:
    location = approve(browser, member, action="deny", state="s1")
    assert query_of(location) == {
        "error": "access_denied",
        "error_description": "User denied access",
        "state": "s1",
    }


@pytest.mark.parametrize(
    "redirect_uri",
    [
        "https://evil.example.org/callback",
        "http://member.example.org/callback",
        "https://member.example.org:8443/callback",
        "https://member.example.org/other",
    ],
)
def test_redirect_uri_mismatch_shows_an_error_page_never_a_redirect(
    browser: HttpClient, member: Registered, redirect_uri: str
) -> None:
    for http in (browser, HttpClient()):
        page = http.get(authorize_url(member, redirect_uri=redirect_uri))
        assert page.status_code == 400
        assert "Location" not in page
        assert "Redirect URI doesn&#x27;t match your registered redirect URIs." in page.content.decode()


def test_a_longer_path_and_a_query_under_the_registered_uri_match(
    browser: HttpClient, member: Registered
) -> None:
    location = approve(browser, member, redirect_uri=CALLBACK + "/deeper?tenant=7")
    assert location.startswith(CALLBACK + "/deeper?tenant=7&code=")


def test_missing_parameters_and_unknown_clients_show_orcid_s_messages(member: Registered) -> None:
    page = HttpClient().get("/oauth/authorize?" + urlencode({"client_id": member.client_id}))
    assert page.status_code == 400 and "Please specify the desired scopes" in page.content.decode()
    page = HttpClient().get(authorize_url(member, client_id="APP-0000000000000000"))
    assert page.status_code == 400 and "Location" not in page


def test_scopes_a_public_client_may_not_hold_are_refused_with_a_redirect(
    browser: HttpClient, db: None
) -> None:
    public = Registered(*create_client("Public App", "public", [CALLBACK]))
    response = browser.get(authorize_url(public, scope="/read-limited", state="q"))
    assert response.status_code == 302
    assert query_of(response["Location"]) == {
        "error": "invalid_scope",
        "error_description": "Invalid scope: /read-limited",
        "state": "q",
    }
    assert browser.get(authorize_url(public, scope="/authenticate")).status_code == 200


def test_signed_out_researchers_go_to_the_sign_in_page_with_the_prefill(member: Registered) -> None:
    url = authorize_url(member, email="ada@example.org", given_names="Ada", show_login="true")
    response = HttpClient().get(url)
    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert target.path == "/signin"
    query = query_of(response["Location"])
    assert query["next"] == url
    assert (
        query["email"] == "ada@example.org"
        and query["given_names"] == "Ada"
        and query["show_login"] == "true"
    )


def test_prompt_none_without_a_session_answers_login_required(member: Registered) -> None:
    response = HttpClient().get(authorize_url(member, scope="openid", prompt="none", state="n"))
    assert response.status_code == 302
    assert query_of(response["Location"]) == {"error": "login_required", "state": "n"}


def test_prompt_login_and_an_old_sign_in_with_max_age_ask_to_sign_in_again(
    browser: HttpClient, member: Registered
) -> None:
    response = browser.get(authorize_url(member, scope="openid", prompt="login"))
    assert response.status_code == 302 and urlsplit(response["Location"]).path == "/signin"
    assert "prompt" not in parse_qs(urlsplit(query_of(response["Location"])["next"]).query)
    assert browser.get(authorize_url(member, scope="openid")).status_code == 302  # signed out now
    bad = HttpClient().get(authorize_url(member, scope="openid", max_age="soon"))
    assert query_of(bad["Location"])["error"] == "invalid_request"


def test_consent_is_skipped_when_an_identical_long_lived_token_exists(
    browser: HttpClient, member: Registered
) -> None:
    exchange(member, query_of(approve(browser, member))["code"])
    second = browser.get(authorize_url(member, state="again"))
    assert second.status_code == 302
    assert re.fullmatch(r"[0-9A-Za-z]{6}", query_of(second["Location"])["code"])
    assert browser.get(authorize_url(member, scope="/read-limited /activities/update")).status_code == 200
    assert browser.get(authorize_url(member, scope="openid", prompt="confirm")).status_code == 200
    confirm = browser.get(authorize_url(member, prompt="confirm", scope="/read-limited openid"))
    assert confirm.status_code == 200


def test_implicit_flow_returns_a_600_second_token_in_the_fragment(
    browser: HttpClient, member: Registered, researcher: Researcher
) -> None:
    location = approve(browser, member, response_type="token", scope="/authenticate", state="f")
    assert "?" not in location
    fragment = fragment_of(location)
    assert fragment["token_type"] == "bearer" and fragment["state"] == "f"
    assert fragment["expires_in"] == "600" and fragment["persistent"] == "false"
    assert "refresh_token" not in fragment and "id_token" not in fragment
    token = AccessToken.objects.get(orcid=researcher.orcid)
    assert 590 <= (token.expires - token.created).total_seconds() <= 601


def test_implicit_id_token_requires_a_nonce_and_carries_it(browser: HttpClient, member: Registered) -> None:
    no_nonce = browser.get(authorize_url(member, response_type="id_token token", scope="openid"))
    assert no_nonce.status_code == 302
    assert fragment_of(no_nonce["Location"]) == {
        "error": "invalid_request",
        "error_description": "Implicit id_token requests must have nonce",
    }
    location = approve(browser, member, response_type="id_token", scope="openid", nonce="n-0S6")
    fragment = fragment_of(location)
    assert fragment["access_token"] and fragment["id_token"].count(".") == 2
    payload = json.loads(_b64(fragment["id_token"].split(".")[1]))
    assert payload["nonce"] == "n-0S6" and payload["amr"] == "pwd"


def test_implicit_requests_may_only_ask_for_authenticate_and_openid(
    browser: HttpClient, member: Registered
) -> None:
    response = browser.get(authorize_url(member, response_type="token", scope="/read-limited"))
    assert fragment_of(response["Location"])["error"] == "invalid_scope"


def test_headless_consent_signs_in_and_returns_the_code_url(
    member: Registered, researcher: Researcher
) -> None:
    http = HttpClient(enforce_csrf_checks=True)
    assert http.get(authorize_url(member, state="h")).status_code == 302  # to the sign-in page
    http.get("/oauth/authorize?client_id=" + member.client_id)  # an error page sets the CSRF cookie
    csrf = http.cookies["csrftoken"].value
    body = {"userName": EMAIL, "password": PASSWORD, "approved": True, "persistentTokenEnabled": True}
    refused = http.post("/oauth/custom/login.json", json.dumps(body), content_type="application/json")
    assert refused.status_code == 403  # no X-CSRF-TOKEN
    wrong = http.post(
        "/oauth/custom/login.json",
        json.dumps({**body, "password": "nope"}),
        content_type="application/json",
        headers={"X-CSRF-TOKEN": csrf},
    )
    assert wrong.status_code == 401
    answer = http.post(
        "/oauth/custom/login.json",
        json.dumps(body),
        content_type="application/json",
        headers={"X-CSRF-TOKEN": csrf},
    )
    assert answer.status_code == 200, answer.content
    url = answer.json()["redirectUrl"]
    assert url.startswith(CALLBACK + "?code=") and query_of(url)["state"] == "h"
    assert exchange(member, query_of(url)["code"]).json()["orcid"] == researcher.orcid


def test_headless_consent_not_approved_returns_the_access_denied_url(
    member: Registered, researcher: Researcher
) -> None:
    http = HttpClient()
    http.get(authorize_url(member))
    body = {"userName": researcher.orcid, "password": PASSWORD, "approved": False}
    answer = http.post("/oauth/custom/login.json", json.dumps(body), content_type="application/json")
    assert query_of(answer.json()["redirectUrl"])["error"] == "access_denied"


def test_discovery_jwks_and_userinfo(browser: HttpClient, member: Registered, researcher: Researcher) -> None:
    discovery = HttpClient().get("/.well-known/openid-configuration", HTTP_HOST="sandbox.example.org")
    document = discovery.json()
    assert document["issuer"] == "http://sandbox.example.org"
    assert document["jwks_uri"] == "http://sandbox.example.org/oauth/jwks"
    keys = HttpClient().get("/oauth/jwks").json()["keys"]
    assert keys[0]["alg"] == "RS256" and keys[0]["use"] == "sig" and keys[0]["kid"]
    assert HttpClient().get("/oauth/jwks").json()["keys"] == keys  # kept, not regenerated

    code = query_of(approve(browser, member, scope="openid"))["code"]
    token = exchange(member, code).json()
    assert token["id_token"].count(".") == 2
    info = HttpClient().get("/oauth/userinfo", HTTP_AUTHORIZATION=f"Bearer {token['access_token']}")
    assert info.json()["sub"] == researcher.orcid and info.json()["name"] == "A. Lovelace"
    posted = HttpClient().post("/oauth/userinfo", {"access_token": token["access_token"]})
    assert posted.status_code == 200
    denied = HttpClient().get("/oauth/userinfo", HTTP_AUTHORIZATION="Bearer nope")
    assert denied.status_code == 403
    assert denied.json() == {"error": "access_denied", "error-description": "access_token is invalid"}


def _b64(segment: str) -> bytes:
    import base64

    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
