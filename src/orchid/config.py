"""Configuration read from the environment, as plain functions (no Django import).

`orchid.settings` calls these; tests call them directly with a dict standing in for `os.environ`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import dj_database_url

#: The repository checkout (``src/orchid/config.py`` -> three levels up). Only used for the default var dir.
PROJECT_DIR = Path(__file__).resolve().parent.parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}

#: Django's SQLite backend with writers queued in order (orchid.core.sqlite.base).
SQLITE_ENGINE = "orchid.core.sqlite"

#: SQLite connection options: WAL journal, NORMAL sync (safe with WAL), rarer checkpoints, a busy
#: timeout, and write transactions that take the write lock at BEGIN so concurrent writers wait
#: instead of failing.
SQLITE_OPTIONS: dict[str, Any] = {
    # Checkpoints every 10,000 pages, not SQLite's 1,000: the outbox worker checkpoints in the
    # background (orchid.core.sqlite.base), so requests' commits rarely do.
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=10000;",
    "timeout": 20,
    "transaction_mode": "IMMEDIATE",
}


def env_bool(environ: Mapping[str, str], name: str, default: bool) -> bool:
    """Read a boolean flag: 1/true/yes/on or 0/false/no/off (case-insensitive); unset means `default`."""
    raw = environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(f"{name}={raw!r} is not a boolean (use 1/0, true/false, yes/no, on/off)")


def env_list(environ: Mapping[str, str], name: str, default: list[str]) -> list[str]:
    """Read a comma-separated list; unset means `default`."""
    raw = environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def var_dir(environ: Mapping[str, str]) -> Path:
    """Where Orchid keeps its files (the SQLite database, ...): ``ORCHID_VAR_DIR`` or ``<checkout>/var``."""
    raw = environ.get("ORCHID_VAR_DIR")
    return Path(raw).expanduser().resolve() if raw else PROJECT_DIR / "var"


def database_config(environ: Mapping[str, str], var: Path) -> dict[str, Any]:
    """The ``default`` entry of Django's DATABASES.

    ``DATABASE_URL`` (any URL dj-database-url understands, e.g. ``postgres://user:pw@host:5432/name``)
    wins; otherwise SQLite at ``<var>/orchid.sqlite3``. Any SQLite database is opened in WAL mode.
    The var directory is not created here: `ensure_var_dir` does that when settings load.
    """
    url = environ.get("DATABASE_URL", "").strip()
    if url:
        config: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True))
        if config["ENGINE"].endswith("postgresql"):
            # Prepared statements: parameters bound on the server, and psycopg prepares a statement once
            # a connection has run it 5 times (Django's defaults bind on the client and never prepare).
            # Planning alone was 40% of the time a POST work's statements took in the database; prepared,
            # the database's CPU per POST fell from 2.5 to 1.6 ms, and per record lookup from 0.2 to
            # 0.06 ms (bench/api.py). A connection pooler in transaction mode must support prepared
            # statements (docs/operations.md).
            options = config.setdefault("OPTIONS", {})
            options.setdefault("server_side_binding", True)
            options.setdefault("prepare_threshold", 5)
    else:
        config = {
            "ENGINE": SQLITE_ENGINE,
            "NAME": str(var / "orchid.sqlite3"),
            # A file, not Django's default in-memory test database, so tests see WAL like production.
            "TEST": {"NAME": str(var / "test_orchid.sqlite3")},
        }
    if is_sqlite(config):
        config["ENGINE"] = SQLITE_ENGINE
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
        # Reopening SQLite (and re-running its PRAGMAs) on every request cost ~0.9 ms each (bench/api.py).
        config.setdefault("CONN_MAX_AGE", 600)
        config.setdefault("CONN_HEALTH_CHECKS", True)
    return config


def is_sqlite(database: Mapping[str, Any]) -> bool:
    return database["ENGINE"] in ("django.db.backends.sqlite3", SQLITE_ENGINE)


def ensure_var_dir(path: Path) -> Path:
    os.makedirs(path, exist_ok=True)
    return path
