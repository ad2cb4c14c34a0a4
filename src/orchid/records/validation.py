"""The write-time rules of ORCID's ``ActivityValidator``, ``ExternalIDValidator`` and ``PersonValidator``
(v3.0, spec section 6.5) for an item posted or put through the Member API.

What the schema layer already checks when it reads a message (vocabularies 9037/9058/9051, fuzzy dates
9049, date order 9050/9055, XSD shapes) is not repeated here; what this module adds are the rules that
need the item as a whole or the registry. It is pure Python: the registry is reached only through the
three callables the caller passes, so the rules are testable without a database.

Codes as ORCID raises them: 9022 title, 9023 external identifiers, 9037 missing type, 9054 amount,
9046 organization, 9045 disambiguated organization, 9060/9061/9062 organization address and
identifiers, 9053 ISSN, and 9020 (``OrcidValidationException``, "Invalid incoming message") for the rest.
Each error's detail names the offending field.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from orchid import identifiers, ids
from orchid.errors import OrcidError
from orchid.schema import enums
from orchid.schema import models as m

__all__ = [
    "FUNDED_BY_TYPES",
    "GROUP_ID_PATTERN",
    "ResolveOrganization",
    "validate_group_id_record",
    "validate_item",
]

INVALID_MESSAGE: Final = 9020
TITLE_REQUIRED: Final = 9022
EXTERNAL_ID_INVALID: Final = 9023
INVALID_TYPE: Final = 9037
INVALID_DISAMBIGUATED_ORG: Final = 9045
INVALID_ORG: Final = 9046
INVALID_ISSN: Final = 9053
INVALID_AMOUNT: Final = 9054
CITY_AND_COUNTRY_REQUIRED: Final = 9060
COUNTRY_REQUIRED: Final = 9061
ORG_ID_OR_EXTERNAL_ID_REQUIRED: Final = 9062

# ORCID's SiteConstants.URL_MAX_LENGTH and MAX_LENGTH_255.
URL_MAX_LENGTH: Final = 2000
MAX_LENGTH_255: Final = 255
GROUP_ID_MAX_LENGTH: Final = 1000

FUNDED_BY_TYPES: Final = frozenset({"grant_number", "proposal-id", "uri", "doi"})
GROUP_ID_PATTERN: Final = re.compile(
    r"(ringgold:|issn:|orcid-generated:|fundref:|publons:)([0-9a-zA-Z\^._~:/?#\[\]@!$&'()*+,;=-]){2,}"
)
_ISSN_GROUP_PREFIX: Final = "issn:"
_ORCID_URI: Final = re.compile(r"https?://[^/]+/(?P<orcid>[^/]+)", re.ASCII)

ResolveOrganization = Callable[[m.common.Organization], None]


@dataclass(frozen=True, slots=True)
class _Registry:
    resolve_organization: ResolveOrganization
    group_id_exists: Callable[[str], bool]
    create_issn_group: Callable[[str], None]


def validate_item(
    section_name: str,
    item: Any,
    *,
    resolve_organization: ResolveOrganization,
    group_id_exists: Callable[[str], bool],
    create_issn_group: Callable[[str], None],
) -> None:
    """Apply ORCID's write rules for one item of `section_name` (a name of `orchid.records.sections`).

    Raises `OrcidError` with ORCID's code at the first broken rule. Rules that need nothing but the
    item run first; the organization check (which may add an organization in sandbox mode) and the
    peer-review group check (which may create an ISSN group) run last, so an item refused for its own
    content causes no writes. A peer review's ``issn:`` group id is rewritten to its normalized form,
    as ORCID stores it. Call this inside the transaction that saves the item.
    """
    validator = _VALIDATORS.get(section_name)
    if validator is None:
        raise ValueError(f"no validation rules for section {section_name!r}")
    validator(item, _Registry(resolve_organization, group_id_exists, create_issn_group))


def validate_group_id_record(record: Any) -> None:
    """ORCID's checks of a posted group-id-record (``m.group_id.GroupIdRecord``): the group-id pattern
    and the 1000-character limits of group-id, name and description (9020)."""
    group_id = record.group_id or ""
    for field, value in (("group-id", group_id), ("name", record.name), ("description", record.description)):
        if value is not None and len(value) > GROUP_ID_MAX_LENGTH:
            _invalid(f"group-id-record: {field} must not be longer than {GROUP_ID_MAX_LENGTH} characters")
    if not GROUP_ID_PATTERN.fullmatch(group_id):
        _invalid(f"Invalid group-id: '{group_id}'")


# --- helpers ----------------------------------------------------------------------------------------


def _invalid(detail: str) -> None:
    raise OrcidError(INVALID_MESSAGE, detail)


def _blank(value: str | None) -> bool:
    return value is None or not value.strip()


def _missing_type(field: str, values: Sequence[str]) -> OrcidError:
    return OrcidError(INVALID_TYPE, type=field, values=", ".join(values))


def _external_id_list(external_ids: Any) -> list[Any]:
    if external_ids is None:
        return []
    return list(external_ids.external_id or [])


def _external_id_problems(external_id: Any, *, where: str) -> list[str]:
    """ExternalIDValidator's per-identifier checks: known type, a value, a relationship."""
    problems: list[str] = []
    id_type = external_id.external_id_type
    if _blank(id_type):
        problems.append(f"{where}: external-id-type is required")
    elif not identifiers.is_known_type(id_type):  # exact, as ORCID's identifier-type lookup
        problems.append(f"{where}: external-id-type '{id_type}' is not a known identifier type")
    if _blank(external_id.external_id_value):
        problems.append(f"{where}: external-id-value must not be empty")
    if _blank(external_id.external_id_relationship):
        problems.append(f"{where}: external-id-relationship is required")
    return problems


