"""Webhook deliveries per second of one outbox worker, against a real HTTP receiver on loopback.

One record gets N webhook registrations (distinct callback URLs); one change to it enqueues N
deliveries (timed: that is the cost a write pays inside its transaction). Then one worker
(`orchid.outbox.worker.Worker`, as `orchid worker` runs it) drains them, with 1 and with 8 delivery
threads, against a receiver in another process answering at once ("fast") or after a delay ("slow").
Every run checks that the receiver got exactly N calls. Prints per database, receiver and concurrency:
deliveries, seconds, deliveries/s.

    .venv/bin/python bench/webhooks.py [--deliveries 2000] [--slow-ms 10] [--db sqlite|postgres|both]

SQLite under var/bench/webhooks; PostgreSQL in a throwaway cluster (orchid.testing.postgres) when asked.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.sharedctypes import Synchronized
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "bench" / "webhooks"
CONCURRENCIES = (1, 8)


def serve_receiver(port_out: Any, counter: Synchronized[int], delay: float) -> None:
    """The callback receiver (its own process, so it does not share the worker's GIL)."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:  # noqa: N802
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            if delay:
                time.sleep(delay)
            with counter.get_lock():
                counter.value += 1
            self.send_response(204)
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.request_queue_size = 128
    port_out.send(server.server_address[1])
    server.serve_forever()


def child(args: argparse.Namespace) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import transaction

    from orchid.oauth import services as oauth
    from orchid.outbox.models import Message
    from orchid.outbox.worker import Worker
    from orchid.records.changes import Action, Change, mark_changed
    from orchid.records.researchers import create_researcher
    from orchid.webhooks.models import Webhook

    call_command("migrate", verbosity=0)
    client, _ = oauth.create_client("Bench premium", "premium", ["https://bench.example.org/cb"])
    researcher = create_researcher(given_names="Bench")
    label = os.environ["BENCH_DB"]
    for name, delay in (("fast", 0.0), (f"slow ({args.slow_ms:g} ms)", args.slow_ms / 1000)):
        counter: Synchronized[int] = multiprocessing.Value("i", 0)  # type: ignore[assignment]
        parent, child_end = multiprocessing.Pipe()
        receiver = multiprocessing.Process(
            target=serve_receiver, args=(child_end, counter, delay), daemon=True
        )
        receiver.start()
        port = parent.recv()
        Webhook.objects.all().delete()
        Webhook.objects.bulk_create(
            Webhook(researcher=researcher, client=client, uri=f"http://127.0.0.1:{port}/cb/{index}")
            for index in range(args.deliveries)
        )
        try:
            for concurrency in CONCURRENCIES:
                counter.value = 0
                started = time.perf_counter()
                with transaction.atomic():
                    mark_changed(researcher.pk, Change(Action.UPDATED, "work"))
                enqueue_ms = (time.perf_counter() - started) * 1000
                assert Message.objects.count() == args.deliveries
                started = time.perf_counter()
                totals = Worker(concurrency=concurrency, poll_seconds=0).run(once=True)
                seconds = time.perf_counter() - started
                assert totals.delivered == args.deliveries and counter.value == args.deliveries, (
                    totals,
                    counter.value,
                )
                print(
                    f"{label:<9} receiver {name:<16} threads {concurrency:>2}: {args.deliveries} deliveries "
                    f"in {seconds:6.2f} s = {args.deliveries / seconds:7.0f}/s  "
                    f"(enqueueing them with the change: {enqueue_ms:6.1f} ms)",
                    flush=True,
                )
        finally:
            receiver.terminate()
            receiver.join()


def run(db: str, args: argparse.Namespace) -> None:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "orchid.settings",
        "ORCHID_DEBUG": "0",
        "ORCHID_SANDBOX": "1",
        "ORCHID_LOG_LEVEL": "ERROR",
        "ORCHID_WEBHOOK_WINDOW_SECONDS": "0",
        "ORCHID_WEBHOOK_ALLOW_PRIVATE": "1",
        "ORCHID_RENDERING_REFRESH": "0",  # only webhook calls in the outbox: this measures their delivery
        "BENCH_DB": db,
    }
    var = VAR / db
    if var.exists():
        shutil.rmtree(var)
    var.mkdir(parents=True)
    env["ORCHID_VAR_DIR"] = str(var)
    command = [sys.executable, __file__, "--child", *sys.argv[1:]]
    if db == "sqlite":
        env.pop("DATABASE_URL", None)
        subprocess.run(command, env=env, check=True)
        return
    from orchid.testing.postgres import TempCluster

    with TempCluster() as cluster:
        env["DATABASE_URL"] = cluster.url
        subprocess.run(command, env=env, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--deliveries", type=int, default=2000)
    parser.add_argument("--slow-ms", type=float, default=10.0, help="the slow receiver's answer time")
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="sqlite")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    print(json.dumps({"deliveries": args.deliveries, "cpus": os.cpu_count()}), flush=True)
    for db in ("sqlite", "postgres") if args.db == "both" else (args.db,):
        run(db, args)


if __name__ == "__main__":
    threading.current_thread().name = "bench"
    main()
