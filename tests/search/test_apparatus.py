"""Glossary and register entries, found by any of their names, and events; kept in step with
editors' changes and with apparatus loads."""
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser

from edition.models import Entry, EntryAlias, Event
from edition.services.apparatus_load import load_apparatus
from search.models import SearchDocument
from search.service import search

from .conftest import every_hit, found

pytestmark = pytest.mark.django_db
ANONYMOUS = AnonymousUser()


def test_an_entry_is_found_by_its_name(senkaku):
    assert ("entry", senkaku.pk) in found(ANONYMOUS, "Senkaku Islands")


def test_an_entry_is_found_by_an_alias(senkaku):
    hits = every_hit(search(ANONYMOUS, "Diaoyu"))
    entry = next(h.document for h in hits if h.document.kind == "entry")
    assert entry.object_id == senkaku.pk
    assert entry.url == senkaku.get_absolute_url()


def test_an_alias_also_finds_the_paragraphs_that_use_another_name(senkaku, nikkei):
    only_senkaku = next(b for b in nikkei.current_revision.blocks.all()
                        if "nationalization of the Senkaku" in b.text and "Diaoyu" not in b.text)
    assert ("paragraph", only_senkaku.pk) in found(ANONYMOUS, "Diaoyu")


def test_a_disputed_name_finds_the_entry(senkaku):
    assert ("entry", senkaku.pk) in found(ANONYMOUS, "Diaoyutai Islands")


def test_an_entry_is_found_by_the_words_of_its_note(senkaku):
    assert ("entry", senkaku.pk) in found(ANONYMOUS, "uninhabited")


def test_an_event_is_found_with_its_date_and_link(fishing_fleet):
    hit = next(h for h in every_hit(search(ANONYMOUS, "fishing boats")) if h.document.kind == "event")
    assert hit.document.object_id == fishing_fleet.pk
    assert hit.document.url == fishing_fleet.get_absolute_url()
    assert hit.document.date == fishing_fleet.date


def test_an_event_is_found_by_the_name_of_its_place(fishing_fleet):
    assert ("event", fishing_fleet.pk) in found(ANONYMOUS, "Diaoyu")


def test_a_renamed_entry_is_found_by_its_new_name_only(senkaku):
    senkaku.name = "Pinnacle Islands"
    senkaku.save()
    assert ("entry", senkaku.pk) in found(ANONYMOUS, "Pinnacle")


def test_a_new_alias_finds_the_entry_at_once(senkaku):
    EntryAlias.objects.create(entry=senkaku, text="Tiaoyutai")
    assert ("entry", senkaku.pk) in found(ANONYMOUS, "Tiaoyutai")


def test_a_removed_alias_no_longer_finds_the_entry(senkaku):
    EntryAlias.objects.filter(entry=senkaku, text="Diaoyutai Islands").delete()
    assert ("entry", senkaku.pk) not in found(ANONYMOUS, "Diaoyutai")


def test_a_deleted_entry_or_event_is_no_longer_found(senkaku, fishing_fleet):
    fishing_fleet.delete()
    senkaku.delete()
    assert not SearchDocument.objects.filter(kind__in=["entry", "event"]).exists()
    assert not found(ANONYMOUS, "Senkaku")


def test_an_apparatus_load_indexes_every_entry_and_event_with_their_aliases(db):
    load_apparatus(Path(settings.BASE_DIR) / "seeds" / "apparatus")
    assert SearchDocument.objects.filter(kind="entry").count() == Entry.objects.count()
    assert SearchDocument.objects.filter(kind="event").count() == Event.objects.count()
    chunxiao = Entry.objects.get(slug="chunxiao-gas-field")
    assert ("entry", chunxiao.pk) in found(ANONYMOUS, "Shirakaba")
