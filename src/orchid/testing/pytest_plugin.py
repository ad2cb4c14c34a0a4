"""pytest plugin (loaded with ``-p orchid.testing.pytest_plugin``): which database the suite runs on.

``ORCHID_TEST_DB`` picks the database:

* ``sqlite`` (default): Django's test database is a SQLite file (WAL) in a temporary var dir.
* ``postgres``: a throwaway PostgreSQL cluster (`orchid.testing.postgres.TempCluster`) is started before
  Django loads its settings and ``DATABASE_URL`` points at it; it is stopped and deleted when pytest
  ends, whatever happened. Only the tests that use the database run (marked ``django_db`` or using a
  database fixture such as ``db``); the others are deselected, since they already ran on SQLite.

Either way ``ORCHID_VAR_DIR`` is a fresh temporary directory, so tests never touch ``var/``.
"""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Generator

import pytest

from orchid.testing.postgres import PostgresUnavailable, TempCluster

#: Fixtures that give a test database access (pytest-django's).
DB_FIXTURES = frozenset(
    {
        "db",
        "transactional_db",
        "django_db_reset_sequences",
        "django_db_serialized_rollback",
        "live_server",
        "django_db_setup",
    }
)

_cluster: TempCluster | None = None


def selected_database() -> str:
    """The database this run uses: ``sqlite`` or ``postgres``."""
    value = os.environ.get("ORCHID_TEST_DB", "sqlite").strip().lower() or "sqlite"
    if value in {"postgresql", "pg"}:
        value = "postgres"
    if value not in {"sqlite", "postgres"}:
        raise pytest.UsageError(f"ORCHID_TEST_DB={value!r}: use 'sqlite' or 'postgres'")
    return value


def uses_database(item: pytest.Item) -> bool:
    return item.get_closest_marker("django_db") is not None or bool(
        DB_FIXTURES.intersection(getattr(item, "fixturenames", ()))
    )


@pytest.hookimpl(wrapper=True)
def pytest_load_initial_conftests(
    early_config: pytest.Config, parser: pytest.Parser, args: list[str]
) -> Generator[None, None, None]:
    # A wrapper runs before pytest-django's hook, which imports the Django settings.
    global _cluster
    var_dir = tempfile.mkdtemp(prefix="orchid-test-var-")
    atexit.register(shutil.rmtree, var_dir, ignore_errors=True)  # atexit: also when start-up fails
    os.environ["ORCHID_VAR_DIR"] = var_dir

    database = selected_database()
    os.environ["ORCHID_TEST_DB"] = database
    if database == "postgres":
        try:
            _cluster = TempCluster()
        except PostgresUnavailable as exc:
            raise pytest.UsageError(f"ORCHID_TEST_DB=postgres but {exc}") from exc
        early_config.add_cleanup(_cluster.stop)
        _interrupt_on_sigterm()
        try:
            _cluster.start()
        except RuntimeError as exc:
            raise pytest.UsageError(f"could not start the PostgreSQL test cluster: {exc}") from exc
        os.environ["DATABASE_URL"] = _cluster.url
    else:
        os.environ.pop("DATABASE_URL", None)
    return (yield)


def _interrupt_on_sigterm() -> None:
    """Turn SIGTERM/SIGHUP (a CI timeout, a closed terminal) into KeyboardInterrupt, so that pytest unwinds
    and the cleanups above stop the cluster instead of leaving a postmaster behind."""
    if threading.current_thread() is not threading.main_thread():
        return

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt(f"signal {signal.Signals(signum).name}")

    for signum in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(signum) is signal.SIG_DFL:
            signal.signal(signum, interrupt)


def pytest_report_header(config: pytest.Config) -> str:
    if _cluster is not None:
        return f"orchid test database: postgres (temporary cluster {_cluster.root}, {_cluster.bindir})"
    return f"orchid test database: {selected_database()} (ORCHID_VAR_DIR={os.environ.get('ORCHID_VAR_DIR')})"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if selected_database() != "postgres":
        return
    keep = [item for item in items if uses_database(item)]
    if len(keep) != len(items):
        config.hook.pytest_deselected(items=[item for item in items if not uses_database(item)])
        items[:] = keep
