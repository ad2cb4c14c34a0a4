"""Requests/s and latency of the v3.0 API over loopback, on SQLite and PostgreSQL, with a real load generator.

Seeds researchers with realistic records (>= 20 works each, fundings, affiliations, peer reviews, person
items; see bench/apibench/seed.py: templates made through the service layer, cloned with bulk_create)
and caches the seeded database under var/bench (SQLite file; PostgreSQL data directory of a local cluster
on a Unix socket). Then serves it with `orchid serve` (waitress) on a free 127.0.0.1 port and drives it
with wrk (Debian's `wrk`; a Python client in a second process if wrk is missing) at the given
concurrency: the trivial endpoints (the ceiling), GET record (JSON, XML), GET works, GET one work
(anonymous, Public API rules, rotating over thousands of researchers / put codes) and POST work (a member
client's bearer tokens, a distinct DOI per request). Before measuring, the stored public renderings
(orchid.records.renderings) are refreshed as a running registry keeps them (`orchid manage
refresh_renderings`, kept with the cached database); `--cold` deletes them instead, so record reads render
live. After Orchid, waitress alone (apibench/static_app.py) serves /healthz and one record's JSON bytes:
the transport's own ceilings for a trivial and a record-sized body. Prints per database and server
thread count: requests/s, p50/p99 latency, non-2xx and socket errors, record reads as a share of the
ceiling, and the targets of issue 3: record read >= 50% of the trivial ceiling with p99 < 50 ms;
POST work >= 300/s. The ceiling of a shared 2-core machine moves by 10-50% from one run to the next, so
record reads run in `--rounds` rounds, each followed by the ceiling, and each round's share is of the
ceiling measured just before and after it; the median round is reported, with every round's share and
p99 in order. POST work runs in as many rounds of `--post-duration` seconds (default 30: together they
span the worker's re-rendering of the records posted to, which is part of a write's sustained cost), and
its median round is reported.

    .venv/bin/python bench/api.py [--researchers 10000] [--works 20] [--db sqlite|postgres|both]
                                  [--duration 10] [--concurrency 16] [--threads 8[,16]]
                                  [--processes 1[,2]] [--profile]
                                  [--load auto|wrk|python] [--cold]

The server runs with ORCHID_DEBUG=0 (production-like) in sandbox mode. Everything stays on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
HELPERS = BENCH / "apibench"
VAR = ROOT / "var" / "bench"
ORCHID = Path(sys.executable).parent / "orchid"
JSON = "application/vnd.orcid+json"
XML = "application/vnd.orcid+xml"
CEILING_SHARE = 0.50
P99_MS = 50.0
POST_RATE = 300.0


@dataclass(frozen=True)
class Scenario:
    name: str
    kind: str  # "get" | "post"
    paths: str = ""  # file name under the database's directory, or a literal path starting with "/"
    accept: str = "*/*"
    target: str = ""  # "ceiling" | "record" | "read" | "post" | ""
    static: bool = False  # served by waitress alone (apibench/static_app.py), not Orchid


SCENARIOS = [
    Scenario("trivial GET /healthz", "get", "/healthz", target="ceiling"),
    Scenario("trivial GET /v3.0/status", "get", "/v3.0/status"),
    Scenario("GET record (JSON)", "get", "paths_record.txt", JSON, "record"),
    Scenario("GET record (XML)", "get", "paths_record.txt", XML, "record"),
    # The same read over a small set, as a registry's popular records are read between their changes:
    # what the Public API's rendering cache (orchid.api.cache) gives. Informational, not the target.
    Scenario("GET record (JSON), 200 hot", "get", "paths_record.txt@200", JSON),
    Scenario("GET record (XML), 200 hot", "get", "paths_record.txt@200", XML),
    Scenario("GET works (JSON)", "get", "paths_works.txt", JSON, "read"),
    Scenario("GET one work (JSON)", "get", "paths_work.txt", JSON, "read"),
    Scenario("POST work (JSON)", "post", target="post"),
]
# The transport's own ceilings: waitress with no Django, answering /healthz and, for every other path,
# the bytes of one record's JSON rendering. If a record-sized body cannot reach 50% of the trivial
# ceiling even here, the record target is out of reach whatever Orchid does.
STATIC_SCENARIOS = [
    Scenario("static /healthz (waitress)", "get", "/healthz", static=True),
    Scenario("static record bytes", "get", "paths_record.txt", JSON, static=True),
]


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def fingerprint(args: argparse.Namespace) -> str:
    """What a cached database must match: sizes, the seed data's version, the migrations."""
    from apibench.seed import SEED_VERSION

    digest = hashlib.sha256()
    digest.update(f"{args.researchers}/{args.works}/{SEED_VERSION}".encode())
    for path in sorted((ROOT / "src" / "orchid").glob("*/migrations/*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def human_bytes(count: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if count < 1024 or unit == "GB":
            return f"{count:.0f} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1024
    return str(count)


# ---------------------------------------------------------------------------------------------------------
# Databases


class Database:
    """Where one database lives and the environment that selects it."""

    def __init__(self, kind: str, args: argparse.Namespace) -> None:
        self.kind = kind
        self.dir = VAR / kind
        self.cluster: Any = None
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "orchid.settings",
            "ORCHID_VAR_DIR": str(self.dir),
            "ORCHID_DEBUG": "0",
            "ORCHID_RATE_LIMIT": "0",  # measures the server, not the fair-use limits (orchid.ratelimit)
            "ORCHID_SANDBOX": "1",
            "ORCHID_LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(BENCH),
        }
        self.env.pop("DATABASE_URL", None)
        self.fingerprint = fingerprint(args)

    @property
    def label(self) -> str:
        return {"sqlite": "SQLite", "postgres": "PostgreSQL"}[self.kind]

    def cached(self) -> bool:
        manifest = self.dir / "seed.json"
        return manifest.exists() and json.loads(manifest.read_text()).get("fingerprint") == self.fingerprint

    def open(self) -> None:
        stale = not self.cached()
        if stale and self.dir.exists():
            log(f"{self.label}: no cached database for these settings; seeding afresh")
            shutil.rmtree(self.dir)
        self.dir.mkdir(parents=True, exist_ok=True)
        if self.kind == "postgres":
            from apibench.cluster import KeptCluster

            self.cluster = KeptCluster(VAR / "pg")
            if stale:
                self.cluster.wipe()
            self.cluster.start()
            self.env["DATABASE_URL"] = self.cluster.url

    def close(self) -> None:
        if self.cluster is not None:
            self.cluster.stop()


def seed(db: Database, args: argparse.Namespace) -> dict[str, Any]:
    log(f"{db.label}: {'using the cached database' if db.cached() else 'seeding'} ...")
    started = time.perf_counter()
    with open(db.dir / "seed.log", "w") as errors:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "apibench.seed",
                "--researchers",
                str(args.researchers),
                "--works",
                str(args.works),
                "--out",
                str(db.dir),
                "--fingerprint",
                db.fingerprint,
            ],
            env=db.env,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            cwd=ROOT,
            check=False,
        )
    if result.returncode != 0:
        raise SystemExit(
            f"seeding failed; see {db.dir / 'seed.log'}:\n" + (db.dir / "seed.log").read_text()[-3000:]
        )
    line = next(line for line in result.stdout.splitlines() if line.startswith("SEED "))
    info = json.loads(line[5:])
    info["prepare_seconds"] = time.perf_counter() - started
    return info


