"""The organization registry's operations: identifier forms, lookups, the check of an organization in a
posted item, and the import of a ROR data dump.

Identifier forms (what ORCID stores in ``org_disambiguated.source_id``, confirmed in ORCID-Source's
loaders, tests and write samples):

* ROR: ``https://ror.org/0xxxxxxxx`` (9 characters: ``0``, six Crockford base-32 digits, a two-digit
  ISO 7064 MOD 97-10 checksum);
* GRID: ``grid.<digits>.<hex>`` (``grid.455335.1``);
* RINGGOLD: digits (``385488``);
* FUNDREF: ``http://dx.doi.org/10.13039/<digits>``;
* LEI: 20 characters, ISO 17442 (18 alphanumerics and two MOD 97-10 check digits).

ORCID matches a posted identifier against the stored spelling exactly. Orchid keeps one canonical
spelling per identifier (`canonical_id`); in strict mode a posted identifier must already be in that
spelling, as on ORCID, while sandbox mode also accepts the other common spellings (a bare ROR id,
``https://doi.org/10.13039/...``, lower-case source names).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import ijson
from django.db import transaction

from orchid.errors import OrcidError
from orchid.organizations.models import Organization, OrganizationSource, Provenance
from orchid.schema import models as m

__all__ = [
    "RorRecord",
    "canonical_id",
    "import_ror_dump",
    "is_well_formed",
    "iter_ror_dump",
    "lookup",
    "resolve",
]

logger = logging.getLogger(__name__)

INVALID_DISAMBIGUATED_ORG = 9045
INVALID_ORG = 9046

_CROCKFORD_BASE32 = "0123456789abcdefghjkmnpqrstvwxyz"
_ROR_ID = re.compile(r"0[0-9a-hjkmnp-tv-z]{6}[0-9]{2}")
_ROR_FORMS = re.compile(r"(?:https?://)?(?:www\.)?ror\.org/(?P<id>[^/?#\s]+)/?", re.IGNORECASE)
_GRID = re.compile(r"grid\.\d+\.[0-9a-f]+")
_RINGGOLD = re.compile(r"\d+")
_FUNDREF_DOI = re.compile(r"10\.13039/(?P<suffix>\d+)")
_FUNDREF_FORMS = re.compile(r"(?:(?:https?://)?(?:dx\.)?doi\.org/)?10\.13039/(?P<suffix>\d+)", re.IGNORECASE)
_LEI = re.compile(r"[0-9A-Z]{18}[0-9]{2}")

FUNDREF_PREFIX = "http://dx.doi.org/10.13039/"
ROR_PREFIX = "https://ror.org/"


def _ror_checksum_ok(ror_id: str) -> bool:
    number = 0
    for char in ror_id[1:7]:
        number = number * 32 + _CROCKFORD_BASE32.index(char)
    return 98 - (number * 100) % 97 == int(ror_id[7:])


def _lei_checksum_ok(lei: str) -> bool:
    # ISO 7064 MOD 97-10 as for IBANs: letters become 10..35, the whole number mod 97 must be 1.
    return int("".join(str(int(char, 36)) for char in lei)) % 97 == 1


def _source_of(source: str | OrganizationSource | None, *, lenient: bool) -> OrganizationSource | None:
    if source is None:
        return None
    text = str(source).strip()
    if lenient:
        text = text.upper()
    try:
        return OrganizationSource(text)
    except ValueError:
        return None


def canonical_id(source: str | OrganizationSource, identifier: str) -> str | None:
    """The spelling the registry stores for `identifier`, or None if it is not a well-formed id of `source`.

    Accepts the usual variants: ROR as ``https://ror.org/ID``, ``ror.org/ID`` or the bare ID (any case);
    FUNDREF as ``http(s)://(dx.)doi.org/10.13039/N`` or ``10.13039/N``; LEI in lower case.
    """
    kind = _source_of(source, lenient=True)
    value = (identifier or "").strip()
    if kind is None or not value:
        return None
    if kind is OrganizationSource.ROR:
        match = _ROR_FORMS.fullmatch(value)
        bare = (match.group("id") if match else value).lower()
        if _ROR_ID.fullmatch(bare) and _ror_checksum_ok(bare):
            return ROR_PREFIX + bare
        return None
    if kind is OrganizationSource.GRID:
        return value if _GRID.fullmatch(value) else None
    if kind is OrganizationSource.RINGGOLD:
        return value if _RINGGOLD.fullmatch(value) else None
    if kind is OrganizationSource.FUNDREF:
        fundref = _FUNDREF_FORMS.fullmatch(value)
        return FUNDREF_PREFIX + fundref.group("suffix") if fundref else None
    lei = value.upper()
    return lei if _LEI.fullmatch(lei) and _lei_checksum_ok(lei) else None


def is_well_formed(source: str | OrganizationSource, identifier: str) -> bool:
    """Whether `identifier` is a syntactically valid id of `source` (see `canonical_id` for the forms)."""
    return canonical_id(source, identifier) is not None


def lookup(source: str | OrganizationSource, disambiguated_id: str) -> Organization | None:
    """The registry's organization for (source, id), given in any spelling `canonical_id` accepts."""
    canonical = canonical_id(source, disambiguated_id)
    kind = _source_of(source, lenient=True)
    if canonical is None or kind is None:
        return None
    return Organization.objects.filter(source=kind.value, disambiguated_id=canonical).first()


