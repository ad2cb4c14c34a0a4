"""Rate limits over real HTTP against a live server (a thread per connection), requests in parallel."""

from __future__ import annotations

from typing import Any

import pytest

from orchid.ratelimit.middleware import DAILY_QUOTA_MESSAGE

from .conftest import Http, statuses

STATUS = "/v3.0/status"

pytestmark = pytest.mark.django_db(transaction=True)


def ip(address: str) -> dict[str, str]:
    return {"X-Forwarded-For": address}


def member_token() -> str:
    from orchid.oauth import services as oauth

    client, _ = oauth.create_client("Member system", "member", ["https://member.example.org/cb"])
    token = oauth.grant_token(client, scopes=["/read-public"])
    assert token.plain_token
    return token.plain_token


def test_sixty_at_once_about_forty_served_some_delayed_the_rest_503(http_live: Http) -> None:
    answers = http_live.at_once(60, STATUS, ip("198.51.100.1"))
    counts = statuses(answers)
    assert set(counts) <= {200, 503}, counts
    assert 35 <= counts.get(200, 0) <= 47, counts  # nginx: 1 + burst 40, plus what leaks meanwhile
    served = sorted(answer.seconds for answer in answers if answer.status == 200)
    refused = [answer for answer in answers if answer.status == 503]
    # The last waited for its slot, about 40 / 24 s, much longer than the first (served at once).
    assert served[-1] > 1.2 and served[-1] - served[0] > 1.0, (served[0], served[-1])
    # Beyond the burst: 503 without waiting for a slot.
    refused_seconds = sorted(answer.seconds for answer in refused)
    assert refused_seconds[len(refused_seconds) // 2] < 0.6 and refused_seconds[-1] < served[-1]
    assert b"503 Service Temporarily Unavailable" in refused[0].body


def test_a_steady_twenty_per_second_is_all_served(http_live: Http) -> None:
    answers = http_live.steady(20, 2.0, STATUS, ip("198.51.100.2"))
    assert statuses(answers) == {200: 40}


def test_keys_are_independent(http_live: Http, settings: Any) -> None:
    settings.ORCHID_RATE_LIMIT_RATE = 10.0  # short waits, and a margin for a loaded machine
    settings.ORCHID_RATE_LIMIT_BURST = 5
    token = member_token()
    exhausted = statuses(http_live.at_once(20, STATUS, ip("198.51.100.3")))
    assert exhausted.get(503, 0) >= 6, exhausted  # 1 + 5 served, plus what leaks meanwhile
    # Another address, and a client calling from the exhausted address, each have their own bucket.
    assert statuses(http_live.at_once(5, STATUS, ip("198.51.100.4"))) == {200: 5}
    with_token = {**ip("198.51.100.3"), "Authorization": f"Bearer {token}"}
    assert statuses(http_live.at_once(5, STATUS, with_token)) == {200: 5}


def test_the_client_is_the_key_whatever_the_address(http_live: Http, settings: Any) -> None:
    settings.ORCHID_RATE_LIMIT_RATE = 10.0
    settings.ORCHID_RATE_LIMIT_BURST = 5
    token = member_token()
    headers = [{**ip(f"198.51.100.{i}"), "Authorization": f"Bearer {token}"} for i in range(100, 120)]
    counts = statuses(http_live.at_once(20, STATUS, headers))  # twenty addresses, one client
    assert counts.get(503, 0) >= 6, counts  # 1 + burst 5 (+ what leaks meanwhile) served


def test_anonymous_daily_quota_gives_orcids_429(http_live: Http, settings: Any) -> None:
    settings.ORCHID_RATE_LIMIT_DAILY_QUOTA = 5
    answers = [http_live.get(STATUS, ip("198.51.100.5")) for _ in range(7)]
    assert [answer.status for answer in answers] == [200] * 5 + [429] * 2
    assert answers[-1].body.decode("utf-8") == DAILY_QUOTA_MESSAGE
    assert DAILY_QUOTA_MESSAGE.startswith(
        "Too Many Requests. You have exceeded the daily quota for anonymous usage of this API. \nYou can"
    )
    # Client credentials lift the quota (ORCID's advice in that very message); other addresses keep theirs.
    token_headers = {**ip("198.51.100.5"), "Authorization": f"Bearer {member_token()}"}
    assert http_live.get(STATUS, token_headers).status == 200
    assert http_live.get(STATUS, ip("198.51.100.6")).status == 200


def test_the_ui_is_not_limited_but_the_token_endpoint_is(http_live: Http, settings: Any) -> None:
    settings.ORCHID_RATE_LIMIT_RATE = 1.0
    settings.ORCHID_RATE_LIMIT_BURST = 0
    settings.ORCHID_RATE_LIMIT_DAILY_QUOTA = 1
    assert {http_live.get("/", ip("198.51.100.7")).status for _ in range(3)} == {200}
    assert {http_live.get("/healthz", ip("198.51.100.7")).status for _ in range(3)} == {200}
    token = [http_live.get("/oauth/token", ip("198.51.100.8"), method="POST").status for _ in range(2)]
    assert token[0] != 503 and token[1] == 503
    api = [http_live.get(STATUS, ip("198.51.100.9")).status for _ in range(2)]
    assert api == [200, 503]


def test_switched_off_nothing_is_limited(http_live: Http, settings: Any) -> None:
    settings.ORCHID_RATE_LIMIT = False
    assert statuses(http_live.at_once(50, STATUS, ip("198.51.100.10"))) == {200: 50}