# ---------------------------------------------------------------------------------------------------------
# The server and the load


class Server:
    def __init__(
        self, db: Database, threads: int, static_payload: Path | None = None, processes: int = 1
    ) -> None:
        self.port = free_port()
        self.threads = threads
        self.processes = 1 if static_payload else processes  # the static ceiling is one process
        name = "static" if static_payload else "server"
        self.logfile = open(db.dir / f"{name}-{self.processes}x{threads}.log", "w")  # noqa: SIM115
        command = [
            str(ORCHID),
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--threads",
            str(threads),
            "--processes",
            str(processes),
        ]
        if static_payload is not None:  # waitress alone, serving fixed bytes (apibench/static_app.py)
            command = [
                sys.executable,
                "-m",
                "apibench.static_app",
                str(self.port),
                str(threads),
                str(static_payload),
            ]
        self.process = subprocess.Popen(
            command,
            env=db.env,
            stdout=self.logfile,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.base}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
            if self.process.poll() is not None:
                break
        self.stop()
        raise SystemExit(f"orchid serve did not start; see {self.logfile.name}")

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def label(self) -> str:
        processes = f"{self.processes} processes x " if self.processes > 1 else ""
        return f"{processes}{self.threads} threads"

    def cpu_seconds(self) -> float:
        """CPU time of the server process and its children (orchid serve --processes forks them): user
        and system time of each live process, plus what its reaped children used (cutime, cstime)."""
        ticks = 0
        pending = [self.process.pid]
        while pending:
            pid = pending.pop()
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                for task in Path(f"/proc/{pid}/task").iterdir():
                    pending.extend(int(child) for child in (task / "children").read_text().split())
            except (FileNotFoundError, ProcessLookupError):  # exited meanwhile
                continue
            ticks += sum(int(field) for field in fields[11:15])  # utime stime cutime cstime
        return ticks / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self.logfile.close()


