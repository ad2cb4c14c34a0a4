"""Shared test configuration.

Settings: ``DJANGO_SETTINGS_MODULE`` and the database plugin (``orchid.testing.pytest_plugin``) are set in
pyproject.toml's ``[tool.pytest.ini_options]``. A test that needs the database asks for it the pytest-django
way (``@pytest.mark.django_db`` or the ``db`` fixture); only those run again on PostgreSQL. Tests without
either need no database and run once, on the SQLite pass.
"""

from __future__ import annotations

import os
import shutil
import socket
import sys
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def orchid_cmd() -> list[str]:
    """How to run the installed ``orchid`` console script (falls back to ``python -m orchid``)."""
    script = Path(sys.executable).with_name("orchid")
    if script.exists():
        return [str(script)]
    found = shutil.which("orchid")
    return [found] if found else [sys.executable, "-m", "orchid"]


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    """Environment for an ``orchid`` subprocess: SQLite in a fresh var dir, no DATABASE_URL."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["ORCHID_VAR_DIR"] = str(tmp_path / "var")
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env


@pytest.fixture
def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(autouse=True)
def fast_password_hashing(settings: Any) -> None:
    """Tests create many accounts; a real password hash (by design slow) would dominate the run."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
