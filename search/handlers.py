"""Signal handlers that keep the search index in step with the edition and the annotations.

Every write happens in the sender's transaction (a rolled-back ingest leaves no documents), in a
savepoint of its own: if the index cannot be written (a database without the search tables, a
bug here), the edition's or the reader's write still goes through, the error is logged, and
`manage.py rebuild_search_index` repairs the index.
"""
from __future__ import annotations

import logging

from django.db import DatabaseError, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from annotations.models import Annotation, Tag
from edition.models import Article, Entry, EntryAlias, Event
from edition.signals import apparatus_changed, revision_created
from search import indexing, names

logger = logging.getLogger(__name__)


def _safely(work, *args) -> None:
    try:
        with transaction.atomic():
            work(*args)
    except DatabaseError:
        logger.exception("The search index was not updated (%s); run manage.py rebuild_search_index.",
                         work.__name__)


def on_revision_created(sender, article, **kwargs):
    _safely(indexing.index_article, article)


def on_article_saved(sender, instance, created, raw=False, **kwargs):
    """Title, publication or date edited without a new revision (the admin)."""
    if raw or created or instance.current_revision_id is None:
        return
    if indexing.article_needs_update(instance):
        _safely(indexing.index_article, instance)


def on_apparatus_changed(sender, **kwargs):
    names.forget()
    _safely(indexing.index_apparatus)


def on_entry_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    names.forget()
    _safely(indexing.index_entry, instance.pk)


def on_alias_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    names.forget()
    _safely(indexing.index_entry, instance.entry_id)


def on_event_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        _safely(indexing.index_event, instance.pk)


def on_annotation_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _safely(lambda: indexing.index_annotations(indexing.thread_ids(instance)))


def on_annotation_deleted(sender, instance, **kwargs):
    _safely(indexing.remove_annotation, instance.pk)


def on_tag_renamed(sender, instance, created, raw=False, **kwargs):
    if not raw and not created:
        _safely(indexing.index_annotations, list(instance.annotations.values_list("pk", flat=True)))


def on_tags_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        _safely(indexing.index_annotations, [instance.pk])
    elif pk_set:  # tag.annotations.add(...): pk_set holds annotations
        _safely(indexing.index_annotations, pk_set)


def connect() -> None:
    uid = "search.index."
    revision_created.connect(on_revision_created, dispatch_uid=uid + "revision")
    apparatus_changed.connect(on_apparatus_changed, dispatch_uid=uid + "apparatus")
    post_save.connect(on_article_saved, sender=Article, dispatch_uid=uid + "article")
    for model, handler in ((Entry, on_entry_changed), (EntryAlias, on_alias_changed), (Event, on_event_changed)):
        post_save.connect(handler, sender=model, dispatch_uid=uid + model.__name__ + ".save")
        post_delete.connect(handler, sender=model, dispatch_uid=uid + model.__name__ + ".delete")
    post_save.connect(on_annotation_saved, sender=Annotation, dispatch_uid=uid + "annotation.save")
    post_delete.connect(on_annotation_deleted, sender=Annotation, dispatch_uid=uid + "annotation.delete")
    m2m_changed.connect(on_tags_changed, sender=Annotation.tags.through, dispatch_uid=uid + "annotation.tags")
    post_save.connect(on_tag_renamed, sender=Tag, dispatch_uid=uid + "tag")
