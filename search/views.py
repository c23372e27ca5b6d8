"""The search page: /search/?q=… with filters. A bad query is a message on the page (200)."""
from django.shortcuts import render
from django.views.decorators.http import require_safe

from search.forms import SearchForm
from search.presenters import active_filters, facet_groups, heading, page_links
from search.service import PAGE_SIZE, QueryError, search


@require_safe
def results(request):
    form = SearchForm(request.GET)
    q = request.GET.get("q", "")
    context = {"nav": "search", "form": form, "q": q.strip(), "message": "", "results": None}
    if not form.is_valid():
        context["message"] = " ".join(form.problems())
    elif form.cleaned_data["q"] or "q" in request.GET:
        try:
            found = search(request.user, form.cleaned_data["q"], form.filters(), form.cleaned_data["page"] or 1)
        except QueryError as error:
            context["message"] = str(error)
        else:
            context.update(
                results=found, heading=heading(found, context["q"]), first_number=(found.page - 1) * PAGE_SIZE + 1,
                facet_groups=facet_groups(found, request.GET), active_filters=active_filters(form, request.GET),
                pages=page_links(found, request.GET), hidden_filters=_hidden(request.GET),
            )
    return render(request, "search/results.html", context)


def _hidden(params):
    """The query and filters the date form must carry along (not the dates, not the page)."""
    keep = ("q", "kind", "publication", "article", "tag", "annotations")
    return [(name, params[name]) for name in keep if params.get(name)]
