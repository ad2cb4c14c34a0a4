"""``orchid client create`` and ``orchid token grant``, run as the installed command."""

from __future__ import annotations

import json
import re
import subprocess

RESEARCHER = "0000-0002-1825-0097"


def run(orchid_cmd: list[str], cli_env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*orchid_cmd, *args], env=cli_env, capture_output=True, text=True, timeout=180, check=False
    )


def test_client_create_and_token_grant(orchid_cmd: list[str], cli_env: dict[str, str]) -> None:
    migrated = run(orchid_cmd, cli_env, "migrate", "--no-input")
    assert migrated.returncode == 0, migrated.stderr

    created = run(
        orchid_cmd,
        cli_env,
        "client", "create", "--name", "CLI Member", "--type", "member",
        "--redirect-uri", "https://cli.example.org/callback", "--website", "https://cli.example.org",
    )  # fmt: skip
    assert created.returncode == 0, created.stderr
    client = json.loads(created.stdout)
    assert re.fullmatch(r"APP-[0-9A-Z]{16}", client["client_id"])
    assert client["client_secret"]

    given = run(
        orchid_cmd,
        cli_env,
        "client", "create", "--name", "Fixture", "--type", "premium",
        "--client-id", "APP-FIXTURE000000001", "--client-secret", "fixture-secret",
    )  # fmt: skip
    assert given.returncode == 0, given.stderr
    assert json.loads(given.stdout)["client_id"] == "APP-FIXTURE000000001"
    assert json.loads(given.stdout)["client_secret"] == "fixture-secret"

    granted = run(
        orchid_cmd,
        cli_env,
        "token", "grant", "--client", client["client_id"], "--orcid", RESEARCHER,
        "--scope", "/read-limited", "--scope", "/activities/update",
        "--value", "11111111-2222-4333-8444-555555555555",
    )  # fmt: skip
    assert granted.returncode == 0, granted.stderr
    token = json.loads(granted.stdout)
    assert list(token) == ["access_token", "refresh_token", "expires_in", "scope"]
    assert token["access_token"] == "11111111-2222-4333-8444-555555555555"
    assert token["scope"] == "/read-limited /activities/update"
    assert token["expires_in"] in {631138518, 631138519}

    expired = run(
        orchid_cmd, cli_env, "token", "grant", "--client", "APP-FIXTURE000000001", "--scope", "/webhook",
        "--state", "expired",
    )  # fmt: skip
    assert expired.returncode == 0, expired.stderr
    assert json.loads(expired.stdout)["expires_in"] == 0

    unknown = run(
        orchid_cmd, cli_env, "token", "grant", "--client", "APP-NOSUCHCLIENT0000", "--scope", "/read-public"
    )
    assert unknown.returncode == 1
    assert "no client" in unknown.stderr

    duplicate = run(
        orchid_cmd, cli_env, "client", "create", "--name", "Again", "--type", "member",
        "--client-id", "APP-FIXTURE000000001",
    )  # fmt: skip
    assert duplicate.returncode == 1
