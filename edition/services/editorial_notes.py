"""Editorial notes: an editor's Markdown note attached to a span of the current text.

Notes are anchored by quote (DESIGN §5) so that a corrected text carries them along; one that
can no longer be placed is kept as an orphan and shown to editors, never deleted.
"""
from __future__ import annotations

from django.db import transaction
from django.db.models import F

from annotations.anchoring import TextPosition, TextQuote, anchor, make_quote
from edition.models import Article, EditorialNote


class EditorialNoteError(ValueError):
    pass


def locate_in_block(article: Article, block_number: int, exact: str, occurrence: int = 1):
    """The canonical (start, end) of the `occurrence`-th `exact` in paragraph `block_number`."""
    revision = article.current_revision
    block = revision.blocks.filter(number=block_number).first() if revision else None
    if block is None:
        raise EditorialNoteError(f"The article has no paragraph {block_number}.")
    if not exact.strip():
        raise EditorialNoteError("Give the words the note is attached to.")
    position = -1
    for _ in range(max(occurrence, 1)):
        position = block.text.find(exact, position + 1)
        if position < 0:
            raise EditorialNoteError(
                f"“{exact}” does not occur {occurrence} time(s) in paragraph {block_number}."
            )
    return block.start + position, block.start + position + len(exact)


@transaction.atomic
def place_editorial_note(note: EditorialNote, block_number: int, exact: str, occurrence: int = 1):
    """Anchor `note` on the given words of the current revision and save it."""
    article = note.article
    start, end = locate_in_block(article, block_number, exact, occurrence)
    quote = make_quote(article.current_revision.text, start, end)
    note.exact, note.prefix, note.suffix = quote.exact, quote.prefix, quote.suffix
    note.start, note.end = start, end
    note.revision = article.current_revision
    note.state = "anchored"
    note.save()
    touch_body(article)
    return note


def touch_body(article: Article) -> None:
    """Invalidate the cached woven body of the article."""
    Article.objects.filter(pk=article.pk).update(body_version=F("body_version") + 1)


def reanchor_editorial_notes(article: Article, revision) -> None:
    """Carry every editorial note of `article` into `revision`, recording how it fared."""
    for note in article.editorial_notes.all():
        quote = TextQuote(exact=note.exact, prefix=note.prefix, suffix=note.suffix)
        hint = TextPosition(note.start, note.end) if note.start is not None else None
        found = anchor(revision.text, quote, hint)
        if found is None:
            note.state, note.start, note.end = "orphaned", None, None
        else:
            moved = not found.exact or (found.start, found.end) != (note.start, note.end)
            note.state = "moved" if moved else "anchored"
            note.start, note.end = found.start, found.end
        note.revision = revision
        note.save(update_fields=["state", "start", "end", "revision", "updated_at"])
