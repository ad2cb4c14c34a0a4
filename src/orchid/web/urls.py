"""The Registry UI's URLs, included from the root URLconf before the API's catch-all patterns."""

from django.urls import path, re_path

from orchid.api.routing import ORCID_PATTERN
from orchid.web import views

app_name = "web"

urlpatterns = [
    path("signin", views.signin, name="signin"),
    path("signout", views.signout, name="signout"),
    path("register", views.register, name="register"),
    path("verify-email/<str:token>", views.verify_email, name="verify-email"),
    path("verify-email", views.resend_verification, name="resend-verification"),
    path("reset-password", views.reset_password, name="reset-password"),
    path(
        "reset-password/<str:uidb64>/<str:token>", views.reset_password_confirm, name="reset-password-confirm"
    ),
    path("mailbox", views.mailbox, name="mailbox"),
    path("mailbox/<int:pk>", views.mailbox_message, name="mailbox-message"),
    path("my-orcid", views.my_orcid, name="my-orcid"),
    path("my-orcid/items/<str:section>/<int:put_code>/delete", views.delete_item, name="delete-item"),
    path("trusted-organizations", views.trusted_organizations, name="trusted-organizations"),
    path("trusted-organizations/revoke", views.revoke_client, name="revoke-client"),
    path("developer-tools", views.developer_tools, name="developer-tools"),
    path("developer-tools/reset-secret", views.reset_client_secret, name="reset-client-secret"),
    path("account", views.account, name="account"),
    path("account/deactivate", views.deactivate, name="deactivate"),
    re_path(rf"^(?P<orcid>{ORCID_PATTERN})/?$", views.record, name="record"),
]
