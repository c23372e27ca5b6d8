"""The class export: CSV columns, formula injection neutralised, consistent anonymisation that
leaves no name behind, teachers only."""
import csv
import io

import pytest

from annotations.classroom.export import COLUMNS, class_csv, neutralise
from annotations.classroom.flags import moderate
from annotations.classroom.membership import remove_member

from .conftest import client_for, note_in, person, reply_to, seat

pytestmark = pytest.mark.django_db


def rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def download(user, room, query=""):
    response = client_for(user).get(f"/classes/{room.pk}/export.csv{query}")
    return response, b"".join(response.streaming_content).decode() if response.status_code == 200 else ""


@pytest.fixture
def discussion(room, teacher, ann, ben, article):
    """Ann annotates twice, Ben replies, the teacher replies: in that order."""
    first = note_in(ann, room, article, 3, body="First thought", tags=["tone", "question"])
    reply = reply_to(ben, first, body="Ben answers")
    second = note_in(ann, room, article, 5, body="Second thought")
    teacher_reply = reply_to(teacher, second, body="Good")
    return first, reply, second, teacher_reply


def test_the_header_names_the_columns(room, teacher):
    assert class_csv(teacher, room).splitlines()[0].split(",") == COLUMNS


def test_each_annotation_and_reply_is_a_row(room, teacher, article, discussion):
    first, reply, second, _ = discussion
    found = rows(class_csv(teacher, room))
    assert [int(r["annotation id"]) for r in found] == [a.pk for a in discussion]
    row, reply_row = found[0], found[1]
    assert (row["article"], row["paragraph"], row["quote"], row["body"], row["tags"], row["author"]) == (
        article.title, "3", first.exact, "First thought", "question, tone", "Annabel Archer")
    assert (reply_row["parent id"], reply_row["paragraph"], reply_row["quote"]) == (str(first.pk), "3", "")
    assert row["hidden"] == "no" and row["created"].endswith("Z")


def test_hidden_annotations_are_exported_and_marked(room, teacher, discussion):
    moderate(teacher, discussion[0], True)
    assert rows(class_csv(teacher, room))[0]["hidden"] == "yes"


@pytest.mark.parametrize("value", ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"])
def test_formula_cells_are_neutralised(value):
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["plain", "a=b", "1-2", "", "'quoted"])
def test_ordinary_cells_are_left_alone(value):
    assert neutralise(value) == value


def test_a_formula_in_a_body_tag_or_name_is_neutralised_in_the_file(room, teacher, article):
    mallory = person("mallory", "=cmd|' /C calc'!A0")
    seat(mallory, room)
    note_in(mallory, room, article, 2, body="=1+2", tags=["@tag"])
    row = rows(class_csv(teacher, room))[0]
    assert (row["body"], row["tags"], row["author"]) == ("'=1+2", "'@tag", "'=cmd|' /C calc'!A0")


def test_anonymised_students_are_numbered_by_first_appearance(room, teacher, discussion):
    found = rows(class_csv(teacher, room, anonymise=True))
    assert [r["author"] for r in found] == ["Student 1", "Student 2", "Student 1", "Teacher 1"]


def test_anonymisation_is_the_same_in_every_export(room, teacher, discussion):
    assert class_csv(teacher, room, anonymise=True) == class_csv(teacher, room, anonymise=True)


def test_an_anonymised_export_contains_no_name_or_username(room, teacher, article):
    people = [person("xqz_wren", "Wrenna Quixley"), person("vyk_moss", "Mossimo Vykander")]
    for someone in people:
        seat(someone, room)
    root = note_in(people[0], room, article, 2, body="A first point")
    reply_to(people[1], root, body="As Wrenna Quixley said (xqz_wren, I mean), yes")
    text = class_csv(teacher, room, anonymise=True)
    for word in ("xqz_wren", "Wrenna", "Quixley", "vyk_moss", "Mossimo", "Vykander", "tess", "Tess Teacher"):
        assert word.lower() not in text.lower(), word
    assert "As [name] said ([name], I mean), yes" in text
    assert [r["author"] for r in rows(text)] == ["Student 1", "Student 2"]


def test_a_former_students_name_is_anonymised_too(room, teacher, ann, article):
    note_in(ann, room, article, 2, body="mine")
    remove_member(teacher, room, ann)
    text = class_csv(teacher, room, anonymise=True)
    assert "Annabel" not in text and "Student 1" in text


def test_the_teacher_downloads_a_csv_file(room, teacher, discussion):
    response, text = download(teacher, room, "?anonymise=1")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="modern-east-asia-annotations-')
    assert response["Content-Disposition"].endswith('-anonymised.csv"')
    assert "Student 1" in text and "Annabel" not in text


def test_without_anonymise_the_names_are_there(room, teacher, discussion):
    _, text = download(teacher, room)
    assert "Annabel Archer" in text


def test_a_student_cannot_export(room, ann, discussion):
    response, _ = download(ann, room)
    assert response.status_code == 403


def test_an_outsider_cannot_export(room, outsider, discussion):
    response, _ = download(outsider, room)
    assert response.status_code == 404
