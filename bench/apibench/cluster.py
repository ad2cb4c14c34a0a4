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

from orchid.testing.postgres import DATABASE, ROLE, find_bindir


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
        return f"postgres://{ROLE}@{str(self.root).replace('/', '%2F')}/{DATABASE}"

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
            self._run(
                str(self.bindir / "initdb"),
                "-D",
                str(self.datadir),
                "-U",
                ROLE,
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C",
                "--no-sync",
            )
        options = " ".join(
            [
                "-c listen_addresses=''",
                f"-c unix_socket_directories='{self.root}'",
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
                "-c max_connections=50",
            ]
        )
        self._run(
            str(self.bindir / "pg_ctl"),
            "-D",
            str(self.datadir),
            "-l",
            str(self.logfile),
            "-o",
            options,
            "-w",
            "-t",
            "60",
            "start",
        )
        self._started = True
        if fresh:
            self._run(str(self.bindir / "createdb"), "-h", str(self.root), "-U", ROLE, DATABASE)
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
