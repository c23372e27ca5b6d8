"""The register: persons, places and organisations, in three sections."""
import pytest
from django.urls import reverse

from edition.models import Entry

from .pages import entry_slugs, sections

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(client, seeded):
    response = client.get(reverse("edition:register"))
    assert response.status_code == 200
    return response.content.decode()


def test_it_has_three_sections_in_order(page):
    assert list(sections(page, "aria-labelledby")) == ["person", "place", "organisation"]
    for heading in ("Persons", "Places", "Organisations"):
        assert f">{heading} <span" in page


@pytest.mark.parametrize("kind", ["person", "place", "organisation"])
def test_each_section_lists_every_entry_of_its_kind(page, kind):
    listed = entry_slugs(sections(page, "aria-labelledby")[kind])
    assert sorted(listed) == sorted(Entry.objects.filter(kind=kind).values_list("slug", flat=True))


def test_it_leaves_out_the_glossary(page):
    assert "belt-and-road-initiative" not in entry_slugs(page)


def test_disputed_places_show_their_names(page):
    assert "Diaoyu" in sections(page, "aria-labelledby")["place"]
