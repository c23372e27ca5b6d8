"""Reading views: thin; the work is in edition.services.reading and annotations.reading."""
from django.contrib.admin.views.decorators import staff_member_required
from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from annotations.reading import ReadingAnnotations, ReadingFilter, facets, reading_annotations
from edition.models import Article
from edition.services.page import cached_main_html, page_article
from edition.services.reading import Highlight, article_body_html

MAIN_TEMPLATE = "edition/_article_main.html"
LIST_FIELDS = ("slug", "title", "subtitle", "byline", "published", "publication")


def published_articles():
    return Article.objects.filter(current_revision__isnull=False)


def contents(request):
    articles = published_articles().only(*LIST_FIELDS).order_by("published", "title")
    return render(request, "edition/contents.html", {"articles": articles, "nav": "contents"})


def highlights_for(annotations):
    """The reader's visible annotations as highlights the server weaves (so no-JS pages show them)."""
    return tuple(
        Highlight(
            key=str(a.id), start=a.start, end=a.end,
            css=f"hl-{a.visibility}" + (" hl-mine" if a.is_own else ""),
            label=f"{a.visibility.capitalize()} annotation by {a.author}",
        )
        for a in annotations.placed
    )


def article(request, slug):
    article = page_article(slug)
    if not request.user.is_authenticated and not article.has_public_annotations:
        # Most readers: nothing in the main column depends on who they are.
        main = cached_main_html(request, article, lambda: render_to_string(
            MAIN_TEMPLATE, main_context(request, article, ReadingAnnotations(placed=[], orphaned=[])), request))
        return render(request, "edition/article.html", {"article": article, "main_html": main})
    return render(request, "edition/article.html",
                  main_context(request, article, reading_annotations(request.user, article)))


def main_context(request, article, every):
    """What edition/_article_main.html shows: the article with the highlights of the annotations
    the reader sees (narrowed by the panel's filters), and the panel."""
    if request.user.is_staff:  # one query for the notes, whether the body is woven or cached
        prefetch_related_objects([article], "editorial_notes")
    filters = ReadingFilter.from_query(request.GET)
    annotations = filters.apply(every)  # the panel's filters narrow the highlights too
    body = article_body_html(article, highlights_for(annotations))
    context = {"article": article, "body_html": mark_safe(body), "annotations": annotations,
               "annotation_total": every.count, "annotation_filters": filters,
               "annotation_facets": facets(every), "apparatus_off": request.GET.get("apparatus") == "off"}
    if request.user.is_staff:
        context["orphaned_notes"] = [note for note in article.editorial_notes.all() if note.state == "orphaned"]
    return context


@staff_member_required
def cleaning_report(request, slug):
    article = get_object_or_404(published_articles().select_related("current_revision"), slug=slug)
    revision = article.current_revision
    return render(request, "edition/cleaning_report.html", {
        "article": article,
        "revision": revision,
        "revision_count": article.revisions.count(),
        "dropped": revision.cleaning.get("dropped", []),
        "kept_count": len(revision.cleaning.get("blocks", [])),
    })
