import dataclasses

import pytest

from orchid.identifiers import (
    IDENTIFIER_TYPES,
    NORMALIZATION_ERROR_CODE,
    ExternalIdType,
    NormalizationError,
    Normalized,
    get_type,
    is_known_type,
    normalize,
    resolve_url,
)

# The external-id types listed in spec section 6.6, in the spec's order.
SPEC_TYPE_NAMES = [
    "agr",
    "arxiv",
    "asin",
    "asin-tld",
    "bibcode",
    "cba",
    "cit",
    "ctx",
    "doi",
    "eid",
    "ethos",
    "empiar",
    "emdb",
    "handle",
    "hir",
    "isbn",
    "ismn",
    "issn",
    "jfm",
    "jstor",
    "lccn",
    "mr",
    "oclc",
    "ol",
    "osti",
    "other-id",
    "pat",
    "pmc",
    "pmid",
    "rfc",
    "source-work-id",
    "ssrn",
    "uri",
    "urn",
    "wosuid",
    "zbl",
    "pdb",
    "ppr",
    "kuid",
    "lensid",
    "cienciaiul",
    "rrid",
    "authenticusid",
    "ark",
    "dnb",
    "hal",
    "grant_number",
    "proposal-id",
    "cstr",
    "k10plus",
    "cgn",
    "raid",
]

# Spec section 6.7: the case-sensitive types.
CASE_SENSITIVE_TYPE_NAMES = {
    "bibcode",
    "ethos",
    "ol",
    "rrid",
    "uri",
    "ark",
    "empiar",
    "emdb",
    "k10plus",
    "cgn",
}


def normalized_value(id_type: str, value: str) -> str | None:
    return normalize(id_type, value).value


# --- the type table ---------------------------------------------------------------


def test_table_holds_every_spec_type_exactly_once() -> None:
    names = [id_type.name for id_type in IDENTIFIER_TYPES]
    assert len(SPEC_TYPE_NAMES) == 52
    assert len(names) == len(set(names))
    assert sorted(names) == sorted(SPEC_TYPE_NAMES)


def test_case_sensitivity_matches_the_spec() -> None:
    assert {t.name for t in IDENTIFIER_TYPES if t.case_sensitive} == CASE_SENSITIVE_TYPE_NAMES


def test_every_type_is_described_and_well_formed() -> None:
    for id_type in IDENTIFIER_TYPES:
        assert id_type.description.strip()
        assert id_type.primary_use in {"work", "funding", "professional-activities"}
        assert id_type.deprecated is False
        assert id_type.resolution_prefix is None or id_type.resolution_prefix.startswith(
            ("http://", "https://")
        )


@pytest.mark.parametrize(
    ("name", "prefix"),
    [
        ("doi", "https://doi.org/"),
        ("issn", "https://portal.issn.org/resource/ISSN/"),
        ("pmc", "https://europepmc.org/article/pmc/"),
        ("pmid", "https://pubmed.ncbi.nlm.nih.gov/"),
        ("arxiv", "https://arxiv.org/abs/"),
        ("isbn", "https://www.worldcat.org/isbn/"),
        ("rrid", "https://identifiers.org/rrid/"),
        ("osti", "https://www.osti.gov/biblio/"),
        ("handle", "http://hdl.handle.net/"),
        ("other-id", None),
        ("uri", None),
        ("grant_number", None),
    ],
)
def test_resolution_prefixes(name: str, prefix: str | None) -> None:
    id_type = get_type(name)
    assert id_type is not None
    assert id_type.resolution_prefix == prefix


def test_types_are_immutable() -> None:
    doi = get_type("doi")
    assert doi is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        doi.case_sensitive = True  # type: ignore[misc]


def test_lookup() -> None:
    assert isinstance(get_type("doi"), ExternalIdType)
    assert is_known_type("grant_number")
    assert is_known_type("proposal-id")
    assert not is_known_type("grant-number")  # UI key, not the API name
    assert not is_known_type("DOI")
    assert not is_known_type("orcid")
    assert get_type("nonsense") is None


