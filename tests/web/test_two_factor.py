"""TOTP two-factor authentication: set-up with the shown secret, the second sign-in step, recovery codes,
the headless login.json and the id_token's ``amr``."""

from __future__ import annotations

import base64
import json
import re
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pyotp
import pytest
from django.test import Client

from orchid.oauth.services import create_client
from orchid.records.models import Researcher
from orchid.web import two_factor
from orchid.web.models import RecoveryCode, TwoFactor
from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.django_db

CALLBACK = "https://member.example.org/callback"
EMAIL = "josiah@example.org"


class Clock:
    """The time `orchid.web.two_factor` sees; each TOTP code is accepted once, so tests move it on."""

    def __init__(self) -> None:
        self.now = 1_750_000_000.0

    def tick(self) -> float:
        self.now += two_factor.STEP_SECONDS
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    moment = Clock()
    monkeypatch.setattr(two_factor, "_timestamp", lambda: moment.now)
    return moment


def code_at(secret: str, clock: Clock) -> str:
    return str(pyotp.TOTP(secret).at(clock.now))


def enable(client: Client, clock: Clock) -> tuple[str, list[str]]:
    """Turn 2FA on through the page; returns the secret it showed and the recovery codes."""
    page = client.get("/account/two-factor")
    assert page.status_code == 200
    html = page.content.decode()
    secret = re.search(r'data-secret="([A-Z2-7]+)"', html)
    assert secret, html
    assert 'src="data:image/svg+xml' in html  # the QR code, inline
    assert "otpauth://totp/" in html
    wrong = client.post("/account/two-factor", {"code": "000000"})
    assert wrong.status_code == 400 and b"does not match" in wrong.content
    done = client.post("/account/two-factor", {"code": code_at(secret.group(1), clock)})
    assert done.status_code == 200, done.content
    codes = re.findall(r"<li><code>([a-z0-9]{5}-[a-z0-9]{5})</code></li>", done.content.decode())
    assert len(codes) == 10 and len(set(codes)) == 10
    clock.tick()
    return secret.group(1), codes


def sign_in_password(client: Client, username: str = EMAIL, next_url: str = "/my-orcid") -> Any:
    return client.post("/signin", {"username": username, "password": PASSWORD, "next": next_url})


def test_enable_stores_the_secret_encrypted_and_the_recovery_codes_hashed(
    signed_in: Client, researcher: Researcher, clock: Clock
) -> None:
    secret, codes = enable(signed_in, clock)
    row = TwoFactor.objects.get(user=researcher.user)
    assert row.enabled_at is not None
    assert secret not in row.secret and two_factor.secret_of(row) == secret
    hashes = list(RecoveryCode.objects.filter(two_factor=row).values_list("code_hash", flat=True))
    assert len(hashes) == 10
    assert not any(code.replace("-", "") in value or code in value for code in codes for value in hashes)
    page = signed_in.get("/account/two-factor").content.decode()
    assert "Two-factor authentication is on" in page and "<strong>10</strong>" in page
    assert b"Manage two-factor" in signed_in.get("/account").content


def test_sign_in_needs_the_second_step(signed_in: Client, clock: Clock) -> None:
    secret, _codes = enable(signed_in, clock)
    signed_in.post("/signout")

    first = sign_in_password(signed_in)
    assert first.status_code == 302 and first["Location"] == "/signin/two-factor"
    # The password alone does not sign the session in.
    assert signed_in.get("/my-orcid")["Location"].startswith("/signin")
    assert signed_in.get("/signin/two-factor").status_code == 200

    wrong = signed_in.post("/signin/two-factor", {"code": "123456"})
    assert wrong.status_code == 400 and b"not correct" in wrong.content
    right = signed_in.post("/signin/two-factor", {"code": code_at(secret, clock)})
    assert right.status_code == 302 and right["Location"] == "/my-orcid"
    assert signed_in.session[two_factor.MFA_SESSION_KEY] is True
    assert signed_in.get("/my-orcid").status_code == 200

    # The same code cannot be used twice.
    signed_in.post("/signout")
    sign_in_password(signed_in)
    replay = signed_in.post("/signin/two-factor", {"code": code_at(secret, clock)})
    assert replay.status_code == 400


def test_without_the_password_step_there_is_no_second_step(client: Client) -> None:
    assert client.get("/signin/two-factor")["Location"] == "/signin"


def test_a_recovery_code_works_once(signed_in: Client, clock: Clock) -> None:
    _secret, codes = enable(signed_in, clock)
    signed_in.post("/signout")
    sign_in_password(signed_in)
    used = signed_in.post("/signin/two-factor", {"recovery_code": codes[0].upper().replace("-", " ")})
    assert used.status_code == 302
    assert signed_in.session[two_factor.MFA_SESSION_KEY] is True
    signed_in.post("/signout")
    sign_in_password(signed_in)
    again = signed_in.post("/signin/two-factor", {"recovery_code": codes[0]})
    assert again.status_code == 400 and b"was used" in again.content
    other = signed_in.post("/signin/two-factor", {"recovery_code": codes[1]})
    assert other.status_code == 302
    assert b"<strong>8</strong>" in signed_in.get("/account/two-factor").content


def test_wrong_codes_are_throttled(signed_in: Client, clock: Clock, settings: Any) -> None:
    settings.ORCHID_SIGNIN_MAX_FAILURES = 3
    secret, _codes = enable(signed_in, clock)
    signed_in.post("/signout")
    sign_in_password(signed_in)
    for _ in range(3):
        assert signed_in.post("/signin/two-factor", {"code": "111111"}).status_code == 400
    blocked = signed_in.post("/signin/two-factor", {"code": code_at(secret, clock)})
    assert blocked.status_code == 400 and b"Too many wrong codes" in blocked.content


