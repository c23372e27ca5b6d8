from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self):
        # The index follows the edition and the annotations through their signals: neither
        # app knows that search exists. Listed after "annotations" in INSTALLED_APPS, so on a
        # new revision annotations are re-anchored before their documents are rebuilt.
        from search import handlers

        handlers.connect()
