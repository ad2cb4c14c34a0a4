from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    name = "orchid.webhooks"
    label = "webhooks"
    verbose_name = "Webhooks"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from orchid.records.changes import record_changed
        from orchid.webhooks import delivery  # noqa: F401  registers the "webhook" outbox handler

        record_changed.connect(_announce, dispatch_uid="orchid.webhooks.announce")


def _announce(sender: object, researcher_pk: int, **kwargs: object) -> None:
    from orchid.webhooks.services import announce_change

    announce_change(researcher_pk)  # in the changing transaction: no change without its callbacks
