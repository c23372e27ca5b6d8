"""The reading page and the API cost the same SQL queries with a handful of annotations as with
many of every kind (private, class, public, replies, replies to replies, tags, hidden), for every
kind of reader. bench/bench_annotations.py measures the same at 20 and 2,000."""
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from annotations.anchoring import make_quote
from annotations.services import create_annotation, set_hidden

from .conftest import article_url

pytestmark = pytest.mark.django_db
BODIES = ["A *hopeful* phrase.", "- one\n- two", "See [this](https://example.org/).", "> quoted\n\nand `code`", ""]


def add(article, owner, member, teacher, other, classroom, n, offset=0):
    """n thread roots of the three visibilities on spans across the text, a reply to every other one
    and a reply to some replies, tags on a third; every tenth class root hidden by the teacher."""
    text = article.current_revision.text
    words = [m.span() for m in re.finditer(r"\w+", text)]
    for i in range(offset, offset + n):
        visibility = ("private", "class", "public")[i % 3]
        author = (owner, member, other)[i % 3] if visibility != "class" else (owner, member)[i % 2]
        start, _ = words[(i * 7) % (len(words) - 5)]
        _, end = words[(i * 7) % (len(words) - 5) + i % 4]
        root = create_annotation(author, article=article, quote=make_quote(text, start, end),
                                 body=BODIES[i % len(BODIES)], tags=[f"tag{i % 5}"] if i % 3 == 0 else [],
                                 visibility=visibility, classroom_id=classroom.pk if visibility == "class" else None)
        if i % 2 == 0:
            replier = author if visibility == "private" else teacher if visibility == "class" else other
            reply = create_annotation(replier, parent=root, body=f"Reply *{i}*")
            if i % 4 == 0:
                create_annotation(author, parent=reply, body="And back.")
        if visibility == "class" and i % 10 == 1:
            set_hidden(teacher, root)


def count(client, url):
    assert client.get(url).status_code == 200  # warm: session, woven body
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def readers(owner, teacher):
    clients = {"anonymous": Client(), "student": Client(), "teacher": Client()}
    clients["student"].force_login(owner)
    clients["teacher"].force_login(teacher)
    return clients


def test_the_article_page_does_not_query_more_with_more_annotations(article, owner, member, teacher, other,
                                                                       classroom):
    clients = readers(owner, teacher)
    add(article, owner, member, teacher, other, classroom, 6)
    url = article.get_absolute_url()
    few = {who: count(client, url) for who, client in clients.items()}
    add(article, owner, member, teacher, other, classroom, 60, offset=6)
    many = {who: count(client, url) for who, client in clients.items()}
    assert many == few
    assert few["anonymous"] <= 4 and few["student"] <= 8 and few["teacher"] <= 8


def test_the_page_shows_every_visible_thread(article, owner, member, teacher, other, classroom):
    add(article, owner, member, teacher, other, classroom, 30)
    page = readers(owner, teacher)["student"].get(article.get_absolute_url()).content.decode()
    from annotations.reading import reading_annotations

    shown = reading_annotations(owner, article)
    assert page.count('<article class="ann ann-') == shown.count
    assert page.count('<li><article class="ann-reply') == sum(len(v.replies) for v in shown.placed)


def test_the_api_does_not_query_more_with_more_annotations(article, owner, member, teacher, other, classroom):
    client = readers(owner, teacher)["student"]
    add(article, owner, member, teacher, other, classroom, 6)
    target = article_url(article)
    first = f"/api/annotations/?target={target}"
    one = f"/api/annotations/{article.annotations.filter(visibility='public', parent=None).first().pk}"
    few = {"first": count(client, first), "page": count(client, first + "&page=1"), "one": count(client, one)}
    add(article, owner, member, teacher, other, classroom, 300, offset=6)  # the student sees more than a page
    many = {"first": count(client, first), "page": count(client, first + "&page=2"), "one": count(client, one)}
    assert many == few


def test_one_annotation_is_read_once(article, owner, member, teacher, other, classroom):
    """Session, user, the annotation with its author and article, its tags: not read twice."""
    client = readers(owner, teacher)["student"]
    add(article, owner, member, teacher, other, classroom, 3)
    one = article.annotations.filter(visibility="public", parent=None).first()
    assert count(client, f"/api/annotations/{one.pk}") == 4