def post_body_template() -> str:
    """A work as Lua's string.format (and Python's %) template: %s for nonce, thread, counter, doi, doi."""
    body = {
        "title": {"title": {"value": "Posted work @1@-@2@-@3@ on the measurement of things"}},
        "journal-title": {"value": "Annals of Reproducible Research"},
        "type": "journal-article",
        "publication-date": {"year": {"value": "2025"}, "month": {"value": "06"}},
        "external-ids": {
            "external-id": [
                {
                    "external-id-type": "doi",
                    "external-id-value": "@4@",
                    "external-id-relationship": "self",
                    "external-id-url": {"value": "https://doi.org/@5@"},
                },
                {
                    "external-id-type": "issn",
                    "external-id-value": "1234-5679",
                    "external-id-relationship": "part-of",
                },
            ]
        },
        "url": {"value": "https://example.org/posted"},
        "contributors": {
            "contributor": [
                {
                    "credit-name": {"value": "Ada Lovelace"},
                    "contributor-attributes": {"contributor-sequence": "first", "contributor-role": "author"},
                }
            ]
        },
    }
    text = json.dumps(body).replace("%", "%%")
    for n in range(1, 6):
        text = text.replace(f"@{n}@", "%s")
    return text


class Load:
    """Runs one scenario for some seconds with wrk (or the Python fallback); returns wrk's BENCH figures."""

    def __init__(self, db: Database, args: argparse.Namespace) -> None:
        self.db = db
        self.args = args
        self.wrk = shutil.which("wrk") if args.load != "python" else None
        if args.load == "wrk" and not self.wrk:
            raise SystemExit("wrk not found on PATH (Debian: apt-get install wrk)")
        self.scripts = {}
        for name in ("reads", "post"):
            script = db.dir / f"{name}.lua"
            script.write_text(
                (HELPERS / f"{name}.lua").read_text() + "\n" + (HELPERS / "common.lua").read_text()
            )
            self.scripts[name] = script
        self.body = db.dir / "post_body.txt"
        self.body.write_text(post_body_template())
        self.nonce_counter = 0

    def paths_file(self, scenario: Scenario) -> Path:
        if scenario.static and not scenario.paths.startswith("/"):
            path = self.db.dir / "paths_static.txt"
            path.write_text("/payload\n")
            return path
        if scenario.paths.startswith("/"):
            path = self.db.dir / f"paths_{scenario.paths.strip('/').replace('/', '_')}.txt"
            path.write_text(scenario.paths + "\n")
            return path
        if "@" in scenario.paths:  # "file@N": the first N paths of the file only
            name, count = scenario.paths.split("@")
            lines = (self.db.dir / name).read_text().split("\n")[: int(count)]
            path = self.db.dir / f"{name.removesuffix('.txt')}_first{count}.txt"
            path.write_text("\n".join(lines) + "\n")
            return path
        return self.db.dir / scenario.paths

    def nonce(self) -> str:
        self.nonce_counter += 1
        return f"{int(time.time())}x{os.getpid()}x{self.nonce_counter}"

    def command(self, scenario: Scenario, port: int, seconds: float) -> list[str]:
        targets = str(self.db.dir / "post_targets.txt")
        if self.wrk:
            head = [
                self.wrk,
                "-t",
                str(self.args.wrk_threads),
                "-c",
                str(self.args.concurrency),
                "-d",
                f"{seconds:g}s",
                "--latency",
                "--timeout",
                "10s",
            ]
            if scenario.kind == "post":
                return [
                    *head,
                    "-s",
                    str(self.scripts["post"]),
                    f"http://127.0.0.1:{port}",
                    "--",
                    targets,
                    str(self.body),
                    self.nonce(),
                ]
            return [
                *head,
                "-s",
                str(self.scripts["reads"]),
                f"http://127.0.0.1:{port}",
                "--",
                str(self.paths_file(scenario)),
                scenario.accept,
            ]
        head = [
            sys.executable,
            "-m",
            "apibench.pyload",
            "--port",
            str(port),
            "--duration",
            f"{seconds:g}",
            "--concurrency",
            str(self.args.concurrency),
        ]
        if scenario.kind == "post":
            return [*head, "--post", targets, "--body", str(self.body), "--nonce", self.nonce()]
        return [*head, "--paths", str(self.paths_file(scenario)), "--accept", scenario.accept]

    def run(self, scenario: Scenario, server: Server, seconds: float) -> dict[str, Any]:
        cpu_before = server.cpu_seconds()
        result = subprocess.run(
            self.command(scenario, server.port, seconds),
            capture_output=True,
            text=True,
            env=self.db.env,
            cwd=ROOT,
            timeout=seconds + 120,
            check=False,
        )
        cpu = server.cpu_seconds() - cpu_before
        lines = [line for line in result.stdout.splitlines() if line.startswith("BENCH ")]
        if result.returncode != 0 or not lines:
            raise SystemExit(f"load generator failed for {scenario.name}:\n{result.stdout}\n{result.stderr}")
        figures = json.loads(lines[-1][6:])
        seconds_run = figures["duration_us"] / 1e6
        figures["rps"] = figures["requests"] / seconds_run if seconds_run else 0.0
        figures["server_cpu"] = cpu / seconds_run if seconds_run else 0.0
        figures["socket_errors"] = sum(
            figures[k] for k in ("connect_errors", "read_errors", "write_errors", "timeouts")
        )
        figures["raw"] = result.stdout
        return figures


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # a 3xx is an answer here (reads.lua counts only >= 400 as errors)


