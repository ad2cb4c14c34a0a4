"""Who is asking: the one argument every read and write of the records domain takes."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Api(enum.Enum):
    PUBLIC = "public"
    MEMBER = "member"


@dataclass(frozen=True)
class Viewer:
    """The caller of an operation, as the API layer authenticated it.

    `scopes` holds every scope the token grants *including implied ones* (`/read-limited` brings
    `/activities/read-limited`, `/orcid-works/read-limited`, ...; every token brings `/read-public`),
    expanded once by `orchid.oauth.scopes.expand`. `client` is the OAuth client model instance (None
    when anonymous); `orcid` the researcher the token was granted by (None for client-credentials
    tokens and anonymous calls). `revoked_by_researcher` marks a token the researcher revoked: it may
    still DELETE its client's items and nothing else.
    """

    api: Api
    client: Any = None
    orcid: str | None = None
    scopes: frozenset[str] = field(default_factory=frozenset)
    revoked_by_researcher: bool = False

    @property
    def client_id(self) -> str | None:
        return None if self.client is None else str(self.client.client_id)

    def has(self, scope: str) -> bool:
        return scope in self.scopes

    @classmethod
    def anonymous(cls, api: Api = Api.PUBLIC) -> Viewer:
        return cls(api=api, scopes=frozenset({"/read-public"}))

    @classmethod
    def researcher_self(cls, orcid: str) -> Viewer:
        """The researcher acting on their own record (Registry UI, fixtures with source "self")."""
        return cls(api=Api.MEMBER, orcid=orcid, scopes=frozenset({"/read-public", "self"}))

    @property
    def is_researcher_self(self) -> bool:
        return self.client is None and self.orcid is not None and "self" in self.scopes
