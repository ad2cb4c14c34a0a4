"""The researcher editing their own record: names, biography, visibility defaults, deleting own items,
the visibility of any item (the item editors are in `orchid.web.editors`).

Items are read and deleted through `orchid.records.services` as the researcher
(`Viewer.researcher_self`), so the records domain's rules apply: only items the researcher is the
source of can be deleted here; items added by clients are shown with their source.
"""

from __future__ import annotations

from django.utils.translation import gettext

from orchid.records import services
from orchid.records.models import Researcher, VisibilityChoices, now_ms
from orchid.records.viewer import Viewer
from orchid.web.record_page import RecordView, build, section_of


class EditError(Exception):
    pass


def own_record(orcid: str) -> RecordView:
    return build(orcid, Viewer.researcher_self(orcid))


def update_profile(
    researcher: Researcher,
    *,
    given_names: str,
    family_name: str,
    credit_name: str,
    biography: str,
    biography_visibility: str,
    default_visibility: str,
) -> None:
    if not given_names.strip():
        raise EditError(gettext("Given names are required."))
    for value in (biography_visibility, default_visibility):
        if value not in VisibilityChoices.values:
            raise EditError(gettext("Choose a listed visibility."))
    if len(biography) > 5000:
        raise EditError(gettext("The biography is limited to %(count)d characters.") % {"count": 5000})
    researcher.given_names = given_names.strip()
    researcher.family_name = family_name.strip()
    researcher.credit_name = credit_name.strip()
    researcher.biography = biography.strip()
    researcher.biography_visibility = biography_visibility
    researcher.default_visibility = default_visibility
    researcher.last_modified = now_ms()
    researcher.save()


def delete_own_item(orcid: str, section_name: str, put_code: int) -> None:
    """Delete an item the researcher added; `OrcidError` (9010) for a client's item."""
    section = section_of(section_name)
    if section is None:
        raise EditError(gettext("Unknown section."))
    services.delete_item(orcid, section, put_code, Viewer.researcher_self(orcid))


def set_item_visibility(orcid: str, section_name: str, put_code: int, visibility: str) -> None:
    """Set the visibility of any item on the record, the researcher's own or a client's."""
    section = section_of(section_name)
    if section is None:
        raise EditError(gettext("Unknown section."))
    services.set_visibility(orcid, section, put_code, visibility, Viewer.researcher_self(orcid))
