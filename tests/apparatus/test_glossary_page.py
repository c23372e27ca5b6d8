"""The glossary: terms, agreements and initiatives, A to Z, each linked to its entry page."""
import pytest
from django.urls import reverse

from edition.models import Entry

from .pages import entry_slugs, sections

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(client, seeded):
    response = client.get(reverse("edition:glossary"))
    assert response.status_code == 200
    return response.content.decode()


def test_it_lists_every_term_and_agreement_and_nothing_else(page):
    listed = entry_slugs(page)
    assert sorted(listed) == sorted(Entry.objects.filter(kind__in=("term", "agreement")).values_list("slug", flat=True))
    assert len(listed) == len(set(listed))
    assert "xi-jinping" not in listed and "senkaku-islands" not in listed


def test_entries_are_grouped_under_their_initial_from_a_to_z(page):
    groups = sections(page, "aria-labelledby")
    letters = [key.removeprefix("letter-") for key in groups]
    assert letters == sorted(letters) and set(letters) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    names = dict(Entry.objects.values_list("slug", "name"))
    for key, html in groups.items():
        slugs = entry_slugs(html)
        assert slugs, key
        assert all(names[slug][0].upper() == key[-1] for slug in slugs)
        assert [names[s].casefold() for s in slugs] == sorted(names[s].casefold() for s in slugs)


def test_the_letter_bar_links_each_group(page):
    for key in sections(page, "aria-labelledby"):
        assert f'href="#{key}"' in page and f'id="{key}"' in page


def test_each_line_gives_the_short_definition(page):
    belt = Entry.objects.get(slug="belt-and-road-initiative")
    assert belt.short in page.replace("&#x27;", "'")