# --- normalization: one table per rule --------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("10.1087/20120404", "10.1087/20120404"),
        ("https://doi.org/10.1087/20120404", "10.1087/20120404"),
        ("http://dx.doi.org/10.123/123", "10.123/123"),
        ("https://dx.doi.org/10.1/UPPER", "10.1/upper"),
        ("doi:10.1016/j.foodqual.2016.02.012", "10.1016/j.foodqual.2016.02.012"),
        ("DOI: 10.1039/c5ra23133g", "10.1039/c5ra23133g"),
        (" DOI 10.4236/ojgen.2013.33021 ", "10.4236/ojgen.2013.33021"),
        ("Br J Sports Med 2013;47:e3 doi:10.1136/bjsports-2013-092558.24", "10.1136/bjsports-2013-092558.24"),
        ("S0022-2828(12)00261-1 [pii]\n10.1016/j.yjmcc.2012.07.013", "10.1016/j.yjmcc.2012.07.013"),
        ("http://scitation.aip.org/content/aip/journal/jcp/115/11/10.1063/1.1395625", "10.1063/1.1395625"),
        ("https://doi.org/10.1016/S0920-5632(02)80001-9", "10.1016/s0920-5632(02)80001-9"),
        (
            "10.1175/1520-0426(2000)017<0854:AEOSRB>2.0.CO;2",
            "10.1175/1520-0426(2000)017<0854:aeosrb>2.0.co;2",
        ),
        # XML entities, escaped once and twice
        (
            "10.1175/1520-0426(2000)017&lt;0854:AEOSRB&gt;2.0.CO;2",
            "10.1175/1520-0426(2000)017<0854:aeosrb>2.0.co;2",
        ),
        (
            "10.1175/1520-0426(2000)017&amp;lt;0854:AEOSRB&amp;gt;2.0.CO;2",
            "10.1175/1520-0426(2000)017<0854:aeosrb>2.0.co;2",
        ),
        ("10.1002/&#40;sici&#41;1097", "10.1002/(sici)1097"),
        # the suffix stops at a quote or ampersand
        ('"10.1000/182" and more', "10.1000/182"),
        ("10.1000/abc&def", "10.1000/abc"),
    ],
)
def test_doi(value: str, expected: str) -> None:
    assert normalized_value("doi", value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0378-5955", "0378-5955"),
        ("03785955", "0378-5955"),
        ("0378 5955", "0378-5955"),
        ("0378 - 5955", "0378-5955"),
        ("0378–5955", "0378-5955"),  # en dash
        ("2049-363x", "2049-363X"),
        ("2049-363X", "2049-363X"),
        ("ISSN: 0363-0269", "0363-0269"),
        ("Helicobacter ISSN 1523-5378", "1523-5378"),
    ],
)
def test_issn(value: str, expected: str) -> None:
    assert normalized_value("issn", value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0-306-40615-2", "0306406152"),
        ("0 306 40615 2", "0306406152"),
        ("080442957x", "080442957X"),
        ("157273110X", "157273110X"),
        ("978-3-16-148410-0", "9783161484100"),
        ("ISBN 978 0 596 52068 7", "9780596520687"),
        ("ISBN: 123-456-7-89x junk", "123456789X"),
    ],
)
def test_isbn(value: str, expected: str) -> None:
    assert normalized_value("isbn", value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (" 23684069 ", "23684069"),
        ("PMID: 10082085", "10082085"),
        ("PMID:28005710", "28005710"),
        ("pmid 28005710", "28005710"),
        ("PMID: 21054200 [PubMed - indexed for MEDLINE]", "21054200"),
        ("PubMed PMID: 19006866", "19006866"),
        ("doi: 10.1007/s10827-015-0564-6. Epub 2015 Apr 24. PMID: 25904470", "25904470"),
        ("http://www.ncbi.nlm.nih.gov/pubmed/16475611", "16475611"),
        ("http://europepmc.org/abstract/MED/26687626", "26687626"),
        ("https://europepmc.org/article/med/26687626", "26687626"),
        ("https://pubmed.ncbi.nlm.nih.gov/16475611/", "16475611"),
        ("https://pubmed.ncbi.nlm.nih.gov/16475611", "16475611"),
    ],
)
def test_pmid(value: str, expected: str) -> None:
    assert normalized_value("pmid", value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("22030407", "22030407"),
        ("    PMC4731170", "4731170"),
        ("pmc4901884", "4901884"),
        ("PMC 1234567", "1234567"),
        ("PMC-1234567", "1234567"),
        ("12345", "12345"),
        ("PMCID: PMC4937647", "4937647"),
        ("PMID: 27930716 PMCID: PMC5145179 DOI: 10.1371/journal.pone.0167675", "5145179"),
        ("https://www.ncbi.nlm.nih.gov/pmc/articles/PMC3531190/", "3531190"),
    ],
)
def test_pmc(value: str, expected: str) -> None:
    assert normalized_value("pmc", value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # new style (since 2007), 4 or 5 digits after the dot, optional version
        ("0704.0001", "arXiv:0704.0001"),
        ("0704.0001v2", "arXiv:0704.0001v2"),
        ("arXiv:0704.0001v1", "arXiv:0704.0001v1"),
        ("ARXIV:1501.00001", "arXiv:1501.00001"),
        ("arXiv:2101.12345v12", "arXiv:2101.12345v12"),
        ("https://arxiv.org/abs/2101.12345", "arXiv:2101.12345"),
        ("blah blah blah 0706.0002v3 [astro-ph] 15 Mar 2008", "arXiv:0706.0002v3"),
        # old style archive[.subject-class]/YYMMNNN, lower-cased because arxiv is not case-sensitive
        ("hep-th/9901001", "arXiv:hep-th/9901001"),
        ("ARXIV:hep-th/9901001v1", "arXiv:hep-th/9901001v1"),
        ("math.CA/0611800v2", "arXiv:math.ca/0611800v2"),
        ("arXiv:physics/9901001v1 [physics.optics] 1 Jan 1999", "arXiv:physics/9901001v1"),
    ],
)
def test_arxiv(value: str, expected: str) -> None:
    assert normalized_value("arxiv", value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1992ApJ...400L...1W", "1992ApJ...400L...1W"),
        (" 123456789.A23456789 ", "123456789.A23456789"),
        ("bibcode: 2004PhRvD..69j3512T", "2004PhRvD..69j3512T"),
        ("BIBCODE:2004PhRvD..69j3512T", "2004PhRvD..69j3512T"),
        ("https://ui.adsabs.harvard.edu/abs/2019Natur.568...55M/abstract", "2019Natur.568...55M"),
    ],
)
def test_bibcode(value: str, expected: str) -> None:
    assert normalized_value("bibcode", value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("RRID:AB_2298772", "RRID:AB_2298772"),  # ORCID's fixed-width pattern would cut this
        ("AB_90755", "RRID:AB_90755"),  # ORCID's pattern would reject this real RRID
        ("rrid:SCR_003070", "RRID:SCR_003070"),
        ("CVCL_0030", "RRID:CVCL_0030"),
        ("RRID:IMSR_JAX:000664", "RRID:IMSR_JAX:000664"),
        ("Addgene_12345", "RRID:Addgene_12345"),
        ("SAMN00012345", "RRID:SAMN00012345"),
        ("MMRRC_000123-UCD", "RRID:MMRRC_000123-UCD"),
    ],
)
def test_rrid(value: str, expected: str) -> None:
    assert normalized_value("rrid", value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("www.example.org/Paper", "http://www.example.org/Paper"),
        ("example.org", "http://example.org"),
        ("http://example.org/A", "http://example.org/A"),
        ("https://example.org/A", "https://example.org/A"),
        ("HTTPS://example.org/A", "HTTPS://example.org/A"),
        ("ftp://example.org/A", "ftp://example.org/A"),
    ],
)
def test_uri(value: str, expected: str) -> None:
    assert normalized_value("uri", value) == expected


