"""Carry an article's annotations into a new revision of its text (DESIGN §3, §5).

Every thread root is anchored again in the new text, orphans included (a later revision may
bring their words back): "anchored" where the same words are at the same offsets, "moved" where
they were found elsewhere or only approximately, "orphaned" where they were not found. An orphan
keeps its quote and body; nothing is ever deleted here. Replies have no selectors of their own.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db import transaction

from annotations.anchoring import TextPosition, TextQuote, anchor
from annotations.models import Annotation
from annotations.services.write import place

BATCH_SIZE = 500
FIELDS = ["revision", "exact", "prefix", "suffix", "start", "end", "state"]


@dataclass(frozen=True)
class ReanchorReport:
    anchored: int = 0
    moved: int = 0
    orphaned: int = 0

    @property
    def total(self) -> int:
        return self.anchored + self.moved + self.orphaned


@transaction.atomic
def reanchor_article(article, revision=None) -> ReanchorReport:
    """Re-anchor every root annotation of `article` in `revision` (default: the current one)."""
    revision = revision or article.current_revision
    if revision is None:
        return ReanchorReport()
    roots = Annotation.objects.filter(article=article, parent__isnull=True).only(
        "id", "exact", "prefix", "suffix", "start", "end", "state", "revision")
    counts, changed = Counter(), []
    for annotation in roots.iterator(chunk_size=BATCH_SIZE):
        reanchor(annotation, revision)
        counts[annotation.state] += 1
        changed.append(annotation)
    # bulk_update leaves `modified` alone: it records the author's edits, not the text's.
    Annotation.objects.bulk_update(changed, FIELDS, batch_size=BATCH_SIZE)
    return ReanchorReport(counts[Annotation.ANCHORED], counts[Annotation.MOVED], counts[Annotation.ORPHANED])


def reanchor(annotation: Annotation, revision) -> None:
    quote = TextQuote(annotation.exact, annotation.prefix, annotation.suffix)
    hint = TextPosition(annotation.start, annotation.end) if annotation.start is not None else None
    found = anchor(revision.text, quote, hint)
    annotation.revision = revision
    if found is None:
        annotation.start = annotation.end = None
        annotation.state = Annotation.ORPHANED
        return
    moved = not found.exact or hint is None or (hint.start, hint.end) != (found.start, found.end)
    place(annotation, revision.text, found, moved=moved)


def on_revision_created(sender, article, revision, previous, **kwargs):
    """Receiver of edition.signals.revision_created (connected in AnnotationsConfig.ready)."""
    if previous is not None:
        reanchor_article(article, revision)
