"""What the results page shows besides the hits: its heading, the facets as links that add or
remove one filter, and the page links. Every link is a plain GET address (keyboard and no-JS)."""
from __future__ import annotations

from urllib.parse import urlencode

from search.models import SearchDocument
from search.query import QUOTES
from search.service import Results

PARAMS = ("q", "kind", "publication", "article", "tag", "date_from", "date_to", "annotations", "page")
GROUPS = (("kind", "Kind"), ("annotations", "Annotations"), ("publication", "Publication"),
          ("year", "Year"), ("article", "Article"), ("tag", "Tag"))


def link(params, **changes) -> str:
    """This search's address with some parameters changed (None removes one); back to page 1."""
    values = {name: params.get(name) for name in PARAMS if params.get(name)}
    values.pop("page", None)
    for name, value in changes.items():
        if value is None:
            values.pop(name, None)
        else:
            values[name] = value
    return "?" + urlencode(values)


def heading(results: Results, q: str) -> str:
    count = f"More than {results.total:,}" if results.more else f"{results.total:,}"
    noun = "result" if results.total == 1 and not results.more else "results"
    quoted = q if any(mark in q for mark in QUOTES) else f"“{q}”"
    return f"{count} {noun} for {quoted}"


def facet_groups(results: Results, params) -> list[dict]:
    groups = []
    for name, title in GROUPS:
        values = results.facets.get(name) or []
        if not values:
            continue
        groups.append({"name": name, "title": title, "values": [
            {"label": v.label, "count": v.count, "active": v.active, "url": _facet_url(params, name, v.value)}
            for v in values]})
    return groups


def _facet_url(params, name, value) -> str:
    if name == "year":
        return link(params, date_from=f"{value}-01-01", date_to=f"{value}-12-31")
    return link(params, **{name: value})


def active_filters(form, params) -> list[dict]:
    data, found = form.cleaned_data, []
    kinds = dict(SearchDocument.KINDS)
    if data["kind"]:
        found.append((f"Kind: {kinds[data['kind']]}", {"kind": None}))
    if data["annotations"]:
        found.append(("Annotations: " + ("mine" if data["annotations"] == "mine" else "my classes’"),
                      {"annotations": None}))
    for name in ("publication", "tag"):
        if data[name]:
            found.append((f"{name.capitalize()}: {data[name]}", {name: None}))
    if data["article"]:
        found.append((f"Article: {_article_title(data['article'])}", {"article": None}))
    if data["date_from"] or data["date_to"]:
        span = f"{data['date_from'] or '…'} to {data['date_to'] or '…'}"
        found.append((f"Dates: {span}", {"date_from": None, "date_to": None}))
    return [{"label": label, "url": link(params, **changes)} for label, changes in found]


def _article_title(pk: int) -> str:
    from edition.models import Article

    return Article.objects.filter(pk=pk).values_list("title", flat=True).first() or f"article {pk}"


def page_links(results: Results, params) -> dict:
    def at(number):
        return link(params, page=str(number)) if 1 <= number <= results.pages else None

    return {"previous": at(results.page - 1), "next": at(results.page + 1),
            "page": results.page, "pages": results.pages}
