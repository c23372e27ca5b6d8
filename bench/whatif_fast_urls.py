"""URLconf of the what-if server (bench/whatif_fast_settings.py): the site's own URLs and views,
with the article view's database work cut the way docs/performance.md proposes:

* one raw SQL query reads the article, the apparatus version (which the body cache key would
  otherwise fetch with a second query) and the number of public annotations of the article;
* an anonymous reader of an article without public annotations gets no annotations query (the
  answer is known to be empty).

The site's view runs unchanged: its module-level get_object_or_404 and reading_annotations are
swapped for these, and ApparatusState.current() returns the version the raw query read, for
the current request only. Measurement harness only, not for production.
"""
import threading

from django.core.signals import request_finished
from django.http import Http404

from annotations.models import Annotation
from config.urls import urlpatterns  # noqa: F401  (the site's URLs, unchanged)
from edition import views
from edition.models import ApparatusState, Article

_request = threading.local()
_original_current = ApparatusState.current.__func__


def _current(cls):
    version = getattr(_request, "apparatus_version", None)
    return _original_current(cls) if version is None else version


ApparatusState.current = classmethod(_current)
request_finished.connect(lambda **kwargs: setattr(_request, "apparatus_version", None), weak=False)

_COLUMNS = ", ".join(["a.id"] + [f"a.{name}" for name in views.PAGE_FIELDS if name != "id"])
_SQL = (
    f"SELECT {_COLUMNS}, "
    f"(SELECT s.version FROM {ApparatusState._meta.db_table} s WHERE s.id = 1) AS apparatus_version, "
    f"(SELECT COUNT(*) FROM {Annotation._meta.db_table} n WHERE n.article_id = a.id AND n.visibility = %s) "
    "AS public_annotations "
    f"FROM {Article._meta.db_table} a WHERE a.slug = %s AND a.current_revision_id IS NOT NULL"
)


def _one_query_lookup(queryset, slug):
    rows = list(Article.objects.raw(_SQL, [Annotation.PUBLIC, slug]))
    if not rows:
        raise Http404("No article matches the given query.")
    _request.apparatus_version = rows[0].apparatus_version or 0
    return rows[0]


_real_reading_annotations = views.reading_annotations


def _reading_annotations(user, article):
    if not user.is_authenticated and getattr(article, "public_annotations", None) == 0:
        from annotations.reading import ReadingAnnotations

        return ReadingAnnotations(placed=[], orphaned=[])
    return _real_reading_annotations(user, article)


views.get_object_or_404 = _one_query_lookup
views.reading_annotations = _reading_annotations