@pytest.mark.parametrize(
    ("id_type", "value", "expected"),
    [
        ("agr", "UPPER", "upper"),
        ("eid", "  2-s2.0-84857360986 ", "2-s2.0-84857360986"),
        ("wosuid", "WOS:000232786000040", "wos:000232786000040"),
        ("handle", "HDL:10.1000/ABC", "hdl:10.1000/abc"),
        ("other-id", " Some ID ", "some id"),
        ("source-work-id", "ABC-123", "abc-123"),
        ("grant_number", "R01 GM12345", "r01 gm12345"),
        ("raid", "https://raid.org/10.1234/ABC", "https://raid.org/10.1234/abc"),
    ],
)
def test_case_insensitive_types_are_lower_cased_and_trimmed(id_type: str, value: str, expected: str) -> None:
    assert normalized_value(id_type, value) == expected


@pytest.mark.parametrize(
    ("id_type", "value", "expected"),
    [
        ("ark", " ark:/13030/tf5p30086k ", "ark:/13030/tf5p30086k"),
        ("ark", "ark:/13030/TF5P30086K", "ark:/13030/TF5P30086K"),
        ("ethos", "uk.bl.ethos.ABC123", "uk.bl.ethos.ABC123"),
        ("ol", "OL7353617M", "OL7353617M"),
        ("empiar", "EMPIAR-10001", "EMPIAR-10001"),
        ("emdb", "EMD-1234", "EMD-1234"),
        ("k10plus", "010000000X", "010000000X"),
        ("cgn", "BVB-BV012345678", "BVB-BV012345678"),
        ("uri", "http://example.org/CaseMatters", "http://example.org/CaseMatters"),
        ("bibcode", "1992ApJ...400L...1W", "1992ApJ...400L...1W"),
    ],
)
def test_case_sensitive_types_keep_their_case(id_type: str, value: str, expected: str) -> None:
    assert normalized_value(id_type, value) == expected


def test_every_case_sensitive_type_preserves_upper_case() -> None:
    for id_type in IDENTIFIER_TYPES:
        if id_type.case_sensitive and id_type.name not in {"bibcode", "rrid", "uri"}:
            assert normalized_value(id_type.name, "ABCdef") == "ABCdef"


