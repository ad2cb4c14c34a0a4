"""`orchid manage reindex`: rebuild the search index of every record from its public data."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from orchid.search.index import reindex_all


class Command(BaseCommand):
    help = "Rebuild the search index of every record (public data only)."

    def handle(self, *args: Any, **options: Any) -> None:
        count = reindex_all()
        self.stdout.write(f"reindexed {count} records")
