from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "orchid.core"
    label = "orchid_core"
    verbose_name = "Orchid core"
