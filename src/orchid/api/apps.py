from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "orchid.api"
    label = "api"
    verbose_name = "ORCID API v3.0"
