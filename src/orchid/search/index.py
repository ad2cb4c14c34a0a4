"""Keeping the index in step with records, inside the writing transaction.

``reindex(researcher_pk)`` rebuilds one researcher's document and entries from
``read_record(orcid, Viewer.anonymous())`` — the public view, nothing else. It is called by
``records.services._touch`` (every API/service write), by ``create_researcher`` and by
``orchid manage reindex``. Because it runs in the caller's transaction, a rolled-back write rolls
back its index change too. A record the public cannot read (deactivated, locked, deprecated) has
no document, so it is never found.
"""

from __future__ import annotations

from django.db import transaction

from orchid.errors import OrcidError
from orchid.records.models import Researcher
from orchid.search.extract import Extracted, extract
from orchid.search.models import SearchDocument, SearchEntry
from orchid.search.text import body


def public_data(researcher: Researcher) -> Extracted | None:
    from orchid.records import services
    from orchid.records.viewer import Viewer
    from orchid.schema.json_codec import to_data

    try:
        record = services.read_record(researcher.orcid, Viewer.anonymous())
    except OrcidError:
        return None
    return extract(to_data(record))


def reindex(researcher_pk: int) -> None:
    with transaction.atomic():
        researcher = Researcher.objects.filter(pk=researcher_pk).first()
        SearchEntry.objects.filter(researcher_id=researcher_pk).delete()
        if researcher is None:
            return
        extracted = public_data(researcher)
        if extracted is None:
            SearchDocument.objects.filter(researcher_id=researcher_pk).delete()
            return
        SearchDocument.objects.update_or_create(
            researcher_id=researcher_pk,
            defaults={
                "orcid": researcher.orcid,
                "submitted": researcher.created_at,
                "modified": researcher.last_modified,
                "display": extracted.display,
            },
        )
        entries = []
        for name, value in extracted.entries:
            folded = body(value)
            if folded:
                entries.append(SearchEntry(researcher_id=researcher_pk, field=name, body=folded))
        SearchEntry.objects.bulk_create(entries)


def reindex_all(progress: bool = False) -> int:
    count = 0
    for pk in Researcher.objects.order_by("pk").values_list("pk", flat=True).iterator():
        reindex(pk)
        count += 1
    return count
