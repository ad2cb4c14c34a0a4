from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from orchid import __version__


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    """The front page, for now a plain statement of what this server offers."""
    text = (
        f"Orchid {__version__}: an ORCID-compatible researcher-identifier registry.\n"
        "Foundation only: no registry UI and no API yet.\n"
        "Health check: /healthz\n"
    )
    return HttpResponse(text, content_type="text/plain; charset=utf-8")


@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness probe: 200 ``ok`` as plain text. Touches no database."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")
