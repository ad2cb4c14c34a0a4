from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "orchid.search"
    label = "search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from orchid.records.changes import record_changed

        record_changed.connect(_reindex, dispatch_uid="orchid.search.reindex")


def _reindex(sender: object, researcher_pk: int, **kwargs: object) -> None:
    from orchid.search.index import reindex

    reindex(researcher_pk)  # in the changing transaction: the index never disagrees with the record
