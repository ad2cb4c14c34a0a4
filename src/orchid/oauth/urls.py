"""``/oauth/...``: mounted from the root URLconf, so it answers on every host the server serves."""

from django.urls import path

from orchid.oauth import views

app_name = "oauth"

urlpatterns = [
    path("token", views.OrcidTokenView.as_view(), name="token"),
    path("revoke", views.OrcidRevokeTokenView.as_view(), name="revoke"),
]
