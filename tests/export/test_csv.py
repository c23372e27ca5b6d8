"""CSV of the annotations: written with the csv module; a cell that a spreadsheet would run as a
formula (=, +, -, @) is neutralised; anonymised, no name or username of the class is left."""
import csv
import io

import pytest

from edition.export.csv_writer import COLUMNS, neutralise

from .conftest import class_export
from .data import FORMULA, SECRET


def rows_of(path):
    text = path.read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.fixture(scope="module")
def rows(write, people):
    return rows_of(class_export(write, people, "csv", anonymise=True))


def test_it_has_the_columns_and_a_row_per_annotation(rows):
    assert list(rows[0]) == COLUMNS
    assert len(rows) == 6  # four threads of the class (the hidden one left out), two replies


def test_formula_cells_are_neutralised(rows):
    bodies = [row["body"] for row in rows]
    assert "'" + FORMULA in bodies
    assert "'-2 points for vagueness across two paragraphs" in bodies
    assert "'+1 for this cut sentence" in bodies
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@")), value


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"])
def test_neutralise_quotes_every_formula_start(value):
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["plain", "", "1", "'=already"])
def test_neutralise_leaves_other_text_alone(value):
    assert neutralise(value) == value


def test_anonymised_it_has_no_name_or_username(write, people, rows):
    text = "\n".join(",".join(row.values()) for row in rows)
    assert not [name for name in people.names if name.casefold() in text.casefold()]
    assert {row["author"] for row in rows} == {"Reader 1", "Reader 2", "Teacher 1"}


def test_replies_name_the_annotation_they_answer(rows):
    replies = [row for row in rows if row["reply_to"]]
    assert [row["annotation"] for row in replies] == ["A3.1", "A3.1.1"]
    assert replies[1]["reply_to"] == "A3.1"


def test_named_it_shows_display_names(write, people):
    rows = rows_of(class_export(write, people, "csv"))
    assert {row["author"] for row in rows} == {"Olive Q.", "Mia Martenssen", "Ms Tutorova"}
    assert SECRET not in str(rows)
