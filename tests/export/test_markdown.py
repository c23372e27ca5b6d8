"""Markdown: numbered paragraphs, notes and annotations as footnotes ([^label] and [^label]:),
links to the glossary and register anchors; read back with Python-Markdown's footnotes."""
import re

import markdown
import pytest

from .conftest import class_export

REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")
DEFINITION = re.compile(r"^\[\^([^\]\s]+)\]:", re.MULTILINE)


@pytest.fixture(scope="module")
def text(write, people):
    return class_export(write, people, "md", anonymise=True).read_text(encoding="utf-8")


def test_every_footnote_reference_has_one_definition_and_back(text):
    refs, definitions = REF.findall(text), DEFINITION.findall(text)
    assert refs and sorted(set(refs)) == sorted(definitions)
    assert len(definitions) == len(set(definitions))


def test_notes_and_annotations_are_footnotes(text, people):
    number = 5  # the Kishida–Xi article is the fifth in order of publication
    assert f"[^{number}-a]: *Editor’s note on “a cautious detente”:*" in text
    assert re.search(rf"brighter future\[\^{number}-A3\]", text)
    definition = re.search(rf"^\[\^{number}-A3\]: (.*)$", text, re.MULTILINE).group(1)
    assert "Hope as policy" in definition and "Teacher 1" in definition
    source = re.search(r"^\[\^3-1\]: (.*)$", text, re.MULTILINE).group(1)  # AsiaNews: the third article
    assert source.startswith("One reason why the [Hu](#entry-hu-jintao)") and "never come to fruition" in source


def test_paragraphs_are_numbered(text):
    assert re.search(r"^\*\*¶3\*\* In his opening remarks", text, re.MULTILINE)


def test_mentions_link_to_anchors_in_the_apparatus(text):
    targets = set(re.findall(r"\]\(#(entry-[\w-]+)\)", text))
    anchors = set(re.findall(r'<a id="(entry-[\w-]+)"></a>', text))
    assert "entry-xi-jinping" in targets and targets <= anchors


def test_python_markdown_reads_the_footnotes(text):
    html = markdown.markdown(text, extensions=["footnotes"])
    assert html.count('class="footnote-ref"') == len(REF.findall(text))
    assert "never come to fruition" in html.split('<div class="footnote">')[1]


def test_text_is_escaped_so_it_reads_as_itself(write, people):
    text = write("md", "public").read_text()
    assert r"\@Xinhua" not in text and "@Xinhua is the state agency" in text
