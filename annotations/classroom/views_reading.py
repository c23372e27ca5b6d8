"""The class reading page and what can be done on it without JavaScript: annotate a passage for
the class, reply, flag (students), hide, restore and dismiss flags (teachers)."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from annotations.anchoring import TextPosition, TextQuote, anchor, make_quote
from annotations.classroom import flags as moderation
from annotations.classroom.access import member_seat, teacher_seat
from annotations.classroom.forms import FlagForm, NoteForm, ReplyForm
from annotations.classroom.models import Flag
from annotations.classroom.reading import class_reading, page_of
from annotations.classroom.selectors import class_annotations
from annotations.errors import AnnotationError, NotAuthor
from annotations.services import create_annotation
from edition.models import Article
from edition.services.reading import article_body_html

ARTICLE_FIELDS = ("slug", "title", "subtitle", "byline", "published", "publication", "kicker", "dateline",
                  "attribution", "source_url", "current_revision_id", "body_version", "source_file")


def _article(slug) -> Article:
    return get_object_or_404(Article.objects.filter(current_revision__isnull=False).only(*ARTICLE_FIELDS), slug=slug)


def _student_filter(value) -> int | None:
    return int(value) if value and value.isdigit() else None


@login_required
def class_article(request, pk, slug, note_form=None):
    seat = member_seat(request, pk)
    article = _article(slug)
    student, tag = _student_filter(request.GET.get("student")), request.GET.get("tag", "").strip()
    reading = class_reading(request.user, seat.classroom, article, student=student, tag=tag,
                            page=request.GET.get("page", 1))
    return render(request, "annotations/classes/reading.html", {
        "seat": seat, "classroom": seat.classroom, "article": article, "reading": reading,
        "body_html": mark_safe(article_body_html(article, reading.highlights())),
        "student": student, "tag": tag, "filtered": student is not None or bool(tag),
        "note_form": note_form or NoteForm(), "nav": "classes",
    }, status=400 if note_form is not None else 200)


def _back(request, seat, annotation):
    """To the thread of `annotation` on the reading page, on the page that lists it."""
    root = annotation.root or annotation
    page = page_of(request.user, seat.classroom, root)
    query = f"?page={page}" if page > 1 else ""
    return redirect(reverse("classes:article", args=[seat.classroom.pk, root.article.slug])
                    + f"{query}#thread-{root.pk}")


@login_required
@require_POST
def annotate(request, pk, slug):
    seat = member_seat(request, pk)
    article = _article(slug)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return class_article(request, pk, slug, note_form=form)
    data = form.cleaned_data
    block = article.current_revision.blocks.filter(number=data["paragraph"]).first()
    # Typed or copied words may differ from the text in quotes, dashes or spaces: anchor them.
    found = anchor(block.text, TextQuote(data["exact"].strip(), "", "")) if block else None
    if found is None:
        form.add_error("exact", "Those words are not in that paragraph; copy them exactly.")
        return class_article(request, pk, slug, note_form=form)
    start, end = block.start + found.start, block.start + found.end
    try:
        annotation = create_annotation(
            request.user, article=article, quote=make_quote(article.current_revision.text, start, end),
            position=TextPosition(start, end), body=data["body"], tags=form.tag_list(),
            visibility="class", classroom_id=seat.classroom.pk)
    except AnnotationError as error:
        form.add_error(None, str(error))
        return class_article(request, pk, slug, note_form=form)
    messages.success(request, "Your annotation is shared with the class.")
    return _back(request, seat, annotation)


def _class_annotation(request, seat, annotation_id):
    """An annotation of this class that the user may see, or 404."""
    annotation = (class_annotations(request.user, seat.classroom).select_related("article", "root", "root__article")
                  .filter(pk=annotation_id).first())
    if annotation is None:
        raise Http404("No such annotation.")
    return annotation


@login_required
@require_POST
def reply(request, pk, annotation_id):
    seat = member_seat(request, pk)
    parent = _class_annotation(request, seat, annotation_id)
    form = ReplyForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Write something to reply.")
    else:
        try:
            create_annotation(request.user, parent=parent, body=form.cleaned_data["body"])
        except AnnotationError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "Reply posted.")
    return _back(request, seat, parent)


@login_required
@require_POST
def hide(request, pk, annotation_id):
    return _moderate(request, pk, annotation_id, hidden=True)


@login_required
@require_POST
def restore(request, pk, annotation_id):
    return _moderate(request, pk, annotation_id, hidden=False)


def _moderate(request, pk, annotation_id, hidden):
    seat = member_seat(request, pk)
    annotation = _class_annotation(request, seat, annotation_id)
    try:
        moderation.moderate(request.user, annotation, hidden)
    except NotAuthor as error:
        raise PermissionDenied(str(error)) from None
    messages.success(request, "Annotation hidden from the class." if hidden else "Annotation restored.")
    return _back_to(request, seat, annotation)


@login_required
@require_POST
def flag(request, pk, annotation_id):
    seat = member_seat(request, pk)
    annotation = _class_annotation(request, seat, annotation_id)
    form = FlagForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        moderation.flag_annotation(request.user, annotation, reason)
    except NotAuthor as error:
        raise PermissionDenied(str(error)) from None
    except AnnotationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Thank you: the class's teachers will look at it.")
    return _back(request, seat, annotation)


@login_required
@require_POST
def dismiss_flag(request, pk, flag_id):
    seat = teacher_seat(request, pk)
    seen = class_annotations(request.user, seat.classroom).values("pk")
    found = get_object_or_404(Flag.objects.select_related("annotation"), pk=flag_id, annotation__in=seen)
    try:
        moderation.dismiss_flag(request.user, found)
    except NotAuthor as error:
        raise PermissionDenied(str(error)) from None
    messages.success(request, "Flag dismissed; the annotation stays as it was.")
    return redirect("classes:teacher", pk)


def _back_to(request, seat, annotation):
    """Moderation is done from the teacher's view or the reading page: go back where it was."""
    if request.POST.get("from") == "teacher":
        return redirect("classes:teacher", seat.classroom.pk)
    return _back(request, seat, annotation)
