"""The ORCID v3.0 vocabularies: sizes and members as ORCID has them, and how input is read."""

from __future__ import annotations

from enum import StrEnum

import pytest

from orchid.errors import OrcidError
from orchid.schema.enums import (
    CitationType,
    ContributorRole,
    ContributorSequence,
    Country,
    CreationMethod,
    CreditRole,
    CurrencyCode,
    FundingContributorRole,
    FundingType,
    GroupIdType,
    LanguageCode,
    Locale,
    NotificationItemType,
    PeerReviewRole,
    PeerReviewSubjectType,
    PeerReviewType,
    Relationship,
    ResearchResourceType,
    Visibility,
    WorkType,
    parse_enum,
    parse_funding_contributor_role,
    parse_work_contributor_role,
)

ALL_ENUMS: list[type[StrEnum]] = [
    CitationType,
    ContributorRole,
    ContributorSequence,
    Country,
    CreationMethod,
    CreditRole,
    CurrencyCode,
    FundingContributorRole,
    FundingType,
    GroupIdType,
    LanguageCode,
    Locale,
    NotificationItemType,
    PeerReviewRole,
    PeerReviewSubjectType,
    PeerReviewType,
    Relationship,
    ResearchResourceType,
    Visibility,
    WorkType,
]


@pytest.mark.parametrize(
    ("enum_cls", "expected_size"),
    [
        (Visibility, 4),
        (WorkType, 59),
        (PeerReviewSubjectType, 64),
        (CitationType, 9),
        (ContributorRole, 11),
        (FundingContributorRole, 4),
        (CreditRole, 14),
        (ContributorSequence, 2),
        (FundingType, 4),
        (PeerReviewRole, 5),
        (PeerReviewType, 2),
        (Relationship, 4),
        (ResearchResourceType, 4),
        (GroupIdType, 8),
        (NotificationItemType, 10),
        (CreationMethod, 4),
        (Locale, 16),
        # ORCID's AVAILABLE_ISO_LANGUAGES: 187 entries with "en" listed twice.
        (LanguageCode, 186),
        (Country, 250),
        (CurrencyCode, 230),
    ],
)
def test_each_vocabulary_has_orcids_size(enum_cls: type[StrEnum], expected_size: int) -> None:
    assert len(enum_cls) == expected_size


@pytest.mark.parametrize("enum_cls", ALL_ENUMS)
def test_values_are_unique_within_each_vocabulary(enum_cls: type[StrEnum]) -> None:
    values = [member.value for member in enum_cls]
    assert len(values) == len(set(values))


def test_members_serialise_as_their_wire_value() -> None:
    assert str(WorkType.JOURNAL_ARTICLE) == "journal-article"
    assert f"{Visibility.REGISTERED_ONLY}" == "registered-only"
    assert WorkType("data-set") is WorkType.DATA_SET


def test_visibility_values() -> None:
    assert {member.value for member in Visibility} == {"public", "limited", "registered-only", "private"}


def test_work_types_include_the_2023_additions_and_the_older_types() -> None:
    values = {member.value for member in WorkType}
    assert {"blog-post", "conference-output", "public-speech", "sound", "transcription"} <= values
    assert {"conference-abstract", "lecture-speech", "disclosure", "undefined"} <= values


def test_peer_review_subject_types_are_work_types_plus_five() -> None:
    work_values = {member.value for member in WorkType}
    subject_values = {member.value for member in PeerReviewSubjectType}
    assert subject_values - work_values == {
        "grant",
        "contract",
        "award",
        "salary-award",
        "research-resource-proposal",
    }
    assert work_values <= subject_values


def test_credit_roles_are_niso_uris_with_trailing_slash() -> None:
    for role in CreditRole:
        assert role.value.startswith("http://credit.niso.org/contributor-roles/")
        assert role.value.endswith("/")
    assert (
        CreditRole.WRITING_REVIEW_EDITING
        == "http://credit.niso.org/contributor-roles/writing-review-editing/"
    )


def test_group_id_type_keeps_the_space_in_peer_review_service() -> None:
    assert GroupIdType.PEER_REVIEW_SERVICE == "peer-review service"


def test_creation_method_uses_the_mixed_case_xml_values() -> None:
    assert [member.value for member in CreationMethod] == ["API", "Direct", "Member-referred", "website"]
    assert CreationMethod.MEMBER_REFERRED.name == "MEMBER_REFERRED"


def test_locales_are_orcids_ui_languages() -> None:
    assert {member.value for member in Locale} == {
        "ar", "cs", "de", "en", "es", "fr", "it", "ja", "ko", "pl", "pt", "ru", "tr", "zh_CN", "zh_TW", "xx",
    }  # fmt: skip


def test_language_codes_use_javas_legacy_codes_and_split_chinese() -> None:
    values = {member.value for member in LanguageCode}
    assert {"zh_CN", "zh_TW", "iw", "in", "ji", "mo", "en", "bh"} <= values
    assert not {"zh", "he", "id", "yi"} & values


def test_countries_are_alpha2_with_kosovo() -> None:
    values = {member.value for member in Country}
    assert {"XK", "GB", "US", "TW", "SS", "BQ", "CW", "SX"} <= values
    assert all(len(value) == 2 and value.isupper() for value in values)
    assert "UK" not in values


def test_currency_codes_include_withdrawn_and_funds_codes_java_keeps() -> None:
    values = {member.value for member in CurrencyCode}
    assert {"USD", "EUR", "GBP", "JPY", "CHF", "DEM", "FRF", "XAU", "XDR", "XXX", "SLE", "VES"} <= values
    assert all(len(value) == 3 and value.isupper() for value in values)


