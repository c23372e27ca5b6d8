"""Writing annotations: create, update, delete. Views parse; these decide.

Deleting: an annotation without replies is deleted. A root (or reply) that has replies becomes a
tombstone instead: body and tags are cleared and `deleted_at` set, so the thread keeps its place
in the text and every reply its parent. Once a tombstone's last reply goes, the tombstone goes too.
"""
from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from annotations.anchoring import Anchor, TextPosition, TextQuote, anchor, make_quote
from annotations.errors import AnnotationError, AnnotationGone, NotAuthor
from annotations.models import BODY_MAX_LENGTH, Annotation, Membership, Tag
from annotations.payloads import clean_tags
from annotations.selectors import visible_annotations
from edition.models import Article

UNSET = object()


def create_annotation(user, *, article: Article | None = None, parent: Annotation | None = None,
                      quote: TextQuote | None = None, position: TextPosition | None = None,
                      body: str = "", tags=(), motivation: str | None = None,
                      visibility: str | None = None, classroom_id: int | None = None,
                      allow_orphan: bool = False) -> Annotation:
    """A new annotation on a span of `article`'s current text, or a reply to `parent`.

    The span is found from the quote (and position hint) in the current text; not found is an
    error unless `allow_orphan` (imports), which stores an orphan with its quote."""
    _require_user(user)
    tags = clean_tags(list(tags))
    _check_body(body)
    with transaction.atomic():
        if parent is not None:
            annotation = _new_reply(user, parent, motivation)
        else:
            annotation = _new_root(user, article, quote, position, allow_orphan)
            annotation.motivation = _root_motivation(motivation, body, tags)
            annotation.visibility, annotation.classroom_id = _audience(user, visibility, classroom_id)
        annotation.author, annotation.body = user, body
        annotation.save()
        if tags:
            annotation.tags.set(_tag_objects(tags))
    return annotation


def _require_user(user):
    if user is None or not user.is_authenticated:
        raise AnnotationError("Sign in to annotate.")


def _check_body(body):
    if not isinstance(body, str):
        raise AnnotationError("The body must be text.")
    if len(body) > BODY_MAX_LENGTH:
        raise AnnotationError(f"The body is too long ({len(body)} characters; at most {BODY_MAX_LENGTH}).")


def _new_reply(user, parent: Annotation, motivation) -> Annotation:
    if motivation not in (None, Annotation.REPLYING):
        raise AnnotationError("A reply's motivation is 'replying'.")
    if not visible_annotations(user).filter(pk=parent.pk).exists():
        raise AnnotationError("Unknown parent annotation.")
    if parent.deleted_at is not None:
        raise AnnotationError("You cannot reply to a deleted annotation.")
    root = parent.root or parent
    # Replies follow their root's visibility; whatever the payload said is not used.
    return Annotation(article_id=parent.article_id, parent=parent, root=root, motivation=Annotation.REPLYING,
                      visibility=root.visibility, classroom_id=root.classroom_id)


def _new_root(user, article, quote, position, allow_orphan) -> Annotation:
    if article is None:
        raise AnnotationError("Unknown article.")
    # Lock the article so that a concurrent ingest cannot slip a revision in between.
    article = Article.objects.select_for_update(of=("self",)).select_related("current_revision").get(pk=article.pk)
    revision = article.current_revision
    if revision is None:
        raise AnnotationError("The article has no text yet.")
    text = revision.text
    if quote is None:
        if position is None:
            raise AnnotationError("A TextQuoteSelector or a TextPositionSelector is needed.")
        if not 0 <= position.start < position.end <= len(text):
            raise AnnotationError(
                f"The TextPositionSelector {position.start}-{position.end} is outside the text "
                f"(0-{len(text)} code points).")
        quote = make_quote(text, position.start, position.end)
    found = anchor(text, quote, position)
    annotation = Annotation(article=article, revision=revision)
    if found is None:
        if not allow_orphan:
            raise AnnotationError("The quote was not found in the article's text.")
        annotation.exact, annotation.prefix, annotation.suffix = quote.exact, quote.prefix, quote.suffix
        annotation.state = Annotation.ORPHANED
        return annotation
    place(annotation, text, found, moved=not found.exact or _position_differs(position, found))
    return annotation


def place(annotation: Annotation, text: str, found: Anchor, *, moved: bool) -> None:
    """Attach to the span `found`; the stored quote becomes that span's, so the two selectors
    always select the same words."""
    quote = make_quote(text, found.start, found.end)
    annotation.exact, annotation.prefix, annotation.suffix = quote.exact, quote.prefix, quote.suffix
    annotation.start, annotation.end = found.start, found.end
    annotation.state = Annotation.MOVED if moved else Annotation.ANCHORED


