from __future__ import annotations

from dataclasses import dataclass, field

__NAMESPACE__ = "http://www.orcid.org/ns/expanded-search"


@dataclass(slots=True, kw_only=True)
class ExpandedResult:
    class Meta:
        name = "expanded-result"

    orcid_id: str = field(
        metadata={
            "name": "orcid-id",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/expanded-search",
        }
    )
    given_names: None | str = field(
        default=None,
        metadata={
            "name": "given-names",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/expanded-search",
        },
    )
    family_names: None | str = field(
        default=None,
        metadata={
            "name": "family-names",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/expanded-search",
        },
    )
    credit_name: None | str = field(
        default=None,
        metadata={
            "name": "credit-name",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/expanded-search",
        },
    )
    other_name: list[str] = field(
        default_factory=list,
        metadata={
            "name": "other-name",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/expanded-search",
        },
    )
    email: list[str] = field(
        default_factory=list,
        metadata={
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/expanded-search",
        },
    )
    institution_name: list[str] = field(
        default_factory=list,
        metadata={
            "name": "institution-name",
            "type": "Element",
            "namespace": "http://www.orcid.org/ns/expanded-search",
        },
    )


@dataclass(slots=True, kw_only=True)
class ExpandedSearch:
    class Meta:
        name = "expanded-search"
        namespace = "http://www.orcid.org/ns/expanded-search"

    expanded_result: list[ExpandedResult] = field(
        default_factory=list,
        metadata={
            "name": "expanded-result",
            "type": "Element",
        },
    )
    num_found: int = field(
        default=0,
        metadata={
            "name": "num-found",
            "type": "Attribute",
        },
    )