def _raise_external_id_problems(problems: list[str]) -> None:
    if problems:
        raise OrcidError(EXTERNAL_ID_INVALID, "Invalid external-id: " + "; ".join(problems))


def _check_external_ids(
    external_ids: Sequence[Any],
    *,
    where: str,
    self_required: bool = False,
    version_of_needs_self: bool = False,
    funded_by_limited: bool = False,
) -> None:
    problems: list[str] = []
    relationships: set[str] = set()
    for index, external_id in enumerate(external_ids):
        here = f"{where}[{index}]"
        problems.extend(_external_id_problems(external_id, where=here))
        relationship = (external_id.external_id_relationship or "").strip()
        relationships.add(relationship)
        id_type = (external_id.external_id_type or "").strip()
        if (
            funded_by_limited
            and relationship == enums.Relationship.FUNDED_BY
            and id_type not in FUNDED_BY_TYPES
        ):
            # ORCID answers this one with a plain validation error, not 9023.
            raise OrcidError(
                INVALID_MESSAGE,
                f"{here}: external-id-relationship 'funded-by' is only allowed for external-id-type "
                f"{', '.join(sorted(FUNDED_BY_TYPES))}, not '{id_type}'",
            )
    has_self = enums.Relationship.SELF.value in relationships
    if self_required and not has_self:
        problems.append(f"{where}: At least one identifier with 'self' relationship is required")
    if version_of_needs_self and enums.Relationship.VERSION_OF.value in relationships and not has_self:
        problems.append(f"{where}: version-of requires at least one self identifier")
    _raise_external_id_problems(problems)


def _require_external_ids(external_ids: Any, where: str, detail: str | None = None) -> list[Any]:
    found = _external_id_list(external_ids)
    if not found:
        raise OrcidError(EXTERNAL_ID_INVALID, detail or f"{where}: at least one external-id is required")
    return found


def _check_translated_title(translated_title: Any, where: str) -> None:
    if translated_title is None:
        return
    has_title = not _blank(translated_title.value)
    has_language = not _blank(translated_title.language_code)
    if not has_title and has_language:
        _invalid(f"{where}/translated-title: Please specify a translated title or remove the language code")
    if has_title and not has_language:
        raise _missing_type(
            f"translated title -> language code ({where}/translated-title/language-code)",
            [member.value for member in enums.LanguageCode],
        )


def _disambiguated_id(organization: Any) -> str:
    disambiguated = organization.disambiguated_organization
    if disambiguated is None:
        return ""
    return (disambiguated.disambiguated_organization_identifier or "").strip()


