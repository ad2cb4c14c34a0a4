from __future__ import annotations

from dataclasses import dataclass, field

__NAMESPACE__ = "http://www.orcid.org/ns/error"


@dataclass(slots=True, kw_only=True)
class Error:
    class Meta:
        name = "error"
        namespace = "http://www.orcid.org/ns/error"

    response_code: int = field(
        metadata={
            "name": "response-code",
            "type": "Element",
        }
    )
    developer_message: str = field(
        metadata={
            "name": "developer-message",
            "type": "Element",
        }
    )
    user_message: None | str = field(
        default=None,
        metadata={
            "name": "user-message",
            "type": "Element",
        },
    )
    error_code: None | int = field(
        default=None,
        metadata={
            "name": "error-code",
            "type": "Element",
        },
    )
    more_info: None | str = field(
        default=None,
        metadata={
            "name": "more-info",
            "type": "Element",
        },
    )
