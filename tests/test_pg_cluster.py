"""The throwaway PostgreSQL cluster used by the PostgreSQL test pass (orchid.testing.postgres)."""

from __future__ import annotations

import subprocess
import sys

import psycopg
import pytest

from orchid.testing import postgres


def test_explicit_bindir_is_the_only_place_looked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORCHID_PG_BINDIR", "/nonexistent/pg/bin")
    with pytest.raises(postgres.PostgresUnavailable, match="/nonexistent/pg/bin"):
        postgres.find_bindir()
    result = subprocess.run(
        [sys.executable, "-m", "orchid.testing.postgres", "--check"], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "not found" in result.stderr


@pytest.mark.skipif(not postgres.available(), reason="PostgreSQL server binaries not installed")
def test_cluster_starts_serves_and_is_removed() -> None:
    with postgres.TempCluster() as cluster:
        assert cluster.root.is_dir()
        host = str(cluster.socket_dir)
        with psycopg.connect(host=host, user=postgres.ROLE, dbname=postgres.DATABASE) as conn:
            row = conn.execute("SELECT current_user, current_database()").fetchone()
        assert row == (postgres.ROLE, postgres.DATABASE)
    assert not cluster.root.exists()
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(host=host, user=postgres.ROLE, dbname=postgres.DATABASE, connect_timeout=2)
    cluster.stop()  # idempotent
