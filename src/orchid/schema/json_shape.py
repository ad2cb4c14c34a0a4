"""Where ORCID's v3.0 JSON differs from a plain mapping of the XML (spec §10).

ORCID's JSON is written by Jackson from its Java model, not from the XSD, so the shape of a few
elements cannot be derived from the schema. Every such difference is listed here, once, with the
evidence (the JSON samples in orcid-model and ORCID's Java classes).

Rules that need no entry here:
- keys are the XML local names (elements and attributes alike), no root wrapper;
- an element with simple content (a class with a text value) becomes ``{"value": ..., <attributes>}``;
- a repeated element becomes an array; an absent one ``null``; an empty repeated one ``[]``;
- dates (xs:dateTime) become epoch milliseconds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from orchid.schema.plan import JsonForm

COMMON = "{http://www.orcid.org/ns/common}"
WORK = "{http://www.orcid.org/ns/work}"
FUNDING = "{http://www.orcid.org/ns/funding}"
PEER_REVIEW = "{http://www.orcid.org/ns/peer-review}"
PERSONAL_DETAILS = "{http://www.orcid.org/ns/personal-details}"
ADDRESS = "{http://www.orcid.org/ns/address}"

# Plain-text elements that ORCID's Java model holds in a small class, so JSON wraps them in
# {"value": ...} (e.g. "journal-title": {"value": "..."} in work-full-3.0.json).
WRAPPED_LEAVES: frozenset[str] = frozenset(
    {
        f"{WORK}journal-title",
        f"{COMMON}external-id-url",
        f"{COMMON}year",
        f"{COMMON}month",
        f"{COMMON}day",
        f"{PERSONAL_DETAILS}given-names",
        f"{PERSONAL_DETAILS}family-name",
        f"{ADDRESS}country",
        f"{FUNDING}organization-defined-type",
        f"{PEER_REVIEW}subject-container-name",
    }
)

# Simple-content elements that ORCID's Java model holds as a plain value, so JSON writes it bare:
# Work.languageCode is a String behind an adapter ("language-code": "en" in work-full-3.0.json),
# History.claimed a Boolean ("claimed": true in record-full-3.0.json).
BARE_TEXT: frozenset[str] = frozenset(
    {
        f"{COMMON}language-code",
        "{http://www.orcid.org/ns/history}claimed",
    }
)

# Wrapper elements that ORCID's Java model maps with @XmlElementWrapper: JSON has no key for the
# wrapper, only the repeated item element holding an array (research-resource-3.0.json:
# "resource-item": [...] where XML has <research-resource:resource-items><...:resource-item>).
FLATTENED_WRAPPERS: frozenset[str] = frozenset(
    {
        "{http://www.orcid.org/ns/research-resource}resource-items",
    }
)

# Fuzzy-date parts are zero-padded in both formats ("month": {"value": "05"}, <common:month>05<...>).
ZERO_PADDED: dict[str, int] = {"month": 2, "day": 2}

# Elements whose repeated children of several kinds ORCID's JSON gathers into one list of one-key
# objects: an affiliation group is {"summaries": [{"education-summary": {...}}, ...]}.
CHOICE_GROUPS: dict[str, dict[str, frozenset[str]]] = {
    "affiliation-group": {
        "summaries": frozenset(
            {
                "distinction-summary",
                "education-summary",
                "employment-summary",
                "invited-position-summary",
                "membership-summary",
                "qualification-summary",
                "service-summary",
            }
        )
    },
}

# The JSON key of an ordered list of mixed elements (Role.CHOICE), written as one-key objects:
# bulk-work-3.0.json: {"bulk": [{"work": {...}}, {"error": {...}}]}.
CHOICE_LIST_KEYS: dict[str, str] = {"bulk": "bulk"}

# Enumerations whose JSON form is the Java constant name rather than the XML value
# (record-full-3.0.json: "creation-method": "MEMBER_REFERRED" where XML has "Member-referred").
ENUMS_BY_NAME_IN_JSON: frozenset[str] = frozenset({"CreationMethod"})

# Person items (by element name) hold display-index as a Java Long, so JSON writes a number
# ("display-index": 0 for an other-name in record-full-3.0.json); activity summaries hold a String
# ("display-index": "0").
NUMERIC_DISPLAY_INDEX: frozenset[str] = frozenset(
    {"other-name", "researcher-url", "address", "external-identifier", "keyword", "email"}
)

# Keys left out when null. The XSD derives external-id from element-summary, but ORCID's Java ExternalID
# has no put code, dates or source: an external id inside "external-ids" has only its six keys
# (record-full-3.0.json). A person external identifier, which has them set, keeps them.
OMITTED_WHEN_NULL: dict[str, frozenset[str]] = {
    "external-id": frozenset(
        {"created-date", "last-modified-date", "source", "put-code", "visibility", "display-index", "path"}
    )
}

# Attributes fixed to "true" in the XSD that ORCID's JSON writes as a boolean ("transient": true).
BOOLEAN_ATTRIBUTES: frozenset[str] = frozenset({"transient"})


def form_for(parent_local: str, element_clark: str, model: type | None) -> JsonForm:
    from orchid.schema.plan import JsonForm

    if model is None:
        return JsonForm.WRAPPED if element_clark in WRAPPED_LEAVES else JsonForm.NATURAL
    if element_clark in FLATTENED_WRAPPERS:
        return JsonForm.FLATTENED
    return JsonForm.BARE if element_clark in BARE_TEXT else JsonForm.NATURAL
