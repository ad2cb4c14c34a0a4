"""Records/s and peak RSS of `orchid dump` (issue 5: >= 2,000 records/s, peak RSS < 300 MB at 100,000).

Seeds N synthetic researchers with bench/apibench/seed.py (template records made through the service
layer, cloned with bulk_create: works, fundings, affiliations, peer reviews, person items), caches the
seeded SQLite database under var/bench/dump-<N>-<works>, then runs `orchid dump` as a subprocess and
reports its wall time, records/s, activity files/s, output size and peak RSS (the child's ru_maxrss from
wait4, so the seeding process does not count), twice: cold (stored public renderings deleted first, so
every record is rendered, in --processes worker processes, and stored) and warm (the renderings the cold
run stored are fresh: the dump copies them).

    .venv/bin/python bench/dump.py [--researchers 100000] [--works 5] [--database-url URL]
                                   [--phases cold,warm] [--processes 2]

With --database-url (PostgreSQL) the database must be empty or already seeded with the same figures.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ORCHID = Path(sys.executable).parent / "orchid"
TARGET_RATE = 2_000.0
TARGET_RSS_MB = 300.0


def _seed_child(researchers: int, works: int) -> int:
    """In a child process: migrate and seed (skipped when the database already holds researchers)."""
    sys.path.insert(0, str(ROOT / "bench"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "orchid.settings")
    import django

    django.setup()
    from apibench.seed import seed
    from django.core.management import call_command

    from orchid.oauth.models import Client
    from orchid.oauth.services import create_client
    from orchid.records.models import Item, Researcher

    call_command("migrate", verbosity=0, interactive=False)
    existing = Researcher.objects.count()
    started = time.perf_counter()
    if existing == 0:
        cris = Client.objects.filter(name="Bench CRIS").first() or create_client("Bench CRIS", "member")[0]
        seed(researchers, works, cris)
    elif existing != researchers:
        raise SystemExit(f"the database holds {existing} researchers, not {researchers}: wipe it first")
    print(
        json.dumps(
            {
                "researchers": Researcher.objects.count(),
                "items": Item.objects.count(),
                "seed_seconds": round(time.perf_counter() - started, 1),
                "cached": existing != 0,
            }
        ),
        flush=True,
    )
    return 0


def _env(args: argparse.Namespace) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env["ORCHID_DEBUG"] = "0"
    if args.database_url:
        env["DATABASE_URL"] = args.database_url
    else:
        env["ORCHID_VAR_DIR"] = str(ROOT / "var" / "bench" / f"dump-{args.researchers}-{args.works}")
    return env


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--researchers", type=int, default=100_000)
    parser.add_argument("--works", type=int, default=5, help="works per researcher (default: %(default)s)")
    parser.add_argument("--database-url", help="PostgreSQL URL (default: a cached SQLite file)")
    parser.add_argument("--out", type=Path, help="the dump file (default: a temporary one, deleted)")
    parser.add_argument(
        "--phases",
        default="cold,warm",
        help="cold: stored renderings deleted first (every record rendered); warm: as the previous run "
        "left them (fresh). Default: %(default)s",
    )
    parser.add_argument(
        "--processes", type=int, default=os.cpu_count() or 1, help="orchid dump --processes (%(default)s)"
    )
    parser.add_argument("--seed-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--wipe-renderings", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.seed_only:
        return _seed_child(args.researchers, args.works)
    if args.wipe_renderings:
        return _wipe_renderings()

    env = _env(args)
    seeded = subprocess.run(
        [
            sys.executable,
            __file__,
            "--seed-only",
            "--researchers",
            str(args.researchers),
            "--works",
            str(args.works),
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    if seeded.returncode != 0:
        print(seeded.stderr, file=sys.stderr)
        return 1
    print("SEED", seeded.stdout.strip().splitlines()[-1], flush=True)

    ok = True
    for phase in args.phases.split(","):
        if phase == "cold":  # no stored renderings: every record is rendered (and stored)
            subprocess.run([sys.executable, __file__, "--wipe-renderings"], env=env, check=True)
        report = _run_dump(args, env)
        report["phase"] = phase
        print("DUMP", json.dumps(report), flush=True)
        rate, rss_mb = report["records_per_s"], report["peak_rss_mb"]
        met = rate >= TARGET_RATE and rss_mb < TARGET_RSS_MB
        ok = ok and met
        print(
            f"{phase} dump ({report['rendered']:,} of {report['records']:,} records rendered, "
            f"{args.processes} processes): {rate:,} records/s, peak RSS {rss_mb} MB; targets: >= "
            f"{TARGET_RATE:,.0f} records/s: {'met' if rate >= TARGET_RATE else 'MISSED'}; peak RSS < "
            f"{TARGET_RSS_MB:.0f} MB: {'met' if rss_mb < TARGET_RSS_MB else 'MISSED'}",
            flush=True,
        )
    return 0 if ok else 2


def _run_dump(args: argparse.Namespace, env: dict[str, str]) -> dict[str, object]:
    out = args.out or ROOT / "var" / "bench" / f"dump-{os.getpid()}.tar.gz"
    out.parent.mkdir(parents=True, exist_ok=True)
    command = [str(ORCHID), "dump", "--quiet", "--processes", str(args.processes), str(out)]
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE)
    assert child.stdout is not None
    output = child.stdout.read().decode()  # read before waiting: a full pipe would block the child
    # ru_maxrss from wait4: the largest resident set of the dump or of any of its worker processes
    # (forked, sharing the parent's pages until written), not their sum.
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"orchid dump failed ({os.waitstatus_to_exitcode(status)})")
    result = json.loads(output)
    size = out.stat().st_size
    if args.out is None:
        out.unlink()
    rate = result["records"] / seconds
    return {
        "records": result["records"],
        "activity_files": result["activities"],
        "rendered": result["rendered"],
        "seconds": round(seconds, 2),
        "records_per_s": round(rate),
        "files_per_s": round((result["records"] + result["activities"]) / seconds),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),  # kilobytes on Linux
        "output_mb": round(size / 1e6, 1),
        "database": "postgresql" if args.database_url else "sqlite",
    }


def _wipe_renderings() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "orchid.settings")
    import django

    django.setup()
    from orchid.records.models import PublicRendering

    PublicRendering.objects.all().delete()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