@pytest.mark.parametrize(
    ("id_type", "value"),
    [
        ("doi", "ijiv11i2a8"),
        ("doi", "doi:10.1038"),
        ("doi", "papers3://publication/doi/10.1038"),
        ("doi", "Unisinos - 10.4013 /cld.2016.141.04"),
        ("issn", "123-4567"),
        ("issn", "12345-6789"),
        ("isbn", "12345678901"),  # 11 digits
        ("isbn", "123456789"),  # 9 digits
        ("isbn", "no digits here"),
        ("pmid", "PMC27092172"),
        ("pmid", "0000-0003-0245-8683"),
        ("pmid", "J Psychopharmacol. 2014 Oct;28(10):935-46. doi: 10.1177/0269881114542856."),
        ("pmc", "PMID: 25533354"),
        ("pmc", "NIHMS599470"),
        ("pmc", "1234"),
        ("arxiv", "not an arxiv id"),
        ("arxiv", "0704.001"),
        ("bibcode", "1992ApJ"),
        ("rrid", "RRID:XYZ_123456"),
        ("rrid", "AB_"),
        ("rrid", "CVCL_12"),
        ("other-id", ""),
        ("agr", "   "),
    ],
)
def test_unparsable_values_give_the_8001_error(id_type: str, value: str) -> None:
    result = normalize(id_type, value)
    assert result.value is None
    assert result.error == NormalizationError(
        error_message=f"Cannot normalize identifier value {id_type}:{value}",
        error_code="8001",
    )


def test_error_uses_orcids_code_and_message() -> None:
    result = normalize("doi", "not a doi")
    assert result == Normalized(
        value=None,
        error=NormalizationError(error_message="Cannot normalize identifier value doi:not a doi"),
    )
    assert result.error is not None
    assert result.error.error_code == NORMALIZATION_ERROR_CODE == "8001"


def test_success_has_no_error() -> None:
    assert normalize("doi", "10.1/X") == Normalized(value="10.1/x", error=None)


def test_unknown_types_are_only_trimmed() -> None:
    assert normalize("not-a-type", "  Keep Case ") == Normalized(value="Keep Case")


def test_normalized_is_immutable() -> None:
    result = normalize("doi", "10.1/x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.value = "other"  # type: ignore[misc]


# --- resolution URLs --------------------------------------------------------------


@pytest.mark.parametrize(
    ("id_type", "raw", "url"),
    [
        ("doi", "https://doi.org/10.1087/20120404", "https://doi.org/10.1087/20120404"),
        ("issn", "2049-363x", "https://portal.issn.org/resource/ISSN/2049-363X"),
        ("isbn", "978-3-16-148410-0", "https://www.worldcat.org/isbn/9783161484100"),
        ("pmid", "PMID: 10082085", "https://pubmed.ncbi.nlm.nih.gov/10082085"),
        ("pmc", "PMC4731170", "https://europepmc.org/article/pmc/4731170"),
        ("arxiv", "arXiv:0704.0001v2", "https://arxiv.org/abs/0704.0001v2"),
        ("arxiv", "hep-th/9901001", "https://arxiv.org/abs/hep-th/9901001"),
        ("rrid", "AB_2298772", "https://identifiers.org/rrid/RRID:AB_2298772"),
        ("osti", "1234567", "https://www.osti.gov/biblio/1234567"),
        ("bibcode", "1992ApJ...400L...1W", "http://adsabs.harvard.edu/abs/1992ApJ...400L...1W"),
        (
            "handle",
            "https://hdl.handle.net/10.1000/1",
            "https://hdl.handle.net/10.1000/1",
        ),
        ("handle", "http://hdl.handle.net/10.1000/1", "http://hdl.handle.net/10.1000/1"),
        ("handle", "10.1000/1", "http://hdl.handle.net/10.1000/1"),
        # already a URL on the resolver's host: kept as it is
        ("raid", "https://raid.org/10.1234/abc", "https://raid.org/10.1234/abc"),
        ("lensid", "https://www.lens.org/020-123", "https://www.lens.org/020-123"),
    ],
)
def test_resolve_url_is_prefix_plus_normalized_value(id_type: str, raw: str, url: str) -> None:
    assert resolve_url(id_type, normalize(id_type, raw).value) == url


@pytest.mark.parametrize(
    ("id_type", "normalized"),
    [
        ("other-id", "abc"),  # no prefix
        ("uri", "http://example.org"),  # no prefix
        ("doi", None),  # normalization failed
        ("doi", ""),
        ("not-a-type", "abc"),
    ],
)
def test_resolve_url_none(id_type: str, normalized: str | None) -> None:
    assert resolve_url(id_type, normalized) is None
