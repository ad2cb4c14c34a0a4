"""ORCID API errors as data: one table of ORCID's 9xxx codes and one exception that carries a code.

The messages are ORCID's English ``apiError.<code>.*`` texts (ORCID-Source
``orcid-core/src/main/resources/i18n/api_en.properties``) with their ``${name}`` placeholders. The
HTTP statuses are those ``OrcidCoreExceptionMapper`` pairs with each code. A renderer turns an
``OrcidError`` into ORCID's five-field ``error`` body (``response-code``, ``developer-message``,
``user-message``, ``error-code``, ``more-info``) in the negotiated format.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = [
    "ERRORS",
    "FULL_VALIDATION_ERROR_PREFIX",
    "MORE_INFO_URL",
    "ErrorDefinition",
    "OrcidError",
    "substitute_placeholders",
]

# Every apiError.<code>.moreInfo key holds this same troubleshooting page.
MORE_INFO_URL = "https://members.orcid.org/api/resources/troubleshooting"

# ORCID's getDeveloperMessage joins the template and the exception's own message with the
# localised "apiError.validation.message" key, which reads "Full validation error:" in English.
FULL_VALIDATION_ERROR_PREFIX = " Full validation error: "

# ORCID answers every exception it has not mapped with 500 / 9008; codes the table gives no status
# (9000 is a client-side code, 8001 is only ever inline) fall back to the same.
_FALLBACK_HTTP_STATUS = 500

_PLACEHOLDER = re.compile(r"\$\{([^}]+)\}")

# ORCID's standard user message for write errors the user can only report to the integrator.
_CONTACT_CLIENT = (
    "There was an error when updating the record. Please try again. "
    "If the error persists, please contact ${clientName} for assistance."
)


@dataclass(frozen=True, slots=True)
class ErrorDefinition:
    """One ORCID error code: its HTTP status and its message templates."""

    code: int
    http_status: int | None
    developer_message: str
    user_message: str
    more_info: str = MORE_INFO_URL


def _define(code: int, http_status: int | None, developer_message: str, user_message: str) -> ErrorDefinition:
    return ErrorDefinition(code, http_status, developer_message, user_message)


_DEFINITIONS: tuple[ErrorDefinition, ...] = (
    _define(
        9000,
        None,
        "There was an error connecting to ORCID.",
        "There was an error connecting to ORCID.",
    ),
    _define(
        9001,
        400,  # or the 405/415 of the rejected request; pass http_status= to OrcidError
        "400 Bad Request: There is an issue with your data or the API endpoint. "
        "405 Method Not Allowed: Endpoint and method mismatch. "
        "415 Unsupported Media Type: data must be in XML or JSON format.",
        "ORCID could not process the data, because they were invalid.",
    ),
    _define(
        9002,
        401,
        "The client application is not authorized.",
        "The client application is not authorized.",
    ),
    _define(
        9003,
        401,
        "The client application is not authorized.",
        "The client application is not authorized.",
    ),
    _define(
        9004,
        403,
        "403 Forbidden: Insufficient or wrong scope.",
        "The client application is forbidden to perform the action.",
    ),
    _define(
        9005,
        403,
        "403 Forbidden: Insufficient or wrong scope.",
        "The client application is forbidden to perform the action.",
    ),
    _define(
        9006,
        400,
        "The client application sent a bad request to ORCID.",
        "The client application sent a bad request to ORCID.",
    ),
    _define(
        9007,
        301,  # 409 for writes to a deprecated record
        "301 Moved Permanently: This account is deprecated. Please refer to account: ${orcid}. "
        "ORCID ${deprecated_orcid}",
        "This account is deprecated. Please refer to account: ${orcid}.",
    ),
    _define(
        9008,
        500,
        "Something went wrong in ORCID.",
        "Something went wrong in ORCID.",
    ),
    _define(
        9009,
        403,
        "403 Forbidden: The notification has already been read and cannot be archived.",
        "The client application tried to archive a message that has already been read.",
    ),
    _define(
        9010,
        403,
        "403 Forbidden: You are not the source of the ${activity}, so you are not allowed to update it.",
        "The client application is not the source of the resource it is trying to access.",
    ),
    _define(
        9011,
        404,
        "404 Not Found: The ORCID record or item was not found.",
        "The resource was not found.",
    ),
    _define(
        9012,
        400,
        "The client application made a bad request to the ORCID API.",
        "The client application made a bad request to the ORCID API.",
    ),
    _define(
        9013,
        403,
        "403 Forbidden: The item is private and you are not the source.",
        "The client application is forbidden to perform the action.",
    ),
    _define(
        9014,
        403,
        "The client application is forbidden to perform the action.",
        "The client application is forbidden to perform the action.",
    ),
    _define(
        9015,
        401,
        "One of the provided scopes is not allowed. Please refer to the list of allowed scopes at: "
        "https://github.com/ORCID/ORCID-Source/tree/master/orcid-model/src/main/resources/record_2.0#scopes.",
        "The client application tried to use an invalid permission on the ORCID API.",
    ),
    _define(
        9016,
        404,
        "404 Not Found: The resource was not found.",
        "The resource was not found.",
    ),
    _define(
        9017,
        401,
        "401 Unauthorized: The client application is not authorized for this ORCID record.",
        "The client application is not authorized.",
    ),
    _define(
        9018,
        409,
        "409 Conflict: The ORCID record is locked and cannot be edited. ORCID ${orcid}",
        "The ORCID record is locked.",
    ),
    _define(
        9019,
        400,
        "400 Bad Request: The put code in the URL was ${urlPutCode} whereas the one in the body was "
        "${bodyPutCode}.",
        _CONTACT_CLIENT,
    ),
    _define(
        9020,
        400,
        "400 Bad Request: Invalid incoming message.",
        "Invalid incoming message.",
    ),
    _define(
        9021,
        409,
        "409 Conflict: You have already added this activity (matched by external identifiers), please "
        "see element with put-code ${putCode}. If you are trying to edit the item, please use PUT "
        "instead of POST.",
        _CONTACT_CLIENT,
    ),
    _define(
        9022,
        400,
        "400 Bad Request: Invalid activity, a title is required.",
        "Invalid activity:  A title is required.",
    ),
    _define(
        9023,
        400,
        "400 Bad Request: Invalid activity, an external identifier is required.",
        "Invalid activity: an external identifier is required.",
    ),
    _define(
        9024,
        400,
        "400 Bad Request: Put-code is included when not expected. When posting new activities, the "
        "put code should be omitted.",
        _CONTACT_CLIENT,
    ),
    _define(
        9025,
        409,
        "409 Conflict: The given group-id-record already exists.",
        "The given group-id-record already exists.",
    ),
    _define(
        9026,
        400,
        "400 Bad Request: The group you are trying to access does not exist, you may need to create it.",
        "The group-id-record does not exist.",
    ),
    _define(
        9027,
        404,
        "Unable to find client profile associated with client:${client}.",
        "The resource was not found.",
    ),
    _define(
        9028,
        404,
        "No webhook found for orcid=${orcid}, and uri=${uri}.",
        "The resource was not found.",
    ),
    _define(
        9029,
        404,
        "404 Not Found: Could not find notification with id: ${id} for ORCID: ${orcid}.",
        "The resource was not found.",
    ),
    _define(
        9030,
        409,
        "The element '${value}' of type '${type}' is duplicated. ",
        "The element '${value}' of type '${type}' is duplicated. ",
    ),
    _define(
        9031,
        409,
        "Put-code is required to update elements.",
        _CONTACT_CLIENT,
    ),
    _define(
        9032,
        409,
        "409 Conflict: The user has opted not to receive notifications so you cannot post notifications.",
        "The user ${orcid} doesn't allow notifications.",
    ),
    _define(
        9033,
        400,
        "The other name does not exist.",
        "The other name does not exist.",
    ),
    _define(
        9034,
        400,
        "400 Bad Request: The put code provided is not valid.",
        _CONTACT_CLIENT,
    ),
    _define(
        9035,
        403,
        "403 Forbidden: You can't change the visibility of an item, please remove the visibility or "
        "set it to the current value.",
        _CONTACT_CLIENT,
    ),
    _define(
        9036,
        409,
        "409 Conflict: This record has not been claimed.",
        "This record has not been claimed, if this is your record you can claim it at "
        "https://orcid.org/resend-claim.",
    ),
    _define(
        9037,
        400,
        "Invalid ${type}, valid values are: ${values}.",
        # ORCID's text, whatever ${type} was.
        "Please specify a work type.",
    ),
    _define(
        9038,
        403,
        # ORCID's text says 409 although the response is a 403.
        "409 Conflict: The item has a limited or private visibility and your request doesn't have the "
        "required scope.",
        "You don't have the permissions to execute this action.",
    ),
    _define(
        9039,
        403,
        "403 Forbidden: The item is not public and cannot be accessed with the Public API.",
        "The client application is forbidden to perform the action.",
    ),
    _define(
        9040,
        409,
        "The item can't be deleted.",
        "The item can't be deleted.",
    ),
    _define(
        9041,
        404,
        "404 Not Found: Biography for the given record is null.",
        "There is no biography for the given record.",
    ),
    _define(
        9042,
        400,
        # api_en.properties has no developerMessage for 9042, so ORCID falls back to the
        # exception's class name (observed on pub.orcid.org).
        "org.orcid.core.exception.ExceedMaxNumberOfPutCodesException",
        "Too many put codes supplied",
    ),
    _define(
        9043,
        400,
        "The start parameter for API users without credentials must be an integer between 0 and 10,000",
        "The start parameter for API users without credentials must be an integer between 0 and 10,000",
    ),
    _define(
        9044,
        409,
        "409 Conflict: The ORCID record is deactivated and cannot be edited.",
        "The ORCID record is deactivated.",
    ),
    _define(
        9045,
        400,
        "400 Bad request: disambiguated-organization must be present and valid",
        "No valid disambiguated-organization is included in the data.",
    ),
    _define(
        9046,
        400,
        "400 Bad request: organization must be present and valid",
        "No valid organization is included in the data.",
    ),
    _define(
        9047,
        400,
        "400 Bad request: invalid JSON - ${error}",
        "Invalid JSON.",
    ),
    _define(
        9048,
        409,
        "409 Conflict: The maximum number of works that can be connected to an ORCID record is 10,000",
        "The maximum number of works that can be connected to an ORCID record is 10,000 and you have "
        "now exceeded this limit. Please remove some works and try again. For more information, see "
        "https://support.orcid.org/hc/articles/360006973133",
    ),
    _define(
        9049,
        400,
        "400 Bad request: invalid date: ${dateString} ",
        "Invalid date",
    ),
    _define(
        9050,
        400,
        "400 Bad request: missing start-date. If you specify an end-date, you must specify a start-date",
        "Missing start-date. If you specify an end-date, you must specify a start-date",
    ),
    _define(
        9051,
        400,
        "400 Bad request: invalid value '${value}' for enum '${enum}'",
        "Invalid value for type. ",
    ),
    _define(
        9052,
        403,
        "403 Forbidden: this access_token is only valid on API v3.0_rc2 and above",
        "This access_token is only valid on API v3.0_rc2 and above.",
    ),
    _define(
        9053,
        400,
        "400 Bad Request: invalid ISSN",
        "This does not appear to be a valid ISSN",
    ),
    _define(
        9054,
        400,
        "400 Bad Request: invalid amount",
        "This does not appear to be a valid funding amount",
    ),
    _define(
        9055,
        400,
        "400 Bad Request: End date must come after start date.",
        "End date must come after start date.",
    ),
    _define(
        9056,
        308,
        # ORCID fills a MessageFormat "{0}" here; it is written as ${version} so one substitution
        # mechanism serves every template.
        "Release candidates for V${version} are now disabled, your request will be redirected to the "
        "corresponding V${version} end point",
        "Release candidates for V${version} are now disabled, your request will be redirected to the "
        "corresponding V${version} end point",
    ),
    _define(
        9057,
        409,
        "409 Conflict: The client is locked.",
        "The client is locked.",
    ),
    _define(
        9058,
        400,
        # ORCID's text says 404 although the response is a 400.
        "404 Bad Request: Invalid contributor role: ${role}. Expected one of ${validRoles}. ",
        "Invalid contributor role.",
    ),
    _define(
        9059,
        308,
        "Release candidates for V3.0 are now disabled, your request will be redirected to the "
        "corresponding V3.0 end point",
        "Release candidates for V3.0 are now disabled, your request will be redirected to the "
        "corresponding V3.0 end point",
    ),
    # 9060-9062 and 8001: the stored api_en.properties predates these keys, so the wording below
    # follows the rule each code enforces (spec section 5) rather than ORCID's exact text.
    _define(
        9060,
        400,
        "400 Bad Request: Invalid organization address: city and country are required for education "
        "and employment items.",
        "City and country are required in the organization address.",
    ),
    _define(
        9061,
        400,
        "400 Bad Request: Invalid organization address: a country is required when a city or region "
        "is given.",
        "A country is required when a city or region is given.",
    ),
    _define(
        9062,
        400,
        "400 Bad Request: A disambiguated organization or an external identifier is required.",
        "A disambiguated organization or an external identifier is required.",
    ),
    _define(
        8001,
        None,  # never an HTTP response: ORCID writes it inside external-id-normalized-error
        "Cannot normalize identifier value ${type}:${value}",
        "Cannot normalize identifier value ${type}:${value}",
    ),
)

ERRORS: dict[int, ErrorDefinition] = {definition.code: definition for definition in _DEFINITIONS}


def substitute_placeholders(template: str, params: Mapping[str, str]) -> str:
    """Replace ``${name}`` with ``params[name]``; unknown placeholders stay as written.

    That is what ORCID's ``StrSubstitutor`` does: a user message asking the user to contact
    ``${clientName}`` keeps the literal placeholder when the request had no client (observed).
    """
    return _PLACEHOLDER.sub(lambda match: params.get(match.group(1), match.group(0)), template)


class OrcidError(Exception):
    """An ORCID API error: a code from ``ERRORS`` plus the values for its placeholders.

    ``detail`` is what ORCID appends as " Full validation error: <detail>" (the message of the
    Java exception). ``http_status`` overrides the table's status where ORCID varies it for one
    code (9001 carries the 405/415 of the rejected request; 9007 is a 409 on writes).
    """

    def __init__(
        self,
        code: int,
        detail: str | None = None,
        *,
        http_status: int | None = None,
        **params: str,
    ) -> None:
        if code not in ERRORS:
            raise ValueError(f"unknown ORCID error code {code}")
        self.definition = ERRORS[code]
        self.detail = detail
        self.params: dict[str, str] = dict(params)
        self._http_status_override = http_status
        super().__init__(self.developer_message)

    @property
    def code(self) -> int:
        return self.definition.code

    @property
    def http_status(self) -> int:
        if self._http_status_override is not None:
            return self._http_status_override
        if self.definition.http_status is not None:
            return self.definition.http_status
        return _FALLBACK_HTTP_STATUS

    @property
    def developer_message(self) -> str:
        message = substitute_placeholders(self.definition.developer_message, self.params)
        if self.detail is not None:
            message += FULL_VALIDATION_ERROR_PREFIX + self.detail
        return message

    @property
    def user_message(self) -> str:
        return substitute_placeholders(self.definition.user_message, self.params)

    @property
    def more_info(self) -> str:
        return self.definition.more_info

    def __str__(self) -> str:
        return self.developer_message

    def __repr__(self) -> str:
        return f"OrcidError({self.code}, {self.developer_message!r})"
