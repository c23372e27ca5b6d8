"""Import W3C annotations (a collection, a page, a list, or one) onto an article.

Every item becomes the importing user's annotation on the given article, whatever its target's
source said (the file may come from another copy of the text). Each is anchored by its selectors:
anchored, moved, or orphaned (stored, never dropped). Replies are kept with their parents when the
parent is in the same file. Invalid items are skipped and reported with the reason; the rest go in.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timezone as dt_timezone

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from annotations.errors import AnnotationError
from annotations.models import Annotation
from annotations.payloads import Draft, parse_annotation
from annotations.services.write import create_annotation


@dataclass
class ImportReport:
    anchored: int = 0
    moved: int = 0
    orphaned: int = 0
    replies: int = 0
    invalid: list[tuple[str, str]] = field(default_factory=list)  # (which item, why)
    created: list[Annotation] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.anchored} anchored, {self.moved} moved, {self.orphaned} orphaned, "
                f"{self.replies} replies; {len(self.invalid)} invalid")


def collection_items(data) -> list:
    """The annotations of a JSON document: a list, an AnnotationCollection with its pages
    embedded, an AnnotationPage, or a single Annotation."""
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        raise AnnotationError("Expected an AnnotationCollection, an AnnotationPage, a list or an Annotation.")
    kind = data.get("type")
    if kind == "Annotation":
        return [data]
    if kind == "AnnotationPage":
        return _page_items(data)
    if kind == "AnnotationCollection":
        items, page = [], data.get("first")
        while page is not None:
            if not isinstance(page, dict):
                raise AnnotationError("The collection's pages must be embedded, not linked.")
            items.extend(_page_items(page))
            page = page.get("next") if isinstance(page.get("next"), dict) else None
        return items
    raise AnnotationError(f"Unknown document type {kind!r}.")


def _page_items(page) -> list:
    items = page.get("items", [])
    if not isinstance(items, list):
        raise AnnotationError("A page's 'items' must be a list.")
    return items


@transaction.atomic
def import_collection(data, article, user) -> ImportReport:
    report = ImportReport()
    items = collection_items(data)
    ids = {item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)}
    roots, replies = [], []
    for index, item in enumerate(items):
        label = _label(index, item)
        try:
            draft = _as_reply_if_in_file(parse_annotation(item), ids)
            if draft.target is None or (draft.target.parent is None and draft.target.quote is None
                                        and draft.target.position is None):
                raise AnnotationError("Its target has no TextQuoteSelector or TextPositionSelector, "
                                      "and is not the id of a parent annotation in the file.")
        except AnnotationError as error:
            report.invalid.append((label, str(error)))
            continue
        (replies if draft.target.parent else roots).append((label, draft))
    created_by_id = {}
    for label, draft in roots:
        _import_one(report, created_by_id, label, draft, user, article=article)
    _import_replies(report, created_by_id, replies, user)
    return report


def _as_reply_if_in_file(draft: Draft, ids) -> Draft:
    """Another system's reply targets its parent's id, which our URL patterns do not know."""
    target = draft.target
    if target is not None and target.source in ids and target.quote is None and target.position is None:
        target.parent, target.source = target.source, None
    return draft


def _label(index, item) -> str:
    given = item.get("id") if isinstance(item, dict) else None
    return f"item {index + 1}" + (f" ({given})" if isinstance(given, str) else "")


def _import_replies(report, created_by_id, replies, user):
    # A reply may come before its parent, or answer another reply: place what can be placed
    # until a round places nothing.
    pending = replies
    while pending:
        waiting = [(label, d) for label, d in pending if d.target.parent not in created_by_id]
        ready = [(label, d) for label, d in pending if d.target.parent in created_by_id]
        for label, draft in ready:
            _import_one(report, created_by_id, label, draft, user, parent=created_by_id[draft.target.parent])
        if not ready:
            for label, _ in waiting:
                report.invalid.append((label, "Its parent annotation is not in the file (or was invalid)."))
            return
        pending = waiting


def _import_one(report, created_by_id, label, draft: Draft, user, *, article=None, parent=None):
    target = draft.target
    try:
        with transaction.atomic():
            annotation = create_annotation(
                user, article=article, parent=parent, quote=target.quote, position=target.position,
                body=draft.body or "", tags=draft.tags or (), motivation=None if parent else draft.motivation,
                visibility=None if parent else draft.visibility,
                classroom_id=draft.classroom_id if draft.class_given and not parent else None,
                allow_orphan=True)
            _keep_dates(annotation, draft)
    except AnnotationError as error:
        report.invalid.append((label, str(error)))
        return
    if draft.id:
        created_by_id[draft.id] = annotation
    report.created.append(annotation)
    if parent is not None:
        report.replies += 1
    else:
        setattr(report, annotation.state, getattr(report, annotation.state) + 1)


def _keep_dates(annotation, draft):
    dates = {}
    for name in ("created", "modified"):
        moment = _moment(getattr(draft, name))
        if moment is not None:
            dates[name] = moment
    if dates:
        Annotation.objects.filter(pk=annotation.pk).update(**dates)
        for name, moment in dates.items():
            setattr(annotation, name, moment)


def _moment(value):
    try:
        moment = parse_datetime(value) if value else None
    except ValueError:
        return None
    if moment is not None and timezone.is_naive(moment):
        moment = timezone.make_aware(moment, dt_timezone.utc)
    return moment