def probe(server: Server, load: Load, scenario: Scenario) -> tuple[int, int, str]:
    """One request of the scenario by urllib: (status, body bytes, start of the body when not 2xx).
    Redirects are not followed: the scenario must answer 2xx itself."""
    if scenario.kind == "post":
        orcid, token = (load.db.dir / "post_targets.txt").read_text().split("\n")[0].split()
        doi = f"10.5555/probe.{load.nonce()}"
        body = (post_body_template() % ("probe", 0, 0, doi, doi)).encode()
        request = urllib.request.Request(
            f"{server.base}/v3.0/{orcid}/work",
            data=body,
            method="POST",
            headers={"Authorization": f"Bearer {token}", "Content-Type": JSON, "Accept": JSON},
        )
    else:
        path = load.paths_file(scenario).read_text().split("\n")[0]
        request = urllib.request.Request(server.base + path, headers={"Accept": scenario.accept})
    try:
        with urllib.request.build_opener(_NoRedirect).open(request, timeout=30) as response:
            return response.status, len(response.read()), ""
    except urllib.error.HTTPError as error:
        return error.code, 0, error.read()[:300].decode(errors="replace")


# ---------------------------------------------------------------------------------------------------------
# Report


def verdicts(scenario: Scenario, figures: dict[str, Any], ceiling: float | None) -> str:
    p99_ms = figures["p99_us"] / 1000
    marks = []
    ceiling = figures.get("ceiling", ceiling)
    if scenario.target in ("record", "read") and ceiling:
        share = figures["rps"] / ceiling
        ok = share >= CEILING_SHARE
        marks.append(
            f">=50% ceiling {'met' if ok else 'MISSED'}"
            if scenario.target == "record"
            else f"({share:.0%} of ceiling)"
        )
    if scenario.target == "record":
        marks.append(f"p99<50ms {'met' if p99_ms < P99_MS else 'MISSED'}")
    if scenario.target == "post":
        marks.append(f">=300/s {'met' if figures['rps'] >= POST_RATE else 'MISSED'}")
    if figures["non2xx"] or figures["socket_errors"]:
        marks.append("ERRORS: figures unreliable")
    return "; ".join(marks)


