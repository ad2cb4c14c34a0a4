"""XML and JSON exactly as ORCID writes them, and read as leniently/strictly as ORCID reads them."""

from __future__ import annotations

import orjson
import pytest
from lxml import etree
from xsdata.models.datatype import XmlDateTime

from orchid.errors import OrcidError
from orchid.schema import from_json, from_xml, models, to_data, to_json, to_xml
from orchid.schema.enums import Visibility
from orchid.schema.namespaces import NAMESPACE_BY_PREFIX

m = models
ORCID = "0000-0002-1825-0097"


def a_work() -> m.work.Work:
    return m.work.Work(
        put_code=2002,
        path=f"/{ORCID}/work/2002",
        visibility=Visibility.PUBLIC,
        created_date=m.common.CreatedDate(value=XmlDateTime(2017, 2, 16, 22, 6, 56, 222_000_000, 0)),
        title=m.work.WorkTitle(
            title=m.common.Title(value="Fish & <chips>"),
            translated_title=m.common.TranslatedTitle(value="Poisson", language_code="fr"),
        ),
        journal_title="Journal of Things",
        type_value="journal-article",
        publication_date=m.common.PublicationDate(year=2015, month=6, day=3),
        external_ids=m.common.ExternalIds(
            external_id=[
                m.common.ExternalId(
                    external_id_type="doi",
                    external_id_value="10.1087/20120404",
                    external_id_url="https://doi.org/10.1087/20120404",
                    external_id_relationship="self",
                )
            ]
        ),
    )


def test_xml_declares_every_orcid_prefix_on_the_root_and_no_default_namespace() -> None:
    document = to_xml(a_work())
    root = etree.fromstring(document)
    assert root.tag == "{http://www.orcid.org/ns/work}work"
    assert root.nsmap == NAMESPACE_BY_PREFIX  # all prefixes, exactly ORCID's, no None (default) key
    assert document.startswith(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<work:work ')
    assert all(element.nsmap == root.nsmap for element in root.iter())  # nothing redeclared below


def test_xml_attributes_dates_and_zero_padded_fuzzy_dates() -> None:
    document = to_xml(a_work()).decode()
    assert 'put-code="2002"' in document and 'visibility="public"' in document
    assert f'path="/{ORCID}/work/2002"' in document
    assert "<common:created-date>2017-02-16T22:06:56.222Z</common:created-date>" in document
    assert "<common:year>2015</common:year>" in document
    assert "<common:month>06</common:month>" in document and "<common:day>03</common:day>" in document
    assert "<common:title>Fish &amp; &lt;chips&gt;</common:title>" in document
    assert '<common:translated-title language-code="fr">Poisson</common:translated-title>' in document


def test_json_shape_is_orcids() -> None:
    data = to_data(a_work())
    assert data["put-code"] == 2002
    assert data["created-date"] == {"value": 1487282816222}
    assert data["title"]["title"] == {"value": "Fish & <chips>"}
    assert data["title"]["subtitle"] is None
    assert data["title"]["translated-title"] == {"value": "Poisson", "language-code": "fr"}
    assert data["journal-title"] == {"value": "Journal of Things"}
    assert data["type"] == "journal-article"
    assert data["publication-date"] == {
        "year": {"value": "2015"},
        "month": {"value": "06"},
        "day": {"value": "03"},
    }
    external_id = data["external-ids"]["external-id"][0]
    assert external_id["external-id-type"] == "doi"
    assert external_id["external-id-url"] == {"value": "https://doi.org/10.1087/20120404"}
    assert external_id["external-id-relationship"] == "self"
    assert data["contributors"] is None and data["citation"] is None  # explicit nulls
    assert data["visibility"] == "public"


def test_empty_collections_are_empty_arrays() -> None:
    emails = m.email.Emails(path=f"/{ORCID}/email")
    assert to_data(emails) == {"last-modified-date": None, "email": [], "path": f"/{ORCID}/email"}


def test_both_formats_round_trip_to_the_same_model() -> None:
    work = a_work()
    assert from_xml(to_xml(work)) == work
    assert from_json(to_json(work), m.work.Work) == work
    assert from_xml(to_xml(work, pretty=False)) == work


def test_json_reader_is_lenient_where_orcid_is() -> None:
    data = to_data(a_work())
    data["put-code"] = "2002"  # a number given as a string
    data["external-ids"]["external-id"] = data["external-ids"]["external-id"][0]  # single value, no array
    data["journal-title"] = "Journal of Things"  # bare value where ORCID writes {"value": ...}
    data["title"]["title"] = "Fish & <chips>"
    work = from_json(orjson.dumps(data), m.work.Work)
    assert work == a_work()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d.update({"color": "red"}), '"color"'),
        (lambda d: d.update({"put-code": "twelve"}), "put-code"),
        (lambda d: d["title"].update({"title": None}), "'title'"),
        (lambda d: d.update({"title": ["not", "an", "object"]}), "'title'"),
    ],
)
def test_json_errors_are_9047_and_name_the_field(change: object, field: str) -> None:
    data = to_data(a_work())
    change(data)  # type: ignore[operator]
    with pytest.raises(OrcidError) as error:
        from_json(orjson.dumps(data), m.work.Work)
    assert error.value.code == 9047
    assert error.value.http_status == 400
    assert field in error.value.developer_message


