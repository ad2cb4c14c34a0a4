"""Every v3.0 sample message of ORCID's orcid-model reads, writes back equivalently and validates.

Each group records "passed/total" for the end-of-run summary (tests/schema/conftest.py). Every
difference allowed between a sample and what Orchid writes is listed below with its reason.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import orjson
import pytest
import xmlschema
from lxml import etree

from orchid.errors import OrcidError
from orchid.schema import from_json, from_xml, models, to_data, to_json, to_xml
from orchid.schema.namespaces import PREFIX_BY_NAMESPACE
from orchid.schema.plan import plan_for

from .conftest import CONFORMANCE
from .orcid_model import AVAILABLE, MISSING_REASON, samples, xsd_for

pytestmark = pytest.mark.skipif(not AVAILABLE, reason=MISSING_REASON)
if not AVAILABLE:
    print(f"\n*** {MISSING_REASON}")

XML_SAMPLES = samples("xml")
JSON_SAMPLES = samples("json")

# Samples that break ORCID's own XSD. ORCID validates API input against the XSD, so a strict read
# refuses them as ORCID would (asserted below); they are read the way ORCID's JAXB unmarshaller
# reads stored documents instead (strict=False: unknown content skipped).
NOT_SCHEMA_VALID = {
    "peer-reviews-3.0.xml": "uses <peer-review:summary>, an element peer-review-3.0.xsd does not declare",
    "work-3.0.xml": "has empty <common:subtitle/> and <work:journal-title/>, which the XSD's non-empty "
    "string pattern refuses",
}
# Differences between a sample and Orchid's output of it.
ROUND_TRIP_DIFFERENCES = {
    "peer-reviews-3.0.xml": "the undeclared <peer-review:summary> elements are dropped, as JAXB drops them",
    "work-3.0.xml": "empty text elements are left out: an empty one is never valid against ORCID's XSDs",
}

# JSON has no root element, so the type of each JSON sample is named here (by file-name prefix).
JSON_TYPES: list[tuple[str, type]] = [
    # The file names say plural but both files hold a single item.
    ("keywords-3.0", models.keyword.Keyword),
    ("other-names-3.0", models.other_name.OtherName),
    ("record-full", models.record.Record),
    ("bulk-work", models.bulk.Bulk),
    ("peer-review-group-id", models.group_id.GroupIdRecord),
    ("work", models.work.Work),
    ("address", models.address.Address),
    ("external-identifier", models.external_identifier.ExternalIdentifier),
    ("researcher-url", models.researcher_url.ResearcherUrl),
    ("funding", models.funding.Funding),
    ("education", models.education.Education),
    ("employment", models.employment.Employment),
    ("distinction", models.distinction.Distinction),
    ("invited-position", models.invited_position.InvitedPosition),
    ("membership", models.membership.Membership),
    ("qualification", models.qualification.Qualification),
    ("service", models.service.Service),
    ("peer-review", models.peer_review.PeerReview),
    ("research-resource", models.research_resource.ResearchResource),
]


def json_type(path: Path) -> type:
    return next(cls for prefix, cls in JSON_TYPES if path.name.startswith(prefix))


def canonical_xml(document: bytes) -> bytes:
    """Exclusive C14N after dropping formatting whitespace and xsi:schemaLocation hints.

    ORCID's samples are hand-indented (some dates carry trailing newlines and tabs, which
    xs:dateTime collapses) and name their XSD location; neither is part of the message.
    """
    root = etree.fromstring(document, etree.XMLParser(remove_blank_text=True, remove_comments=True))
    for element in root.iter():
        if element.text is not None:
            element.text = element.text.strip() or None
        element.tail = None
        for name in list(element.attrib):
            if name.startswith("{http://www.w3.org/2001/XMLSchema-instance}"):
                del element.attrib[name]
    return etree.tostring(root, method="c14n", exclusive=True)


def comparable_json(data: Any) -> Any:
    """JSON data with the differences ORCID itself makes between its input and output removed.

    - null and [] are how ORCID writes an absent field; its write samples just leave it out.
    - ORCID writes simple content as {"value": x} but reads a bare x too (Jackson builds its small
      value classes from a single string), and the write samples use both forms.
    """
    if isinstance(data, dict):
        kept = {key: comparable_json(value) for key, value in data.items()}
        kept = {key: value for key, value in kept.items() if value not in (None, [], {})}
        if set(kept) == {"value"} and not isinstance(kept["value"], dict | list):
            return kept["value"]
        return kept
    if isinstance(data, list):
        return [comparable_json(item) for item in data]
    return data


@cache
def schema_for(model_class: type) -> xmlschema.XMLSchema:
    namespace = plan_for(model_class).namespace
    assert namespace is not None
    path = xsd_for(PREFIX_BY_NAMESPACE[namespace], model_class.__module__)
    # The notification XSDs declare vc:minVersion="1.1"; an XSD 1.0 validator skips their content.
    version_11 = 'vc:minVersion="1.1"' in path.read_text(encoding="utf-8")
    return (xmlschema.XMLSchema11 if version_11 else xmlschema.XMLSchema10)(str(path))


def read_sample(path: Path) -> Any:
    data = path.read_bytes()
    if path.name in NOT_SCHEMA_VALID:
        with pytest.raises(OrcidError) as refused:
            from_xml(data)
        assert refused.value.code == 9001
        return from_xml(data, strict=False)
    return from_xml(data)


def run_group(name: str, paths: list[Path], check: Any) -> None:
    failures = []
    for path in paths:
        try:
            check(path)
        except Exception as exc:  # every sample is reported, not just the first failure
            failures.append(f"{path.name}: {type(exc).__name__}: {str(exc)[:400]}")
    CONFORMANCE[name] = (len(paths) - len(failures), len(paths))
    print(f"{name}: {len(paths) - len(failures)}/{len(paths)}")
    assert not failures, "\n".join(failures)


def test_sample_counts_match_orcid_model() -> None:
    assert (len(XML_SAMPLES), len(JSON_SAMPLES)) == (81, 28)


def test_every_xml_sample_parses() -> None:
    run_group("XML samples parse", XML_SAMPLES, read_sample)


def test_every_xml_sample_writes_back_equivalently() -> None:
    def check(path: Path) -> None:
        written = to_xml(read_sample(path))
        if path.name in ROUND_TRIP_DIFFERENCES:
            return
        assert canonical_xml(written) == canonical_xml(path.read_bytes())

    run_group("XML samples round-trip", XML_SAMPLES, check)


def test_every_xml_sample_output_validates_against_the_xsd() -> None:
    def check(path: Path) -> None:
        model = read_sample(path)
        schema_for(type(model)).validate(to_xml(model).decode())

    run_group("XML output validates (xmlschema)", XML_SAMPLES, check)


def test_every_json_sample_parses() -> None:
    run_group("JSON samples parse", JSON_SAMPLES, lambda path: from_json(path.read_bytes(), json_type(path)))


def test_every_json_sample_writes_back_equivalently() -> None:
    def check(path: Path) -> None:
        model = from_json(path.read_bytes(), json_type(path))
        assert comparable_json(orjson.loads(to_json(model))) == comparable_json(
            orjson.loads(path.read_bytes())
        )

    run_group("JSON samples round-trip", JSON_SAMPLES, check)


def test_every_json_sample_converted_to_xml_validates() -> None:
    def check(path: Path) -> None:
        model = from_json(path.read_bytes(), json_type(path))
        schema_for(type(model)).validate(to_xml(model).decode())
        # and back: XML -> model -> JSON is the same data
        assert to_data(from_xml(to_xml(model))) == to_data(model)

    run_group("JSON samples as XML validate (xmlschema)", JSON_SAMPLES, check)
