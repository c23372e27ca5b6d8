"""Reading views: thin; the work is in edition.services.reading and annotations.reading."""
from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe

from annotations.reading import ReadingFilter, facets, reading_annotations
from edition.models import Article
from edition.services.reading import Highlight, article_body_html

LIST_FIELDS = ("slug", "title", "subtitle", "byline", "published", "publication")
PAGE_FIELDS = LIST_FIELDS + ("kicker", "dateline", "attribution", "source_url", "current_revision_id",
                             "body_version", "source_file")


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
    article = get_object_or_404(published_articles().only(*PAGE_FIELDS), slug=slug)
    every = reading_annotations(request.user, article)
    filters = ReadingFilter.from_query(request.GET)
    annotations = filters.apply(every)  # the panel's filters narrow the highlights too
    body = article_body_html(article, highlights_for(annotations))
    context = {"article": article, "body_html": mark_safe(body), "annotations": annotations,
               "annotation_total": every.count, "annotation_filters": filters,
               "annotation_facets": facets(every), "apparatus_off": request.GET.get("apparatus") == "off"}
    if request.user.is_staff:
        context["orphaned_notes"] = list(article.editorial_notes.filter(state="orphaned"))
    return render(request, "edition/article.html", context)


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
