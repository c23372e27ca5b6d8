"""Fixtures for the class tests: two articles of the seed edition, class A (a teacher and two
students) and class B (its own teacher and student), an outsider, and helpers to annotate."""
import datetime

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from accounts.models import Profile
from annotations.anchoring import TextPosition, make_quote
from annotations.classroom.assignments import AssignmentDraft, create_assignment
from annotations.models import Classroom, Membership
from annotations.services import create_annotation
from edition.models import Article
from tests.annotations.conftest import ABE_XI, KISHIDA_XI, SEEDS, ingest, quote_of


def person(username, display_name=""):
    user = get_user_model().objects.create_user(username=username, password=None)  # no hashing: fast
    Profile.objects.create(user=user, display_name=display_name)
    return user


@pytest.fixture
def seeded(db):
    ingest(SEEDS / KISHIDA_XI, SEEDS / ABE_XI)


@pytest.fixture
def article(seeded):
    return Article.objects.select_related("current_revision").get(source_file=KISHIDA_XI)


@pytest.fixture
def other_article(seeded):
    return Article.objects.select_related("current_revision").get(source_file=ABE_XI)


@pytest.fixture
def teacher(db):
    return person("tess", "Tess Teacher")


@pytest.fixture
def ann(db):
    return person("ann", "Annabel Archer")


@pytest.fixture
def ben(db):
    return person("ben", "Benedict Baker")


@pytest.fixture
def outsider(db):
    return person("olga", "Olga Outside")


@pytest.fixture
def teacher_b(db):
    return person("theo", "Theo Other")


@pytest.fixture
def cleo(db):
    return person("cleo", "Cleo Bee")


def seat(user, room, role=Membership.STUDENT):
    return Membership.objects.create(user=user, classroom=room, role=role)


@pytest.fixture
def room(teacher, ann, ben):
    """Class A: Tess teaches Ann and Ben."""
    classroom = Classroom.objects.create(name="Modern East Asia", created_by=teacher)
    seat(teacher, classroom, Membership.TEACHER)
    seat(ann, classroom)
    seat(ben, classroom)
    return classroom


@pytest.fixture
def room_b(teacher_b, cleo):
    """Class B: Theo teaches Cleo."""
    classroom = Classroom.objects.create(name="Diplomacy 101", created_by=teacher_b)
    seat(teacher_b, classroom, Membership.TEACHER)
    seat(cleo, classroom)
    return classroom


def paragraph(article, number):
    return article.current_revision.blocks.get(number=number)


def note(user, room, article, words, *, body="A note.", tags=(), **kwargs):
    """A class annotation of `room` on `words` (first occurrence) of the article."""
    return create_annotation(user, article=article, quote=quote_of(article, words), body=body, tags=list(tags),
                             visibility="class", classroom_id=room.pk, **kwargs)


def note_in(user, room, article, number, *, body="A note.", tags=(), **kwargs):
    """A class annotation of `room` on the opening words of paragraph `number`."""
    block = paragraph(article, number)
    length = len(" ".join(block.text.split(" ")[:3]))
    start, end = block.start, block.start + length
    return create_annotation(user, article=article, quote=make_quote(article.current_revision.text, start, end),
                             position=TextPosition(start, end), body=body, tags=list(tags),
                             visibility=kwargs.pop("visibility", "class"),
                             classroom_id=kwargs.pop("classroom_id", room.pk), **kwargs)


def reply_to(user, parent, body="I agree."):
    return create_annotation(user, parent=parent, body=body)


def assignment(teacher, room, articles, *, due=None, **kwargs):
    draft = AssignmentDraft(title=kwargs.pop("title", "Week 1"), articles=list(articles),
                            due=due or datetime.date.today() + datetime.timedelta(days=7), **kwargs)
    return create_assignment(teacher, room, draft)


def client_for(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client
