"""The researcher's e-mail addresses: the rules of adding, verifying, choosing the primary one, setting
visibility and removing, as ORCID's Registry applies them.

A new address is unverified and not primary; sending its verification mail is the caller's part
(`orchid.web.accounts.send_verification`). Only a verified address can become primary; the primary
address cannot be removed (choose another primary first). The API shows verified addresses only
(`orchid.records.services`). Every change goes through `orchid.records.changes.mark_changed`.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from orchid.records.changes import Action, Change, mark_changed
from orchid.records.models import Email, Researcher, VisibilityChoices, now_ms

MAX_EMAILS = 30  # ORCID caps the addresses of one record


class EmailError(Exception):
    """A refusal to show the researcher (a taken address, an unverified primary, ...)."""


def _touch(researcher: Researcher, action: Action) -> None:
    mark_changed(researcher.pk, Change(action=action, section="email"))  # always the researcher's own doing


def _own(researcher: Researcher, email_id: int) -> Email:
    row = researcher.emails.filter(pk=email_id).first()
    if row is None:
        raise EmailError("That e-mail address is not on your record.")
    return row


def _check_visibility(visibility: str) -> None:
    if visibility not in VisibilityChoices.values:
        raise EmailError("Choose a listed visibility.")


def add(researcher: Researcher, address: str, visibility: str | None = None) -> Email:
    """Add an unverified, non-primary address (the record's default visibility unless given)."""
    address = address.strip()
    try:
        validate_email(address)
    except ValidationError:
        raise EmailError("Enter a valid e-mail address.") from None
    visibility = visibility or researcher.default_visibility
    _check_visibility(visibility)
    with transaction.atomic():
        if Email.objects.filter(email__iexact=address).exists():
            raise EmailError("That e-mail address is already used by a record.")
        if researcher.emails.count() >= MAX_EMAILS:
            raise EmailError(f"A record holds at most {MAX_EMAILS} e-mail addresses.")
        row = Email.objects.create(
            researcher=researcher, email=address, verified=False, primary=False, visibility=visibility
        )
        _touch(researcher, Action.CREATED)
    return row


def set_primary(researcher: Researcher, email_id: int) -> Email:
    """Make a verified address the primary one (the previous primary stays on the record)."""
    with transaction.atomic():
        row = _own(researcher, email_id)
        if not row.verified:
            raise EmailError("Verify this e-mail address before making it your primary address.")
        if row.primary:
            return row
        moment = now_ms()
        researcher.emails.filter(primary=True).update(primary=False, last_modified=moment)
        row.primary, row.last_modified = True, moment
        row.save(update_fields=["primary", "last_modified"])
        _touch(researcher, Action.UPDATED)
    return row


def set_visibility(researcher: Researcher, email_id: int, visibility: str) -> Email:
    _check_visibility(visibility)
    with transaction.atomic():
        row = _own(researcher, email_id)
        if row.visibility != visibility:
            row.visibility, row.last_modified = visibility, now_ms()
            row.save(update_fields=["visibility", "last_modified"])
            _touch(researcher, Action.VISIBILITY)
    return row


def remove(researcher: Researcher, email_id: int) -> None:
    with transaction.atomic():
        row = _own(researcher, email_id)
        if row.primary:
            raise EmailError("Your primary e-mail address cannot be removed: make another one primary first.")
        row.delete()
        _touch(researcher, Action.DELETED)


def unverified(researcher: Researcher, email_id: int) -> Email:
    """The address to send a new verification link to; EmailError when it is already verified."""
    row = _own(researcher, email_id)
    if row.verified:
        raise EmailError("That e-mail address is already verified.")
    return row


def listed(researcher: Researcher) -> list[Email]:
    """The record's addresses, the primary first."""
    return sorted(researcher.emails.all(), key=lambda row: (not row.primary, row.created_at, row.pk))