def test_malformed_json_is_9047() -> None:
    with pytest.raises(OrcidError) as error:
        from_json(b'{"title": ', m.work.Work)
    assert error.value.code == 9047


@pytest.mark.parametrize(
    ("document", "mentions"),
    [
        (b"<work:work xmlns:work='http://www.orcid.org/ns/work'><work:colour/></work:work>", "colour"),
        (b"<work:work xmlns:work='http://www.orcid.org/ns/work'></work:work>", "'title'"),
        (b"<nothing/>", "nothing"),
        (b"<work:work xmlns:work='http://www.orcid.org/ns/work'", "well-formed"),
    ],
)
def test_xml_errors_are_9001_and_name_the_element(document: bytes, mentions: str) -> None:
    with pytest.raises(OrcidError) as error:
        from_xml(document)
    assert error.value.code == 9001
    assert mentions in error.value.developer_message


def test_bad_integer_attribute_in_xml_is_9001() -> None:
    document = to_xml(a_work()).replace(b'put-code="2002"', b'put-code="x"')
    with pytest.raises(OrcidError) as error:
        from_xml(document)
    assert error.value.code == 9001 and "put-code" in error.value.developer_message


def test_lenient_xml_read_skips_unknown_content() -> None:
    document = to_xml(a_work()).replace(b"</work:work>", b"<work:colour>red</work:colour></work:work>")
    with pytest.raises(OrcidError):
        from_xml(document)
    assert from_xml(document, strict=False) == a_work()


def test_root_type_must_match_when_given() -> None:
    with pytest.raises(OrcidError) as error:
        from_xml(to_xml(a_work()), m.funding.Funding)
    assert error.value.code == 9001


def test_person_item_display_index_is_a_number_in_json_and_an_attribute_in_xml() -> None:
    keyword = m.keyword.Keyword(content="fish", display_index="1", put_code=7)
    assert to_data(keyword)["display-index"] == 1
    assert 'display-index="1"' in to_xml(keyword).decode()
    summary = m.work.WorkSummary(title=a_work().title, type_value="book", display_index="1")
    assert to_data(summary)["display-index"] == "1"  # activity summaries keep ORCID's string


def test_affiliation_groups_and_bulk_use_orcids_json_folding() -> None:
    education = m.education.EducationSummary(put_code=1, department_name="Physics")
    group = m.activities.AffiliationGroup(external_ids=m.common.ExternalIds(), education_summary=[education])
    data = to_data(m.activities.Educations(affiliation_group=[group]))
    assert data["affiliation-group"][0]["summaries"][0]["education-summary"]["department-name"] == "Physics"
    assert from_json(orjson.dumps(data), m.activities.Educations).affiliation_group[0].education_summary == [
        education
    ]
    duplicate = m.error.Error(response_code=409, developer_message="duplicate", error_code=9021)
    bulk = m.bulk.Bulk(work_or_error=[a_work(), duplicate, a_work()])
    assert [list(entry) for entry in to_data(bulk)["bulk"]] == [["work"], ["error"], ["work"]]
    assert from_json(to_json(bulk), m.bulk.Bulk) == bulk
    assert from_xml(to_xml(bulk)) == bulk


def test_history_creation_method_uses_the_java_name_in_json_only() -> None:
    history = m.history.History(
        creation_method=m.history.CreationMethod.MEMBER_REFERRED,
        verified_email=True,
        verified_primary_email=True,
    )
    assert to_data(history)["creation-method"] == "MEMBER_REFERRED"
    assert "<history:creation-method>Member-referred</history:creation-method>" in to_xml(history).decode()
    assert from_json(to_json(history), m.history.History) == history
