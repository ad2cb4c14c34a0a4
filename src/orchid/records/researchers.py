"""Creating researchers: an iD minted from the configured block, an account, a primary e-mail."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from orchid import ids
from orchid.errors import OrcidError
from orchid.records.models import Email, Researcher, VisibilityChoices
from orchid.schema.enums import Visibility


def _block() -> ids.IdBlock:
    low, high = getattr(settings, "ORCHID_ID_BLOCK", (ids.DEFAULT_BLOCK.low, ids.DEFAULT_BLOCK.high))
    return ids.IdBlock(low, high)


def mint_orcid() -> str:
    return ids.mint(lambda orcid: Researcher.objects.filter(orcid=orcid).exists(), _block())


@transaction.atomic
def create_researcher(
    *,
    given_names: str,
    family_name: str = "",
    email: str | None = None,
    password: str | None = None,
    orcid: str | None = None,
    credit_name: str = "",
    biography: str = "",
    default_visibility: str = Visibility.PUBLIC.value,
    claimed: bool = True,
    created_by_client: Any = None,
    creation_method: str = "Member-referred",
    email_verified: bool = True,
) -> Researcher:
    """A new record (and its sign-in account when an e-mail is given). Raises ValueError on bad input.

    ``email_verified=False`` leaves the primary e-mail unverified (registration through the Registry UI,
    which sends a verification link).
    """
    if orcid is None:
        orcid = mint_orcid()
    elif not ids.is_valid(orcid):
        raise ValueError(f"'{orcid}' is not a valid ORCID iD (16 digits with a MOD 11-2 check character)")
    if Researcher.objects.filter(orcid=orcid).exists():
        raise ValueError(f"a record with iD {orcid} already exists")
    if default_visibility not in VisibilityChoices.values:
        raise ValueError(f"default visibility must be one of {', '.join(VisibilityChoices.values)}")
    if not given_names.strip():
        raise ValueError("given names are required")
    user = None
    if email is not None:
        if Email.objects.filter(email__iexact=email).exists():
            raise ValueError(f"the e-mail address {email} is already used by another record")
        user = get_user_model().objects.create_user(username=orcid, email=email, password=password)
    researcher = Researcher.objects.create(
        orcid=orcid,
        user=user,
        given_names=given_names.strip(),
        family_name=family_name.strip(),
        credit_name=credit_name.strip(),
        biography=biography,
        default_visibility=default_visibility,
        claimed=claimed,
        created_by_client=created_by_client,
        creation_method=creation_method,
    )
    if email is not None:
        Email.objects.create(researcher=researcher, email=email, verified=email_verified, primary=True)
    return researcher


def get_researcher(orcid: str) -> Researcher:
    researcher = Researcher.objects.filter(orcid=orcid).first()
    if researcher is None:
        raise OrcidError(9016, f"No record {orcid}")
    return researcher
