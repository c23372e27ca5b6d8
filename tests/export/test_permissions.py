"""No format leaks: another reader's private annotation, or one the teachers hid, appears in no
export of any set, whoever exports it; anonymised class exports hold no name or username."""
import subprocess

import pytest

from edition.export.formats import FORMATS

from .conftest import class_export, text_of
from .data import HIDDEN, OWN_PRIVATE, SECRET
from .validators import command


def readable(path, fmt):
    if fmt == "pdf":
        return subprocess.run([*command("pdftotext"), str(path), "-"], capture_output=True, text=True,
                              check=True, timeout=120).stdout
    return text_of(path)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_no_format_carries_anothers_private_or_a_hidden_annotation(write, people, fmt):
    scope = [people.kishida.slug] if fmt == "pdf" else "all"  # all the annotations are on this article
    exports = {  # what must not be in each: the classmate wrote the hidden one, so it is hers to keep
        "class": (class_export(write, people, fmt, scope=scope), [SECRET, OWN_PRIVATE, HIDDEN]),
        "classmate's own": (write(fmt, "mine", user=people.classmate, scope=scope), [SECRET, OWN_PRIVATE]),
        "public": (write(fmt, "public", scope=scope), [SECRET, OWN_PRIVATE, HIDDEN]),
    }
    for name, (path, forbidden) in exports.items():
        text = readable(path, fmt)
        assert [words for words in forbidden if words in text] == [], name


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_an_anonymised_class_export_names_no_one(write, people, fmt):
    scope = [people.kishida.slug] if fmt == "pdf" else "all"
    text = readable(class_export(write, people, fmt, scope=scope, anonymise=True), fmt)
    assert "Teacher 1" in text
    assert [name for name in people.names if name.casefold() in text.casefold()] == []


def test_the_students_own_export_has_their_private_note(write, people):
    assert OWN_PRIVATE in text_of(write("md", "mine", user=people.student))
