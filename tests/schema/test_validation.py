"""The value rules ORCID's XSDs leave open, with ORCID's error codes."""

from __future__ import annotations

import orjson
import pytest

from orchid.errors import OrcidError
from orchid.schema import from_json, models, to_json

from .test_codecs import a_work

m = models


def work_json(**changes: object) -> bytes:
    data = orjson.loads(to_json(a_work()))
    for path, value in changes.items():
        target = data
        *parents, leaf = path.split("__")
        for key in parents:
            target = target[key.replace("_", "-")]
        target[leaf.replace("_", "-")] = value
    return orjson.dumps(data)


def code_of(document: bytes, cls: type = m.work.Work) -> tuple[int, str]:
    with pytest.raises(OrcidError) as error:
        from_json(document, cls)
    return error.value.code, error.value.developer_message


def test_valid_work_passes_and_aliases_become_orcids_value() -> None:
    assert from_json(work_json(), m.work.Work).type_value == "journal-article"
    assert from_json(work_json(type="article-journal"), m.work.Work).type_value == "journal-article"


def test_unknown_work_type_is_9037_naming_the_field() -> None:
    code, message = code_of(work_json(type="novel"))
    assert code == 9037 and "work type" in message and "journal-article" in message


def test_unknown_language_and_country_are_9037() -> None:
    assert code_of(work_json(language_code="klingon"))[0] == 9037
    assert code_of(work_json(country={"value": "XX"}))[0] == 9037
    assert code_of(work_json(title__translated_title={"value": "t", "language-code": "zz"}))[0] == 9037


def test_unknown_contributor_role_is_9058_and_credit_uris_are_roles() -> None:
    contributor = {"contributor-attributes": {"contributor-sequence": "first", "contributor-role": "{}"}}
    for role, expected in (("author", None), ("http://credit.niso.org/contributor-roles/software/", None)):
        contributor["contributor-attributes"]["contributor-role"] = role
        work = from_json(work_json(contributors={"contributor": [contributor]}), m.work.Work)
        assert work.contributors.contributor[0].contributor_attributes.contributor_role == role, expected
    contributor["contributor-attributes"]["contributor-role"] = "hero"
    code, message = code_of(work_json(contributors={"contributor": [contributor]}))
    assert code == 9058 and "hero" in message


def test_unknown_relationship_is_refused() -> None:
    external_ids = orjson.loads(to_json(a_work()))["external-ids"]
    external_ids["external-id"][0]["external-id-relationship"] = "cousin"
    code, message = code_of(work_json(external_ids=external_ids))
    assert code == 9051 and "relationship" in message


@pytest.mark.parametrize(
    ("date", "code"),
    [
        ({"year": {"value": "2021"}, "month": {"value": "02"}, "day": {"value": "30"}}, 9049),
        ({"year": {"value": "2021"}, "day": {"value": "03"}}, 9049),
        ({"year": {"value": "2024"}, "month": {"value": "02"}, "day": {"value": "29"}}, None),
        ({"year": {"value": "2021"}, "month": {"value": "13"}}, 9047),  # outside the XSD's 1..12
        ({"year": {"value": "1850"}}, 9047),  # outside the XSD's 1900..2100
    ],
)
def test_fuzzy_dates(date: dict[str, object], code: int | None) -> None:
    document = work_json(publication_date=date)
    if code is None:
        assert from_json(document, m.work.Work).publication_date.day == 29
    else:
        assert code_of(document)[0] == code


def employment(start: dict[str, object] | None, end: dict[str, object] | None) -> bytes:
    return orjson.dumps(
        {
            "organization": {"name": "Org", "address": {"city": "Paris", "country": "FR"}},
            "start-date": start,
            "end-date": end,
        }
    )


def year(value: str, month: str | None = None) -> dict[str, object]:
    return {"year": {"value": value}, "month": {"value": month} if month else None}


def test_end_date_without_start_is_9050_and_before_start_is_9055() -> None:
    cls = m.employment.Employment
    assert from_json(employment(year("2019"), year("2020")), cls).end_date.year == 2020
    assert from_json(employment(year("2020", "05"), year("2020")), cls).start_date.month == 5
    assert code_of(employment(None, year("2020")), cls)[0] == 9050
    assert code_of(employment(year("2021"), year("2020")), cls)[0] == 9055
    assert code_of(employment(year("2020", "06"), year("2020", "05")), cls)[0] == 9055