def _text(value: str | None) -> str:
    return (value or "").strip()


def resolve(organization: m.common.Organization, *, sandbox: bool) -> None:
    """Check the organization of a posted item against the registry, as ORCID's ``OrgManager`` does.

    The disambiguated organization must be present, name one of the five sources and carry an
    identifier (else 9045). A known identifier passes. An unknown one is refused with 9045 in strict
    mode; in sandbox mode a well-formed one is added to the registry from the item's own name, city,
    region and country, so a local sandbox accepts any real organization without a full ROR import.
    Call it inside the transaction that saves the item, so a refused item leaves no organization behind.
    """
    disambiguated = organization.disambiguated_organization
    if disambiguated is None:
        raise OrcidError(INVALID_DISAMBIGUATED_ORG, "organization: disambiguated-organization is required")
    raw_id = _text(disambiguated.disambiguated_organization_identifier)
    raw_source = _text(disambiguated.disambiguation_source)
    if not raw_id:
        raise OrcidError(
            INVALID_DISAMBIGUATED_ORG,
            "disambiguated-organization: disambiguated-organization-identifier is required",
        )
    kind = _source_of(raw_source, lenient=sandbox)
    if kind is None:
        allowed = ", ".join(choice.value for choice in OrganizationSource)
        raise OrcidError(
            INVALID_DISAMBIGUATED_ORG,
            f"disambiguated-organization: disambiguation-source '{raw_source}' is not one of {allowed}",
        )
    canonical = canonical_id(kind, raw_id)
    if canonical is None:
        raise OrcidError(
            INVALID_DISAMBIGUATED_ORG,
            f"disambiguated-organization: '{raw_id}' is not a valid {kind.value} identifier",
        )
    if not sandbox and canonical != raw_id:
        # ORCID compares the stored spelling exactly; say which spelling it expects.
        raise OrcidError(
            INVALID_DISAMBIGUATED_ORG,
            f"disambiguated-organization: {kind.value} identifiers are written '{canonical}', not '{raw_id}'",
        )
    if Organization.objects.filter(source=kind.value, disambiguated_id=canonical).exists():
        return
    if not sandbox:
        raise OrcidError(
            INVALID_DISAMBIGUATED_ORG,
            f"disambiguated-organization: {kind.value} '{raw_id}' is not in the organization registry",
        )
    name = _text(organization.name)
    if not name:
        raise OrcidError(INVALID_ORG, "organization: name is required")
    address = organization.address
    country = _text(address.country).upper() if address else ""
    Organization.objects.get_or_create(
        source=kind.value,
        disambiguated_id=canonical,
        defaults={
            "name": name,
            "city": _text(address.city) if address else "",
            "region": _text(address.region) if address else "",
            # The schema layer has checked the code; anything else is not stored rather than cut.
            "country": country if len(country) == 2 else "",
            "provenance": Provenance.SANDBOX,
        },
    )
    logger.info("sandbox: added %s %s (%s) to the organization registry", kind.value, canonical, name)


# --- ROR data dump --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RorRecord:
    """What the registry keeps of one ROR record (schema v1 or v2)."""

    ror_id: str  # canonical https://ror.org/... form
    name: str
    city: str
    region: str
    country: str
    grid_ids: tuple[str, ...]
    fundref_ids: tuple[str, ...]


def _v2_display_name(names: Iterable[dict[str, Any]]) -> str:
    fallback = ""
    for entry in names:
        value = _text(entry.get("value"))
        types = entry.get("types") or []
        if "ror_display" in types and value:
            return value
        if not fallback and "label" in types:
            fallback = value
    return fallback


