"""The Registry UI's URLs, included from the root URLconf before the API's catch-all patterns."""

from django.urls import path, re_path

from orchid.api.routing import ORCID_PATTERN
from orchid.notifications import views as inbox
from orchid.web import views

app_name = "web"

urlpatterns = [
    path("signin", views.signin, name="signin"),
    path("signin/two-factor", views.signin_two_factor, name="signin-two-factor"),
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
    path("my-orcid/items/<str:section>/new", views.edit_item, name="add-item"),
    path("my-orcid/items/<str:section>/<int:put_code>", views.edit_item, name="edit-item"),
    path(
        "my-orcid/items/<str:section>/<int:put_code>/visibility",
        views.item_visibility,
        name="item-visibility",
    ),
    path("my-orcid/emails", views.add_email, name="add-email"),
    re_path(
        r"^my-orcid/emails/(?P<email_id>\d+)/(?P<action>primary|visibility|remove|verify)$",
        views.email_action,
        name="email-action",
    ),
    path("trusted-organizations", views.trusted_organizations, name="trusted-organizations"),
    path("trusted-organizations/revoke", views.revoke_client, name="revoke-client"),
    path("inbox", inbox.inbox, name="inbox"),
    path("inbox/read", inbox.mark_all_read, name="inbox-read-all"),
    path("inbox/<int:pk>/read", inbox.mark_read, name="inbox-read"),
    path("inbox/<int:pk>/archive", inbox.archive, name="inbox-archive"),
    path("inbox/settings", inbox.preferences, name="inbox-settings"),
    path("developer-tools", views.developer_tools, name="developer-tools"),
    path("developer-tools/reset-secret", views.reset_client_secret, name="reset-client-secret"),
    path("account", views.account, name="account"),
    path("account/deactivate", views.deactivate, name="deactivate"),
    path("account/two-factor", views.two_factor_settings, name="two-factor"),
    path("account/two-factor/disable", views.two_factor_disable, name="two-factor-disable"),
    path(
        "account/two-factor/recovery-codes",
        views.two_factor_recovery_codes,
        name="two-factor-recovery-codes",
    ),
    path("admin-tools/", views.admin_tools, name="admin-tools"),
    path("admin-tools/clients", views.admin_create_client, name="admin-create-client"),
    re_path(
        r"^admin-tools/clients/(?P<client_id>[^/]+)/(?P<action>lock|unlock)$",
        views.admin_lock_client,
        name="admin-lock-client",
    ),
    re_path(
        rf"^admin-tools/records/(?P<orcid>{ORCID_PATTERN})/(?P<action>lock|unlock)$",
        views.admin_lock_record,
        name="admin-lock-record",
    ),
    re_path(
        rf"^admin-tools/records/(?P<orcid>{ORCID_PATTERN})/deprecate$",
        views.admin_deprecate_record,
        name="admin-deprecate-record",
    ),
    re_path(rf"^(?P<orcid>{ORCID_PATTERN})/?$", views.record, name="record"),
]
