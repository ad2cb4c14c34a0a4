"""`https://{host}/{orcid}`: the record page for people and, by content negotiation, the public v3.0
record for programs (spec §1: same as `pub…/v3.0/{orcid}/record`).

Browsers get HTML. A request whose Accept names one of ORCID's six XML/JSON media types and prefers it to
HTML (`curl -H 'Accept: application/vnd.orcid+xml'`) gets the record in that type. On the API hosts
(`pub.`, `api.`) and for methods other than GET/HEAD the path stays the API's unversioned path
(302 to /v3.0/{orcid} or ORCID's 400).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from orchid.api import edge, negotiation, rendering, routing
from orchid.records import services
from orchid.records.models import Researcher
from orchid.records.viewer import Api, Viewer
from orchid.web.record_page import RecordView, build

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def _accept_entries(header: str) -> list[tuple[str, float]]:
    entries = []
    for part in header.split(","):
        pieces = [piece.strip() for piece in part.split(";")]
        if not pieces[0]:
            continue
        q = 1.0
        for parameter in pieces[1:]:
            key, _, value = parameter.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 1.0
        entries.append((pieces[0].lower(), q))
    return entries


def wants_orcid_media(accept: str | None) -> bool:
    """True when Accept names one of ORCID's XML/JSON types with a higher preference than HTML."""
    entries = _accept_entries(accept or "")
    orcid_q = max((q for name, q in entries if name in negotiation.BY_NAME), default=0.0)
    html_q = max((q for name, q in entries if name in _HTML_TYPES), default=0.0)
    return orcid_q > 0 and orcid_q > html_q


def api_response(request: HttpRequest, orcid: str) -> HttpResponse | None:
    """The API's answer for this request, or None when the HTML page should answer."""
    from orchid.api import views as api_views

    on_api_host = routing.api_for_host(routing.request_host(request)) is not None
    if on_api_host or request.method not in ("GET", "HEAD"):
        return api_views.unversioned(request, orcid)
    accept = request.headers.get("Accept")
    if not wants_orcid_media(accept):
        return None
    try:
        media = negotiation.choose(accept, None, request.path)
        response = rendering.message(services.read_record(orcid, Viewer.anonymous(Api.PUBLIC)), media)
    except Exception as error:
        response = edge.render_failure(request, error, path_orcid=orcid)
    response["Vary"] = "Accept"
    return edge.with_cors(response)


def page(orcid: str) -> RecordView:
    """The public items of a record (raises `OrcidError` for an unknown or deprecated iD)."""
    view = build(orcid, Viewer.anonymous(Api.PUBLIC))
    if Researcher.objects.filter(orcid=orcid, deactivated_at__isnull=False).exists():
        return RecordView(orcid=orcid, deactivated=True)
    return view
