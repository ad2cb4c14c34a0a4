"""Third-party OAuth and OpenID Connect clients against a live Orchid (pytest-django's live server).

requests-oauthlib (code flow, HTTP Basic client auth, refresh), Authlib (discovery, id_token verified
against the JWKS with a nonce, UserInfo, revoke) and python-orcid 1.0.3 (``get_token`` and
``get_user_orcid``, which sign in through ``/oauth/custom/login.json``). Where a browser would sign in on
the Registry UI's page, the browser's session is made with Django's ``force_login``.
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import orcid  # python-orcid 1.0.3
import pytest
import requests
from django.test import Client as HttpClient
from pytest_django.live_server_helper import LiveServer
from requests.adapters import HTTPAdapter

CALLBACK = "https://cris.example.org/cb"
EMAIL = "josiah.carberry@example.org"
PASSWORD = "psychoceramics"


@pytest.fixture(scope="session")
def live_server(request: pytest.FixtureRequest) -> Iterator[LiveServer]:
    server = LiveServer(os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS") or "127.0.0.1")
    yield server
    server.stop()


@dataclass(frozen=True)
class Live:
    url: str
    orcid: str
    client_id: str
    secret: str
    browser: requests.Session  # a signed-in researcher's browser


@pytest.fixture
def live(live_server: LiveServer, transactional_db: None, monkeypatch: pytest.MonkeyPatch) -> Live:
    from django.conf import settings
    from django.db import connection

    from orchid.oauth.services import create_client
    from orchid.records.researchers import create_researcher

    monkeypatch.setitem(connection.settings_dict, "CONN_MAX_AGE", 0)  # see tests/clients/conftest.py
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")  # the live server speaks plain http
    researcher = create_researcher(
        given_names="Josiah",
        family_name="Carberry",
        credit_name="J. S. Carberry",
        email=EMAIL,
        password=PASSWORD,
    )
    client, secret = create_client("Brown University CRIS", "member", [CALLBACK])
    signed_in = HttpClient()
    assert researcher.user is not None
    signed_in.force_login(researcher.user)
    browser = requests.Session()
    browser.cookies.set(settings.SESSION_COOKIE_NAME, signed_in.cookies[settings.SESSION_COOKIE_NAME].value)
    return Live(live_server.url, researcher.orcid, client.client_id, secret, browser)


def consent(browser: requests.Session, authorize_url: str) -> str:
    """The researcher approves on the consent page: the Location the browser is sent to."""
    page = browser.get(authorize_url, allow_redirects=False)
    assert page.status_code == 200, page.text
    request_id = re.search(r'name="request_id" value="([^"]+)"', page.text)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    assert request_id and token
    form = {"csrfmiddlewaretoken": token.group(1), "request_id": request_id.group(1), "action": "authorize"}
    answer = browser.post(page.url.split("?")[0], data=form, allow_redirects=False)
    assert answer.status_code == 302, answer.text
    return str(answer.headers["Location"])


def test_requests_oauthlib_code_flow_with_basic_auth_and_refresh(live: Live) -> None:
    from requests.auth import HTTPBasicAuth
    from requests_oauthlib import OAuth2Session

    session = OAuth2Session(live.client_id, redirect_uri=CALLBACK, scope=["/read-limited"])
    url, state = session.authorization_url(f"{live.url}/oauth/authorize")
    location = consent(live.browser, url)
    basic = HTTPBasicAuth(live.client_id, live.secret)
    token = session.fetch_token(
        f"{live.url}/oauth/token", authorization_response=location, auth=basic, include_client_id=False
    )
    assert token["orcid"] == live.orcid and token["name"] == "J. S. Carberry"
    record = session.get(f"{live.url}/v3.0/{live.orcid}/record", headers={"Accept": "application/json"})
    assert record.status_code == 200, record.text
    refreshed = session.refresh_token(f"{live.url}/oauth/token", auth=basic)
    assert refreshed["access_token"] != token["access_token"]
    assert session.get(f"{live.url}/v3.0/{live.orcid}/record").status_code == 200


def test_authlib_openid_connect_client(live: Live) -> None:
    from authlib.integrations.requests_client import OAuth2Session
    from authlib.jose import JsonWebKey, jwt
    from authlib.oidc.core import CodeIDToken

    class OrcidCodeIDToken(CodeIDToken):  # type: ignore[misc]
        def validate_amr(self) -> None:
            # ORCID sends "amr" as one string ("pwd" / "mfa", spec §4), where OIDC Core has an array.
            assert self["amr"] == "pwd"

    metadata = requests.get(f"{live.url}/.well-known/openid-configuration", timeout=10).json()
    assert metadata["issuer"] == live.url
    client = OAuth2Session(
        live.client_id,
        live.secret,
        scope="openid",
        redirect_uri=CALLBACK,
        token_endpoint_auth_method="client_secret_post",
    )
    nonce = secrets.token_urlsafe(8)
    url, state = client.create_authorization_url(metadata["authorization_endpoint"], nonce=nonce)
    location = consent(live.browser, url)
    token = client.fetch_token(metadata["token_endpoint"], authorization_response=location, state=state)

    key_set = JsonWebKey.import_key_set(requests.get(metadata["jwks_uri"], timeout=10).json())
    claims: Any = jwt.decode(
        token["id_token"],
        key_set,
        claims_cls=OrcidCodeIDToken,
        claims_options={"iss": {"values": [metadata["issuer"]]}},
        claims_params={"nonce": nonce, "client_id": live.client_id, "access_token": token["access_token"]},
    )
    claims.validate()
    assert claims["sub"] == live.orcid and claims["amr"] == "pwd"

    info = client.get(metadata["userinfo_endpoint"]).json()
    assert info["sub"] == live.orcid and info["given_name"] == "Josiah"
    assert client.revoke_token(f"{live.url}/oauth/revoke", token=token["access_token"]).status_code == 200
    assert client.get(metadata["userinfo_endpoint"]).status_code == 403


# --- python-orcid 1.0.3 ---------------------------------------------------------------------------


class _TlsTerminatingProxy(HTTPAdapter):
    """``https://<live server>`` served over the live server's plain http, as a TLS-terminating proxy
    would (``X-Forwarded-Proto: https``): python-orcid builds some of its URLs with ``https://`` itself."""

    def __init__(self, https_origin: str, http_origin: str) -> None:
        super().__init__()
        self.https_origin, self.http_origin = https_origin, http_origin

    def send(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        original = request.url
        request.url = self.http_origin + original[len(self.https_origin) :]
        request.headers["X-Forwarded-Proto"] = "https"
        response = super().send(request, *args, **kwargs)
        response.url = original
        return response


@pytest.fixture
def member_api(live: Live, monkeypatch: pytest.MonkeyPatch, settings: Any) -> orcid.MemberAPI:
    host = live.url.split("://", 1)[1]
    https_origin = f"https://{host}"
    proxy = _TlsTerminatingProxy(https_origin, live.url)
    original_get_adapter = requests.Session.get_adapter

    def get_adapter(self: requests.Session, url: str) -> Any:
        return proxy if url.startswith(https_origin) else original_get_adapter(self, url)

    monkeypatch.setattr(requests.Session, "get_adapter", get_adapter)
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # python-orcid reads ORCID's `_csrf` meta from the sign-in page a signed-out authorize lands on.
    assert 'name="_csrf"' in HttpClient().get(settings.LOGIN_URL).content.decode()
    api = orcid.MemberAPI(live.client_id, live.secret, sandbox=True, timeout=10)
    api._host = host
    api._endpoint = https_origin
    api._token_url = f"{https_origin}/oauth/token"
    api._login_or_register_endpoint = f"{https_origin}/oauth/authorize"
    api._login_url = f"{https_origin}/oauth/custom/login.json"
    return api


def test_python_orcid_get_token_and_get_user_orcid(live: Live, member_api: orcid.MemberAPI) -> None:
    from orchid.oauth.authentication import authenticate
    from orchid.records.viewer import Api

    token = member_api.get_token(EMAIL, PASSWORD, CALLBACK, scope="/read-limited")
    viewer = authenticate(token, Api.MEMBER)
    assert viewer.orcid == live.orcid and "/read-limited" in viewer.scopes
    assert member_api.get_user_orcid(EMAIL, PASSWORD, CALLBACK) == live.orcid
