"""Ingest: transactional per file, idempotent, revisioned, loud about bad input."""
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from edition.models import Article, Block, Citation, Footnote, Revision
from edition.services.ingest import ingest_paths
from edition.signals import revision_created

pytestmark = pytest.mark.django_db


def run_ingest(*paths):
    out, err = StringIO(), StringIO()
    call_command("ingest", *map(str, paths), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_it_ingests_the_five_seeds(seed_copy):
    out, _ = run_ingest(seed_copy)
    assert Article.objects.count() == 5
    assert "5 created" in out


def test_it_prints_a_progress_line_per_article(seed_copy):
    out, _ = run_ingest(seed_copy)
    assert sum(line.startswith("+ ") for line in out.splitlines()) == 5


def test_the_canonical_text_is_the_blocks_joined_by_blank_lines(seed_copy):
    run_ingest(seed_copy)
    for revision in Revision.objects.all():
        texts = list(revision.blocks.order_by("number").values_list("text", flat=True))
        assert revision.text == "\n\n".join(texts)


def test_block_offsets_point_into_the_canonical_text(seed_copy):
    run_ingest(seed_copy)
    for block in Block.objects.select_related("revision"):
        assert block.revision.text[block.start:block.end] == block.text


def test_blocks_are_numbered_from_one(seed_copy):
    run_ingest(seed_copy)
    for revision in Revision.objects.all():
        assert list(revision.blocks.values_list("number", flat=True)) == list(range(1, revision.blocks.count() + 1))


def test_the_footnote_is_anchored_where_its_marker_stood(seed_copy):
    run_ingest(seed_copy)
    note = Footnote.objects.get()
    text = note.revision.text
    assert note.marker == "1"
    assert text[: note.offset].endswith("anti-Japanese nationalists in China.")
    assert "[1]" not in text


def test_citations_are_spans_of_the_text(seed_copy):
    run_ingest(seed_copy)
    citations = list(Citation.objects.select_related("revision"))
    assert len(citations) > 10
    for citation in citations:
        assert citation.revision.text[citation.start:citation.end] == citation.text


def test_re_ingesting_an_unchanged_source_writes_nothing(seed_copy):
    run_ingest(seed_copy)
    with CaptureQueriesContext(connection) as queries:
        out, _ = run_ingest(seed_copy)
    writes = [q["sql"] for q in queries if q["sql"].split()[0].upper() in {"INSERT", "UPDATE", "DELETE"}]
    assert "5 unchanged" in out and "Apparatus" in out and "(unchanged)" in out
    assert writes == []
    assert len(queries) < 40


def test_a_changed_source_makes_a_new_revision(seed_copy):
    run_ingest(seed_copy)
    path = next(seed_copy.glob("002_*.txt"))
    path.write_text(path.read_text().replace("In his opening remarks", "In his opening statement"))
    out, _ = run_ingest(seed_copy)
    article = Article.objects.get(source_file=path.name)
    assert "1 revised" in out
    assert article.revisions.count() == 2
    assert article.current_revision.number == 2
    assert "opening statement" in article.current_revision.text


def test_a_new_revision_is_announced(seed_copy):
    run_ingest(seed_copy)
    seen = []

    def listener(sender, article, revision, previous, **kwargs):
        seen.append((article.source_file, revision.number, previous.number))

    revision_created.connect(listener)
    try:
        path = next(seed_copy.glob("000_*.txt"))
        path.write_text(path.read_text().replace("economic talks", "economic dialogue", 1))
        run_ingest(seed_copy)
    finally:
        revision_created.disconnect(listener)
    assert seen == [(path.name, 2, 1)]


def test_the_old_revision_is_kept(seed_copy):
    run_ingest(seed_copy)
    path = next(seed_copy.glob("001_*.txt"))
    original = path.read_text()
    path.write_text(original.replace("Friday", "Saturday"))
    run_ingest(seed_copy)
    first = Revision.objects.get(article__source_file=path.name, number=1)
    assert "Friday" in first.text


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"   \n\n  \n", "empty"),
        ("binary.txt", b"\x00\x01\x02PNG\x00\x00" * 20, "binary"),
        ("latin1.txt", "Caf\u00e9 au lait in T\u00f6ky\u00f6\n\nA paragraph.".encode("latin-1"), "UTF-8"),
    ],
)
def test_bad_input_gets_an_error_naming_the_file_and_the_reason(tmp_path, name, content, reason):
    (tmp_path / name).write_bytes(content)
    results = list(ingest_paths([tmp_path / name], manifest={}))
    assert results[0].failed
    assert name in results[0].error and reason.lower() in results[0].error.lower()


def test_an_oversize_source_is_refused_with_its_size(tmp_path, settings):
    settings.EDITION_MAX_SOURCE_BYTES = 1000
    path = tmp_path / "huge.txt"
    path.write_text("A title\n\n" + "Words and more words. " * 200)
    [result] = ingest_paths([path], manifest={})
    assert result.failed and "huge.txt" in result.error and "1000" in result.error


def test_a_page_with_no_body_is_refused(tmp_path):
    path = tmp_path / "chrome.txt"
    path.write_text("Subscribe now\n\nSend to a friend\n\nPrintable version\n")
    [result] = ingest_paths([path], manifest={})
    assert result.failed and "chrome.txt" in result.error


def test_other_files_are_still_ingested_when_one_fails(seed_copy):
    (seed_copy / "zz_broken.txt").write_bytes(b"\xff\xfe\x00broken")
    with pytest.raises(CommandError, match="1 file"):
        run_ingest(seed_copy)
    assert Article.objects.count() == 5


def test_the_command_fails_on_a_missing_path(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        run_ingest(tmp_path / "missing.txt")


def test_a_failed_article_leaves_no_partial_rows(seed_copy, monkeypatch):
    from edition.services import ingest

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(ingest, "store_notes_and_citations", explode)
    path = next(seed_copy.glob("004_*.txt"))
    with pytest.raises(RuntimeError):
        list(ingest_paths([path]))
    assert not Article.objects.exists() and not Block.objects.exists() and not Revision.objects.exists()


def test_metadata_comes_from_the_cleaner_and_the_manifest(seed_copy):
    run_ingest(seed_copy)
    article = Article.objects.get(source_file__startswith="004_")
    assert article.published.isoformat() == "2018-08-06"
    assert article.byline == "Willy Wo-Lap Lam"
    japan_times = Article.objects.get(source_file__startswith="002_")
    assert japan_times.title and japan_times.publication == "The Japan Times"
    assert japan_times.attribution == "culled from Japan Times"


def test_slugs_are_stable_across_revisions(seed_copy):
    run_ingest(seed_copy)
    slugs = dict(Article.objects.values_list("source_file", "slug"))
    path = next(seed_copy.glob("003_*.txt"))
    path.write_text(path.read_text().replace("subtle signals", "quiet signals"))
    run_ingest(seed_copy)
    assert dict(Article.objects.values_list("source_file", "slug")) == slugs
