"""`orchid dump` and `orchid load` as subprocesses (SQLite in a fresh var dir each)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from orchid.dumps.layout import summary_name
from tests.dumps.helpers import members


def _run(cmd: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)


def test_dump_and_load_commands(orchid_cmd: list[str], cli_env: dict[str, str], tmp_path: Path) -> None:
    assert _run([*orchid_cmd, "migrate", "-v", "0"], cli_env).returncode == 0
    made = _run(
        [*orchid_cmd, "researcher", "create", "--given-names", "Ada", "--family-name", "Lovelace"], cli_env
    )
    assert made.returncode == 0, made.stderr
    orcid = json.loads(made.stdout)["orcid"]
    out = tmp_path / "public.tar.gz"
    dumped = _run([*orchid_cmd, "dump", str(out)], cli_env)
    assert dumped.returncode == 0, dumped.stderr
    assert json.loads(dumped.stdout)["records"] == 1
    assert "dump [" in dumped.stderr and "1/1" in dumped.stderr  # the progress bar
    assert list(members(out)) == [summary_name(orcid)]

    refused = _run([*orchid_cmd, "load", str(out)], cli_env)
    assert refused.returncode == 1 and "not empty" in refused.stderr

    fresh = {**cli_env, "ORCHID_VAR_DIR": str(tmp_path / "fresh")}
    assert _run([*orchid_cmd, "migrate", "-v", "0"], fresh).returncode == 0
    loaded = _run([*orchid_cmd, "load", "--quiet", str(out)], fresh)
    assert loaded.returncode == 0, loaded.stderr
    assert json.loads(loaded.stdout)["records"] == 1
    again = tmp_path / "again.tar.gz"
    assert _run([*orchid_cmd, "dump", "--quiet", str(again)], fresh).returncode == 0
    assert members(again) == members(out)
