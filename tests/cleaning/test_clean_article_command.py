"""`manage.py clean_article`: the DESIGN §4 JSON, a readable summary, and clean errors."""
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from edition.cleaning import clean_article, load_manifest, read_source
from tests.cleaning.support import MAX_BYTES, SEEDS, seed_path

CONTRACT_KEYS = {
    "source_file", "title", "subtitle", "kicker", "dateline", "byline", "published", "publication",
    "blocks", "footnotes", "citations", "dropped",
}


def run(*args) -> str:
    out = StringIO()
    call_command("clean_article", *args, stdout=out)
    return out.getvalue()


def test_json_output_is_exactly_the_article_json():
    path = seed_path("004")
    expected = clean_article(read_source(path, MAX_BYTES), path.name, load_manifest(SEEDS / "manifest.yaml")[path.name])
    assert run(str(path), "--json") == json.dumps(expected.to_json(), ensure_ascii=False, indent=2) + "\n"


def test_json_output_has_the_contract_keys():
    assert CONTRACT_KEYS <= set(json.loads(run(str(seed_path("004")), "--json")))


def test_json_output_keeps_non_ascii_characters_readable():
    assert "Asia’s two richest countries" in run(str(seed_path("004")), "--json")


def test_it_uses_the_seeds_manifest_by_default():
    data = json.loads(run(str(seed_path("002")), "--json"))
    assert (data["title"], data["published"]) == (
        "Kishida and Xi reaffirm 'mutually beneficial' ties in first talks in a year", "2023-11-17"
    )


def test_an_explicit_manifest_replaces_the_default(tmp_path):
    manifest = tmp_path / "manifest.yaml"
    manifest.write_text("002_eafb6a902547a699.txt: {title: Another title}\n")
    assert json.loads(run(str(seed_path("002")), "--json", "--manifest", str(manifest)))["title"] == "Another title"


def test_the_summary_numbers_blocks_and_lists_dropped_lines_with_reasons():
    summary = run(str(seed_path("004")))
    assert "[4] paragraph: A good gauge" in summary
    assert "asianews: site motto: “L’Asia" in summary


def test_the_summary_shows_where_the_footnote_is_anchored():
    assert "[1] (anchored in block 4 at offset" in run(str(seed_path("004")))


def test_a_missing_file_is_a_command_error():
    with pytest.raises(CommandError, match="no such file"):
        run("/nonexistent/page.txt")


def test_a_malformed_manifest_is_a_command_error(tmp_path):
    manifest = tmp_path / "manifest.yaml"
    manifest.write_text("- not a mapping\n")
    with pytest.raises(CommandError, match="must be a mapping"):
        run(str(seed_path("000")), "--manifest", str(manifest))


def test_a_page_with_no_body_is_a_command_error(tmp_path):
    page = tmp_path / "chrome.txt"
    page.write_text("Accept all cookies\nSubscribe now\n")
    with pytest.raises(CommandError, match="no article body found in chrome.txt"):
        run(str(page))
