"""Where a POST work spends its time, in-process (run by bench/api.py --profile with the database's env).

Posts distinct works (each its own DOI) through `django.test.Client` with the member tokens of the
seeded database, one thread: the median and p90 of a whole request, the SQL statements of one POST
with their times, and cProfile of the rest, top functions by own and by cumulative time. The works
stay in the benchmark's database, as the POSTs of the load test do.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import time
import uuid
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--posts", type=int, default=300)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "orchid.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    targets = [
        line.split() for line in (args.out / "post_targets.txt").read_text().splitlines() if line.strip()
    ]
    template = (args.out / "post_body.txt").read_text()
    nonce = uuid.uuid4().hex[:8]
    client = Client()
    counter = 0

    def post() -> int:
        nonlocal counter
        counter += 1
        orcid, token = targets[(counter * 7919) % len(targets)]
        doi = f"10.5555/profile.{nonce}.{counter}"
        body = template % (nonce, 0, counter, doi, doi)
        response = client.post(
            f"/v3.0/{orcid}/work",
            data=body,
            content_type="application/vnd.orcid+json",
            HTTP_ACCEPT="application/vnd.orcid+json",
            HTTP_AUTHORIZATION=f"Bearer {token}",
        )
        return response.status_code

    for _ in range(20):  # warm up imports and caches
        assert post() == 201
    timings = []
    for _ in range(args.posts):
        started = time.perf_counter()
        status = post()
        timings.append((time.perf_counter() - started) * 1000)
        assert status == 201, status
    median = statistics.median(timings)
    p90 = sorted(timings)[int(0.9 * len(timings))]
    print()
    print(f"== in-process POST work ({connection.vendor}, {len(timings)} posts, single thread)")
    print(f"   median {median:.2f} ms, p90 {p90:.2f} ms => {1000 / median:.0f} per core/s")
    with CaptureQueriesContext(connection) as queries:
        post()
    total = sum(float(query["time"]) for query in queries.captured_queries)
    print(f"   SQL statements per POST: {len(queries)} ({total * 1000:.2f} ms in the database driver)")
    for query in queries.captured_queries:
        print(f"     {query['time']:>6}s  {query['sql'][:160]}")
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(args.posts):
        post()
    profiler.disable()
    for order in ("tottime", "cumulative"):
        buffer = io.StringIO()
        pstats.Stats(profiler, stream=buffer).strip_dirs().sort_stats(order).print_stats(args.top)
        text = buffer.getvalue()
        print(f"\n-- cProfile, {args.posts} POST work, by {order}:")
        print(text[text.find("   ncalls") :].rstrip())
    buffer = io.StringIO()
    stats = pstats.Stats(profiler, stream=buffer).strip_dirs().sort_stats("cumulative")
    stats.print_stats(
        r"(services|changes|apps|index|duplicates|validation|documents|edge|views|auth|outbox|negotiation)\.py"
    )
    text = buffer.getvalue()
    print(f"\n-- cProfile, {args.posts} POST work, Orchid's own functions by cumulative:")
    print(text[text.find("   ncalls") :].rstrip())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
