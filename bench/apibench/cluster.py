"""A PostgreSQL cluster whose data directory is kept under var/bench, so a seeded database survives runs.

Same server settings as `orchid.testing.postgres.TempCluster` (Unix socket only, fsync off: the data is a
cache that can be reseeded), but ``initdb`` runs only when the data directory is missing and ``stop()``
leaves the directory in place (a fast shutdown, so the next start needs no recovery).
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
from pathlib import Path

from orchid.testing.postgres import (
    createdb_command,
    find_bindir,
    initdb_command,
    socket_url,
    start_command,
)


class KeptCluster:
    def __init__(self, root: Path, run_as: str = "postgres") -> None:
        self.bindir = find_bindir()
        self.root = root
        self.datadir = root / "data"
        self.logfile = root / "server.log"
        self._prefix: list[str] = []
        self._owner: pwd.struct_passwd | None = None
        if os.geteuid() == 0:
            self._owner = pwd.getpwnam(run_as)
            self._prefix = ["runuser", "-u", run_as, "--"]
        self._started = False

    @property
    def url(self) -> str:
        return socket_url(self.root)

    @property
    def exists(self) -> bool:
        return (self.datadir / "PG_VERSION").exists()

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [*self._prefix, *args],
            capture_output=True,
            text=True,
            check=False,
            cwd=self.root,
            stdin=subprocess.DEVNULL,
        )
        if check and result.returncode != 0:
            log = self.logfile.read_text(errors="replace")[-2000:] if self.logfile.exists() else ""
            raise RuntimeError(f"{args[0]} failed ({result.returncode}): {result.stdout}{result.stderr}{log}")
        return result

    def start(self) -> KeptCluster:
        self.root.mkdir(parents=True, exist_ok=True)
        if self._owner:
            os.chown(self.root, self._owner.pw_uid, self._owner.pw_gid)
        fresh = not self.exists
        if fresh:
            self._run(*initdb_command(self.bindir, self.datadir))
        self._run(*start_command(self.bindir, self.datadir, self.logfile, self.root))
        self._started = True
        if fresh:
            self._run(*createdb_command(self.bindir, self.root))
        return self

    def stop(self) -> None:
        if self._started:
            self._started = False
            self._run(
                str(self.bindir / "pg_ctl"), "-D", str(self.datadir), "-m", "fast", "-w", "stop", check=False
            )

    def wipe(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)
