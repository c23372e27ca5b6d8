"""A new revision of an article re-anchors its annotations: they move with their words or
become orphans, keeping quote and body; ingest never deletes one."""
from io import StringIO

import pytest
from django.core.management import call_command

from annotations.anchoring import make_quote
from annotations.models import Annotation
from annotations.services import create_annotation, reanchor_article
from edition.models import Article

from .conftest import KISHIDA_XI, annotate, ingest

pytestmark = pytest.mark.django_db

INSERTED = "In their first face-to-face meeting in a year"
DELETED_SENTENCE = "In late August, Beijing implemented a blanket ban on all Japanese seafood"
REPLACEMENT = "Later that summer the two capitals quarrelled over quite another matter"


@pytest.fixture
def edition(seed_copy):
    ingest(seed_copy)
    return seed_copy


@pytest.fixture
def piece(edition):
    return Article.objects.select_related("current_revision").get(source_file=KISHIDA_XI)


@pytest.fixture
def notes(piece, owner, member, classroom):
    """Annotations before, after and inside the passages that the new source changes."""
    before = annotate(owner, piece, "In their first", body="opening")
    after = annotate(owner, piece, "brighter future", body="hope", tags=["rhetoric"])
    edited = annotate(owner, piece, "Kishida voiced his desire to work together to build", body="edited")
    doomed = annotate(owner, piece, "implemented a blanket ban on all Japanese seafood",
                      body="The ban **matters**.", visibility="class", classroom_id=classroom.pk)
    reply = create_annotation(member, parent=doomed, body="Agreed.")
    return {"before": before, "after": after, "edited": edited, "doomed": doomed, "reply": reply}


def revise(folder, *replacements):
    path = folder / KISHIDA_XI
    text = path.read_text()
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new)
    path.write_text(text)
    ingest(folder)


def refreshed(notes):
    return {name: Annotation.objects.get(pk=a.pk) for name, a in notes.items()}


def revise_all(edition):
    revise(edition, ("In their first meeting in a year", INSERTED),
           ("voiced his desire to work", "voiced his desires to work"),
           (DELETED_SENTENCE, REPLACEMENT))


def test_the_ingest_command_re_anchors_through_the_signal(edition, notes):
    path = edition / KISHIDA_XI
    path.write_text(path.read_text().replace(DELETED_SENTENCE, REPLACEMENT))
    call_command("ingest", str(edition), stdout=StringIO())
    assert refreshed(notes)["doomed"].state == "orphaned"


def test_the_count_of_annotations_is_the_same_before_and_after(edition, notes):
    before = Annotation.objects.count()
    revise_all(edition)
    assert Annotation.objects.count() == before == 5


def test_an_annotation_before_the_change_stays_anchored(edition, notes, piece):
    revise_all(edition)
    after = refreshed(notes)["before"]
    assert after.state == "anchored"
    assert (after.start, after.end) == (notes["before"].start, notes["before"].end)


def test_an_annotation_after_an_insertion_moves_with_its_words(edition, notes, piece):
    revise_all(edition)
    moved = refreshed(notes)["after"]
    piece.refresh_from_db()
    text = piece.current_revision.text
    assert moved.state == "moved"
    assert moved.start > notes["after"].start
    assert text[moved.start:moved.end] == "brighter future"


def test_an_annotation_whose_words_were_edited_follows_them_approximately(edition, notes, piece):
    revise_all(edition)
    edited = refreshed(notes)["edited"]
    piece.refresh_from_db()
    assert edited.state == "moved"
    assert piece.current_revision.text[edited.start:edited.end] == edited.exact
    assert "desires" in edited.exact


def test_an_annotation_whose_words_are_gone_is_orphaned_with_quote_and_body(edition, notes):
    revise_all(edition)
    orphan = refreshed(notes)["doomed"]
    assert orphan.state == "orphaned"
    assert (orphan.start, orphan.end) == (None, None)
    assert orphan.exact == "implemented a blanket ban on all Japanese seafood"
    assert orphan.body == "The ban **matters**."


def test_a_reply_to_an_orphan_is_kept(edition, notes):
    revise_all(edition)
    assert refreshed(notes)["reply"].parent_id == notes["doomed"].pk


def test_every_root_refers_to_the_new_revision(edition, notes, piece):
    revise_all(edition)
    piece.refresh_from_db()
    roots = Annotation.objects.filter(article=piece, parent__isnull=True)
    assert set(roots.values_list("revision_id", flat=True)) == {piece.current_revision_id}


def test_an_orphan_comes_back_when_its_words_do(edition, notes):
    revise_all(edition)
    revise(edition, (REPLACEMENT, DELETED_SENTENCE))
    back = refreshed(notes)["doomed"]
    assert back.state == "moved" and back.start is not None


def test_an_unchanged_source_leaves_annotations_alone(edition, notes):
    ingest(edition)
    assert {a.state for a in refreshed(notes).values() if a.parent_id is None} == {"anchored"}


def test_re_anchoring_does_not_touch_the_modified_time(edition, notes):
    revise_all(edition)
    assert refreshed(notes)["after"].modified == notes["after"].modified


def test_reanchor_article_reports_what_happened(edition, notes, piece):
    revise(edition, (DELETED_SENTENCE, REPLACEMENT))
    piece.refresh_from_db()
    report = reanchor_article(piece)
    assert (report.anchored, report.moved, report.orphaned) == (3, 0, 1)


def test_other_articles_annotations_are_not_touched(edition, notes, owner):
    elsewhere = Article.objects.exclude(source_file=KISHIDA_XI).first()
    text = elsewhere.current_revision.text
    theirs = create_annotation(owner, article=elsewhere, quote=make_quote(text, 5, 25))
    revise_all(edition)
    theirs_after = Annotation.objects.get(pk=theirs.pk)
    assert theirs_after.revision_id == theirs.revision_id and theirs_after.state == "anchored"
