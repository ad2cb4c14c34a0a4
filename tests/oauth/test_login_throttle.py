"""``/oauth/custom/login.json`` throttles failed sign-ins as the sign-in page does: per account and client
address, with the same counter (`orchid.web.accounts`)."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

import pytest
from django.test import Client as HttpClient

from orchid.records.models import Researcher
from orchid.records.researchers import create_researcher
from orchid.web import accounts

from .conftest import Registered

pytestmark = pytest.mark.django_db

CALLBACK = "https://member.example.org/callback"
EMAIL = "ada@example.org"
PASSWORD = "correct horse battery staple"
MAX_FAILURES = 3


@pytest.fixture(autouse=True)
def few_failures(settings: Any) -> None:
    settings.ORCHID_SIGNIN_MAX_FAILURES = MAX_FAILURES


@pytest.fixture
def researcher(db: None) -> Researcher:
    return create_researcher(given_names="Ada", family_name="Lovelace", email=EMAIL, password=PASSWORD)


def waiting(member: Registered, address: str = "203.0.113.7") -> HttpClient:
    """A client whose session holds an authorization request, as python-orcid's get_token makes it."""
    http = HttpClient(REMOTE_ADDR=address)
    query = {"client_id": member.client_id, "response_type": "code", "scope": "/authenticate"}
    assert http.get("/oauth/authorize?" + urlencode({**query, "redirect_uri": CALLBACK})).status_code == 302
    return http


def login(http: HttpClient, user_name: str = EMAIL, password: str = PASSWORD) -> Any:
    body = {"userName": user_name, "password": password, "approved": True, "persistentTokenEnabled": True}
    return http.post("/oauth/custom/login.json", json.dumps(body), content_type="application/json")


def assert_throttled(response: Any) -> None:
    assert response.status_code == 429, response.content
    body = response.json()
    assert body["success"] is False
    assert "Too many failed sign-ins" in body["errors"][0]
    assert int(response["Retry-After"]) > 0


def test_login_json_refuses_after_n_wrong_passwords_even_the_right_one(
    member: Registered, researcher: Researcher
) -> None:
    http = waiting(member)
    for _ in range(MAX_FAILURES - 1):
        wrong = login(http, password="wrong password 1")
        assert wrong.status_code == 401
        assert wrong.json() == {"success": False, "errors": ["Invalid user name or password."]}

    assert_throttled(login(http, password="wrong password 1"))  # the Nth failure
    assert_throttled(login(http))  # the right password no longer helps


def test_the_throttle_is_per_account_and_address(member: Registered, researcher: Researcher) -> None:
    http = waiting(member)
    for _ in range(MAX_FAILURES):
        login(http, password="wrong password 1")
    assert_throttled(login(http))

    # The same account from another address, and the account under another name it signs in with
    # (a separate counter, as on the sign-in page), are not refused.
    assert login(waiting(member, address="198.51.100.9")).status_code == 200
    assert login(waiting(member), user_name=researcher.orcid).status_code == 200


def test_failures_on_the_sign_in_page_count_for_login_json(
    member: Registered, researcher: Researcher
) -> None:
    address = "203.0.113.7"
    for _ in range(MAX_FAILURES):
        accounts.record_failure(EMAIL, address)  # what /signin records for each wrong password

    assert_throttled(login(waiting(member, address=address)))


def test_unknown_accounts_are_throttled_alike(member: Registered, researcher: Researcher) -> None:
    http = waiting(member)
    for _ in range(MAX_FAILURES - 1):
        assert login(http, user_name="nobody@example.org").status_code == 401
    assert_throttled(login(http, user_name="nobody@example.org"))


def test_a_successful_sign_in_below_the_limit_answers_the_code_url(
    member: Registered, researcher: Researcher
) -> None:
    http = waiting(member)
    for _ in range(MAX_FAILURES - 1):
        login(http, password="wrong password 1")

    answer = login(http)

    assert answer.status_code == 200, answer.content
    assert answer.json()["redirectUrl"].startswith(CALLBACK + "?code=")
