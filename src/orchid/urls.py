from django.urls import include, path

from orchid.core import views

urlpatterns = [
    path("", views.index, name="index"),
    path("healthz", views.healthz, name="healthz"),
    path("sandbox", views.sandbox, name="sandbox"),
    path("oauth/", include("orchid.oauth.urls")),
    path("", include("orchid.api.urls")),
]
