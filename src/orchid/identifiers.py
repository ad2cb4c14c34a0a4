"""External-identifier types (ORCID's ``identifier_type`` table) and value normalization.

The table mirrors the rows ORCID-Source creates through its Liquibase changesets
(``orcid-persistence/src/main/resources/db/updates/identifier-type.xml`` and
``.../db/updates/identifier-types/*.xml`` plus a few ``add_*``/``update*`` files), after
every later update those files apply.  Normalization reproduces the chain of
``PIDNormalizationService``: lower-case unless the type is case-sensitive, then the
type's own normalizer (``orcid-core/.../utils/v3/identifiers/normalizers``).  A value
a normalizer cannot recognise yields ORCID's transient error 8001 instead of a value.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final, Literal

__all__ = [
    "IDENTIFIER_TYPES",
    "NORMALIZATION_ERROR_CODE",
    "ExternalIdType",
    "Normalized",
    "NormalizationError",
    "PrimaryUse",
    "get_type",
    "is_known_type",
    "normalize",
    "resolve_url",
]

# ORCID's column is free text; these are the values its changesets write.
PrimaryUse = Literal["work", "funding", "professional-activities"]


@dataclass(frozen=True, slots=True)
class ExternalIdType:
    """One row of the identifier-type table, keyed by its API name (e.g. ``doi``)."""

    name: str
    description: str
    case_sensitive: bool
    resolution_prefix: str | None
    primary_use: PrimaryUse = "work"
    deprecated: bool = False


def _type(
    name: str,
    description: str,
    resolution_prefix: str | None = None,
    *,
    case_sensitive: bool = False,
) -> ExternalIdType:
    return ExternalIdType(
        name=name,
        description=description,
        case_sensitive=case_sensitive,
        resolution_prefix=resolution_prefix,
    )


# In ORCID database-id order.  Descriptions are the English labels of ORCID-Source
# orcid-core/src/main/resources/i18n/identifiers_en.properties without their "name: "
# lead-in, for the types that file covers (all up to dnb except grant_number); the
# descriptions of grant_number and of every type after dnb are written here, because
# the stored copy of that file does not list them.
# No changeset sets id_deprecated, so every type has deprecated=False.
# primary_use: ORCID first marked grant_number and proposal-id "funding", then
# update-proposal-id-and-grant-number-primary-use.xml set both to "work", so every
# current row is "work".  ORCID has no identifier type named "peer-review"; peer
# reviews use the same table through ExternalIDValidator.validateWorkOrPeerReview.
IDENTIFIER_TYPES: Final[tuple[ExternalIdType, ...]] = (
    # identifier-type.xml, ids 0..33, prefixes from add-primary-use-and-urls.xml and later updates
    _type("other-id", "Other identifier type"),
    _type("asin", "Amazon Standard Identification Number", "http://www.amazon.com/dp/"),
    _type("asin-tld", "ASIN top-level domain"),
    _type("arxiv", "ArXiv", "https://arxiv.org/abs/"),  # update-to-https.xml
    _type("bibcode", "Bibcode", "http://adsabs.harvard.edu/abs/", case_sensitive=True),
    _type("doi", "Digital object identifier", "https://doi.org/"),  # update-doi-https.xml
    _type("eid", "Scopus Identifier"),
    _type("isbn", "International Standard Book Number", "https://www.worldcat.org/isbn/"),
    _type(
        "issn",
        "International Standard Serial Number. Includes print and electronic ISSN.",
        "https://portal.issn.org/resource/ISSN/",  # add_prefix_to_issn_identifier_type.xml
    ),
    _type(
        "jfm",
        "Jahrbuch über die Fortschritte der Mathematik",
        "http://zbmath.org/?format=complete&q=an%3A",
    ),
    _type("jstor", "JSTOR abstract", "http://www.jstor.org/stable/"),
    _type("lccn", "Library of Congress Control Number", "http://lccn.loc.gov/"),
    _type("mr", "Mathematical Reviews", "http://www.ams.org/mathscinet-getitem?mr="),
    _type("oclc", "Online Computer Library Center", "http://www.worldcat.org/oclc/"),
    _type("ol", "Open Library", "http://openlibrary.org/b/", case_sensitive=True),
    _type(
        "osti",
        "Office of Scientific and Technical Information",
        "https://www.osti.gov/biblio/",  # update-osti-identifier-prefix.xml
    ),
    _type(
        "pmc",
        "PubMed Central article number",
        "https://europepmc.org/article/pmc/",  # update-pmc-resolution-prefix.xml
    ),
    _type(
        "pmid",
        "PubMed Unique Identifier",
        # update-pmid-resolution-prefix.xml; spec section 6.7 still shows the older
        # http://www.ncbi.nlm.nih.gov/pubmed/ value.
        "https://pubmed.ncbi.nlm.nih.gov/",
    ),
    _type("rfc", "Request for Comments", "https://tools.ietf.org/html/"),  # update-rfc-url.xml
    _type("ssrn", "Social Science Research Network", "http://papers.ssrn.com/abstract_id="),
    _type("zbl", "Zentralblatt MATH", "http://zbmath.org/?format=complete&q="),
    _type("agr", "Agricola"),
    _type("cba", "Chinese Biological Abstracts"),
    _type("cit", "CiteSeer"),
    _type("ctx", "CiteExplore submission"),
    _type(
        "ethos",
        "EThOS Persistent ID",
        "http://ethos.bl.uk/OrderDetails.do?uin=",
        case_sensitive=True,  # update-ethos-to-be-case-sensitive.xml
    ),
    _type("handle", "Handle", "http://hdl.handle.net/"),  # add_prefix_to_handle_identifier_type.xml
    _type("hir", "NHS Evidence"),
    _type("pat", "Patent number"),
    _type("source-work-id", "Non-standard ID from work data source"),
    _type("uri", "URI", case_sensitive=True),  # uri_id_type_case_sensitive.xml
    _type("urn", "URN"),
    _type("wosuid", "Web of Science™ identifier"),
    # DB name GRANT_NUMBER; the API name keeps the underscore (the UI key is "grant-number").
    _type("grant_number", "Grant number"),
    # identifier-types/identifier-type-*.xml, ids 34 onwards (37, CVID, was removed by remove-cv-id.xml)
    _type("pdb", "Protein Data Bank identifier", "http://identifiers.org/pdb/"),
    _type("kuid", "KoreaMed Unique Identifier", "https://koreamed.org/article/"),  # update-kuid-url2.xml
    _type("lensid", "Lens ID", "https://www.lens.org/"),
    _type("cienciaiul", "Ciência-IUL Identifier", "https://ciencia.iscte-iul.pt/id/"),
    _type(
        "rrid",
        "Research Resource IDentifier",
        "https://identifiers.org/rrid/",
        case_sensitive=True,  # update-to-https.xml: the CURIE part is case-sensitive
    ),
    _type("authenticusid", "AuthenticusID", "https://www.authenticus.pt/"),
    _type("ark", "Archival Resource Key Identifier", case_sensitive=True),
    _type("dnb", "German National Library identifier", "https://d-nb.info/"),
    _type("proposal-id", "Proposal ID"),
    _type("hal", "HAL open archive identifier", "https://hal.archives-ouvertes.fr/"),
    _type("ppr", "Europe PMC preprint identifier", "https://europepmc.org/article/PPR/"),
    # Two stored versions of identifier-type-46-empiar.xml differ in the prefix
    # (".../empiar/" and ".../empiar/api/entry/"); the human-facing page is used here.
    _type(
        "empiar",
        "Electron Microscopy Public Image Archive identifier",
        "https://www.ebi.ac.uk/empiar/",
        case_sensitive=True,
    ),
    _type("ismn", "International Standard Music Number"),
    _type(
        "emdb",
        "Electron Microscopy Data Bank identifier",
        "https://www.ebi.ac.uk/emdb/",
        case_sensitive=True,
    ),
    _type(
        "cstr",
        "China Science and Technology Resource identifier",
        "https://www.cstr.cn/",  # identifier-type-49-fix-cstr.xml replaced https://datapid.cn/
    ),
    _type(
        "k10plus",
        "K10plus union catalogue record number (PPN)",
        "https://opac.k10plus.de/DB=2.299/PPNSET?PPN=",
        case_sensitive=True,
    ),
    _type("cgn", "Culturegraph identifier", "https://id.culturegraph.org/", case_sensitive=True),
    # DB name "RAiD".  One stored version of identifier-type-52-RAiD.xml writes primary_use
    # "professional-activities", the other (changeset ADD_RAID_IDENTIFIER_TYPE) "work".
    _type("raid", "Research Activity Identifier (RAiD)", "https://raid.org/"),
)

_TYPES_BY_NAME: Final[Mapping[str, ExternalIdType]] = MappingProxyType(
    {id_type.name: id_type for id_type in IDENTIFIER_TYPES}
)
if len(_TYPES_BY_NAME) != len(IDENTIFIER_TYPES):
    raise RuntimeError("IDENTIFIER_TYPES lists a type name twice")


def get_type(name: str) -> ExternalIdType | None:
    """Return the type with this API name (exact, case-sensitive match), or None."""
    return _TYPES_BY_NAME.get(name)


def is_known_type(name: str) -> bool:
    return name in _TYPES_BY_NAME


NORMALIZATION_ERROR_CODE: Final = "8001"


@dataclass(frozen=True, slots=True)
class NormalizationError:
    """ORCID's ``external-id-normalized-error`` element."""

    error_message: str
    error_code: str = NORMALIZATION_ERROR_CODE

    @classmethod
    def for_value(cls, id_type: str, value: str) -> NormalizationError:
        return cls(error_message=f"Cannot normalize identifier value {id_type}:{value}")


