from django.templatetags.static import static
from django.urls import include, path
from django.utils.functional import lazy
from django.views.generic import RedirectView

from orchid.core import views
from orchid.oauth import urls as oauth_urls

urlpatterns = [
    path("", views.index, name="index"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", RedirectView.as_view(url=lazy(static, str)("web/favicon.svg"), permanent=True)),
    path("sandbox", views.sandbox, name="sandbox"),
    path("oauth/", include("orchid.oauth.urls")),
    path(".well-known/", include((oauth_urls.well_known_urlpatterns, "oidc"))),
    path("", include("orchid.web.urls")),  # the Registry UI; before the API, whose catch-all is last
    path("", include("orchid.api.urls")),
]
