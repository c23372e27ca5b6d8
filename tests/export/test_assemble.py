"""assemble_edition: the scope, the annotation sets and who may have them, replies, orphans,
anonymisation; articles woven one at a time with the highlights of the chosen annotations."""
import pytest
from django.contrib.auth.models import AnonymousUser

from edition.export.assemble import UnknownArticles, assemble_edition
from edition.export.selection import ExportForbidden

from .data import HIDDEN, ORPHAN_QUOTE, OWN_PRIVATE, SECRET


def bodies(edition):
    found = []

    def walk(annotation):
        found.append(annotation.body)
        for reply in annotation.replies:
            walk(reply)
    for _, threads in edition.annotations():
        for thread in threads:
            walk(thread)
    return found


def test_the_whole_edition_comes_in_order_of_publication(people):
    edition = assemble_edition()
    dates = [meta.published for meta in edition.contents]
    assert len(dates) == 5 and dates == sorted(dates)
    assert edition.whole and edition.stem.startswith("china-japan-edition-")


def test_chosen_articles_are_the_only_ones(people):
    edition = assemble_edition([people.kishida.slug])
    assert [a.meta.slug for a in edition.articles()] == [people.kishida.slug]
    assert all(p.article == people.kishida.slug for e in edition.apparatus.entries for p in e.places)


def test_an_unknown_article_is_an_error(people):
    with pytest.raises(UnknownArticles):
        assemble_edition(["no-such-article"])


def test_without_annotations_there_are_none(people):
    edition = assemble_edition()
    assert bodies(edition) == [] and len(edition.readers) == 0


def test_the_public_set_is_what_an_anonymous_reader_sees(people):
    edition = assemble_edition("all", "public")
    assert {a.visibility for _, threads in edition.annotations() for a in threads} == {"public"}
    assert "@Xinhua is the state agency" in bodies(edition)


def test_mine_is_the_users_threads_with_the_replies_they_may_see(people):
    found = bodies(assemble_edition("all", "mine", user=people.student))
    assert OWN_PRIVATE in found and "I agree with Olive Quarrington: it is rhetoric." in found
    assert SECRET not in found and FORMULA_OF_CLASSMATE not in found


FORMULA_OF_CLASSMATE = '=HYPERLINK("http://evil.example","click")'


def test_mine_needs_a_signed_in_user(people):
    with pytest.raises(ExportForbidden):
        assemble_edition("all", "mine", user=AnonymousUser())


def test_the_class_set_is_for_its_teachers(people):
    edition = assemble_edition("all", "class", user=people.teacher, classroom=people.classroom)
    assert FORMULA_OF_CLASSMATE in bodies(edition)
    for user in (people.student, people.outsider, AnonymousUser(), None):
        with pytest.raises(ExportForbidden):
            assemble_edition("all", "class", user=user, classroom=people.classroom)


def test_the_class_set_leaves_out_what_teachers_hid_and_private_notes(people):
    found = bodies(assemble_edition("all", "class", user=people.teacher, classroom=people.classroom))
    assert HIDDEN not in found and OWN_PRIVATE not in found and SECRET not in found


def test_the_private_annotations_of_others_are_in_no_set(people):
    for user in (people.teacher, people.student, people.classmate):
        for kind in ("public", "mine"):
            assert SECRET not in bodies(assemble_edition("all", kind, user=user))


def test_replies_follow_their_thread_and_an_orphan_is_kept_apart(people):
    edition = assemble_edition("all", "class", user=people.teacher, classroom=people.classroom)
    (article,) = [a for a in edition.articles() if a.annotations]
    hope = next(a for a in article.placed if "Hope" in a.body)
    assert [r.author for r in hope.replies] == ["Mia Martenssen"]  # no display name chosen: her full name
    assert [r.author for r in hope.replies[0].replies] == ["Ms Tutorova"]
    assert [a.exact for a in article.orphaned] == [ORPHAN_QUOTE]
    assert [a.label for a in article.annotations] == ["A1", "A2", "A3", "A4"]


def test_anonymised_readers_are_numbered_once_for_the_whole_export(people):
    edition = assemble_edition("all", "class", user=people.teacher, classroom=people.classroom, anonymise=True)
    labels = {reader.label for reader in edition.readers}
    assert labels == {"Reader 1", "Reader 2", "Teacher 1"}
    (article,) = [a for a in edition.articles() if a.annotations]
    student_labels = {a.author for a in article.annotations if a.row.author_id == people.student.pk}
    assert len(student_labels) == 1


def test_anonymising_scrubs_names_and_usernames_from_bodies(people):
    found = " ".join(bodies(assemble_edition("all", "class", user=people.teacher, classroom=people.classroom,
                                             anonymise=True)))
    assert "I agree with Reader 1: it is rhetoric." in found
    assert "Good, Reader 1 and Reader 2: now find a second example." in found
    assert not [name for name in people.names if name in found]


def test_articles_are_woven_with_the_highlights_of_the_set(people):
    edition = assemble_edition([people.kishida.slug], "class", user=people.teacher, classroom=people.classroom)
    (article,) = edition.articles()
    spans = [node.span.key for block in article.body.blocks for node in walk(block.tree) if node.kind == "highlight"]
    assert set(spans) == {"a1", "a2", "a3"}


def walk(node):
    for child in node.children:
        if not isinstance(child, str):
            yield child
            yield from walk(child)


def test_progress_is_reported_per_article(people):
    ticks = []
    edition = assemble_edition()
    edition.progress = ticks.append
    list(edition.articles())
    assert ticks == [1] * 5
