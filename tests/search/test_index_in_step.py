"""The index follows every change: a new revision of an article, an edited title, annotation
writes (edit, tags, audience, hiding, deletion), and a rebuild from scratch."""
import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command

from annotations.services import delete_annotation, set_hidden, update_annotation
from edition.models import Article
from search.models import SearchDocument
from search.service import search

from .conftest import KISHIDA_XI, annotate, found, found_annotations, ingest

pytestmark = pytest.mark.django_db
ANONYMOUS = AnonymousUser()


@pytest.fixture
def revised(seed_copy):
    """The Japan Times article ingested, then changed at the source and ingested again."""
    ingest(seed_copy / KISHIDA_XI)
    article = Article.objects.get(source_file=KISHIDA_XI)
    path = seed_copy / KISHIDA_XI
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("blanket ban on all Japanese seafood", "sweeping embargo on Japanese quokkas"),
                    encoding="utf-8")
    return article, path


def test_a_new_revision_replaces_the_old_text_in_the_index(revised):
    article, path = revised
    assert search(ANONYMOUS, '"blanket ban"').total == 1
    ingest(path)
    assert search(ANONYMOUS, '"blanket ban"').total == 0
    hit = search(ANONYMOUS, "quokkas").hits[0]
    block = next(b for b in Article.objects.get(pk=article.pk).current_revision.blocks.all() if "quokkas" in b.text)
    assert (hit.document.object_id, hit.document.url) == (block.pk, f"{article.get_absolute_url()}#p{block.number}")


def test_an_annotation_follows_its_words_into_the_new_revision(revised, owner):
    article, path = revised
    note = annotate(owner, article, "brighter future", body="Hopeful words.")
    ingest(path)
    hit = search(owner, "hopeful").hits[0]
    article.refresh_from_db()
    block = next(b for b in article.current_revision.blocks.all() if "brighter future" in b.text)
    assert (hit.document.object_id, hit.document.block_number) == (note.pk, block.number)


def test_the_ingest_command_keeps_the_index_in_step(revised):
    article, path = revised
    call_command("ingest", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert search(ANONYMOUS, "quokkas").total == 1


def test_an_edited_title_or_publication_reaches_the_results(kishida):
    kishida.title, kishida.publication = "A new title", "The Quokka Gazette"
    kishida.save()
    hit = search(ANONYMOUS, "seafood").hits[0]
    assert (hit.document.title, hit.document.publication) == ("A new title", "The Quokka Gazette")


def test_an_edited_annotation_is_found_by_its_new_words_only(owner, kishida):
    note = annotate(owner, kishida, "brighter future", body="About wombats.")
    update_annotation(owner, note, body="About numbats.")
    assert found_annotations(owner, "wombats") == set()
    assert found_annotations(owner, "numbats") == {note.pk}


def test_changed_tags_are_found_and_counted(owner, kishida):
    note = annotate(owner, kishida, "brighter future", body="Words.", tags=["rhetoric"])
    update_annotation(owner, note, tags=["diplomacy"])
    assert found_annotations(owner, "rhetoric") == set()
    assert found_annotations(owner, "diplomacy") == {note.pk}
    assert found_annotations(owner, "words", tag="diplomacy") == {note.pk}


def test_a_renamed_tag_is_found_by_its_new_name(owner, kishida):
    from annotations.models import Tag

    note = annotate(owner, kishida, "brighter future", body="Words.", tags=["rhetorc"])
    tag = Tag.objects.get(name="rhetorc")
    tag.name = "rhetoric"
    tag.save()
    assert found_annotations(owner, "words", tag="rhetoric") == {note.pk}


def test_a_changed_audience_reaches_the_class(owner, member, kishida, classroom):
    note = annotate(owner, kishida, "brighter future", body="Shared later.")
    assert found_annotations(member, "shared") == set()
    update_annotation(owner, note, visibility="class", classroom_id=classroom.pk)
    assert found_annotations(member, "shared") == {note.pk}
    assert SearchDocument.objects.get(kind="annotation", object_id=note.pk).visibility == "class"


def test_hiding_updates_the_document(owner, teacher, kishida, classroom):
    note = annotate(owner, kishida, "brighter future", body="Hide me.", visibility="class", classroom_id=classroom.pk)
    set_hidden(teacher, note, True)
    assert SearchDocument.objects.get(kind="annotation", object_id=note.pk).hidden


def test_a_deleted_annotation_leaves_the_index(owner, kishida):
    note = annotate(owner, kishida, "brighter future", body="Gone soon.")
    delete_annotation(owner, note)
    assert not SearchDocument.objects.filter(kind="annotation", object_id=note.pk).exists()


def test_rebuilding_the_index_finds_the_same_things(owner, kishida, senkaku, fishing_fleet):
    annotate(owner, kishida, "brighter future", body="Rebuilt.", tags=["t"])
    before = {text: found(owner, text) for text in ("seafood", "Diaoyu", "rebuilt", "fishing")}
    SearchDocument.objects.all().delete()
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "FAILED" not in out.getvalue()
    assert {text: found(owner, text) for text in before} == before


def test_an_index_that_cannot_be_written_does_not_stop_an_annotation(owner, kishida, monkeypatch, caplog):
    from django.db import DatabaseError

    from search import indexing

    def broken(*args):
        raise DatabaseError("no such table: search_searchdocument")

    monkeypatch.setattr(indexing, "index_annotations", broken)
    note = annotate(owner, kishida, "brighter future", body="Still saved.")
    assert note.pk and "rebuild_search_index" in caplog.text
