"""What notifications cost: a member client's work POST with and without the amended notification, the
notification-permission POST, and the inbox page with many notifications (SQLite, in-process).

Everything goes through Django's test client (the whole view stack, real tokens) on a fresh SQLite
database under var/bench/notifications. Prints per operation: count, mean and p95 in milliseconds.

    .venv/bin/python bench/notifications.py [--writes 300] [--inbox 1000]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "bench" / "notifications"
JSON = "application/vnd.orcid+json"
HOST = "api.orchid.test"


def timed(action: Callable[[], Any], count: int) -> list[float]:
    samples = []
    for _ in range(count):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def report(name: str, samples: list[float]) -> None:
    p95 = statistics.quantiles(samples, n=20)[-1] if len(samples) > 1 else samples[0]
    print(f"{name:<48} n={len(samples):>5}  mean {statistics.fmean(samples):7.2f} ms  p95 {p95:7.2f} ms")


def work(n: int) -> bytes:
    ids = [
        {"external-id-type": "doi", "external-id-value": f"10.5555/b.{n}", "external-id-relationship": "self"}
    ]
    body = {
        "title": {"title": {"value": f"Paper {n}"}},
        "type": "journal-article",
        "external-ids": {"external-id": ids},
    }
    return json.dumps(body).encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--writes", type=int, default=300)
    parser.add_argument("--inbox", type=int, default=1000)
    args = parser.parse_args()

    if VAR.exists():
        shutil.rmtree(VAR)
    VAR.mkdir(parents=True)
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "orchid.settings",
            "ORCHID_VAR_DIR": str(VAR),
            "ORCHID_DEBUG": "0",
            "ORCHID_RATE_LIMIT": "0",
            "ORCHID_SANDBOX": "1",
            "ORCHID_LOG_LEVEL": "ERROR",
        }
    )
    os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from orchid.notifications.models import AmendedLine, Notification, NotificationPreference
    from orchid.oauth import services as oauth
    from orchid.records.researchers import create_researcher

    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    researcher = create_researcher(
        given_names="Bench", family_name="Mark", email="bench@example.org", password="x"
    )
    member, _ = oauth.create_client("Bench CRIS", "member", ["https://bench.example.org/cb"])
    update = "b0000000-0000-4000-8000-000000000001"
    notify = "b0000000-0000-4000-8000-000000000002"
    oauth.grant_token(member, orcid=researcher.orcid, scopes=["/activities/update"], value=update)
    oauth.grant_token(member, scopes=["/premium-notification"], value=notify)
    client = Client()
    counter = iter(range(10**9))

    def post_work() -> None:
        response = client.post(
            f"/v3.0/{researcher.orcid}/work",
            data=work(next(counter)),
            content_type=JSON,
            HTTP_HOST=HOST,
            HTTP_AUTHORIZATION=f"Bearer {update}",
        )
        assert response.status_code == 201, response.content

    timed(post_work, 20)  # warm-up
    # Alternating, so that both see a record of the same size (a POST gets slower as works accumulate).
    preference = NotificationPreference.objects.create(researcher=researcher)
    with_notification: list[float] = []
    without: list[float] = []
    for _ in range(args.writes):
        for opted_out, samples in ((False, with_notification), (True, without)):
            preference.amended_opt_out = opted_out
            preference.save()
            samples.extend(timed(post_work, 1))
    notified_items = AmendedLine.objects.count()
    preference.delete()

    permission = json.dumps(
        {
            "notification-type": "permission",
            "authorization-url": {
                "path": "/oauth/authorize?client_id=X&response_type=code&scope=/read-limited"
            },
            "notification-subject": {"value": "Connect"},
            "notification-intro": {"value": "Please connect."},
            "items": {"item": [{"item-type": "work", "item-name": "A paper"}]},
        }
    ).encode()

    def post_permission() -> None:
        response = client.post(
            f"/v3.0/{researcher.orcid}/notification-permission",
            data=permission,
            content_type=JSON,
            HTTP_HOST=HOST,
            HTTP_AUTHORIZATION=f"Bearer {notify}",
        )
        assert response.status_code == 201, response.content

    permissions = timed(post_permission, args.writes)
    rows = Notification.objects.count()
    browser = Client()
    browser.force_login(researcher.user)
    extra = max(0, args.inbox - rows)
    first = Notification.objects.filter(notification_type="PERMISSION").first()
    assert first is not None
    Notification.objects.bulk_create(
        Notification(
            researcher=researcher,
            notification_type="PERMISSION",
            client=member,
            items=first.items,
            subject=f"Request {n}",
            intro="Please connect.",
            authorization_path=first.authorization_path,
        )
        for n in range(extra)
    )
    inbox = timed(lambda: browser.get("/inbox"), 20)

    print(f"SQLite, {args.writes} writes each; the amended notification(s) listed {notified_items} items")
    report("POST work, amended notification recorded", with_notification)
    report("POST work, researcher opted out (no notification)", without)
    report("POST notification-permission", permissions)
    report(f"GET /inbox with {Notification.objects.count()} notifications", inbox)


if __name__ == "__main__":
    main()
