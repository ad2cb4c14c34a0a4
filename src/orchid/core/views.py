from html import escape

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from orchid import __version__
from orchid.core.sandbox import leniencies


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    """The front page, for now a plain statement of what this server offers."""
    text = (
        f"Orchid {__version__}: an ORCID-compatible researcher-identifier registry.\n"
        "The ORCID API v3.0 (Public and Member): /v3.0/{orcid}/record, ... (see docs/api.md)\n"
        "OAuth token endpoint: POST /oauth/token\n"
        "Sandbox mode and its leniencies: /sandbox\n"
        "Health check: /healthz\n"
    )
    return HttpResponse(text, content_type="text/plain; charset=utf-8")


@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness probe: 200 ``ok`` as plain text. Touches no database."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


@require_safe
def sandbox(request: HttpRequest) -> HttpResponse:
    """Whether this registry runs in sandbox mode, and each leniency that mode brings."""
    rows = "".join(
        f"<tr><th scope=row>{escape(item.name)}</th><td>{'on' if item.enabled else 'off'}</td>"
        f"<td><code>{escape(item.setting)}</code></td><td>{escape(item.effect)}</td></tr>"
        for item in leniencies()
    )
    mode = "on" if settings.SANDBOX else "off"
    page = (
        "<!doctype html><html lang=en><meta charset=utf-8><title>Orchid sandbox mode</title>"
        f"<h1>Sandbox mode is {mode}</h1>"
        "<table><thead><tr><th scope=col>Leniency<th scope=col>State<th scope=col>Setting"
        f"<th scope=col>What it relaxes</thead><tbody>{rows}</tbody></table></html>"
    )
    return HttpResponse(page, content_type="text/html; charset=utf-8")
