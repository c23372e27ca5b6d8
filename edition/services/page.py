"""The article page's data: one query for the article, the apparatus version and whether the
article has public annotations; and its main column cached for readers who see no annotation.

Why raw SQL: for these tiny indexed lookups Django spends longer building the SQL than SQLite
spends running it (~0.25 ms against ~0.02 ms per query), and the article page is the edition's
hottest path. The SQL is built once per process from the models' own table and column names, so
renaming a field breaks a test (tests/edition/test_page_query.py), not the page.
"""
from __future__ import annotations

import functools
import hashlib

from django.core.cache import cache
from django.http import Http404
from django.utils.safestring import mark_safe

from annotations.models import Annotation
from edition.models import ApparatusState, Article
from edition.services.reading import BODY_CACHE_SECONDS, body_cache_key

# The Article fields the page shows (the rest of the row, e.g. the source file's text, is not read).
PAGE_FIELDS = ("slug", "title", "subtitle", "byline", "published", "publication", "kicker", "dateline",
               "attribution", "source_url", "current_revision_id", "body_version", "source_file")


@functools.cache
def _page_sql() -> str:
    columns = ", ".join(f"a.{Article._meta.get_field(name.removesuffix('_id')).column}"
                        for name in ("id",) + PAGE_FIELDS)
    annotation = Annotation._meta
    return (
        f"SELECT {columns}, "
        f"(SELECT s.version FROM {ApparatusState._meta.db_table} s WHERE s.id = 1) AS apparatus_version, "
        f"EXISTS (SELECT 1 FROM {annotation.db_table} n "
        f"        WHERE n.{annotation.get_field('article').column} = a.id "
        f"        AND n.{annotation.get_field('visibility').column} = %s) AS has_public_annotations "
        f"FROM {Article._meta.db_table} a "
        f"WHERE a.{Article._meta.get_field('slug').column} = %s "
        f"AND a.{Article._meta.get_field('current_revision').column} IS NOT NULL"
    )


def page_article(slug: str) -> Article:
    """The published article `slug` with `apparatus_version` and `has_public_annotations`
    (True when any of its annotations is public, hidden or not: a reader who is not logged in
    can see none of them when it is False). Http404 when there is none."""
    rows = list(Article.objects.raw(_page_sql(), [Annotation.PUBLIC, slug]))
    if not rows:
        raise Http404("No article matches the given query.")
    article = rows[0]
    article.apparatus_version = article.apparatus_version or 0
    article.has_public_annotations = bool(article.has_public_annotations)
    return article


def cached_main_html(request, article: Article, render_main) -> str:
    """The page's main column (article and annotations panel) for a reader who sees no
    annotation and is not logged in: the same for all such readers of this address, so it is
    rendered once per version of its inputs, like the woven body (DESIGN §2). The rest of the
    page (navigation, login state) is still rendered per request.

    The key holds everything the fragment shows: the article's fields, its revision, body and
    apparatus versions (body_cache_key), and the address it was asked for (the filters, the
    apparatus switch and the "log in and come back" link depend on the query; the annotation
    target names the host). `render_main()` makes it on a miss."""
    fields = tuple(getattr(article, name) for name in PAGE_FIELDS)
    material = repr((fields, request.scheme, request.get_host(), request.get_full_path()))
    key = f"article-main:v1:{body_cache_key(article)}:{hashlib.sha256(material.encode()).hexdigest()[:24]}"
    html = cache.get(key)
    if html is None:
        html = str(render_main())
        cache.set(key, html, BODY_CACHE_SECONDS)
    return mark_safe(html)
