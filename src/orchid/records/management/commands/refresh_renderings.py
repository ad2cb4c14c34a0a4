"""`orchid manage refresh_renderings`: render and store every missing or stale public rendering, and
write this host's rendering files that are missing."""

from __future__ import annotations

import os
import sys
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from orchid.dumps.progress import Progress
from orchid.records.models import Researcher
from orchid.records.renderings import refresh_stale, stale, write_missing_files


class Command(BaseCommand):
    help = (
        "Render and store the public renderings (record JSON and XML, public data file entries) of every "
        "record whose stored ones are missing or older than the record; then write this host's files of "
        "the stored renderings (ORCHID_RENDERINGS_DIR) that it lacks."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--processes",
            type=int,
            default=os.cpu_count() or 1,
            help="rendering processes (default: the CPU count, %(default)s)",
        )
        parser.add_argument("--quiet", action="store_true", help="no progress bar")

    def handle(self, *args: Any, **options: Any) -> None:
        progress = None
        if not options["quiet"]:
            progress = Progress(Researcher.objects.filter(stale()).count(), "refresh", sys.stderr)
        count = refresh_stale(processes=options["processes"], advance=progress.advance if progress else None)
        if progress is not None:
            progress.close()
        written = write_missing_files()
        self.stdout.write(f"refreshed {count} records; wrote the missing files of {written} renderings")