def print_table(
    db: Database,
    info: dict[str, Any],
    threads: int,
    rows: list[tuple[Scenario, dict[str, Any], int]],
    args: argparse.Namespace,
    generator: str,
    processes: int = 1,
) -> None:
    ceiling_runs = [f["rps"] for s, f, _ in rows if s.target == "ceiling"]
    ceiling = statistics.median(ceiling_runs) if ceiling_runs else None
    print()
    print(
        f"== {db.label}: {info['researchers']:,} researchers, {info['items']:,} items "
        f"({info['works']:,} works), "
        f"{info['external_ids']:,} external ids; database {human_bytes(info['db_bytes'])}"
    )
    seeded = "cached from an earlier run" if info["cached"] else "seeded in this run"
    print(
        f"   seeding: {info['seed_seconds']} s (+ migrate {info['migrate_seconds']} s, analyze "
        f"{info['analyze_seconds']} s; {seeded}, {info['seeded_at']}); verified clones {info['verified']}"
    )
    print(
        f"   server: orchid serve (waitress) --processes {processes} --threads {threads}, ORCHID_DEBUG=0; "
        f"load: {generator}, "
        f"{args.concurrency} connections, {args.duration:g} s per scenario after a {args.warmup:g} s warm-up "
        f"(POST work: {args.post_duration:g} s per round)"
    )
    header = (
        f"   {'scenario':<26}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}{'body':>10}{'%ceil':>7}"
        f"{'srv CPU':>9}  targets"
    )
    print(header)
    print("   " + "-" * (len(header) + 30))
    if len(ceiling_runs) > 1:
        runs = ", ".join(f"{rps:.0f}" for rps in ceiling_runs)
        print(
            f"   record reads run in rounds, each followed by the ceiling; a round's share is of the ceiling "
            f"just before and after it, the row shows the median round; the ceiling row is the median of "
            f"its runs ({runs})"
        )
    shown = False
    for scenario, figures, size in rows:
        if scenario.target == "ceiling":
            if shown:
                continue
            shown, figures = True, {**figures, "rps": ceiling}
        reference = figures.get("ceiling", ceiling)
        share = f"{figures['rps'] / reference:.0%}" if reference else "-"
        errors = figures["non2xx"] + figures["socket_errors"]
        print(
            f"   {scenario.name:<26}{figures['rps']:>9.0f}{figures['p50_us'] / 1000:>9.1f}"
            f"{figures['p99_us'] / 1000:>9.1f}{errors:>8}{human_bytes(size):>10}{share:>7}"
            f"{figures['server_cpu']:>9.0%}  {verdicts(scenario, figures, ceiling)}"
        )
    static = next((f["rps"] for s, f, _ in rows if s.name == "static record bytes"), None)
    if static and ceiling:
        print(
            f"   waitress alone serves the record's bytes at {static:.0f}/s ({static / ceiling:.0%} of the "
            f"Orchid /healthz ceiling): the transport does not cap the record target"
            if static / ceiling >= CEILING_SHARE
            else f"   waitress alone serves the record's bytes at only {static:.0f}/s "
            f"({static / ceiling:.0%} of the /healthz ceiling): the record target is out of reach as stated"
        )
        for scenario, figures, _ in rows:
            if scenario.target == "record":
                print(f"   {scenario.name}: {figures['rps'] / static:.0%} of the static record-bytes ceiling")
    for scenario, figures, _ in rows:
        if "round_shares" in figures:
            shares = ", ".join(f"{share:.0%} (p99 {p99:.0f} ms)" for share, p99 in figures["round_shares"])
            print(f"   {scenario.name}: share of the ceiling in each round, in order: {shares}")
        if "round_rates" in figures:
            rates = ", ".join(f"{rate:.0f}" for rate in figures["round_rates"])
            print(f"   {scenario.name}: requests/s in each round, in order: {rates} (the median is shown)")
    for scenario, figures, _ in rows:
        if figures["non2xx"] or figures["socket_errors"]:
            print(
                f"   ! {scenario.name}: {figures['non2xx']} non-2xx ({figures['statuses']}), socket errors "
                f"connect {figures['connect_errors']} read {figures['read_errors']} write "
                f"{figures['write_errors']} timeout {figures['timeouts']}; first: {figures['sample'][:200]}"
            )
    sys.stdout.flush()


