"""A small load generator for when wrk is missing: threads, one keep-alive connection each.

    python -m apibench.pyload --port P --duration S --concurrency N --paths FILE --accept MEDIA
    python -m apibench.pyload --port P --duration S --concurrency N --post TARGETS --body TEMPLATE --nonce X

Same rotation and same output as the wrk scripts (reads.lua, post.lua): one "BENCH {json}" line. Being
Python, it is far weaker than wrk and shares the 2 cores with the server; its figures are a lower bound.
"""

from __future__ import annotations

import argparse
import http.client
import json
import threading
import time
from collections import Counter


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--duration", type=float, required=True)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--paths")
    parser.add_argument("--accept", default="*/*")
    parser.add_argument("--post")
    parser.add_argument("--body")
    parser.add_argument("--nonce", default="x")
    args = parser.parse_args()

    paths: list[str] = []
    targets: list[tuple[str, str]] = []
    template = ""
    if args.post:
        with open(args.post) as handle:
            targets = [tuple(line.split()[:2]) for line in handle if line.strip()]  # type: ignore[misc]
        with open(args.body) as handle:
            template = handle.read()
    else:
        with open(args.paths) as handle:
            paths = [line.strip() for line in handle if line.strip()]

    deadline = time.perf_counter() + args.duration
    latencies: list[list[float]] = [[] for _ in range(args.concurrency)]
    statuses: list[Counter[int]] = [Counter() for _ in range(args.concurrency)]
    errors = Counter()
    total_bytes = [0] * args.concurrency
    samples: list[str] = []

    def worker(tid: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=10)
        counter = 0
        index = (tid * 7919) % max(1, len(paths) or len(targets))
        while time.perf_counter() < deadline:
            counter += 1
            if args.post:
                orcid, token = targets[(tid * 7919 + counter) % len(targets)]
                doi = f"10.5555/post.{args.nonce}.{tid}.{counter}"
                body = (template % (args.nonce, tid, counter, doi, doi)).encode()
                method, path = "POST", f"/v3.0/{orcid}/work"
                headers = {
                    "Authorization": f"Bearer {token}",
                    "Content-Type": "application/vnd.orcid+json",
                    "Accept": "application/vnd.orcid+json",
                }
            else:
                index = index % len(paths) + 1
                method, path, body, headers = "GET", paths[index - 1], None, {"Accept": args.accept}
            started = time.perf_counter()
            try:
                conn.request(method, path, body=body, headers=headers)
                response = conn.getresponse()
                data = response.read()
            except (OSError, http.client.HTTPException):
                errors["socket"] += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=10)
                continue
            latencies[tid].append(time.perf_counter() - started)
            total_bytes[tid] += len(data)
            if not 200 <= response.status < 300:
                statuses[tid][response.status] += 1
                if not samples:
                    samples.append(f"{response.status} {data[:300].decode(errors='replace')}")
        conn.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(tid,)) for tid in range(args.concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(args.duration + 30)
    elapsed = time.perf_counter() - started
    flat = sorted(value for per_thread in latencies for value in per_thread)
    status_total: Counter[int] = sum(statuses, Counter())

    def pct(q: float) -> int:
        return int(flat[min(len(flat) - 1, int(q * len(flat)))] * 1e6) if flat else 0

    print(
        "BENCH "
        + json.dumps(
            {
                "requests": len(flat),
                "duration_us": int(elapsed * 1e6),
                "bytes": sum(total_bytes),
                "p50_us": pct(0.50),
                "p90_us": pct(0.90),
                "p99_us": pct(0.99),
                "max_us": int(flat[-1] * 1e6) if flat else 0,
                "mean_us": sum(flat) / len(flat) * 1e6 if flat else 0,
                "connect_errors": 0,
                "read_errors": errors["socket"],
                "write_errors": 0,
                "timeouts": 0,
                "status_errors": sum(count for code, count in status_total.items() if code > 399),
                "non2xx": sum(status_total.values()),
                "statuses": ",".join(f"{code}:{count}" for code, count in sorted(status_total.items())),
                "sample": samples[0].replace("\n", " ") if samples else "",
            }
        ),
        flush=True,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
