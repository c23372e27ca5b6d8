from django.apps import AppConfig


class AnnotationsConfig(AppConfig):
    name = "annotations"
    verbose_name = "Annotations"

    def ready(self):
        # The edition core announces new revisions; it never calls into annotations.
        from annotations.services.reanchor import on_revision_created
        from edition.signals import revision_created

        revision_created.connect(on_revision_created, dispatch_uid="annotations.reanchor")
