from django.apps import AppConfig


class OrganizationsConfig(AppConfig):
    name = "orchid.organizations"
    label = "organizations"
    verbose_name = "Organizations"
