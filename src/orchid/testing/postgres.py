"""A throwaway PostgreSQL cluster for tests and benchmarks.

`TempCluster` runs ``initdb`` in a fresh temporary directory and ``pg_ctl start`` with the server listening
on a Unix socket inside that directory only (no TCP port, so nothing to collide with), tuned for speed
(fsync off: the data is thrown away). ``stop()`` shuts the server down immediately and removes the
directory; it is idempotent and also registered with `atexit`.

PostgreSQL refuses to run as root. When the current user is root, every server command runs as the
``postgres`` user (created by Debian's ``postgresql`` package) through ``runuser``, and the temporary
directory is handed to that user.

Usable from the command line to check for binaries: ``python -m orchid.testing.postgres --check``.
"""

from __future__ import annotations

import atexit
import glob
import os
import pwd
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROLE = "orchid"
DATABASE = "orchid"


class PostgresUnavailable(RuntimeError):
    """No usable PostgreSQL server binaries (initdb, pg_ctl) on this machine."""


def _version_key(path: str) -> tuple[int, ...]:
    match = re.search(r"/postgresql/(\d+(?:\.\d+)*)/", path)
    return tuple(int(p) for p in match.group(1).split(".")) if match else (0,)


def find_bindir() -> Path:
    """The directory holding ``initdb`` and ``pg_ctl``.

    Looks only at ``ORCHID_PG_BINDIR`` if set; otherwise at ``pg_config --bindir``, then
    ``/usr/lib/postgresql/*/bin`` (Debian's layout; the newest version first), then ``initdb`` on PATH.
    """
    candidates: list[str] = []
    if os.environ.get("ORCHID_PG_BINDIR"):
        candidates.append(os.environ["ORCHID_PG_BINDIR"])  # when set, the only place looked at
    else:
        candidates.extend(_default_bindirs())
    for candidate in candidates:
        bindir = Path(candidate)
        if all(os.access(bindir / tool, os.X_OK) for tool in ("initdb", "pg_ctl", "postgres")):
            return bindir
    raise PostgresUnavailable(
        "PostgreSQL server binaries (initdb, pg_ctl) not found; looked in: " + (", ".join(candidates) or "-")
    )


def _default_bindirs() -> list[str]:
    candidates: list[str] = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        try:
            out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=True)
            candidates.append(out.stdout.strip())
        except (OSError, subprocess.CalledProcessError):
            pass
    candidates.extend(sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version_key, reverse=True))
    initdb_on_path = shutil.which("initdb")
    if initdb_on_path:
        candidates.append(str(Path(initdb_on_path).parent))
    return candidates


def available() -> bool:
    try:
        find_bindir()
    except PostgresUnavailable:
        return False
    return True


def socket_url(socket_dir: Path) -> str:
    """A DATABASE_URL for the ``orchid`` database over the Unix socket in `socket_dir` (trust auth)."""
    host = str(socket_dir).replace("/", "%2F")
    return f"postgres://{ROLE}@{host}/{DATABASE}"


def initdb_command(bindir: Path, datadir: Path) -> list[str]:
    return [
        str(bindir / "initdb"),
        "-D",
        str(datadir),
        "-U",
        ROLE,
        "--auth=trust",
        "--encoding=UTF8",
        "--locale=C",
        "--no-sync",
    ]


def start_command(bindir: Path, datadir: Path, logfile: Path, socket_dir: Path) -> list[str]:
    """pg_ctl start for a throwaway or cache-only server: Unix socket only, no durability (fsync off)."""
    options = " ".join(
        [
            "-c listen_addresses=''",
            f"-c unix_socket_directories='{socket_dir}'",
            "-c fsync=off",
            "-c synchronous_commit=off",
            "-c full_page_writes=off",
            "-c max_connections=50",
        ]
    )
    return [
        str(bindir / "pg_ctl"),
        "-D",
        str(datadir),
        "-l",
        str(logfile),
        "-o",
        options,
        "-w",
        "-t",
        "60",
        "start",
    ]


def createdb_command(bindir: Path, socket_dir: Path) -> list[str]:
    return [str(bindir / "createdb"), "-h", str(socket_dir), "-U", ROLE, DATABASE]


class TempCluster:
    """A PostgreSQL server in a temporary directory. Use as a context manager or call start()/stop()."""

    def __init__(self, bindir: Path | None = None, run_as: str = "postgres") -> None:
        self.bindir = bindir or find_bindir()
        self._prefix: list[str] = []
        self._owner: pwd.struct_passwd | None = None
        if os.geteuid() == 0:
            try:
                self._owner = pwd.getpwnam(run_as)
            except KeyError as exc:
                raise PostgresUnavailable(
                    f"running as root and there is no {run_as!r} user to run PostgreSQL as"
                ) from exc
            self._prefix = ["runuser", "-u", run_as, "--"]
        # Root: /tmp, so the postgres user can reach it whatever TMPDIR says. Short path: socket limit.
        self.root = Path(tempfile.mkdtemp(prefix="orchid-pg-", dir="/tmp" if self._owner else None))
        self.datadir = self.root / "data"
        self.socket_dir = self.root
        self.logfile = self.root / "server.log"
        self._started = False
        self._removed = False
        if self._owner:
            os.chown(self.root, self._owner.pw_uid, self._owner.pw_gid)
        atexit.register(self.stop)

    @property
    def url(self) -> str:
        """A DATABASE_URL for the ``orchid`` database over the Unix socket (trust auth, no password)."""
        return socket_url(self.socket_dir)

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self._prefix, *args],
            capture_output=True,
            text=True,
            check=False,
            cwd=self.root,
            stdin=subprocess.DEVNULL,
        )

    def _check(self, result: subprocess.CompletedProcess[str], what: str) -> None:
        if result.returncode != 0:
            log = self.logfile.read_text(errors="replace") if self.logfile.exists() else ""
            raise RuntimeError(
                f"{what} failed (exit {result.returncode}):\n{result.stdout}\n{result.stderr}\n{log}".rstrip()
            )

    def start(self) -> TempCluster:
        self._check(self._run(*initdb_command(self.bindir, self.datadir)), "initdb")
        self._started = True  # from here on, stop() must try pg_ctl stop
        result = self._run(*start_command(self.bindir, self.datadir, self.logfile, self.socket_dir))
        self._check(result, "pg_ctl start")
        self._check(self._run(*createdb_command(self.bindir, self.socket_dir)), "createdb")
        return self

    def stop(self) -> None:
        """Stop the server (immediate shutdown) and remove the directory. Safe to call twice."""
        if self._started:
            self._started = False
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.datadir), "-m", "immediate", "-w", "stop")
        if not self._removed:
            self._removed = True
            shutil.rmtree(self.root, ignore_errors=True)
        atexit.unregister(self.stop)

    def __enter__(self) -> TempCluster:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _main(argv: list[str]) -> int:
    if argv == ["--check"]:
        try:
            print(find_bindir())
        except PostgresUnavailable as exc:
            print(exc, file=sys.stderr)
            return 1
        return 0
    print("usage: python -m orchid.testing.postgres --check", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