def _require_disambiguated_org(organization: Any, where: str) -> Any:
    """ActivityValidator.validateDisambiguatedOrg: an organization (9046) with a disambiguated
    organization identifier (9045)."""
    if organization is None:
        raise OrcidError(INVALID_ORG, f"{where}: organization is required")
    if organization.disambiguated_organization is None:
        raise OrcidError(INVALID_DISAMBIGUATED_ORG, f"{where}/disambiguated-organization is required")
    if not _disambiguated_id(organization):
        raise OrcidError(
            INVALID_DISAMBIGUATED_ORG,
            f"{where}/disambiguated-organization/disambiguated-organization-identifier is required",
        )
    return organization


# --- activities ---------------------------------------------------------------------------------------


def _validate_work(work: Any, registry: _Registry) -> None:
    title = work.title
    if title is None or title.title is None or _blank(title.title.value):
        raise OrcidError(TITLE_REQUIRED, "work: title/title is required")
    if work.country is not None and _blank(work.country.value):
        raise _missing_type("country (work/country)", [member.value for member in enums.Country])
    _check_translated_title(title.translated_title, "work/title")
    if _blank(work.type_value):
        raise _missing_type("work type (work/type)", [member.value for member in enums.WorkType])
    citation = work.citation
    if citation is not None:
        if _blank(citation.citation_type):
            raise _missing_type(
                "citation type (work/citation/citation-type)", [member.value for member in enums.CitationType]
            )
        if _blank(citation.citation_value):
            _invalid("work/citation/citation-value: Please specify a citation or remove the parent tag")
    external_ids = _require_external_ids(work.external_ids, "work/external-ids")
    _check_contributors(work.contributors, "work/contributors")
    _check_external_ids(external_ids, where="work/external-ids", self_required=True, funded_by_limited=True)


def _check_contributors(contributors: Any, where: str) -> None:
    if contributors is None:
        return
    for index, contributor in enumerate(contributors.contributor or []):
        here = f"{where}/contributor[{index}]"
        contributor_orcid = contributor.contributor_orcid
        if contributor_orcid is not None:
            uri = contributor_orcid.uri
            if not _blank(uri):
                match = _ORCID_URI.fullmatch(uri.strip())
                if match is None or not ids.is_valid(match.group("orcid")):
                    _invalid(f"{here}/contributor-orcid/uri: Invalid contributor URI '{uri}'")
            path = contributor_orcid.path
            if not _blank(path) and not ids.is_valid(path.strip()):
                _invalid(f"{here}/contributor-orcid/path: Invalid contributor ORCID '{path}'")
        if contributor.credit_name is not None and _blank(contributor.credit_name.value):
            _invalid(f"{here}/credit-name: Please specify a contributor credit name or remove the empty tag")
        if contributor.contributor_email is not None and _blank(contributor.contributor_email.value):
            _invalid(f"{here}/contributor-email: Please specify a contributor email or remove the empty tag")


def _validate_funding(funding: Any, registry: _Registry) -> None:
    title = funding.title
    if title is None or title.title is None or _blank(title.title.value):
        raise OrcidError(TITLE_REQUIRED, "funding: title/title is required")
    if title.translated_title is not None and not _blank(title.translated_title.value):
        _check_translated_title(title.translated_title, "funding/title")
    external_ids = _require_external_ids(funding.external_ids, "funding/external-ids")
    _check_amount(funding.amount)
    organization = _require_disambiguated_org(funding.organization, "funding/organization")
    _check_external_ids(external_ids, where="funding/external-ids")
    registry.resolve_organization(organization)


def _check_amount(amount: Any) -> None:
    if amount is None:
        return
    has_value = not _blank(amount.value)
    has_currency = not _blank(amount.currency_code)
    if has_value and not has_currency:
        _invalid("funding/amount/currency-code: Please specify a currency code")
    if has_currency and not has_value:
        _invalid("funding/amount: Please specify an amount or remove the amount tag")
    if has_value:
        # ORCID parses the amount with Java's Double.parseDouble.
        try:
            number = float(amount.value.strip())
        except ValueError:
            number = math.nan
        if not math.isfinite(number):
            raise OrcidError(INVALID_AMOUNT, f"funding/amount: '{amount.value}' is not a number")


