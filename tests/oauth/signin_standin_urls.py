"""Orchid's URLs plus a stand-in sign-in page carrying ORCID's ``_csrf`` meta (test_live_clients.py)."""

from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import path

from orchid.urls import urlpatterns as orchid_urlpatterns

_PAGE = '<!doctype html><html><head>{% include "oauth/csrf_meta.html" %}</head><body>Sign in</body></html>'


def standin_signin(request: HttpRequest) -> HttpResponse:
    return HttpResponse(engines["django"].from_string(_PAGE).render({}, request))


urlpatterns = [path("standin-signin", standin_signin), *orchid_urlpatterns]