def _external_ids(record: dict[str, Any], kind: str) -> list[str]:
    """``all`` plus ``preferred`` of one external-id type; v2 is a list of {type, all, preferred}, v1 a
    dict keyed by type name (``GRID``, ``FundRef``) whose ``all`` is a string or a list."""
    external = record.get("external_ids") or []
    entries: list[dict[str, Any]]
    if isinstance(external, dict):
        entries = [
            value for key, value in external.items() if key.lower() == kind and isinstance(value, dict)
        ]
    else:
        entries = [entry for entry in external if str(entry.get("type", "")).lower() == kind]
    found: list[str] = []
    for entry in entries:
        candidates = entry.get("all") or []
        if isinstance(candidates, str):
            candidates = [candidates]
        for value in [entry.get("preferred"), *candidates]:
            if isinstance(value, str) and value.strip() and value.strip() not in found:
                found.append(value.strip())
    return found


def parse_ror_record(record: dict[str, Any]) -> RorRecord | None:
    """Read one ROR record (v2: ``names``/``locations``; v1: ``name``/``addresses``/``country``)."""
    ror_id = canonical_id(OrganizationSource.ROR, str(record.get("id") or ""))
    if ror_id is None:
        return None
    city = region = country = ""
    if "names" in record:  # schema v2
        name = _v2_display_name(record.get("names") or [])
        for location in record.get("locations") or []:
            details = location.get("geonames_details") or {}
            city = _text(details.get("name"))
            region = _text(details.get("country_subdivision_name"))
            country = _text(details.get("country_code"))
            break
    else:  # schema v1
        name = _text(record.get("name"))
        for address in record.get("addresses") or []:
            city = _text(address.get("city"))
            region = _text(address.get("state"))
            admin1 = (address.get("geonames_city") or {}).get("geonames_admin1") or {}
            region = region or _text(admin1.get("name"))
            country = _text(address.get("country_code"))
            break
        country = country or _text((record.get("country") or {}).get("country_code"))
    if not name:
        return None
    grid_ids = tuple(v for v in _external_ids(record, "grid") if canonical_id(OrganizationSource.GRID, v))
    fundref_ids = tuple(
        canonical
        for v in _external_ids(record, "fundref")
        if (canonical := canonical_id(OrganizationSource.FUNDREF, v if "/" in v else f"10.13039/{v}"))
    )
    return RorRecord(
        ror_id, name[:4000], city[:4000], region[:4000], country.upper()[:2], grid_ids, fundref_ids
    )


def iter_ror_dump(stream: IO[bytes]) -> Iterator[RorRecord]:
    """Stream the records of a ROR dump (a top-level JSON array) one at a time, in constant memory."""
    # use_float: ROR's coordinates would otherwise become Decimals, which nothing here needs.
    for record in ijson.items(stream, "item", use_float=True):
        if not isinstance(record, dict):
            continue
        parsed = parse_ror_record(record)
        if parsed is None:
            logger.warning("ROR dump: skipped a record without a valid id or name: %r", record.get("id"))
            continue
        yield parsed


def _rows_of(record: RorRecord) -> Iterator[tuple[str, str]]:
    yield OrganizationSource.ROR.value, record.ror_id
    # A ROR record's GRID and Crossref Funder ids name the same organization: registering them lets
    # items that still cite GRID or FundRef ids resolve, as they do on ORCID.
    for grid_id in record.grid_ids:
        yield OrganizationSource.GRID.value, grid_id
    for fundref_id in record.fundref_ids:
        yield OrganizationSource.FUNDREF.value, fundref_id


def _upsert(batch: dict[tuple[str, str], RorRecord]) -> None:
    rows = [
        Organization(
            source=source,
            disambiguated_id=identifier,
            name=record.name,
            city=record.city,
            region=record.region,
            country=record.country,
            provenance=Provenance.ROR_DUMP,
        )
        for (source, identifier), record in batch.items()
    ]
    with transaction.atomic():
        Organization.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["source", "disambiguated_id"],
            update_fields=["name", "city", "region", "country"],
        )


def import_ror_dump(path_or_file: str | Path | IO[bytes], *, batch_size: int = 1000) -> int:
    """Insert or update the registry from a ROR data dump (JSON, schema v1 or v2); return the number of
    ROR records imported. Also registers each record's GRID and Crossref Funder ids.

    Reads the file as a stream and writes in batches of `batch_size` rows, so a full dump (over 100,000
    records) needs no more memory than one batch. Importing the same dump again changes nothing.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    if isinstance(path_or_file, str | Path):
        with open(path_or_file, "rb") as stream:
            return import_ror_dump(stream, batch_size=batch_size)
    imported = 0
    # Keyed by (source, id): one INSERT ... ON CONFLICT may not touch the same row twice (PostgreSQL).
    batch: dict[tuple[str, str], RorRecord] = {}
    for record in iter_ror_dump(path_or_file):
        imported += 1
        for key in _rows_of(record):
            batch[key] = record
        if len(batch) >= batch_size:
            _upsert(batch)
            batch = {}
    if batch:
        _upsert(batch)
    return imported