def prepare_renderings(db: Database, args: argparse.Namespace) -> None:
    """Stored public renderings as a running registry has them: refreshed after every change (bulk
    seeding bypasses the services, so they are made here once and kept with the cached database). With
    --cold they are deleted instead, so that record reads measure live rendering (and storing)."""
    if args.cold:
        code = "from orchid.records.models import PublicRendering; PublicRendering.objects.all().delete()"
        subprocess.run(
            [sys.executable, "-c", f"import django; django.setup(); {code}"], env=db.env, check=True
        )
        log(f"{db.label}: stored renderings deleted (--cold)")
        return
    started = time.perf_counter()
    result = subprocess.run(
        [str(ORCHID), "manage", "refresh_renderings", "--quiet", "--processes", str(os.cpu_count() or 1)],
        env=db.env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"refresh_renderings failed ({result.returncode}):\n{result.stderr[-3000:]}")
    log(
        f"{db.label}: {result.stdout.strip()} in {time.perf_counter() - started:.0f} s "
        "(stored public renderings)"
    )
    warm_page_cache(db)


def warm_page_cache(db: Database) -> None:
    """Read once what record reads send (the rendering files on PostgreSQL, the database file on SQLite):
    the other database's run may have pushed it out of the page cache, and uniform reads over 10,000
    records then measured the disk in their first round (PostgreSQL record reads at 36% of the ceiling
    that round, 55% in the third). Before each record scenario too: this machine pages out file pages
    nobody touched for ~60 s by itself (DAMON proactive reclaim): the XML bodies, for one, were read from
    disk again after the minute of JSON rounds (13-20 MB/s of block input in the first XML round), and
    the first round's share was the lowest of three in each of 14 record scenarios run on 2026-11-21."""
    started = time.perf_counter()
    paths = [path for path in db.dir.glob("orchid.sqlite3*") if path.is_file()]
    renderings = db.dir / "renderings"
    if renderings.is_dir():
        paths += [path for path in renderings.rglob("*") if path.is_file()]
    size = 0
    for path in paths:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                size += len(chunk)
    log(f"{db.label}: read {size / 1e9:.1f} GB into the page cache in {time.perf_counter() - started:.0f} s")


def record_bytes(db: Database, server: Server) -> bytes:
    """One record's JSON, as Orchid serves it: the static server's payload."""
    path = (db.dir / "paths_record.txt").read_text().split("\n")[0]
    request = urllib.request.Request(f"{server.base}{path}", headers={"Accept": JSON})
    with urllib.request.urlopen(request, timeout=30) as response:
        return bytes(response.read())


