"""Page costs do not grow with the apparatus: the same queries with 50 entries as with 5,000."""
from itertools import cycle

import pytest
from django.core.cache import cache
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from edition.models import Entry, EntryAlias
from edition.services.linking import apparatus_changed

from .conftest import article

pytestmark = pytest.mark.django_db
KINDS = ("term", "person", "place", "organisation", "agreement")


def trim_to(n):
    """Keep the `n` most-mentioned entries of the seed apparatus, and relink."""
    keep = list(Entry.objects.annotate(n=Count("mentions")).order_by("-n", "slug").values_list("pk", flat=True)[:n])
    Entry.objects.exclude(pk__in=keep).delete()
    apparatus_changed()


def pad_to(n):
    """Add synthetic entries, each with an alias and a see-also, until there are `n`; relink."""
    kinds = cycle(KINDS)
    Entry.objects.bulk_create(
        (Entry(slug=f"synthetic-{i}", kind=next(kinds), name=f"Synthetic entry {i:05}",
               short="An entry made up to weigh the apparatus down.", sort_key=f"synthetic entry {i:05}")
         for i in range(n - Entry.objects.count())), batch_size=500)
    synthetic = list(Entry.objects.filter(slug__startswith="synthetic-"))
    EntryAlias.objects.bulk_create((EntryAlias(entry=e, text=f"Synthword{e.pk}") for e in synthetic), batch_size=500)
    xi = Entry.objects.get(slug="xi-jinping")
    xi.see_also.add(*synthetic[:200])
    apparatus_changed()
    assert Entry.objects.count() == n


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def article_costs(client):
    url = article("004_").get_absolute_url()
    cache.clear()
    cold = count_queries(client, url)
    return {"cold": cold, "warm": count_queries(client, url)}


PAGES = {
    "glossary": reverse("edition:glossary"),
    "register": reverse("edition:register"),
    "entry": reverse("edition:entry", args=["xi-jinping"]),
    "events": reverse("edition:events"),
    "event": reverse("edition:event", args=["li-keqiang-visit-japan-2018"]),
    "timeline": reverse("edition:timeline"),
    "events api": reverse("edition:events_api"),
    "entries api": reverse("edition:entries_api"),
}


def page_costs(client):
    return {name: count_queries(client, url) for name, url in PAGES.items()}


def test_the_article_page_costs_the_same_with_50_entries_and_with_5000(client, seeded):
    trim_to(50)
    small = article_costs(client)
    pad_to(5000)
    big = article_costs(client)
    assert small == big
    assert big["cold"] <= 10 and big["warm"] <= 3


def test_the_article_page_costs_the_same_with_the_seed_apparatus(client, seeded):
    seed = article_costs(client)
    pad_to(5000)
    assert article_costs(client) == seed


def test_the_apparatus_pages_cost_the_same_with_50_entries_and_with_5000(client, seeded):
    trim_to(50)
    small = page_costs(client)
    pad_to(5000)
    assert page_costs(client) == small
    assert max(small.values()) <= 8, small
