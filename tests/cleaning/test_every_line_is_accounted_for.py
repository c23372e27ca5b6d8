"""No line is silently lost: each non-blank source line is kept (as metadata, a block, a
footnote) or reported in `dropped` with a reason."""
import pytest

from edition.cleaning.dates import parse_date_line
from edition.cleaning.profiles import PROFILES
from edition.cleaning.text import normalise_text, single_space
from tests.cleaning.support import SEEDS, UNSEEN, clean_seed, clean_unseen

SEED_PREFIXES = [p.name[:3] for p in sorted(SEEDS.glob("*.txt"))]
UNSEEN_PAGES = [p.name for p in sorted(UNSEEN.glob("[a-d]_*.txt"))]


def kept_texts(article) -> set[str]:
    metadata = {article.title, article.subtitle, article.kicker, article.attribution} - {None}
    notes = {f"[{note.marker}] {note.text}" for note in article.footnotes}
    return metadata | notes | {block.text for block in article.blocks}


def is_kept(line: str, article) -> bool:
    """Kept verbatim, or read into metadata in one of the documented ways."""
    blocks = [block.text for block in article.blocks]
    if line in kept_texts(article):
        return True
    if article.byline and line.lower() == f"by {article.byline}".lower():
        return True
    if article.dateline and line.startswith(article.dateline) and any(line.endswith(b) for b in blocks):
        return True
    if article.published and parse_date_line(line, PROFILES[article.profile].date_lines) == article.published:
        return True
    if any(line.replace(f"[{note.marker}]", "") in blocks for note in article.footnotes):
        return True
    # One line of a hard-wrapped paragraph, joined to its neighbours.
    return len(line.split()) >= 6 and any(line in block for block in blocks)


def unaccounted(path, article) -> list[str]:
    lines = [single_space(raw) for raw in normalise_text(path.read_text("utf-8-sig")).split("\n")]
    dropped = [d.text for d in article.dropped]
    return [line for line in lines if line and line not in dropped and not is_kept(line, article)]


def test_every_dropped_line_has_a_reason_naming_its_rule():
    reasons = {d.reason for prefix in SEED_PREFIXES for d in clean_seed(prefix).dropped}
    assert all(reason == "manifest override" or ": " in reason for reason in reasons)


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_every_seed_line_is_kept_or_dropped_with_a_reason(prefix):
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    assert unaccounted(path, clean_seed(prefix)) == []


@pytest.mark.parametrize("name", UNSEEN_PAGES)
def test_every_unseen_page_line_is_kept_or_dropped_with_a_reason(name):
    assert unaccounted(UNSEEN / name, clean_unseen(name)) == []
