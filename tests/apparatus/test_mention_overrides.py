"""Editors' overrides: suppress one mention or add one, re-applied on every link."""
import pytest

from annotations.anchoring import make_quote
from edition.models import Entry, Mention, MentionOverride
from edition.services.linking import link_all, mention_overrides_changed

from .conftest import article, run_ingest

pytestmark = pytest.mark.django_db


def override(prefix, action, paragraph, words, entry=None, within=None):
    """An override on `words` where `within` (default: `words`) first occurs in paragraph
    `paragraph`, anchored as the admin does."""
    target = article(prefix)
    revision = target.current_revision
    block = revision.blocks.get(number=paragraph)
    start = block.start + block.text.index(within or words)
    quote = make_quote(revision.text, start, start + len(words))
    row = MentionOverride.objects.create(
        article=target, action=action, exact=quote.exact, prefix=quote.prefix, suffix=quote.suffix,
        entry=Entry.objects.get(slug=entry) if entry else None)
    mention_overrides_changed(target)
    return row


def mentions(prefix, slug):
    revision = article(prefix).current_revision
    return Mention.objects.filter(revision=revision, entry__slug=slug).order_by("start")


def test_a_suppress_override_removes_exactly_one_mention(seeded):
    before = list(mentions("004_", "li-keqiang").values_list("start", "text"))
    total = Mention.objects.count()
    override("004_", "suppress", 2, "Li", within="Li conducted")
    after = list(mentions("004_", "li-keqiang").values_list("start", "text"))
    assert len(after) == len(before) - 1 == 5
    assert Mention.objects.count() == total - 1
    block = article("004_").current_revision.blocks.get(number=2)
    assert set(before) - set(after) == {(block.start + block.text.index("Li conducted"), "Li")}


def test_suppressing_the_full_name_leaves_its_bare_surnames_unlinked(seeded):
    override("004_", "suppress", 2, "Li Keqiang")  # the only full mention in 004
    assert not mentions("004_", "li-keqiang").exists()


def test_a_suppress_override_survives_a_new_revision(seed_copy):
    run_ingest(seed_copy)
    override("004_", "suppress", 2, "Li", within="Li conducted")
    path = seed_copy / "004_343d48f420dd351e.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("A recent, unexpected rapprochement", "A recent, rather unexpected rapprochement"),
                    encoding="utf-8")
    out, _ = run_ingest(seed_copy)
    assert "1 revised" in out
    revision = article("004_").current_revision
    assert revision.number == 2
    linked = mentions("004_", "li-keqiang")
    assert linked.count() == 5
    block = revision.blocks.get(number=2)
    suppressed_at = block.start + block.text.index("Li conducted")
    assert not linked.filter(start=suppressed_at).exists()


def test_a_suppress_override_survives_relinking_the_edition(seeded):
    override("004_", "suppress", 2, "Li", within="Li conducted")
    link_all()
    assert mentions("004_", "li-keqiang").count() == 5


def test_an_add_override_creates_one_mention(seeded):
    before = mentions("004_", "li-keqiang").count()
    total = Mention.objects.count()
    override("004_", "add", 2, "Chinese premier", entry="li-keqiang")
    added = mentions("004_", "li-keqiang").filter(source="editor")
    assert [m.text for m in added] == ["Chinese premier"]
    assert mentions("004_", "li-keqiang").count() == before + 1
    assert Mention.objects.count() == total + 1
    mention = added.get()
    assert mention.revision.text[mention.start:mention.end] == "Chinese premier"
    assert mention.block.number == 2


def test_an_override_whose_words_are_gone_is_reported(seed_copy):
    run_ingest(seed_copy)
    override("004_", "add", 2, "Chinese premier", entry="li-keqiang")
    path = seed_copy / "004_343d48f420dd351e.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("as Chinese premier", "as head of government"),
                    encoding="utf-8")
    run_ingest(seed_copy)
    report = mention_overrides_changed(article("004_"))
    assert report.unplaced_overrides == ["Chinese premier"]
    assert not mentions("004_", "li-keqiang").filter(source="editor").exists()


def test_relinking_for_an_override_refreshes_the_cached_page(client, seeded):
    url = article("004_").get_absolute_url()
    assert "Chinese premier</a>" not in client.get(url).content.decode()
    override("004_", "add", 2, "Chinese premier", entry="li-keqiang")
    assert "Chinese premier</a>" in client.get(url).content.decode()
