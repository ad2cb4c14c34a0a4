from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "orchid.records"
    label = "records"
    verbose_name = "Researcher records"
