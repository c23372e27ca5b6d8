"""Editors' pages outside the admin: the event-link suggestions to confirm or reject (staff only)."""
from itertools import groupby
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.paginator import Paginator
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from edition.linking.quotes import locate_quote
from edition.models import Article, Block, EventSuggestion
from edition.services.apparatus import short_date
from edition.services.suggestions import SuggestionError, confirm, reject

PAGE_SIZE = 50
DECISIONS = {"confirm": (confirm, "Confirmed"), "reject": (reject, "Rejected")}


@staff_member_required
def suggestions(request):
    pending = (EventSuggestion.objects.filter(status="pending")
               .select_related("event", "article").order_by("article__title", "article_id", "block_number", "-score"))
    chosen = request.GET.get("article", "")
    if chosen:
        pending = pending.filter(article__slug=chosen)
    page = Paginator(pending, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "edition/suggestions.html", {
        "groups": _grouped(list(page.object_list)),
        "page": page,
        "articles": Article.objects.filter(event_suggestions__status="pending").distinct().order_by("title"),
        "chosen": chosen,
        "filter_query": urlencode({"article": chosen}) if chosen else "",
    })


def _grouped(items):
    """[(article, [row, ...])], each row a suggestion with its passage split around the quote."""
    revisions = {s.article.current_revision_id for s in items}
    texts = {(b.revision_id, b.number): b.text for b in Block.objects.filter(
        revision_id__in=revisions, number__in={s.block_number for s in items})}
    rows = []
    for s in items:
        text = texts.get((s.article.current_revision_id, s.block_number), "")
        where = locate_quote([text], s.quote) if text else None
        start, end = (where[1], where[2]) if where else (0, 0)
        rows.append({"suggestion": s, "when": short_date(s.event), "before": text[:start],
                     "quote": text[start:end] if where else s.quote, "after": text[end:] if where else ""})
    return [(article, list(group)) for article, group in groupby(rows, key=lambda r: r["suggestion"].article)]


@staff_member_required
@require_POST
def suggestion_decide(request, pk):
    suggestion = get_object_or_404(EventSuggestion.objects.select_related("event", "article"), pk=pk)
    decision = DECISIONS.get(request.POST.get("decision", ""))
    if decision is None:
        return HttpResponseBadRequest("Say confirm or reject.")
    decide, done = decision
    try:
        decide(suggestion, request.user)
    except SuggestionError as error:
        messages.warning(request, str(error))
    else:
        messages.success(request, f"{done}: ¶{suggestion.block_number} of “{suggestion.article.title}” "
                                  f"→ {suggestion.event.name}.")
    back = reverse("edition:suggestions")
    chosen = request.POST.get("article", "")
    return redirect(f"{back}?{urlencode({'article': chosen})}" if chosen else back)
