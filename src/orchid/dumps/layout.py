"""Member names of the public data file (spec appendix, "Public data file layout").

One gzipped tar stream holds, per record:

* ``summaries/<last3>/<iD>.xml`` -- the public ``record:record`` (person, summaries of activities),
* ``activities/<last3>/<iD>/<list-segment>/<iD>_<list-segment>_<put-code>.xml`` -- each public activity in
  full (``work:work``, ``funding:funding``, ...), as ORCID's activities archives name them.

ORCID splits the activities into 11 archives by the iD's last character; Orchid keeps one archive and
writes a record's activities right after its summary, so a reader sees each record's files together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from orchid.records.sections import ACTIVITIES, Section

SUMMARIES = "summaries"
ACTIVITIES_DIR = "activities"
_BY_LIST_SEGMENT = {section.list_segment: section for section in ACTIVITIES}
_ORCID = r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]"
_SUMMARY_RE = re.compile(rf"^{SUMMARIES}/([\dX]{{3}})/({_ORCID})\.xml$")
_ACTIVITY_RE = re.compile(rf"^{ACTIVITIES_DIR}/([\dX]{{3}})/({_ORCID})/([a-z-]+)/\2_\3_(\d+)\.xml$")


def folder(orcid: str) -> str:
    return orcid[-3:]


def summary_name(orcid: str) -> str:
    return f"{SUMMARIES}/{folder(orcid)}/{orcid}.xml"


def activity_name(orcid: str, section: Section, put_code: int) -> str:
    segment = section.list_segment
    return f"{ACTIVITIES_DIR}/{folder(orcid)}/{orcid}/{segment}/{orcid}_{segment}_{put_code}.xml"


@dataclass(frozen=True)
class Member:
    """What a member name says: whose file it is, and for an activity its section and put code."""

    orcid: str
    section: Section | None = None
    put_code: int | None = None


def parse(name: str) -> Member | None:
    """The meaning of a member name, or None when it is not a file of the layout."""
    match = _SUMMARY_RE.match(name)
    if match is not None:
        last3, orcid = match.groups()
        return Member(orcid) if last3 == folder(orcid) else None
    match = _ACTIVITY_RE.match(name)
    if match is not None:
        last3, orcid, segment, put_code = match.groups()
        section = _BY_LIST_SEGMENT.get(segment)
        if section is None or last3 != folder(orcid):
            return None
        return Member(orcid, section, int(put_code))
    return None
