"""Value rules of a v3.0 message that its XSD leaves open, checked when a message is read.

ORCID's XSDs document most vocabularies (work type, language, country, roles, ...) as free strings;
ORCID's validators then refuse unknown values with 9037 / 9058 / 9051, invalid fuzzy dates with
9049, an end date without a start date with 9050 and an end before the start with 9055. Rules that
need the registry (organizations, duplicates, put codes, titles and identifiers required on write)
belong to the records domain, not here.

Accepted aliases (e.g. the CSL work type "article-journal") are rewritten to ORCID's value, as
ORCID stores and returns them.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from enum import Enum, StrEnum
from typing import Any

from orchid.errors import OrcidError
from orchid.schema import enums
from orchid.schema.plan import Role, plan_for

NS = "http://www.orcid.org/ns/"
INVALID_DATE = 9049
END_WITHOUT_START = 9050
END_BEFORE_START = 9055


def _vocabulary(enum_cls: type[StrEnum], field: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        return str(enums.parse_enum(enum_cls, value.strip(), field=field).value)

    return check


def _role(parse: Callable[[str], Enum]) -> Callable[[str], str]:
    return lambda value: str(parse(value.strip()).value)


# Element or attribute (Clark name, or "parent-local/attribute" for attributes) -> check returning
# the value ORCID stores. One row per place a vocabulary appears in the v3.0 messages.
VALUE_RULES: dict[str, Callable[[str], str]] = {
    f"{{{NS}work}}type": _vocabulary(enums.WorkType, "work type"),
    f"{{{NS}work}}citation-type": _vocabulary(enums.CitationType, "citation type"),
    f"{{{NS}work}}language-code": _vocabulary(enums.LanguageCode, "language code"),
    f"{{{NS}common}}language-code": _vocabulary(enums.LanguageCode, "language code"),
    "translated-title/language-code": _vocabulary(enums.LanguageCode, "language code"),
    f"{{{NS}common}}country": _vocabulary(enums.Country, "country"),
    f"{{{NS}address}}country": _vocabulary(enums.Country, "country"),
    f"{{{NS}common}}external-id-relationship": _vocabulary(enums.Relationship, "relationship"),
    f"{{{NS}work}}contributor-role": _role(enums.parse_work_contributor_role),
    f"{{{NS}common}}contributor-role": _role(enums.parse_work_contributor_role),
    f"{{{NS}funding}}contributor-role": _role(enums.parse_funding_contributor_role),
    f"{{{NS}funding}}type": _vocabulary(enums.FundingType, "funding type"),
    "amount/currency-code": _vocabulary(enums.CurrencyCode, "currency code"),
    f"{{{NS}peer-review}}reviewer-role": _vocabulary(enums.PeerReviewRole, "peer review role"),
    f"{{{NS}peer-review}}review-type": _vocabulary(enums.PeerReviewType, "peer review type"),
    f"{{{NS}peer-review}}subject-type": _vocabulary(enums.PeerReviewSubjectType, "peer review subject type"),
    f"{{{NS}research-resource}}resource-type": _vocabulary(enums.ResearchResourceType, "resource type"),
}


def validate(model: Any) -> Any:
    """Check (and canonicalize) every value rule in a message; return the message."""
    cls: type = type(model)
    _validate(model, plan_for(cls).local)
    return model


def _validate(obj: Any, local: str) -> None:
    cls: type = type(obj)
    plan = plan_for(cls)
    for f in plan.fields:
        value = getattr(obj, f.attr)
        if value is None or (f.many and not value):
            continue
        rule = VALUE_RULES.get(f"{local}/{f.local}" if f.role is Role.ATTRIBUTE else f.clark)
        if f.model is None:
            if rule is not None and isinstance(value, str):
                setattr(obj, f.attr, rule(value))
            continue
        text = plan_for(f.model).text
        for item in value if f.many else (value,):
            if rule is not None and text is not None and getattr(item, text.attr):
                setattr(item, text.attr, rule(getattr(item, text.attr)))
            _validate(item, f.local)
    if hasattr(obj, "year") and hasattr(obj, "month") and hasattr(obj, "day"):
        _check_fuzzy_date(obj, local)
    if hasattr(obj, "start_date") and hasattr(obj, "end_date"):
        _check_period(obj.start_date, obj.end_date)


def _check_fuzzy_date(date: Any, name: str) -> None:
    year, month, day = date.year, date.month, date.day
    shown = "-".join(str(part) for part in (year, month, day) if part is not None)
    if day is not None and month is None:
        raise OrcidError(INVALID_DATE, f"{name}: a day needs a month", dateString=shown)
    if year is None:
        if month is not None:
            raise OrcidError(INVALID_DATE, f"{name}: a month needs a year", dateString=shown)
        return
    if month is not None and not 1 <= month <= 12:
        raise OrcidError(INVALID_DATE, f"{name}: month {month} does not exist", dateString=shown)
    if day is not None and month is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise OrcidError(INVALID_DATE, f"{name}: {shown} is not a calendar date", dateString=shown)


def _as_tuple(date: Any) -> tuple[int, int, int]:
    return (date.year, date.month or 0, date.day or 0)


def _check_period(start: Any, end: Any) -> None:
    if end is None or end.year is None:
        return
    if start is None or start.year is None:
        raise OrcidError(END_WITHOUT_START)
    # Compared at the precision both dates give: 2020 vs 2020-05 is not a reversal.
    start_parts, end_parts = _as_tuple(start), _as_tuple(end)
    precision = min(
        sum(part != 0 for part in start_parts),
        sum(part != 0 for part in end_parts),
    )
    if end_parts[:precision] < start_parts[:precision]:
        raise OrcidError(END_BEFORE_START)