def test_regenerate_and_disable(signed_in: Client, researcher: Researcher, clock: Clock) -> None:
    secret, old_codes = enable(signed_in, clock)
    regenerated = signed_in.post("/account/two-factor/recovery-codes", {"code": code_at(secret, clock)})
    assert regenerated.status_code == 200
    new_codes = re.findall(r"<li><code>([a-z0-9-]{11})</code></li>", regenerated.content.decode())
    assert len(new_codes) == 10 and not set(new_codes) & set(old_codes)
    clock.tick()

    no_password = signed_in.post(
        "/account/two-factor/disable", {"password": "wrong", "code": code_at(secret, clock)}
    )
    assert no_password.status_code == 400 and b"password is not correct" in no_password.content
    no_code = signed_in.post("/account/two-factor/disable", {"password": PASSWORD, "code": "000000"})
    assert no_code.status_code == 400
    old = signed_in.post("/account/two-factor/disable", {"password": PASSWORD, "recovery_code": old_codes[0]})
    assert old.status_code == 400
    off = signed_in.post(
        "/account/two-factor/disable", {"password": PASSWORD, "code": code_at(secret, clock)}
    )
    assert off.status_code == 302
    assert not two_factor.is_enabled(researcher.user)
    signed_in.post("/signout")
    assert sign_in_password(signed_in)["Location"] == "/my-orcid"
    assert signed_in.session[two_factor.MFA_SESSION_KEY] is False


# --- OAuth: the headless login.json and the id_token's amr --------------------------------------------


def _payload(id_token: str) -> dict[str, Any]:
    segment = id_token.split(".")[1]
    decoded: dict[str, Any] = json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))
    return decoded


def _authorize_url(client_id: str, **params: str) -> str:
    query = {
        "client_id": client_id,
        "response_type": "code",
        "scope": "openid",
        "redirect_uri": CALLBACK,
        **params,
    }
    return "/oauth/authorize?" + urlencode(query)


def _code_of(url: str) -> str:
    return parse_qs(urlsplit(url).query)["code"][0]


def _exchange(client_id: str, secret: str, code: str) -> dict[str, Any]:
    answer = Client().post(
        "/oauth/token",
        {"client_id": client_id, "client_secret": secret, "grant_type": "authorization_code", "code": code},
    )
    assert answer.status_code == 200, answer.content
    body: dict[str, Any] = answer.json()
    return body


def test_login_json_asks_for_and_checks_the_verification_code(
    signed_in: Client, researcher: Researcher, clock: Clock
) -> None:
    secret, codes = enable(signed_in, clock)
    member, member_secret = create_client("Member Org", "member", [CALLBACK])
    http = Client(enforce_csrf_checks=True)
    assert http.get(_authorize_url(member.client_id, state="s")).status_code == 302
    http.get("/oauth/authorize?client_id=" + member.client_id)  # an error page sets the CSRF cookie
    headers = {"X-CSRF-TOKEN": http.cookies["csrftoken"].value}
    body = {"userName": EMAIL, "password": PASSWORD, "approved": True, "persistentTokenEnabled": True}

    def post(**extra: Any) -> Any:
        return http.post(
            "/oauth/custom/login.json",
            json.dumps({**body, **extra}),
            content_type="application/json",
            headers=headers,
        )

    needed = post()
    assert needed.status_code == 200
    assert needed.json() == {"success": False, "verificationCodeRequired": True, "errors": []}
    wrong = post(verificationCode="000000")
    assert wrong.status_code == 401 and wrong.json()["verificationCodeRequired"] is True
    answer = post(verificationCode=code_at(secret, clock))
    assert answer.status_code == 200, answer.content
    url = answer.json()["redirectUrl"]
    assert url.startswith(CALLBACK + "?code=")
    token = _exchange(member.client_id, member_secret, _code_of(url))
    assert token["orcid"] == researcher.orcid
    assert _payload(token["id_token"])["amr"] == "mfa"

    # A recovery code works too, once.
    again = Client()
    again.get(_authorize_url(member.client_id))
    recovered = again.post(
        "/oauth/custom/login.json",
        json.dumps({**body, "recoveryCode": codes[3]}),
        content_type="application/json",
    )
    assert recovered.status_code == 200 and "code=" in recovered.json()["redirectUrl"]


def test_id_token_amr_is_mfa_after_a_two_factor_sign_in_and_pwd_otherwise(
    signed_in: Client, researcher: Researcher, clock: Clock
) -> None:
    member, member_secret = create_client("Member Org", "member", [CALLBACK])

    def id_token_claims(browser: Client) -> dict[str, Any]:
        page = browser.get(_authorize_url(member.client_id, prompt="confirm"))
        assert page.status_code == 200, page.content
        request_id = re.search(r'name="request_id" value="([^"]+)"', page.content.decode())
        assert request_id
        answer = browser.post("/oauth/authorize", {"request_id": request_id.group(1), "action": "authorize"})
        token = _exchange(member.client_id, member_secret, _code_of(answer["Location"]))
        return _payload(token["id_token"])

    signed_in.post("/signout")
    sign_in_password(signed_in)
    assert id_token_claims(signed_in)["amr"] == "pwd"

    secret, _codes = enable(signed_in, clock)
    signed_in.post("/signout")
    sign_in_password(signed_in, next_url="/account")
    signed_in.post("/signin/two-factor", {"code": code_at(secret, clock)})
    assert id_token_claims(signed_in)["amr"] == "mfa"