def record_rounds(
    scenario: Scenario,
    ceiling: Scenario,
    server: Server,
    load: Load,
    args: argparse.Namespace,
    ceiling_before: float,
    label: str,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A record read measured in `--rounds` rounds, each followed by the ceiling: the trivial ceiling of
    this shared 2-core machine moves by 10-50% between runs a minute apart, so each round's share is of
    the ceiling measured just before and just after it. Returns the round with the median share (its
    figures carry every round's share) and the ceiling runs."""
    rounds, ceilings = [], []
    before = ceiling_before
    for number in range(1, args.rounds + 1):
        log(f"{label}: {scenario.name} for {args.duration:g} s, then the ceiling (round {number})")
        figures = load.run(scenario, server, args.duration)
        after = load.run(ceiling, server, args.duration)
        figures["ceiling"] = (before + after["rps"]) / 2
        rounds.append(figures)
        ceilings.append(after)
        before = after["rps"]
    chosen = sorted(rounds, key=lambda f: f["rps"] / f["ceiling"])[len(rounds) // 2]
    chosen["round_shares"] = [(f["rps"] / f["ceiling"], f["p99_us"] / 1000) for f in rounds]  # in order
    return chosen, ceilings


def post_rounds(
    scenario: Scenario, server: Server, load: Load, args: argparse.Namespace, label: str
) -> dict[str, Any]:
    """POST work in `--rounds` rounds (its rate moves with the shared machine as the ceiling does):
    the round with the median rate, carrying every round's rate."""
    # Warmed up like the reads: the first POSTs after the start-up's removal of earlier runs' rows
    # meet cold index pages and checkpoints.
    log(f"{label}: {scenario.name}, warming up for {args.warmup:g} s")
    load.run(scenario, server, args.warmup)
    rounds = []
    for number in range(1, args.rounds + 1):
        log(f"{label}: {scenario.name} for {args.post_duration:g} s (round {number})")
        rounds.append(load.run(scenario, server, args.post_duration))
    chosen = sorted(rounds, key=lambda f: f["rps"])[len(rounds) // 2]
    chosen["round_rates"] = [f["rps"] for f in rounds]  # in the order they ran
    return chosen


def selected(scenario: Scenario, args: argparse.Namespace) -> bool:
    """The ceiling always runs (the shares are of it); the others when --only names a part of them."""
    if scenario.target == "ceiling" or not args.only:
        return True
    return any(part.strip().lower() in scenario.name.lower() for part in args.only.split(","))


def run_database(kind: str, args: argparse.Namespace) -> None:
    db = Database(kind, args)
    try:
        db.open()
        info = seed(db, args)
        log(
            f"{db.label}: ready ({info['researchers']:,} researchers, {human_bytes(info['db_bytes'])}; "
            f"removed {info['removed_previous_posts']} rows of earlier POSTs)"
        )
        prepare_renderings(db, args)
        load = Load(db, args)
        generator = f"wrk -t{args.wrk_threads}" if load.wrk else "Python threads client (a lower bound)"
        if not load.wrk and args.load == "auto":
            print(
                "NOTE: wrk not found on PATH (apt-get install wrk); using the much weaker Python client "
                "in a second process."
            )
        for processes, threads in [(p, t) for p in args.processes for t in args.threads]:
            server = Server(db, threads, processes=processes)
            try:
                sizes = {}
                for scenario in SCENARIOS:
                    status, size, text = probe(server, load, scenario)
                    if not 200 <= status < 300:
                        raise SystemExit(f"{scenario.name}: probe answered {status}: {text}")
                    sizes[scenario.name] = size
                log(f"{db.label}, {server.label}: warming up")
                for scenario in SCENARIOS[:4]:
                    load.run(scenario, server, args.warmup)
                rows: list[tuple[Scenario, dict[str, Any], int]] = []
                ceiling_scenario = next(s for s in SCENARIOS if s.target == "ceiling")
                for scenario in SCENARIOS:
                    if not selected(scenario, args):
                        continue
                    if scenario.target == "record":
                        # Pages of the other syntax's bodies, untouched for the minute of the previous
                        # scenario, have been paged out (warm_page_cache): read them in again.
                        warm_page_cache(db)
                        before = next(f["rps"] for s, f, _ in reversed(rows) if s.target == "ceiling")
                        figures, ceilings = record_rounds(
                            scenario,
                            ceiling_scenario,
                            server,
                            load,
                            args,
                            before,
                            f"{db.label}, {server.label}",
                        )
                        rows.append((scenario, figures, sizes[scenario.name]))
                        rows.extend((ceiling_scenario, c, sizes[ceiling_scenario.name]) for c in ceilings)
                        continue
                    if scenario.target == "post":
                        figures = post_rounds(scenario, server, load, args, f"{db.label}, {server.label}")
                        rows.append((scenario, figures, sizes[scenario.name]))
                        continue
                    log(f"{db.label}, {server.label}: {scenario.name} for {args.duration:g} s")
                    figures = load.run(scenario, server, args.duration)
                    rows.append((scenario, figures, sizes[scenario.name]))
                    if args.verbose:
                        print(figures["raw"], file=sys.stderr)
                payload = db.dir / "static_payload.json"
                payload.write_bytes(record_bytes(db, server))
            finally:
                server.stop()
            static = Server(db, threads, static_payload=payload)
            try:
                for scenario in STATIC_SCENARIOS:
                    if not selected(scenario, args):
                        continue
                    log(f"{db.label}, {static.label} (static): {scenario.name} for {args.duration:g} s")
                    load.run(scenario, static, args.warmup)
                    size = len(b'{"status":"ok"}') if scenario.paths == "/healthz" else payload.stat().st_size
                    rows.append((scenario, load.run(scenario, static, args.duration), size))
            finally:
                static.stop()
            print_table(db, info, threads, rows, args, generator, processes)
        if args.profile:
            for module in ("profile_read", "profile_write"):
                log(f"{db.label}: {module.replace('_', ' ')} in-process")
                subprocess.run(
                    [sys.executable, "-m", f"apibench.{module}", "--out", str(db.dir)],
                    env=db.env,
                    cwd=ROOT,
                    check=False,
                )
    finally:
        db.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--researchers", type=int, default=10_000)
    parser.add_argument("--works", type=int, default=20, help="works per researcher (one shape gets 10 more)")
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per scenario")
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds of warm-up per read scenario")
    parser.add_argument("--concurrency", type=int, default=16, help="open connections")
    parser.add_argument("--wrk-threads", type=int, default=2, help="wrk threads (the machine has 2 cores)")
    parser.add_argument("--threads", default="8", help="waitress threads; a comma list runs each (8,16)")
    parser.add_argument(
        "--processes",
        default="1",
        help="orchid serve --processes; a comma list runs each, with each --threads (1,2)",
    )
    parser.add_argument(
        "--load",
        choices=["auto", "wrk", "python"],
        default="auto",
        help="load generator: wrk, or the Python client (auto: wrk when installed)",
    )
    parser.add_argument(
        "--cold", action="store_true", help="delete the stored public renderings first: reads render live"
    )
    parser.add_argument("--profile", action="store_true", help="also cProfile a record read and a POST")
    parser.add_argument(
        "--only", default="", help="comma list: only the scenarios whose names contain one (record,POST)"
    )
    parser.add_argument("--verbose", action="store_true", help="echo wrk's own output")
    parser.add_argument(
        "--post-duration",
        type=float,
        default=30.0,
        help="seconds per POST round: the rounds together should span the worker's refreshes of the "
        "records posted to, due at most ORCHID_RENDERING_MAX_DELAY_SECONDS (60) after their first change",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="rounds of each record read (each followed by the ceiling) and of POST work",
    )
    args = parser.parse_args()
    args.threads = [int(part) for part in args.threads.split(",") if part.strip()]
    args.processes = [int(part) for part in args.processes.split(",") if part.strip()]
    if args.works < 20 or args.researchers < 20:
        parser.error("at least 20 researchers and 20 works each")
    if not 1 <= args.duration <= 120 or not 1 <= args.post_duration <= 300 or args.concurrency > 256:
        parser.error("duration must be 1-120 s, post duration 1-300 s, concurrency at most 256")
    sys.path.insert(0, str(BENCH))
    kinds = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    for kind in kinds:
        if kind == "postgres":
            from orchid.testing.postgres import available

            if not available():
                print(
                    "PostgreSQL server binaries not found (install Debian's 'postgresql'): "
                    "skipping PostgreSQL."
                )
                continue
        run_database(kind, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
