"""ORCID's error table and the exception that renders it."""

from __future__ import annotations

from dataclasses import FrozenInstanceError

import pytest

from orchid.errors import ERRORS, MORE_INFO_URL, ErrorDefinition, OrcidError, substitute_placeholders

# Spec section 5: code -> HTTP status (None where ORCID never answers with that code). 9003 is
# not in the spec's table; OrcidCoreExceptionMapper maps OAuth2Exception to 401 / 9003.
SPEC_HTTP_STATUS: dict[int, int | None] = {
    9000: None,
    9001: 400,
    9002: 401,
    9003: 401,
    9004: 403,
    9005: 403,
    9006: 400,
    9007: 301,
    9008: 500,
    9009: 403,
    9010: 403,
    9011: 404,
    9012: 400,
    9013: 403,
    9014: 403,
    9015: 401,
    9016: 404,
    9017: 401,
    9018: 409,
    9019: 400,
    9020: 400,
    9021: 409,
    9022: 400,
    9023: 400,
    9024: 400,
    9025: 409,
    9026: 400,
    9027: 404,
    9028: 404,
    9029: 404,
    9030: 409,
    9031: 409,
    9032: 409,
    9033: 400,
    9034: 400,
    9035: 403,
    9036: 409,
    9037: 400,
    9038: 403,
    9039: 403,
    9040: 409,
    9041: 404,
    9042: 400,
    9043: 400,
    9044: 409,
    9045: 400,
    9046: 400,
    9047: 400,
    9048: 409,
    9049: 400,
    9050: 400,
    9051: 400,
    9052: 403,
    9053: 400,
    9054: 400,
    9055: 400,
    9056: 308,
    9057: 409,
    9058: 400,
    9059: 308,
    9060: 400,
    9061: 400,
    9062: 400,
    8001: None,
}


def test_table_covers_every_code_from_9000_to_9062_and_8001() -> None:
    assert set(ERRORS) == set(SPEC_HTTP_STATUS) == set(range(9000, 9063)) | {8001}


@pytest.mark.parametrize(("code", "http_status"), sorted(SPEC_HTTP_STATUS.items()))
def test_each_code_has_the_spec_http_status(code: int, http_status: int | None) -> None:
    assert ERRORS[code].http_status == http_status


@pytest.mark.parametrize("definition", list(ERRORS.values()), ids=lambda definition: str(definition.code))
def test_every_definition_is_complete(definition: ErrorDefinition) -> None:
    assert definition.developer_message.strip()
    assert definition.user_message.strip()
    assert definition.more_info == MORE_INFO_URL == "https://members.orcid.org/api/resources/troubleshooting"


def test_definitions_are_frozen() -> None:
    with pytest.raises(FrozenInstanceError):
        ERRORS[9016].http_status = 200


def test_known_messages_are_orcids_text() -> None:
    assert ERRORS[9016].developer_message == "404 Not Found: The resource was not found."
    assert ERRORS[9016].user_message == "The resource was not found."
    assert ERRORS[9037].developer_message == "Invalid ${type}, valid values are: ${values}."
    assert ERRORS[9039].developer_message == (
        "403 Forbidden: The item is not public and cannot be accessed with the Public API."
    )
    assert ERRORS[9001].developer_message.startswith(
        "400 Bad Request: There is an issue with your data or the API endpoint. "
    )


def test_placeholders_are_substituted_in_both_messages() -> None:
    error = OrcidError(9019, urlPutCode="12", bodyPutCode="13", clientName="Acme Repository")
    assert error.developer_message == (
        "400 Bad Request: The put code in the URL was 12 whereas the one in the body was 13."
    )
    assert error.user_message == (
        "There was an error when updating the record. Please try again. "
        "If the error persists, please contact Acme Repository for assistance."
    )


def test_unknown_placeholders_stay_literal_as_orcid_leaves_them() -> None:
    error = OrcidError(9034, "'007x' is not a valid put code")
    assert "please contact ${clientName} for assistance" in error.user_message


def test_detail_is_appended_as_full_validation_error() -> None:
    error = OrcidError(9044, "0000-0002-1825-0097 is deactivated")
    assert error.developer_message == (
        "409 Conflict: The ORCID record is deactivated and cannot be edited. "
        "Full validation error: 0000-0002-1825-0097 is deactivated"
    )
    assert str(error) == error.developer_message


def test_without_detail_there_is_no_suffix() -> None:
    error = OrcidError(9016)
    assert error.developer_message == "404 Not Found: The resource was not found."
    assert "Full validation error" not in str(error)


def test_9001_with_the_status_of_the_rejected_request() -> None:
    error = OrcidError(9001, "HTTP 405 Method Not Allowed", http_status=405)
    assert error.http_status == 405
    assert error.code == 9001
    assert error.developer_message.endswith(
        "415 Unsupported Media Type: data must be in XML or JSON format. "
        "Full validation error: HTTP 405 Method Not Allowed"
    )


def test_error_properties() -> None:
    error = OrcidError(9010, activity="work")
    assert error.code == 9010
    assert error.http_status == 403
    assert error.more_info == MORE_INFO_URL
    assert error.developer_message == (
        "403 Forbidden: You are not the source of the work, so you are not allowed to update it."
    )
    assert (
        error.user_message
        == "The client application is not the source of the resource it is trying to access."
    )


def test_9042_falls_back_to_the_exception_class_name() -> None:
    error = OrcidError(9042, "Too many put codes specified: maximum is 100")
    assert error.developer_message == (
        "org.orcid.core.exception.ExceedMaxNumberOfPutCodesException Full validation error: "
        "Too many put codes specified: maximum is 100"
    )


def test_codes_without_an_http_status_fall_back_to_500() -> None:
    assert OrcidError(8001, type="doi", value="x").http_status == 500


def test_unknown_code_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown ORCID error code 1234"):
        OrcidError(1234)


def test_orcid_error_is_an_exception_carrying_its_code() -> None:
    with pytest.raises(OrcidError) as raised:
        raise OrcidError(9021, putCode="4413")
    assert raised.value.code == 9021
    assert "see element with put-code 4413." in raised.value.developer_message


def test_substitute_placeholders() -> None:
    assert substitute_placeholders("a ${x} b ${y}", {"x": "1"}) == "a 1 b ${y}"
    assert substitute_placeholders("no placeholders", {"x": "1"}) == "no placeholders"
