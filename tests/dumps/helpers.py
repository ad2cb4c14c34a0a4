"""Records with a bit of everything, and reading a public data file back."""

from __future__ import annotations

import tarfile
from pathlib import Path
from typing import Any

from orchid.records import services
from orchid.records.models import Email
from orchid.records.sections import BY_NAME
from orchid.records.viewer import Viewer
from orchid.schema import models as m
from tests.records import builders

PRIVATE_TITLE = "A private work nobody may see"


def populate(member: Any = None) -> list[str]:
    """Three researchers: items from the researcher and from a member client, public and private ones."""
    member = member if member is not None else builders.client()
    first = builders.researcher(biography="Studies orchids.", credit_name="Dr First")
    Email.objects.filter(researcher=first).update(visibility="public")
    me = Viewer.researcher_self(first.orcid)
    services.add_item(first.orcid, BY_NAME["work"], builders.work("Public work one"), me)
    services.add_item(first.orcid, BY_NAME["keyword"], builders.keyword("botany"), me)
    services.add_item(first.orcid, BY_NAME["other-name"], m.other_name.OtherName(content="F. Irst"), me)
    services.add_item(first.orcid, BY_NAME["employment"], builders.employment("Orchid Institute"), me)
    client_viewer = builders.member_viewer(first.orcid, member)
    services.add_item(first.orcid, BY_NAME["work"], builders.work("Member work"), client_viewer)
    private = services.add_item(first.orcid, BY_NAME["work"], builders.work(PRIVATE_TITLE), me)
    services.set_visibility(first.orcid, BY_NAME["work"], private, "private", me)

    second = builders.researcher()
    services.add_item(
        second.orcid, BY_NAME["work"], builders.work("Second's work"), Viewer.researcher_self(second.orcid)
    )
    third = builders.researcher(given_names="Nothing", family_name="Yet")
    return [first.orcid, second.orcid, third.orcid]


def members(path: Path) -> dict[str, bytes]:
    """Every file of a .tar.gz, by name, in order."""
    out: dict[str, bytes] = {}
    with tarfile.open(path, "r:gz") as tar:
        for info in tar:
            extracted = tar.extractfile(info)
            assert extracted is not None
            out[info.name] = extracted.read()
    return out
