"""Registration, e-mail verification, sign-in (throttled, no open redirects), password reset, sign-out."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from orchid.records.models import Email, Researcher
from orchid.web.models import SentMail
from tests.web.conftest import PASSWORD, mailbox_link

pytestmark = pytest.mark.django_db

NEW = {
    "given_names": "Ada",
    "family_name": "Lovelace",
    "email": "ada@example.org",
    "password": "analytical-engine-1843",
    "password_confirm": "analytical-engine-1843",
}


def test_register_verify_sign_in_and_see_the_record(client: Client) -> None:
    assert client.get("/register").status_code == 200
    registered = client.post("/register", NEW)
    assert registered.status_code == 302 and registered["Location"] == "/my-orcid"
    researcher = Researcher.objects.get(user__email="ada@example.org")
    assert researcher.creation_method == "Direct"
    assert not Email.objects.get(email="ada@example.org").verified
    # Registration signs in; the record page asks for verification.
    page = client.get("/my-orcid").content.decode()
    assert "Please verify your e-mail address" in page

    link = mailbox_link(client, "ada@example.org", "/verify-email/")
    verified = client.get(link)
    assert verified.status_code == 200 and b"is now verified" in verified.content
    assert Email.objects.get(email="ada@example.org").verified
    assert client.get("/verify-email/not-a-token").status_code == 400

    client.post("/signout")
    away = client.get("/my-orcid")
    assert away.status_code == 302 and away["Location"] == "/signin?next=/my-orcid"

    signed = client.post(
        "/signin", {"username": "ada@example.org", "password": NEW["password"], "next": "/my-orcid"}
    )
    assert signed.status_code == 302 and signed["Location"] == "/my-orcid"
    page = client.get("/my-orcid").content.decode()
    assert "Ada Lovelace" in page
    assert f"https://orcid.org/{researcher.orcid}" in page
    assert "Please verify" not in page


def test_register_refuses_a_taken_email_and_bad_passwords(client: Client, researcher: Researcher) -> None:
    taken = client.post("/register", {**NEW, "email": "JOSIAH@example.org"})
    assert taken.status_code == 400 and b"already used" in taken.content
    mismatch = client.post("/register", {**NEW, "password_confirm": "other-password-1"})
    assert mismatch.status_code == 400 and b"do not match" in mismatch.content
    short = client.post("/register", {**NEW, "password": "a1", "password_confirm": "a1"})
    assert short.status_code == 400 and b"at least 8" in short.content
    assert Researcher.objects.count() == 1


def test_show_login_false_opens_registration_with_prefill(client: Client) -> None:
    response = client.get(
        "/signin",
        {"show_login": "false", "given_names": "Grace", "family_names": "Hopper", "email": "g@example.org",
         "next": "/oauth/authorize?client_id=APP-1"},
    )  # fmt: skip
    assert response.status_code == 302 and response["Location"].startswith("/register?")
    page = client.get(response["Location"]).content.decode()
    assert 'value="Grace"' in page and 'value="Hopper"' in page and 'value="g@example.org"' in page
    assert 'name="next" value="/oauth/authorize?client_id=APP-1"' in page


def test_signin_prefills_orcid_and_accepts_an_id(client: Client, researcher: Researcher) -> None:
    page = client.get("/signin", {"orcid": researcher.orcid}).content.decode()
    assert f'value="{researcher.orcid}"' in page
    response = client.post(
        "/signin", {"username": f"https://orcid.org/{researcher.orcid}", "password": PASSWORD}
    )
    assert response.status_code == 302


def test_sign_in_rotates_the_session(client: Client, researcher: Researcher) -> None:
    client.get("/signin")
    client.session.save()
    before = client.session.session_key
    client.post("/signin", {"username": researcher.orcid, "password": PASSWORD})
    assert client.session.session_key != before
    assert client.session["_auth_user_id"] == str(researcher.user_id)


def test_failed_sign_ins_are_throttled_per_account_and_address(
    client: Client, researcher: Researcher
) -> None:
    page = client.get("/signin").content.decode()
    assert "after 5 failed attempts" in page
    for _ in range(5):
        failed = client.post("/signin", {"username": "josiah@example.org", "password": "wrong-password-1"})
        assert failed.status_code == 400
    assert b"Too many failed sign-ins" in failed.content
    refused = client.post("/signin", {"username": "josiah@example.org", "password": PASSWORD})
    assert refused.status_code == 400 and b"Too many failed sign-ins" in refused.content
    # Another address is not held back by them.
    other = Client(REMOTE_ADDR="192.0.2.7")
    assert other.post("/signin", {"username": "josiah@example.org", "password": PASSWORD}).status_code == 302


def test_the_throttle_is_shared_by_server_processes(client: Client, researcher: Researcher) -> None:
    from django.conf import settings
    from django.core.cache.backends.filebased import FileBasedCache

    from orchid.web.accounts import _throttle_key

    for _ in range(3):
        client.post("/signin", {"username": "josiah@example.org", "password": "wrong-password-1"})
    # Another server process (orchid serve --processes N) opens the same cache afresh: it sees the count.
    other_process = FileBasedCache(settings.CACHES["shared"]["LOCATION"], {})
    assert other_process.get(_throttle_key("josiah@example.org", "127.0.0.1")) == 3


def test_password_reset_through_the_mailbox(client: Client, researcher: Researcher) -> None:
    asked = client.post("/reset-password", {"email": "josiah@example.org"})
    assert asked.status_code == 200 and b"If that address belongs" in asked.content
    # Unknown addresses get the same answer and no mail.
    assert (
        b"If that address belongs" in client.post("/reset-password", {"email": "nobody@example.org"}).content
    )
    assert SentMail.objects.count() == 1

    link = mailbox_link(client, "josiah@example.org", "/reset-password/")
    assert client.get(link).status_code == 200
    changed = client.post(link, {"password": "new-secret-pw-9", "password_confirm": "new-secret-pw-9"})
    assert changed.status_code == 302 and changed["Location"] == "/signin"
    assert client.get(link).status_code == 400  # used once
    assert client.post("/signin", {"username": "josiah@example.org", "password": PASSWORD}).status_code == 400
    assert (
        client.post("/signin", {"username": "josiah@example.org", "password": "new-secret-pw-9"}).status_code
        == 302
    )


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/x",
        "/\\evil.example",
        "http://testserver.evil.example/",
        "javascript:alert(1)",
    ],
)
def test_next_never_redirects_off_site(client: Client, researcher: Researcher, target: str) -> None:
    page = client.get("/signin", {"next": target}).content.decode()
    assert 'name="next" value="/my-orcid"' in page
    response = client.post("/signin", {"username": researcher.orcid, "password": PASSWORD, "next": target})
    assert response.status_code == 302 and response["Location"] == "/my-orcid"


def test_next_keeps_local_paths(client: Client, researcher: Researcher) -> None:
    target = "/oauth/authorize?client_id=APP-X&scope=/authenticate"
    response = client.post("/signin", {"username": researcher.orcid, "password": PASSWORD, "next": target})
    assert response["Location"] == target


def test_csrf_is_required_on_forms(researcher: Researcher) -> None:
    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/signin", {"username": researcher.orcid, "password": PASSWORD}).status_code == 403
    page = strict.get("/signin")
    token = page.cookies["csrftoken"].value
    ok = strict.post(
        "/signin", {"username": researcher.orcid, "password": PASSWORD, "csrfmiddlewaretoken": token}
    )
    assert ok.status_code == 302
    assert strict.post("/signout").status_code == 403
    assert strict.post("/account/deactivate", {"confirm": "DEACTIVATE"}).status_code == 403


def test_signout_by_get_asks_first(signed_in: Client) -> None:
    page = signed_in.get("/signout")
    assert page.status_code == 200 and b"Sign out?" in page.content
    assert signed_in.get("/my-orcid").status_code == 200  # still signed in
    assert signed_in.post("/signout")["Location"] == "/signin"
    assert signed_in.get("/my-orcid").status_code == 302
    assert b"You are signed out" in signed_in.get("/signout").content


def test_security_headers(client: Client) -> None:
    response = client.get("/signin")
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy and "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "<script" not in response.content.decode() and "style=" not in response.content.decode()


def test_mailbox_exists_only_in_sandbox_mode(client: Client, settings: Any) -> None:
    assert client.get("/mailbox").status_code == 200
    settings.SANDBOX = False
    assert client.get("/mailbox").status_code == 404


def test_the_mailbox_is_listed_among_the_sandbox_leniencies(client: Client) -> None:
    page = client.get("/sandbox").content.decode()
    assert "Mailbox" in page and "/mailbox" in page