@dataclass(frozen=True, slots=True)
class Normalized:
    """Outcome of :func:`normalize`: exactly one of ``value`` and ``error`` is set."""

    value: str | None
    error: NormalizationError | None = None


# All patterns use re.ASCII so that \d, \w, \s and \b mean what they mean in Java's
# java.util.regex, which ORCID's normalizers run on (e.g. Java's \S accepts a
# no-break space, Python's Unicode \S does not).  Each normalizer returns "" when it
# finds nothing, as ORCID's do; normalize() turns that into the 8001 error.

# ORCID's DOINormalizer: "10." + dot-separated registrant codes + "/" + a suffix
# that stops at whitespace and never contains ", & or '.
_DOI: Final = re.compile(r"""(10(?:\.[0-9a-zA-Z]+)+/(?:(?!["&'])\S)+)""", re.ASCII)
_XML_ENTITY: Final = re.compile(r"&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#[xX]([0-9a-fA-F]+));")
_XML_NAMED_ENTITIES: Final[Mapping[str, str]] = MappingProxyType(
    {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
)

_ISSN: Final = re.compile(r"(?:^|[^\d])(\d{4} ?[-–]? ?\d{3}[\dXx])(?:$|[^-\d])", re.ASCII)
_ISSN_SEPARATORS: Final = re.compile(r"[ \-–]")

# Over-matches digit runs of 10-17 characters on purpose; the length check after
# removing separators rejects what is not an ISBN-10 or ISBN-13 (as ORCID does).
_ISBN: Final = re.compile(r"([0-9][-0-9 ]{8,15}[0-9xX])(?:$|[^0-9])", re.ASCII)
_ISBN_LENGTHS: Final = frozenset({10, 13})

# The spec adds pubmed.ncbi.nlm.nih.gov/ to ORCID's stored pattern; a number that is
# followed by a letter, digit, "." or "-" is part of something else (a DOI, a date).
_PMID: Final = re.compile(
    r"(?:^\s*|PMID:?\s*|pubmed\.ncbi\.nlm\.nih\.gov/|pubmed/|med/)(\d+)(?:$|[^a-zA-Z0-9.\-])",
    re.ASCII | re.IGNORECASE,
)

# The look-ahead skips a number that a later upper-case "PMC" makes doubtful.  It is
# case-sensitive as in ORCID, so after lower-casing it no longer fires; ORCID's own
# test calls the resulting "12690141  PMCID: PMC1744630" -> 12690141 a known false match.
_PMC: Final = re.compile(r"(?:^|[Pp][Mm][Cc]-?/?)\s*(\d{5,9}(?!.+PMC))(?:$|\b)", re.ASCII)

# New-style YYMM.NNNN(N) and old-style archive[.subject]/YYMMNNN identifiers
# (https://arxiv.org/help/arxiv_identifier_for_services), with an optional version.
_ARXIV: Final = re.compile(
    r"(?:(?i:arxiv):)?(\d{4}\.\d{4,5}(?:v\d+)?|[\w.\-]+/\d{7}(?:v\d+)?)",
    re.ASCII,
)
_ARXIV_PREFIX: Final = "arXiv:"

_BIBCODE: Final = re.compile(
    r"(?:^|(?i:bibcode):?\s*|[^a-zA-Z0-9.])([0-9]{4}[.a-zA-Z0-9]{15})(?:$|[^a-zA-Z0-9.])",
    re.ASCII,
)

# The RRID prefixes ORCID's CurieNormalizer recognises.  ORCID fixes the number of
# digits (AB_ exactly 6, Addgene_ 5, ...) without a boundary, which cuts real RRIDs
# such as AB_2298772 down to AB_229877 and rejects AB_90755; here the whole digit run
# is taken and must end the token.  Cellosaurus accessions really are 4 characters.
_RRID: Final = re.compile(
    r"(?:(?i:rrid):)?"
    r"(AB_\d+|CVCL_[0-9A-Z]{4}|SCR_\d+|IMSR_JAX:\d+|Addgene_\d+|SAMN\d+|MMRRC_\d+-UCD)"
    r"(?![0-9A-Za-z_])",
    re.ASCII,
)
_RRID_PREFIX: Final = "RRID:"

# Only these schemes count as present, as in ORCID's URINormalizer; matched
# case-insensitively because URI schemes are case-insensitive (ORCID's is not).
_URI_SCHEME: Final = re.compile(r"(?:ht|f)tps?://", re.ASCII | re.IGNORECASE)
_DEFAULT_URI_SCHEME: Final = "http://"

_HTTP_URL_HOST: Final = re.compile(r"https?://([^/?#:]+)", re.ASCII | re.IGNORECASE)


def _unescape_xml(value: str) -> str:
    def replace(entity: re.Match[str]) -> str:
        named, decimal, hexadecimal = entity.groups()
        if named:
            return _XML_NAMED_ENTITIES[named]
        code_point = int(decimal, 10) if decimal else int(hexadecimal, 16)
        return chr(code_point) if code_point <= 0x10FFFF else entity.group(0)

    return _XML_ENTITY.sub(replace, value)


def _normalize_doi(value: str) -> str:
    # Values copied from web pages can be escaped more than once ("&amp;lt;").
    if "&" in value and ";" in value:
        while True:
            unescaped = _unescape_xml(value)
            if len(unescaped) >= len(value):
                break
            value = unescaped
    match = _DOI.search(value)
    return match.group(1) if match else ""


def _normalize_issn(value: str) -> str:
    match = _ISSN.search(value)
    if match is None:
        return ""
    digits = _ISSN_SEPARATORS.sub("", match.group(1)).upper()
    return f"{digits[:4]}-{digits[4:]}"


def _normalize_isbn(value: str) -> str:
    match = _ISBN.search(value)
    if match is None:
        return ""
    compact = match.group(1).replace("-", "").replace(" ", "").upper()
    return compact if len(compact) in _ISBN_LENGTHS else ""


def _normalize_pmid(value: str) -> str:
    match = _PMID.search(value)
    return match.group(1) if match else ""


def _normalize_pmc(value: str) -> str:
    # Current ORCID returns the bare number (older versions prepended "PMC").
    match = _PMC.search(value)
    return match.group(1) if match else ""


def _normalize_arxiv(value: str) -> str:
    match = _ARXIV.search(value)
    return _ARXIV_PREFIX + match.group(1) if match else ""


def _normalize_bibcode(value: str) -> str:
    match = _BIBCODE.search(value)
    return match.group(1) if match else ""


def _normalize_rrid(value: str) -> str:
    match = _RRID.search(value)
    return _RRID_PREFIX + match.group(1) if match else ""


def _normalize_uri(value: str) -> str:
    return value if _URI_SCHEME.match(value) else _DEFAULT_URI_SCHEME + value


_TYPE_NORMALIZERS: Final[Mapping[str, Callable[[str], str]]] = MappingProxyType(
    {
        "doi": _normalize_doi,
        "issn": _normalize_issn,
        "isbn": _normalize_isbn,
        "pmid": _normalize_pmid,
        "pmc": _normalize_pmc,
        "arxiv": _normalize_arxiv,
        "bibcode": _normalize_bibcode,
        "rrid": _normalize_rrid,
        "uri": _normalize_uri,
    }
)


def normalize(id_type: str, value: str) -> Normalized:
    """Normalize an external-identifier value the way ORCID computes ``external-id-normalized``.

    The value is trimmed, lower-cased unless the type is case-sensitive, then passed to
    the type's normalizer if it has one.  An unrecognisable or empty result gives
    ``Normalized(value=None, error=<8001 error>)``.  Unknown types are trimmed but
    otherwise left alone, as ORCID leaves them (validation rejects them elsewhere).
    """
    trimmed = value.strip()
    known_type = get_type(id_type)
    folded = trimmed if known_type is None or known_type.case_sensitive else trimmed.lower()
    type_normalizer = _TYPE_NORMALIZERS.get(id_type)
    normalized = type_normalizer(folded) if type_normalizer else folded
    if not normalized:
        return Normalized(value=None, error=NormalizationError.for_value(id_type, value))
    return Normalized(value=normalized)


def _host_of(url: str) -> str | None:
    """Host of an http(s) URL without a leading ``www.``; None for anything else."""
    match = _HTTP_URL_HOST.match(url)
    if match is None:
        return None
    host = match.group(1).lower()
    return host.removeprefix("www.")


def resolve_url(id_type: str, normalized: str | None) -> str | None:
    """Return the resolvable URL for a normalized value, or None when there is none.

    None when the type is unknown, has no resolution prefix, or ``normalized`` is empty.
    A value that is already a URL on the resolver's host (types without a normalizer
    keep whatever users typed, e.g. ``https://hdl.handle.net/...``) is returned as it is.
    """
    known_type = get_type(id_type)
    if known_type is None or not known_type.resolution_prefix or not normalized:
        return None
    prefix = known_type.resolution_prefix
    value_host = _host_of(normalized)
    if value_host is not None and value_host == _host_of(prefix):
        return normalized
    # ORCID's NormalizerWithURLTransform: arXiv URLs carry the bare id
    # (https://arxiv.org/abs/0704.0001), while RRID URLs keep the "RRID:" CURIE.
    if id_type == "arxiv" and normalized.startswith(_ARXIV_PREFIX):
        normalized = normalized[len(_ARXIV_PREFIX) :]
    return prefix + normalized
