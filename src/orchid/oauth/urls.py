"""``/oauth/...``: mounted from the root URLconf, so it answers on every host the server serves."""

from django.urls import path

from orchid.oauth import views

app_name = "oauth"

urlpatterns = [
    path("authorize", views.OrcidAuthorizationView.as_view(), name="authorize"),
    path("custom/login.json", views.headless_consent, name="headless-consent"),
    path("token", views.OrcidTokenView.as_view(), name="token"),
    path("revoke", views.OrcidRevokeTokenView.as_view(), name="revoke"),
    path("jwks", views.jwks, name="jwks"),
    path("userinfo", views.userinfo, name="userinfo"),
]

#: Top-level OpenID Connect paths (the root URLconf includes them at ``/``).
well_known_urlpatterns = [
    path("openid-configuration", views.openid_configuration, name="openid-configuration"),
]
