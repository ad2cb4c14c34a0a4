from django.templatetags.static import static
from django.urls import include, path
from django.utils.functional import lazy
from django.views.generic import RedirectView

from orchid.api import urls as api_urls
from orchid.core import views
from orchid.oauth import urls as oauth_urls

# The API's /v3.0/ paths go first: no other app has such paths, and matching an API request only after
# every Registry UI pattern cost ~0.14 ms, a third of a stored record read (bench/api.py).
API_VERSIONED = [p for p in api_urls.urlpatterns if str(p.pattern).startswith(api_urls.V)]

urlpatterns = [
    path("", views.index, name="index"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", RedirectView.as_view(url=lazy(static, str)("web/favicon.svg"), permanent=True)),
    path("sandbox", views.sandbox, name="sandbox"),
    path("oauth/", include("orchid.oauth.urls")),
    path(".well-known/", include((oauth_urls.well_known_urlpatterns, "oidc"))),
    path("", include((API_VERSIONED, "api"), namespace="api-v3")),
    path("", include("orchid.web.urls")),  # the Registry UI; before the API, whose catch-all is last
    path("", include("orchid.api.urls")),
]
