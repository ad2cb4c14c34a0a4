"""``orchid manage import_ror FILE``: load a ROR data dump (the JSON file of a ROR release, schema v1 or
v2) into the organization registry. Safe to run again with a newer dump: rows are updated in place."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

import ijson
from django.core.management.base import BaseCommand, CommandError

from orchid.organizations.services import import_ror_dump


class Command(BaseCommand):
    help = "Import a ROR data dump (JSON, schema v1 or v2) into the organization registry."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", type=Path, help="the ROR dump's .json file (unzipped)")
        parser.add_argument("--batch-size", type=int, default=1000, help="rows written per statement")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        if path.suffix.lower() == ".zip":
            raise CommandError(f"{path}: unzip the dump first and pass its .json file")
        try:
            count = import_ror_dump(path, batch_size=options["batch_size"])
        except ijson.JSONError as exc:
            raise CommandError(f"{path}: not a ROR JSON dump ({exc})") from exc
        self.stdout.write(f"Imported {count} ROR records from {path}.")
