"""The Django project, its databases and the ``orchid`` command."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client

import orchid
from orchid import config

# --- configuration (plain functions: no Django, no database) -------------------------------------------


def test_default_database_is_wal_sqlite_in_var_dir(tmp_path: Path) -> None:
    db = config.database_config({}, tmp_path)
    assert db["ENGINE"] == "orchid.core.sqlite"
    assert db["NAME"] == str(tmp_path / "orchid.sqlite3")
    assert "journal_mode=WAL" in db["OPTIONS"]["init_command"]
    assert "synchronous=NORMAL" in db["OPTIONS"]["init_command"]
    assert db["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert db["OPTIONS"]["timeout"] > 0


def test_database_url_selects_postgres(tmp_path: Path) -> None:
    db = config.database_config({"DATABASE_URL": "postgres://ann:pw@db.example:6543/reg"}, tmp_path)
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["USER"], db["PASSWORD"], db["HOST"], db["PORT"], db["NAME"]) == (
        "ann",
        "pw",
        "db.example",
        6543,
        "reg",
    )
    assert "init_command" not in db["OPTIONS"]
    # parameters bound on the server, statements prepared once a connection has run them 5 times
    assert db["OPTIONS"]["server_side_binding"] is True and db["OPTIONS"]["prepare_threshold"] == 5


def test_sqlite_database_url_still_gets_wal(tmp_path: Path) -> None:
    db = config.database_config({"DATABASE_URL": f"sqlite:///{tmp_path}/x.db"}, tmp_path)
    assert db["NAME"] == f"{tmp_path}/x.db"
    assert db["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_var_dir_from_env(tmp_path: Path) -> None:
    assert config.var_dir({"ORCHID_VAR_DIR": str(tmp_path)}) == tmp_path
    assert config.var_dir({}) == config.PROJECT_DIR / "var"


@pytest.mark.parametrize(("raw", "expected"), [("1", True), ("Yes", True), ("off", False), ("0", False)])
def test_env_bool(raw: str, expected: bool) -> None:
    assert config.env_bool({"X": raw}, "X", not expected) is expected


def test_env_bool_rejects_garbage() -> None:
    with pytest.raises(ValueError, match="ORCHID_SANDBOX"):
        config.env_bool({"ORCHID_SANDBOX": "maybe"}, "ORCHID_SANDBOX", True)


def test_settings_loaded_for_tests() -> None:
    assert settings.SANDBOX is config.env_bool(os.environ, "ORCHID_SANDBOX", True)
    assert Path(settings.VAR_DIR) == Path(os.environ["ORCHID_VAR_DIR"])
    assert not str(settings.VAR_DIR).startswith(str(config.PROJECT_DIR)), "tests must not use var/"


def test_production_requires_secret_key(orchid_cmd: list[str], cli_env: dict[str, str]) -> None:
    cli_env.update(ORCHID_DEBUG="0", ORCHID_SANDBOX="0")
    cli_env.pop("ORCHID_SECRET_KEY", None)
    result = subprocess.run(
        [*orchid_cmd, "manage", "check"], env=cli_env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0
    assert "ORCHID_SECRET_KEY must be set" in result.stderr

    cli_env["ORCHID_SECRET_KEY"] = "x" * 60
    result = subprocess.run(
        [*orchid_cmd, "manage", "check"], env=cli_env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("database_url", "renderings_env", "expected"),
    [
        ("", None, "None"),  # SQLite reads the body in its lookup query, in-process
        ("postgres://u@db.example/reg", None, "{var}/renderings"),
        ("", "{tmp}/elsewhere", "{tmp}/elsewhere"),
        ("postgres://u@db.example/reg", "", "None"),
    ],
)
def test_renderings_dir_defaults_to_files_on_postgresql_only(
    cli_env: dict[str, str], tmp_path: Path, database_url: str, renderings_env: str | None, expected: str
) -> None:
    if database_url:
        cli_env["DATABASE_URL"] = database_url  # settings only load: nothing connects
    if renderings_env is not None:
        cli_env["ORCHID_RENDERINGS_DIR"] = renderings_env.format(tmp=tmp_path)
    cli_env["DJANGO_SETTINGS_MODULE"] = "orchid.settings"
    code = "from django.conf import settings; print(settings.ORCHID_RENDERINGS_DIR)"
    result = subprocess.run(
        [sys.executable, "-c", code], env=cli_env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected.format(var=cli_env["ORCHID_VAR_DIR"], tmp=tmp_path)


# --- the database of this run (SQLite pass and PostgreSQL pass) ----------------------------------------


@pytest.mark.django_db
def test_running_on_the_selected_database() -> None:
    expected = {"sqlite": "sqlite", "postgres": "postgresql"}[os.environ["ORCHID_TEST_DB"]]
    assert connection.vendor == expected


@pytest.mark.django_db
def test_database_server() -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal"
            cursor.execute("PRAGMA synchronous")
            assert cursor.fetchone()[0] == 1  # NORMAL
        elif connection.vendor == "postgresql":
            cursor.execute("SHOW server_version_num")
            version = int(cursor.fetchone()[0])
            assert version // 10000 == 15, f"expected PostgreSQL 15.x, got {version}"
        else:
            pytest.fail(f"unexpected database vendor {connection.vendor}")


@pytest.mark.django_db
def test_migrations_applied() -> None:
    executor = MigrationExecutor(connection)
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []
    applied = executor.recorder.applied_migrations()
    assert ("auth", "0001_initial") in applied
    assert ("sessions", "0001_initial") in applied
    assert "auth_user" in connection.introspection.table_names()


@pytest.mark.django_db
def test_placeholders_and_literal_percent_signs_reach_the_database_as_written() -> None:
    # SQLite's cursor converts each SQL string's placeholders once and reuses the result
    with connection.cursor() as cursor:
        for value in ("a", "b"):
            cursor.execute("SELECT %s || '%%', %s", [value, 2])
            assert cursor.fetchone() == (f"{value}%", 2)
        cursor.execute("SELECT '%%' || %(name)s", {"name": "named"})
        assert cursor.fetchone() == ("%named",)


@pytest.mark.django_db(transaction=True)
def test_database_round_trip() -> None:
    from django.contrib.auth.models import User

    User.objects.create_user("ada", password="pw-ada-123")
    assert User.objects.get(username="ada").check_password("pw-ada-123")


def test_healthz() -> None:
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")
    assert Client().post("/healthz").status_code == 405


def test_index_says_what_exists() -> None:
    response = Client().get("/")
    assert response.status_code == 200
    assert f"Orchid {orchid.__version__}".encode() in response.content
    assert b"/v3.0/" in response.content and b"/sandbox" in response.content


# --- the orchid command ---------------------------------------------------------------------------------


def test_version(orchid_cmd: list[str], cli_env: dict[str, str]) -> None:
    result = subprocess.run([*orchid_cmd, "--version"], env=cli_env, capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.strip() == f"orchid {orchid.__version__}"


def test_unknown_arguments_rejected(orchid_cmd: list[str], cli_env: dict[str, str]) -> None:
    result = subprocess.run([*orchid_cmd, "demo", "--bogus"], env=cli_env, capture_output=True, text=True)
    assert result.returncode == 2
    assert "unrecognized arguments: --bogus" in result.stderr


def test_migrate_creates_wal_sqlite_database(orchid_cmd: list[str], cli_env: dict[str, str]) -> None:
    result = subprocess.run(
        [*orchid_cmd, "migrate", "--no-input"], env=cli_env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    db_file = Path(cli_env["ORCHID_VAR_DIR"]) / "orchid.sqlite3"
    assert db_file.exists()
    with sqlite3.connect(db_file) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # WAL persists in the file
        applied = {row[0] for row in db.execute("SELECT app FROM django_migrations")}
    assert {"auth", "contenttypes", "sessions"} <= applied

    # Second run: nothing left to apply; the manage passthrough sees the same database.
    result = subprocess.run(
        [*orchid_cmd, "manage", "showmigrations", "--plan"], env=cli_env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "[X]  auth.0001_initial" in result.stdout
    assert "[ ]" not in result.stdout


def test_demo_is_honest(orchid_cmd: list[str], cli_env: dict[str, str]) -> None:
    # Before `orchid migrate` there is nowhere to load the demo: say so. (tests/fixtures covers the demo.)
    result = subprocess.run([*orchid_cmd, "demo"], env=cli_env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "run `orchid migrate` first" in result.stderr


def test_serve_answers_http(orchid_cmd: list[str], cli_env: dict[str, str], free_port: int) -> None:
    proc = subprocess.Popen(
        [*orchid_cmd, "serve", "--host", "127.0.0.1", "--port", str(free_port)],
        env=cli_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{free_port}/healthz"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert proc.poll() is None, (
                f"orchid serve exited early:\n{proc.stdout.read() if proc.stdout else ''}"
            )
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    status, body = response.status, response.read()
                break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline:
                    pytest.fail(f"orchid serve did not answer {url} within 30 s")
                time.sleep(0.1)
        assert (status, body) == (200, b"ok")
        # The Registry UI's stylesheet is served by the same server (WhiteNoise), not only by runserver.
        stylesheet = f"http://127.0.0.1:{free_port}/static/web/orchid.css"
        with urllib.request.urlopen(stylesheet, timeout=5) as response:
            assert response.status == 200 and response.headers.get_content_type() == "text/css"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout:
            proc.stdout.close()
    assert proc.returncode is not None