def _validate_education_or_employment(name: str) -> Callable[[Any, _Registry], None]:
    def validate(affiliation: Any, registry: _Registry) -> None:
        organization = _require_disambiguated_org(affiliation.organization, f"{name}/organization")
        address = organization.address
        if address is None or _blank(address.city) or _blank(address.country):
            raise OrcidError(
                CITY_AND_COUNTRY_REQUIRED,
                f"{name}/organization/address: city and country are required",
            )
        _check_external_ids(_external_id_list(affiliation.external_ids), where=f"{name}/external-ids")
        registry.resolve_organization(organization)

    return validate


def _validate_professional_activity(name: str) -> Callable[[Any, _Registry], None]:
    def validate(affiliation: Any, registry: _Registry) -> None:
        organization = affiliation.organization
        where = f"{name}/organization"
        if organization is None:
            raise OrcidError(INVALID_ORG, f"{where} is required")
        org_id = _disambiguated_id(organization)
        if _blank(organization.name) and not org_id:
            raise OrcidError(INVALID_ORG, f"{where}: a name or a disambiguated-organization is required")
        external_ids = _external_id_list(affiliation.external_ids)
        if not org_id and not external_ids:
            raise OrcidError(
                ORG_ID_OR_EXTERNAL_ID_REQUIRED,
                f"{name}: {where}/disambiguated-organization or {name}/external-ids is required",
            )
        address = organization.address
        if (
            address is not None
            and _blank(address.country)
            and not (_blank(address.city) and _blank(address.region))
        ):
            raise OrcidError(
                COUNTRY_REQUIRED, f"{where}/address/country is required when a city or region is given"
            )
        _check_external_ids(external_ids, where=f"{name}/external-ids")
        if organization.disambiguated_organization is not None:
            registry.resolve_organization(organization)

    return validate


def _validate_peer_review(peer_review: Any, registry: _Registry) -> None:
    review_ids = _require_external_ids(
        peer_review.review_identifiers, "peer-review/review-identifiers",
        "peer-review/review-identifiers: at least one external-id is required",
    )  # fmt: skip
    if _blank(peer_review.review_type):
        raise _missing_type(
            "peer review type (peer-review/review-type)", [t.value for t in enums.PeerReviewType]
        )
    _check_external_ids(review_ids, where="peer-review/review-identifiers", version_of_needs_self=True)
    subject = peer_review.subject_external_identifier
    if subject is not None:
        _raise_external_id_problems(
            _external_id_problems(subject, where="peer-review/subject-external-identifier")
        )
    group_id = (peer_review.review_group_id or "").strip()
    if not group_id:
        _invalid("peer-review/review-group-id is required")
    convening = peer_review.convening_organization
    if convening is not None:
        _require_disambiguated_org(convening, "peer-review/convening-organization")
    peer_review.review_group_id = _existing_group_id(group_id, registry)
    if convening is not None:
        registry.resolve_organization(convening)


def _existing_group_id(group_id: str, registry: _Registry) -> str:
    """The group id the peer review is saved under: ``issn:`` ids are normalized and their group created
    on first use (ORCID's createIssnGroupIdIfNecessary); any other group must already exist."""
    if group_id.startswith(_ISSN_GROUP_PREFIX):
        issn = identifiers.normalize("issn", group_id[len(_ISSN_GROUP_PREFIX) :])
        if issn.value is None:
            raise OrcidError(
                INVALID_ISSN, f"peer-review/review-group-id: '{group_id}' does not hold a valid ISSN"
            )
        normalized = _ISSN_GROUP_PREFIX + issn.value
        if not registry.group_id_exists(normalized):
            registry.create_issn_group(normalized)
        return normalized
    if not registry.group_id_exists(group_id):
        _invalid(
            f"peer-review/review-group-id: the group '{group_id}' does not exist; "
            "create its group-id-record first"
        )
    return group_id


