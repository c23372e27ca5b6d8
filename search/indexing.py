"""Writing the search index: the only code that changes SearchDocument rows.

Called by the signal handlers (search.handlers) as the edition and the annotations change, and
by `manage.py rebuild_search_index`. Each function replaces the documents of one thing whole:
delete, then insert afresh (the engines' own indexes follow the table by themselves).
"""
from __future__ import annotations

from django.db import transaction

from annotations.models import Annotation
from edition.models import Article, Entry, Event
from search import documents
from search.engines import engine_for
from search.models import SearchDocument

BATCH = 2000


@transaction.atomic
def index_article(article: Article) -> int:
    """The article's paragraphs and notes, from its current revision, and its annotations
    (which may have moved to other paragraphs). Returns the number of documents written."""
    article = Article.objects.select_related("current_revision").get(pk=article.pk)
    SearchDocument.objects.filter(article=article).delete()
    rows = documents.article_documents(article)
    rows += documents.annotation_documents(documents.annotations_for_index().filter(article=article))
    SearchDocument.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


def article_needs_update(article: Article) -> bool:
    """Whether the title, publication or date that the article's documents carry are stale."""
    stored = SearchDocument.objects.filter(article=article).values_list("title", "publication", "date").first()
    return stored is not None and stored != (documents.clean(article.title), article.publication, article.published)


@transaction.atomic
def index_annotations(ids) -> None:
    """Replace the documents of these annotations (a deleted one, or a tombstone, gets none)."""
    ids = list(ids)
    SearchDocument.objects.filter(kind=SearchDocument.ANNOTATION, object_id__in=ids).delete()
    rows = documents.annotation_documents(documents.annotations_for_index().filter(pk__in=ids))
    SearchDocument.objects.bulk_create(rows, batch_size=BATCH)


def thread_ids(annotation: Annotation) -> list[int]:
    """The annotation and, for a thread's root, its replies (they share its audience)."""
    if annotation.root_id is not None:
        return [annotation.pk]
    return [annotation.pk, *Annotation.objects.filter(root_id=annotation.pk).values_list("pk", flat=True)]


def remove_annotation(annotation_id: int) -> None:
    SearchDocument.objects.filter(kind=SearchDocument.ANNOTATION, object_id=annotation_id).delete()


@transaction.atomic
def index_entry(entry_id: int) -> None:
    SearchDocument.objects.filter(kind=SearchDocument.ENTRY, object_id=entry_id).delete()
    entry = Entry.objects.prefetch_related("aliases").filter(pk=entry_id).first()
    if entry is not None:
        documents.entry_document(entry).save()


@transaction.atomic
def index_event(event_id: int) -> None:
    SearchDocument.objects.filter(kind=SearchDocument.EVENT, object_id=event_id).delete()
    event = Event.objects.select_related("place").filter(pk=event_id).first()
    if event is not None:
        documents.event_document(event).save()


@transaction.atomic
def index_apparatus() -> int:
    """Every entry and event afresh (after an apparatus load: aliases arrive in bulk)."""
    SearchDocument.objects.filter(kind__in=[SearchDocument.ENTRY, SearchDocument.EVENT]).delete()
    rows = [documents.entry_document(e) for e in Entry.objects.prefetch_related("aliases")]
    rows += [documents.event_document(e) for e in Event.objects.select_related("place")]
    SearchDocument.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


def rebuild_all(progress=None) -> int:
    """Every document afresh, the engine's index rebuilt in one pass. Returns the count."""
    engine = engine_for()
    total = 0
    with engine.bulk_load():
        SearchDocument.objects.all().delete()
        total += index_apparatus()
        articles = Article.objects.filter(current_revision__isnull=False).select_related("current_revision")
        for article in articles.iterator(chunk_size=200):
            rows = documents.article_documents(article)
            SearchDocument.objects.bulk_create(rows, batch_size=BATCH)
            total += len(rows)
            if progress:
                progress(article)
        ids = Annotation.objects.filter(deleted_at__isnull=True).values_list("pk", flat=True).order_by("pk")
        ids = list(ids)
        for start in range(0, len(ids), BATCH):
            chunk = documents.annotations_for_index().filter(pk__in=ids[start:start + BATCH])
            rows = documents.annotation_documents(chunk)
            SearchDocument.objects.bulk_create(rows, batch_size=BATCH)
            total += len(rows)
    return total
