"""Operators' actions on records: lock, unlock, deprecate one record into another.

Each action is audited with a line on the ``orchid.audit`` logger naming the operator. The API reads
these states (`orchid.records.services`): a locked record answers 409 9018 to writes (and to the Member
API), a deprecated one 301 to its primary record on reads and 409 9007 otherwise.
"""

from __future__ import annotations

import logging
import re

from django.db import transaction

from orchid import ids
from orchid.records.models import Researcher, now_ms

__all__ = ["RecordAdminError", "deprecate", "find", "normalize_orcid", "set_locked"]

audit = logging.getLogger("orchid.audit")

_ID = re.compile(r"^(?:https?://[^/]+/)?(\d{4}-\d{4}-\d{4}-\d{3}[\dX])/?$", re.IGNORECASE)


class RecordAdminError(Exception):
    """A refusal to show the operator (no such record, a record deprecated into itself, ...)."""


def normalize_orcid(text: str) -> str | None:
    """The bare iD in ``text`` (an iD or an iD URI), or None when it is not a valid iD."""
    match = _ID.match(text.strip())
    if match is None:
        return None
    orcid = match.group(1).upper()
    return orcid if ids.is_valid(orcid) else None


def find(text: str) -> Researcher:
    """The record an operator names by iD or iD URI."""
    orcid = normalize_orcid(text)
    if orcid is None:
        raise RecordAdminError(f"Not an ORCID iD: {text.strip()!r}.")
    researcher = Researcher.objects.filter(orcid=orcid).select_related("user").first()
    if researcher is None:
        raise RecordAdminError(f"No record {orcid}.")
    return researcher


def set_locked(orcid: str, locked: bool, *, actor: str) -> Researcher:
    """Lock (or unlock) a record: locked, the API refuses writes with 409 9018."""
    researcher = find(orcid)
    if researcher.locked != locked:
        researcher.locked = locked
        researcher.last_modified = now_ms()
        researcher.save(update_fields=["locked", "last_modified"])
    audit.info("record %s %s by %s", researcher.orcid, "locked" if locked else "unlocked", actor)
    return researcher


def deprecate(orcid: str, primary: str, *, actor: str) -> Researcher:
    """Deprecate the record ``orcid`` into ``primary``: the API then answers 301 (reads) / 409 9007 for
    it, and its account can no longer sign in. Records deprecated into it earlier now point to
    ``primary``. Both records must exist and differ; the primary must be neither deprecated nor
    deactivated."""
    deprecated = find(orcid)
    target = find(primary)
    if deprecated.pk == target.pk:
        raise RecordAdminError("A record cannot be deprecated into itself.")
    if deprecated.deprecated_to:
        raise RecordAdminError(f"{deprecated.orcid} is already deprecated into {deprecated.deprecated_to}.")
    if target.deprecated_to:
        raise RecordAdminError(f"{target.orcid} is itself deprecated into {target.deprecated_to}.")
    if target.deactivated_at is not None:
        raise RecordAdminError(f"{target.orcid} is deactivated.")
    with transaction.atomic():
        stamp = now_ms()
        deprecated.deprecated_to = target.orcid
        deprecated.last_modified = stamp
        deprecated.save(update_fields=["deprecated_to", "last_modified"])
        for earlier in Researcher.objects.filter(deprecated_to=deprecated.orcid):
            earlier.deprecated_to = target.orcid
            earlier.save(update_fields=["deprecated_to"])
        if deprecated.user is not None and deprecated.user.is_active:
            deprecated.user.is_active = False  # no more sign-in (sessions end too: inactive users)
            deprecated.user.save(update_fields=["is_active"])
    audit.info("record %s deprecated into %s by %s", deprecated.orcid, target.orcid, actor)
    return deprecated
