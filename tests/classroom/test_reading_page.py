"""The class reading page: the article with the class's annotations woven in, threads beside
it, filters by student and tag, and annotating and replying without JavaScript."""
import pytest

from annotations.models import Annotation

from .conftest import client_for, note_in, paragraph, reply_to

pytestmark = pytest.mark.django_db


def page(user, room, article, **params):
    return client_for(user).get(f"/classes/{room.pk}/articles/{article.slug}/", params)


def threads_in(html):
    return html.count('<article class="thread')


def test_the_class_annotations_are_highlighted_in_the_text(room, ann, ben, article):
    made = note_in(ben, room, article, 3, body="Look here")
    html = page(ann, room, article).content.decode()
    assert f'data-annotation="{made.pk}"' in html and "hl-class" in html
    assert f'id="thread-{made.pk}"' in html and "Look here" in html and "¶3" in html


def test_replies_are_listed_in_their_thread(room, ann, ben, article):
    reply_to(ann, note_in(ben, room, article, 3), body="A considered reply")
    html = page(ben, room, article).content.decode()
    thread = html[html.index('<article class="thread'):]
    assert "A considered reply" in thread[:thread.index("</article>")]


def test_filtering_by_student_keeps_the_threads_they_wrote_in(room, teacher, ann, ben, article):
    note_in(ann, room, article, 2)
    reply_to(ann, note_in(ben, room, article, 4))
    note_in(ben, room, article, 6)
    assert threads_in(page(teacher, room, article).content.decode()) == 3
    assert threads_in(page(teacher, room, article, student=ann.pk).content.decode()) == 2


def test_filtering_by_tag_keeps_the_threads_with_that_tag(room, teacher, ann, article):
    note_in(ann, room, article, 2, tags=["question"])
    note_in(ann, room, article, 4, tags=["tone"])
    html = page(teacher, room, article, tag="question").content.decode()
    assert threads_in(html) == 1 and "1 of 2 threads" in html


def test_a_filter_for_a_stranger_or_a_bad_value_shows_nothing_and_breaks_nothing(room, teacher, ann, article):
    note_in(ann, room, article, 2)
    assert threads_in(page(teacher, room, article, student="999").content.decode()) == 0
    assert threads_in(page(teacher, room, article, student="x").content.decode()) == 1


def test_an_unknown_article_is_404(room, ann):
    assert client_for(ann).get(f"/classes/{room.pk}/articles/no-such-article/").status_code == 404


def test_a_student_annotates_a_passage_for_the_class(room, ann, article):
    words = " ".join(paragraph(article, 4).text.split()[1:4])
    response = client_for(ann).post(f"/classes/{room.pk}/articles/{article.slug}/annotate/", {
        "paragraph": "4", "exact": words, "body": "My *reading*", "tags": "question, tone"})
    made = Annotation.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"#thread-{made.pk}")
    assert (made.visibility, made.classroom_id, made.exact, made.body) == ("class", room.pk, words, "My *reading*")
    assert sorted(t.name for t in made.tags.all()) == ["question", "tone"]
    assert paragraph(article, 4).start <= made.start < paragraph(article, 5).start


def test_words_not_in_the_paragraph_are_refused(room, ann, article):
    response = client_for(ann).post(f"/classes/{room.pk}/articles/{article.slug}/annotate/", {
        "paragraph": "4", "exact": "words that are nowhere at all", "body": "x"})
    assert response.status_code == 400 and "not in that paragraph" in response.content.decode()
    assert not Annotation.objects.exists()


def test_a_paragraph_that_does_not_exist_is_refused(room, ann, article):
    response = client_for(ann).post(f"/classes/{room.pk}/articles/{article.slug}/annotate/", {
        "paragraph": "999", "exact": "the", "body": "x"})
    assert response.status_code == 400 and not Annotation.objects.exists()


def test_a_member_replies_on_the_page(room, ann, ben, article):
    root = note_in(ben, room, article, 3)
    response = client_for(ann).post(f"/classes/{room.pk}/annotations/{root.pk}/reply/", {"body": "Agreed"})
    assert response.status_code == 302 and response["Location"].endswith(f"#thread-{root.pk}")
    reply = root.replies.get()
    assert (reply.author, reply.body, reply.visibility, reply.classroom_id) == (ann, "Agreed", "class", room.pk)


def test_an_empty_reply_is_refused(room, ann, ben, article):
    root = note_in(ben, room, article, 3)
    client_for(ann).post(f"/classes/{room.pk}/annotations/{root.pk}/reply/", {"body": ""})
    assert not root.replies.exists()


def test_the_reading_page_body_is_sanitised(room, ann, ben, article):
    note_in(ben, room, article, 3, body="<img src=x onerror=alert(1)> **bold**")
    html = page(ann, room, article).content.decode()
    assert "onerror" not in html and "<strong>bold</strong>" in html


def test_a_public_annotation_is_not_shown_as_the_classs(room, ann, ben, article):
    note_in(ben, room, article, 3, body="Public words", visibility="public", classroom_id=None)
    assert "Public words" not in page(ann, room, article).content.decode()


def many_threads(room, article, author, count):
    """`count` class threads by `author`, one per paragraph start, in text order."""
    blocks = list(article.current_revision.blocks.order_by("number"))
    return Annotation.objects.bulk_create([
        Annotation(article=article, revision=article.current_revision, author=author, exact="x",
                   start=blocks[i % len(blocks)].start + i // len(blocks), end=blocks[i % len(blocks)].start + 5 + i,
                   body=f"thread {i}", visibility="class", classroom=room)
        for i in range(count)])


def test_threads_come_a_page_at_a_time(room, ann, ben, article):
    from annotations.classroom.reading import THREADS_PER_PAGE

    many_threads(room, article, ben, THREADS_PER_PAGE + 5)
    first = page(ann, room, article).content.decode()
    second = page(ann, room, article, page=2).content.decode()
    assert threads_in(first) == THREADS_PER_PAGE and threads_in(second) == 5
    assert f"{THREADS_PER_PAGE + 5} threads; 1–{THREADS_PER_PAGE} shown" in first
    assert 'rel="next"' in first and 'rel="prev"' in second


def test_only_the_pages_threads_are_highlighted(room, ann, ben, article):
    from annotations.classroom.reading import THREADS_PER_PAGE

    made = many_threads(room, article, ben, THREADS_PER_PAGE + 1)
    html = page(ann, room, article).content.decode()
    assert html.count('<mark class="hl') >= THREADS_PER_PAGE
    last = max(made, key=lambda a: (a.start, a.pk))
    assert f'data-annotation="{last.pk}"' not in html


def test_a_page_past_the_last_shows_the_last(room, ann, ben, article):
    many_threads(room, article, ben, 3)
    assert threads_in(page(ann, room, article, page=99).content.decode()) == 3


def test_a_reply_sends_the_reader_back_to_the_page_of_its_thread(room, ann, ben, article):
    from annotations.classroom.reading import THREADS_PER_PAGE

    made = many_threads(room, article, ben, THREADS_PER_PAGE + 1)
    last = max(made, key=lambda a: (a.start, a.pk))
    response = client_for(ann).post(f"/classes/{room.pk}/annotations/{last.pk}/reply/", {"body": "Late reply"})
    assert response["Location"] == f"/classes/{room.pk}/articles/{article.slug}/?page=2#thread-{last.pk}"
