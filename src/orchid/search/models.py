"""The search index: one document per researcher, one entry per indexed value.

``SearchEntry.body`` holds folded tokens (``orchid.search.text.body``). The full-text structures
over it are the backend's (``orchid.search.backends``): on SQLite a contentless FTS5 table that
catches up from a queue, on PostgreSQL a generated ``tsvector`` column with a GIN index and a trigram
index for wildcards. Both are created by migrations 0001/0002 for the database in use. ``put_code`` says
which activity an entry comes from, so a write to one activity replaces only its entries.
``SearchPending`` holds the changes to records that the index has not followed yet
(``orchid.search.index``).
"""

from __future__ import annotations

from django.db import models

from orchid.records.models import Researcher

#: An entry's id is its researcher's id shifted left by this many bits plus an ordinal (1 .. 2**20-1), so a
#: full-text hit names its researcher without reading the entry row (``rowid >> 20`` on SQLite FTS5).
ENTRY_ID_BITS = 20


def entry_ids(researcher_pk: int) -> range:
    """The ids an entry of this researcher may have."""
    base = researcher_pk << ENTRY_ID_BITS
    return range(base + 1, base + (1 << ENTRY_ID_BITS))


class SearchDocument(models.Model):
    researcher = models.OneToOneField(
        Researcher, primary_key=True, on_delete=models.CASCADE, related_name="search_document"
    )
    orcid = models.CharField(max_length=19, unique=True)
    submitted = models.DateTimeField()
    modified = models.DateTimeField()
    #: What /expanded-search and /csv-search return (public values only).
    display = models.JSONField(default=dict)

    class Meta:
        db_table = "search_document"
        indexes = [models.Index(fields=["submitted"]), models.Index(fields=["modified"])]


class SearchEntry(models.Model):
    # No index of its own: the (researcher, put_code) index below serves every lookup by researcher.
    researcher = models.ForeignKey(Researcher, on_delete=models.CASCADE, related_name="+", db_index=False)
    #: The put code of the activity the value comes from; None for the person's values. An item's write
    #: replaces only its own entries (orchid.search.index.apply_change). Not a foreign key: the entries
    #: of a deleted item are removed by the same change, without a cascade lookup on every delete.
    put_code = models.BigIntegerField(null=True, blank=True)
    field = models.CharField(max_length=64)
    body = models.TextField()

    class Meta:
        db_table = "search_entry"
        indexes = [
            models.Index(fields=["researcher", "put_code"], name="search_entry_researcher_item"),
            models.Index(fields=["field", "researcher"]),
        ]


class SearchPending(models.Model):
    """A change to a record that the index has yet to follow: written by the change's transaction,
    applied and deleted by ``orchid.search.index.catch_up``. ``put_codes`` (comma-separated) of one
    activity ``section``; an empty ``section``: the whole record. Not a foreign key: a researcher deleted
    since still needs its entries removed, and the row is one append on every write."""

    researcher_id = models.BigIntegerField()
    section = models.CharField(max_length=32, blank=True)
    put_codes = models.TextField(blank=True)

    class Meta:
        db_table = "search_pending"
