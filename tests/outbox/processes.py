"""Running `orchid worker` as a real process against the test database (SQLite file or PostgreSQL)."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path


def database_url() -> str:
    """A DATABASE_URL for the database this test uses (pytest-django's test database)."""
    from django.db import connection

    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    base = os.environ["DATABASE_URL"]  # the throwaway cluster's, see orchid.testing.pytest_plugin
    return f"{base.rsplit('/', 1)[0]}/{settings['NAME']}"


def worker_env(var_dir: Path, **settings: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    env["DATABASE_URL"] = database_url()
    env["ORCHID_VAR_DIR"] = str(var_dir)
    env["ORCHID_WEBHOOK_ALLOW_PRIVATE"] = "1"  # the receiver is on 127.0.0.1
    env["ORCHID_RENDERING_REFRESH"] = "0"  # the outbox holds webhook calls only: counts stay exact
    env.update(settings)
    return env


def start_worker(
    orchid_cmd: list[str], env: dict[str, str], log: Path, *args: str
) -> subprocess.Popen[bytes]:
    with open(log, "ab") as output:
        return subprocess.Popen(
            [*orchid_cmd, "worker", *args], env=env, stdout=output, stderr=subprocess.STDOUT
        )


def stop(process: subprocess.Popen[bytes], *, kill: bool = False) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
