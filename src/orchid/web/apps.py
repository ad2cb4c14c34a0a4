from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "orchid.web"
    label = "web"
    verbose_name = "Registry web UI"
    default_auto_field = "django.db.models.BigAutoField"
