"""URLs of the v3.0 Public and Member APIs (spec §2), included at the root of the site.

Every pattern allows a trailing slash. Paths are matched only under `/v{digit}...` or, without a
version, when they look like API paths (an iD, `status`, `group-id-record`, ...), so `/`,
`/healthz` and `/oauth/...` stay with their own apps.
"""

from __future__ import annotations

from django.urls import re_path

from orchid.api import openapi, views
from orchid.api.routing import ORCID_PATTERN

V = r"^v3\.0/"
ID = rf"(?P<orcid>{ORCID_PATTERN})"
END = r"/?$"
SEGMENT = r"(?P<segment>[a-z-]+)"
PUT_CODE = r"(?P<put_code>\d+)"
#: ORCID's webhook path has no version (spec §2.2); the callback is URL-encoded into one segment.
WEBHOOK = ID + r"/webhook/(?P<callback>.+)$"

app_name = "api"

urlpatterns = [
    re_path(V + r"status" + END, views.status.view, name="status"),
    re_path(V + r"(?:apiStatus|pubStatus)" + END, views.api_status.view, name="api-status"),
    re_path(V + r"identifiers" + END, views.identifiers.view, name="identifiers"),
    re_path(V + r"client/(?P<client_id>[^/]+)" + END, views.client.view, name="client"),
    re_path(V + r"group-id-record" + END, views.group_id_records.view, name="group-id-records"),
    re_path(V + r"group-id-record/" + PUT_CODE + END, views.group_id_record.view, name="group-id-record"),
    re_path(V + r"search" + END, views.search.view, name="search"),
    re_path(V + r"expanded-search" + END, views.expanded_search.view, name="expanded-search"),
    re_path(V + r"csv-search" + END, views.csv_search.view, name="csv-search"),
    re_path(r"^" + WEBHOOK, views.webhook.view, name="webhook"),
    re_path(V + WEBHOOK, views.webhook.view, name="webhook-v3"),  # also under /v3.0 (Orchid)
    re_path(V + ID + END, views.record.view, name="record"),
    re_path(V + ID + r"/record" + END, views.record.view, name="record-alias"),
    re_path(V + ID + r"/person" + END, views.person.view, name="person"),
    re_path(V + ID + r"/personal-details" + END, views.personal_details.view, name="personal-details"),
    re_path(V + ID + r"/biography" + END, views.biography.view, name="biography"),
    re_path(V + ID + r"/email" + END, views.emails.view, name="emails"),
    re_path(V + ID + r"/activities" + END, views.activities.view, name="activities"),
    re_path(V + ID + r"/summary" + END, views.record_summary.view, name="record-summary"),
    re_path(V + ID + r"/works" + END, views.works.view, name="works"),
    re_path(V + ID + r"/works/(?P<put_codes>[^/]+)" + END, views.works_bulk.view, name="works-bulk"),
    re_path(
        V + ID + r"/notification-permission" + END,
        views.notification_permissions.view,
        name="notification-permissions",
    ),
    re_path(
        V + ID + r"/notification-permission/" + PUT_CODE + END,
        views.notification_permission.view,
        name="notification-permission",
    ),
    re_path(V + ID + "/" + SEGMENT + r"/summary/" + PUT_CODE + END, views.summary.view, name="summary"),
    re_path(V + ID + "/" + SEGMENT + "/" + PUT_CODE + END, views.item.view, name="item"),
    re_path(V + ID + "/" + SEGMENT + END, views.section.view, name="section"),
    re_path(V + r"openapi\.json$", openapi.openapi_view, name="openapi"),
    re_path(V + r"$", openapi.browse_view, name="browse"),
    re_path(V + r".*$", views.unknown.view, name="unknown"),
    # Any other version: ORCID's version filters (308 to a release, or 400).
    re_path(r"^v(?P<version>\d[^/]*)/?(?P<rest>.*)$", views.other_version, name="other-version"),
    # No version: 302 to v3.0 on GET, 400 otherwise.
    re_path(
        r"^(?P<path>(?:" + ORCID_PATTERN + r"(?:/.*)?|status|apiStatus|pubStatus|identifiers|client/.+"
        r"|group-id-record(?:/.*)?))$",
        views.unversioned,
        name="unversioned",
    ),
]