def test_parse_enum_accepts_exact_values() -> None:
    assert parse_enum(WorkType, "journal-article", field="work type") is WorkType.JOURNAL_ARTICLE
    assert parse_enum(Country, "XK", field="country") is Country.XK
    assert parse_enum(LanguageCode, "zh_TW", field="language code") is LanguageCode.ZH_TW
    assert parse_enum(Relationship, "version-of", field="relationship") is Relationship.VERSION_OF


def test_parse_enum_maps_the_aliases_orcid_still_reads() -> None:
    assert parse_enum(WorkType, "article-journal", field="work type") is WorkType.JOURNAL_ARTICLE
    assert parse_enum(WorkType, "chapter", field="work type") is WorkType.BOOK_CHAPTER
    assert parse_enum(WorkType, "dataset", field="work type") is WorkType.DATA_SET
    assert parse_enum(WorkType, "standard", field="work type") is WorkType.STANDARDS_AND_POLICY
    assert (
        parse_enum(PeerReviewSubjectType, "dataset", field="subject type") is PeerReviewSubjectType.DATA_SET
    )


@pytest.mark.parametrize(
    ("enum_cls", "bad_value", "field"),
    [
        (WorkType, "blog", "work type"),
        (WorkType, "JOURNAL_ARTICLE", "work type"),
        (CitationType, "apa", "citation type"),
        (LanguageCode, "zh", "language code"),
        (LanguageCode, "zh_cn", "language code"),
        (Country, "gb", "country"),
    ],
)
def test_parse_enum_rejects_validator_checked_values_with_9037(
    enum_cls: type[StrEnum], bad_value: str, field: str
) -> None:
    with pytest.raises(OrcidError) as raised:
        parse_enum(enum_cls, bad_value, field=field)
    error = raised.value
    assert error.code == 9037
    assert error.http_status == 400
    valid_values = ", ".join(member.value for member in enum_cls)
    assert error.developer_message == f"Invalid {field}, valid values are: {valid_values}."


def test_parse_enum_rejects_other_vocabularies_with_9051_naming_field_and_values() -> None:
    with pytest.raises(OrcidError) as raised:
        parse_enum(FundingType, "loan", field="funding type")
    error = raised.value
    assert error.code == 9051
    assert error.http_status == 400
    assert error.developer_message == (
        "400 Bad request: invalid value 'loan' for enum 'FundingType' Full validation error: "
        "Invalid funding type, valid values are: grant, contract, award, salary-award"
    )


def test_9051_names_the_java_enum_orcid_would_name() -> None:
    with pytest.raises(OrcidError) as raised:
        parse_enum(PeerReviewRole, "referee", field="reviewer role")
    assert "for enum 'Role'" in raised.value.developer_message
    assert "reviewer, editor, member, chair, organizer" in raised.value.developer_message


def test_parse_enum_is_case_sensitive_for_plain_vocabularies() -> None:
    with pytest.raises(OrcidError):
        parse_enum(Visibility, "PUBLIC", field="visibility")


def test_original_contributor_roles_accept_value_and_java_name() -> None:
    assert parse_enum(ContributorRole, "co-investigator", field="role") is ContributorRole.CO_INVESTIGATOR
    assert parse_enum(ContributorRole, "CO_INVESTIGATOR", field="role") is ContributorRole.CO_INVESTIGATOR
    assert parse_enum(FundingContributorRole, "CO_LEAD", field="role") is FundingContributorRole.CO_LEAD
    assert parse_enum(FundingContributorRole, "co-lead", field="role") is FundingContributorRole.CO_LEAD


def test_credit_roles_match_in_any_letter_case() -> None:
    shouted = "HTTP://CREDIT.NISO.ORG/CONTRIBUTOR-ROLES/DATA-CURATION/"
    assert parse_enum(CreditRole, shouted, field="role") is CreditRole.DATA_CURATION


def test_work_contributor_role_accepts_original_roles_and_credit() -> None:
    assert parse_work_contributor_role("author") is ContributorRole.AUTHOR
    assert parse_work_contributor_role("SUPPORT_STAFF") is ContributorRole.SUPPORT_STAFF
    assert (
        parse_work_contributor_role("http://credit.niso.org/contributor-roles/software/")
        is CreditRole.SOFTWARE
    )


def test_funding_contributor_role_accepts_original_roles_and_credit() -> None:
    assert parse_funding_contributor_role("supported-by") is FundingContributorRole.SUPPORTED_BY
    assert (
        parse_funding_contributor_role("http://credit.niso.org/contributor-roles/supervision/")
        is CreditRole.SUPERVISION
    )


def test_funding_roles_are_not_work_roles() -> None:
    with pytest.raises(OrcidError) as raised:
        parse_work_contributor_role("lead")
    assert raised.value.code == 9058


def test_invalid_contributor_role_is_9058_listing_valid_roles_like_java() -> None:
    with pytest.raises(OrcidError) as raised:
        parse_funding_contributor_role("sponsor")
    error = raised.value
    assert error.code == 9058
    assert error.http_status == 400
    expected_roles = "[lead, co-lead, supported-by, other-contribution, " + ", ".join(CreditRole) + "]"
    assert error.params == {"role": "sponsor", "validRoles": expected_roles}
    assert error.developer_message == (
        f"404 Bad Request: Invalid contributor role: sponsor. Expected one of {expected_roles}. "
    )
    assert error.user_message == "Invalid contributor role."


def test_case_variants_of_original_roles_are_refused() -> None:
    # ORCID compares names and values exactly; only CRediT URIs are case-insensitive.
    with pytest.raises(OrcidError) as raised:
        parse_work_contributor_role("Author")
    assert raised.value.code == 9058
