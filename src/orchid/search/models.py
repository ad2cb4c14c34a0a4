"""The search index: one document per researcher, one entry per indexed value.

``SearchEntry.body`` holds folded tokens (``orchid.search.text.body``). The full-text structures
over it are the backend's (``orchid.search.backends``): on SQLite an external-content FTS5 table
kept in sync by triggers, on PostgreSQL a generated ``tsvector`` column with a GIN index and a
trigram index for wildcards. Both are created by migration 0001 for the database in use.
"""

from __future__ import annotations

from django.db import models

from orchid.records.models import Researcher


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
    researcher = models.ForeignKey(Researcher, on_delete=models.CASCADE, related_name="+")
    field = models.CharField(max_length=64)
    body = models.TextField()

    class Meta:
        db_table = "search_entry"
        indexes = [models.Index(fields=["researcher"]), models.Index(fields=["field", "researcher"])]
