"""Who may see what: the one place the API, search indexing and data dumps ask (spec §6.4)."""

from __future__ import annotations

from orchid.errors import OrcidError
from orchid.records.sections import Section
from orchid.records.viewer import Api, Viewer
from orchid.schema.enums import Visibility

PUBLIC = Visibility.PUBLIC.value
PRIVATE = Visibility.PRIVATE.value

NOT_PUBLIC_ON_PUBLIC_API = 9039
PRIVATE_AND_NOT_SOURCE = 9013
MISSING_READ_SCOPE = 9038


def is_source(viewer: Viewer, source_client_id: int | None, source_orcid: str = "") -> bool:
    if viewer.client is not None:
        return source_client_id is not None and source_client_id == viewer.client.pk
    return viewer.is_researcher_self and bool(source_orcid) and source_orcid == viewer.orcid


def refusal(
    viewer: Viewer,
    owner_orcid: str,
    read_limited_scope: str,
    visibility: str,
    source_client_id: int | None = None,
    source_orcid: str = "",
) -> int | None:
    """The ORCID error code that forbids this viewer to see an element, or None when it may."""
    if viewer.api is Api.PUBLIC:
        return None if visibility == PUBLIC else NOT_PUBLIC_ON_PUBLIC_API
    if visibility == PUBLIC:
        return None  # every token implies /read-public
    if viewer.is_researcher_self and viewer.orcid == owner_orcid:
        return None
    if is_source(viewer, source_client_id, source_orcid):
        return None  # a client always sees its own items, even private ones
    if read_limited_scope not in viewer.scopes:
        return MISSING_READ_SCOPE
    if visibility == PRIVATE:
        return PRIVATE_AND_NOT_SOURCE
    return None


def can_see(
    viewer: Viewer,
    owner_orcid: str,
    read_limited_scope: str,
    visibility: str,
    source_client_id: int | None = None,
    source_orcid: str = "",
) -> bool:
    return (
        refusal(viewer, owner_orcid, read_limited_scope, visibility, source_client_id, source_orcid) is None
    )


def check_item(viewer: Viewer, owner_orcid: str, section: Section, row: object) -> None:
    """Raise ORCID's error when this viewer may not read this single item."""
    code = refusal(
        viewer,
        owner_orcid,
        section.read_limited_scope,
        row.visibility,  # type: ignore[attr-defined]
        row.source_client_id,  # type: ignore[attr-defined]
        row.source_orcid,  # type: ignore[attr-defined]
    )
    if code is not None:
        raise OrcidError(code)
