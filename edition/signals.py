"""Signals the edition core sends; higher layers (annotations) listen, the core never calls them."""
from django.dispatch import Signal

# Sent inside the ingest transaction after a new revision and its blocks are stored.
# kwargs: article, revision, previous (the revision it replaces, or None).
revision_created = Signal()
apparatus_changed = Signal()  # after an apparatus load changed entries or events (no kwargs)