def _position_differs(position: TextPosition | None, found: Anchor) -> bool:
    return position is not None and (position.start, position.end) != (found.start, found.end)


def _root_motivation(motivation, body, tags) -> str:
    if motivation == Annotation.REPLYING:
        raise AnnotationError("Only a reply (whose target is an annotation) has the motivation 'replying'.")
    if motivation:
        return motivation
    if body.strip():
        return Annotation.COMMENTING
    return Annotation.TAGGING if tags else Annotation.HIGHLIGHTING


def _audience(user, visibility, classroom_id) -> tuple[str, int | None]:
    visibility = visibility or Annotation.PRIVATE
    if visibility not in {v for v, _ in Annotation.VISIBILITIES}:
        raise AnnotationError(f"Unknown visibility {visibility!r}; use private, class or public.")
    if visibility != Annotation.CLASS:
        if classroom_id is not None:
            raise AnnotationError("A class is given only with visibility 'class'.")
        return visibility, None
    if classroom_id is None:
        raise AnnotationError("Visibility 'class' needs the class ('class': <id>).")
    # Unknown class and someone else's class read the same: no hint that a class exists.
    if not Membership.objects.filter(user=user, classroom_id=classroom_id).exists():
        raise AnnotationError("You are not a member of that class.")
    return visibility, classroom_id


def _tag_objects(names):
    existing = {tag.name: tag for tag in Tag.objects.filter(name__in=names)}
    Tag.objects.bulk_create([Tag(name=n) for n in names if n not in existing], ignore_conflicts=True)
    return list(Tag.objects.filter(name__in=names))


@transaction.atomic
def update_annotation(user, annotation: Annotation, *, body=UNSET, tags=UNSET, motivation=UNSET,
                      visibility=UNSET, classroom_id=UNSET) -> Annotation:
    """Change what the author may change: body, tags, motivation and (for a root) audience.
    The target is fixed; annotate the new words instead. A reply's audience is its thread's."""
    annotation = _own(user, annotation)
    if body is not UNSET:
        _check_body(body)
        annotation.body = body
    if motivation is not UNSET:
        annotation.motivation = _updated_motivation(annotation, motivation)
    if annotation.parent_id is None and (visibility is not UNSET or classroom_id is not UNSET):
        _change_audience(user, annotation, visibility, classroom_id)
    annotation.save()
    if tags is not UNSET:
        annotation.tags.set(_tag_objects(clean_tags(list(tags))))
    return annotation


def check_author(user, annotation: Annotation) -> None:
    """Only the author writes to an annotation (teachers moderate with `set_hidden` instead)."""
    _require_user(user)
    if annotation.author_id != user.pk:
        raise NotAuthor("Only the author may change this annotation.")


def _own(user, annotation: Annotation) -> Annotation:
    check_author(user, annotation)
    annotation = Annotation.objects.select_for_update().get(pk=annotation.pk)
    if annotation.deleted_at is not None:
        raise AnnotationGone("This annotation was deleted.")
    return annotation


def _updated_motivation(annotation, motivation):
    if motivation is None:
        return annotation.motivation
    if annotation.parent_id is not None:
        if motivation != Annotation.REPLYING:
            raise AnnotationError("A reply's motivation is 'replying'.")
        return motivation
    return _root_motivation(motivation, annotation.body, ())


def _change_audience(user, annotation, visibility, classroom_id):
    visibility = annotation.visibility if visibility in (UNSET, None) else visibility
    if classroom_id is UNSET:
        classroom_id = annotation.classroom_id if visibility == Annotation.CLASS else None
    visibility, classroom_id = _audience(user, visibility, classroom_id)
    if (visibility, classroom_id) == (annotation.visibility, annotation.classroom_id):
        return
    # Others replied for the audience they saw: their words must not reach a different one.
    if Annotation.objects.filter(root=annotation).exclude(author=user).exists():
        raise AnnotationError("Others have replied to this annotation; its visibility can no longer change.")
    annotation.visibility, annotation.classroom_id = visibility, classroom_id
    Annotation.objects.filter(root=annotation).update(visibility=visibility, classroom_id=classroom_id)


@transaction.atomic
def delete_annotation(user, annotation: Annotation) -> str:
    """Delete the author's annotation; returns "deleted" or "tombstoned" (it had replies)."""
    annotation = _own(user, annotation)
    if annotation.replies.exists():
        annotation.body, annotation.deleted_at = "", timezone.now()
        annotation.save(update_fields=["body", "deleted_at", "modified"])
        annotation.tags.clear()
        return "tombstoned"
    parent = annotation.parent
    annotation.delete()
    # A tombstone exists only to hold its replies.
    while parent is not None and parent.deleted_at is not None and not parent.replies.exists():
        next_parent = parent.parent
        parent.delete()
        parent = next_parent
    return "deleted"