def _validate_research_resource(resource: Any, registry: _Registry) -> None:
    proposal = resource.proposal
    if proposal is None:
        raise OrcidError(EXTERNAL_ID_INVALID, "research-resource/proposal is required")
    proposal_ids = _require_external_ids(
        proposal.external_ids,
        "research-resource/proposal/external-ids",
        "research-resource/proposal/external-ids: Missing external ID in Research Resource Proposal",
    )
    _check_external_ids(
        proposal_ids, where="research-resource/proposal/external-ids", version_of_needs_self=True
    )
    hosts = _host_organizations(proposal.hosts, "research-resource/proposal/hosts")
    items = [] if resource.resource_items is None else list(resource.resource_items.resource_item or [])
    for index, resource_item in enumerate(items):
        where = f"research-resource/resource-items/resource-item[{index}]"
        item_ids = _require_external_ids(
            resource_item.external_ids,
            f"{where}/external-ids",
            f"{where}/external-ids: Missing external ID in Research Resource Item",
        )
        _check_external_ids(item_ids, where=f"{where}/external-ids", version_of_needs_self=True)
        hosts.extend(_host_organizations(resource_item.hosts, f"{where}/hosts"))
    for organization in hosts:
        registry.resolve_organization(organization)


def _host_organizations(hosts: Any, where: str) -> list[Any]:
    organizations = [] if hosts is None else list(hosts.organization or [])
    if not organizations:
        raise OrcidError(INVALID_ORG, f"{where}: at least one organization is required")
    return [
        _require_disambiguated_org(organization, f"{where}/organization[{index}]")
        for index, organization in enumerate(organizations)
    ]


# --- person items -------------------------------------------------------------------------------------


def _check_length(value: str, limit: int, detail: str) -> None:
    if len(value) > limit:
        _invalid(f"{detail} must not be longer than {limit} characters")


def _validate_researcher_url(researcher_url: Any, registry: _Registry) -> None:
    url = "" if researcher_url.url is None else (researcher_url.url.value or "")
    if _blank(url):
        _invalid("researcher-url/url: Url field must not be empty")
    _check_length(url, URL_MAX_LENGTH, "researcher-url/url: Url field")
    if not _blank(researcher_url.url_name):
        _check_length(researcher_url.url_name, URL_MAX_LENGTH, "researcher-url/url-name: Url name")


def _validate_person_external_identifier(external_identifier: Any, registry: _Registry) -> None:
    id_type = external_identifier.external_id_type or ""
    if _blank(id_type):
        _invalid("external-identifier/external-id-type: Common name field must not be empty")
    _check_length(id_type, MAX_LENGTH_255, "external-identifier/external-id-type: Common name field")
    value = external_identifier.external_id_value or ""
    if _blank(value):
        _invalid("external-identifier/external-id-value: Reference field must not be empty")
    _check_length(value, MAX_LENGTH_255, "external-identifier/external-id-value: Reference field")
    if (external_identifier.external_id_relationship or "").strip() != enums.Relationship.SELF:
        _invalid(
            "external-identifier/external-id-relationship: "
            "Relationship field should be self for person identifiers"
        )
    url = external_identifier.external_id_url or ""
    if _blank(url):
        _invalid("external-identifier/external-id-url: Url field must not be empty")
    _check_length(url, URL_MAX_LENGTH, "external-identifier/external-id-url: Url")


def _validate_keyword(keyword: Any, registry: _Registry) -> None:
    if _blank(keyword.content):
        _invalid("keyword/content: Keyword cannot be empty")


def _validate_other_name(other_name: Any, registry: _Registry) -> None:
    if _blank(other_name.content):
        _invalid("other-name/content: Other name cannot be empty")


def _validate_address(address: Any, registry: _Registry) -> None:
    country = address.country
    # address:address carries the country as a plain string; accept a common:country element too.
    value = getattr(country, "value", country)
    if not isinstance(value, str) or _blank(value):
        _invalid("address/country: Country cannot be null")


_VALIDATORS: Final[dict[str, Callable[[Any, _Registry], None]]] = {
    "work": _validate_work,
    "funding": _validate_funding,
    "education": _validate_education_or_employment("education"),
    "employment": _validate_education_or_employment("employment"),
    "distinction": _validate_professional_activity("distinction"),
    "invited-position": _validate_professional_activity("invited-position"),
    "membership": _validate_professional_activity("membership"),
    "qualification": _validate_professional_activity("qualification"),
    "service": _validate_professional_activity("service"),
    "peer-review": _validate_peer_review,
    "research-resource": _validate_research_resource,
    "researcher-url": _validate_researcher_url,
    "external-identifier": _validate_person_external_identifier,
    "keyword": _validate_keyword,
    "other-name": _validate_other_name,
    "address": _validate_address,
}
