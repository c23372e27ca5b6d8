"""The seeds manifest: its shape, its errors, and the overrides it applies."""
from datetime import date

import pytest

from edition.cleaning import ManifestEntry, ManifestError, clean_article, load_manifest
from edition.cleaning.manifest import parse_manifest
from tests.cleaning.support import SEEDS

PAGE = """Talks resume

TOKYO -- Officials from both countries met on Monday to resume the talks.

Advertisement

Subscribe to our newsletter for a weekly digest of diplomacy news.

The talks will continue next month in Beijing, officials said.
"""


def test_the_seed_manifest_covers_every_seed():
    entries = load_manifest(SEEDS / "manifest.yaml")
    assert sorted(entries) == sorted(p.name for p in SEEDS.glob("*.txt"))


def test_it_reads_an_unquoted_iso_date():
    entry = load_manifest(SEEDS / "manifest.yaml")["004_343d48f420dd351e.txt"]
    assert entry.published == date(2018, 8, 6)


def test_it_reads_a_quoted_iso_date():
    assert parse_manifest("a.txt: {published: '2020-01-02'}", "m")["a.txt"].published == date(2020, 1, 2)


def test_an_empty_entry_has_no_overrides():
    assert parse_manifest("a.txt:\n", "m") == {"a.txt": ManifestEntry("a.txt")}


def test_an_empty_manifest_is_empty():
    assert parse_manifest("# nothing yet\n", "m") == {}


def test_it_reports_malformed_yaml_with_its_line():
    with pytest.raises(ManifestError, match=r"m.yaml: is not valid YAML \(.* at line 2, column 1\)"):
        parse_manifest("a.txt:\n\ttitle: indented with a tab\n", "m.yaml")


def test_it_rejects_a_top_level_list():
    with pytest.raises(ManifestError, match="must be a mapping of source file names"):
        parse_manifest("- a.txt\n", "m")


def test_it_rejects_an_entry_that_is_not_a_mapping():
    with pytest.raises(ManifestError, match="entry 'a.txt' must be a mapping"):
        parse_manifest("a.txt: just a title\n", "m")


def test_it_rejects_an_unknown_field():
    with pytest.raises(ManifestError, match=r"unknown field\(s\) tilte"):
        parse_manifest("a.txt: {tilte: Oops}\n", "m")


def test_it_rejects_a_bad_date():
    with pytest.raises(ManifestError, match="field 'published' must be an ISO date"):
        parse_manifest("a.txt: {published: 06/08/2018}\n", "m")


def test_it_rejects_an_unknown_profile():
    with pytest.raises(ManifestError, match="unknown profile 'reuters'"):
        parse_manifest("a.txt: {profile: reuters}\n", "m")


def test_it_rejects_keep_that_is_not_a_list_of_strings():
    with pytest.raises(ManifestError, match="field 'keep' must be a list of non-empty strings"):
        parse_manifest("a.txt: {keep: Advertisement}\n", "m")


def test_it_rejects_a_missing_manifest_file(tmp_path):
    with pytest.raises(ManifestError, match="cannot be read"):
        load_manifest(tmp_path / "manifest.yaml")


def test_without_overrides_the_rules_drop_the_advert_and_the_prompt():
    reasons = [d.reason for d in clean_article(PAGE, "p.txt").dropped]
    assert reasons == ["generic: advert slug", "generic: subscription prompt"]


def test_a_keep_override_keeps_a_line_as_a_paragraph():
    article = clean_article(PAGE, "p.txt", ManifestEntry("p.txt", keep=("weekly digest",)))
    assert "Subscribe to our newsletter for a weekly digest of diplomacy news." in [b.text for b in article.blocks]


def test_a_drop_override_drops_a_line_with_its_reason():
    article = clean_article(PAGE, "p.txt", ManifestEntry("p.txt", drop=("continue next month",)))
    assert ("The talks will continue next month in Beijing, officials said.", "manifest override") in [
        (d.text, d.reason) for d in article.dropped
    ]


def test_a_captions_override_makes_a_line_a_caption():
    article = clean_article(PAGE, "p.txt", ManifestEntry("p.txt", captions=("continue next month",)))
    assert article.blocks[-1].type == "caption"


def test_manifest_metadata_wins_over_the_page():
    entry = ManifestEntry("p.txt", title="Edited title", publication="Example Daily", source_url="https://example.org/a")
    article = clean_article(PAGE, "p.txt", entry)
    assert (article.title, article.publication, article.source_url) == (
        "Edited title", "Example Daily", "https://example.org/a"
    )


def test_a_manifest_profile_overrides_detection():
    assert clean_article(PAGE, "p.txt", ManifestEntry("p.txt", profile="nikkei")).profile == "nikkei"
