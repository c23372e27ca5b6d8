"""The editorial sources in seeds/apparatus/ load, cohere, and fit the seed texts."""
import re
from collections import Counter

import pytest

from edition.linking.aliases import load_entries
from edition.linking.events import load_events
from edition.linking.quotes import quote_pattern

from .seed_blocks import APPARATUS, ARTICLES, body_blocks, linkable_blocks


@pytest.fixture(scope="module")
def glossary():
    return load_entries(APPARATUS / "entries.yaml")


@pytest.fixture(scope="module")
def events(glossary):
    return load_events(APPARATUS / "events.yaml", glossary)


def test_the_entries_load_with_every_kind(glossary):
    kinds = Counter(entry.kind for entry in glossary.entries)
    assert set(kinds) == {"term", "place", "organisation", "agreement", "person"}
    assert len(glossary.entries) >= 120


def test_the_ambiguous_surnames_are_the_expected_ones(glossary):
    assert glossary.ambiguous_surnames == {"Li", "Wang", "Fukuda", "Zhang", "Hu", "Kim", "Moon", "Yang"}


def test_notes_have_two_to_five_sentences_where_present(glossary):
    for entry in glossary.entries:
        if entry.note:
            sentences = len(re.findall(r"[.!?](?:\s|$)", entry.note))
            assert 1 <= sentences <= 5, entry.id


def test_disputed_places_say_who_uses_which_name(glossary):
    senkaku = glossary.by_id["senkaku-islands"]
    users = {name.name.split()[0]: name.used_by for name in senkaku.names}
    assert users["Senkaku"] == "Japan"
    assert users["Diaoyu"] == "People's Republic of China"
    assert users["Tiaoyutai"].startswith("Taiwan")


@pytest.mark.parametrize("entry_id, aliases", [
    ("senkaku-islands", {"Senkaku Islands", "Diaoyu", "Diaoyu-Senkaku Islands", "Senkaku"}),
    ("cptpp", {"Comprehensive and Progressive Agreement for Trans-Pacific Partnership"}),
    ("chunxiao-gas-field", {"Chunxiao gasfield", "Chunxiao"}),
    ("belt-and-road-initiative", {"Belt and Road", "Belt and Road Initiative"}),
    ("apec", {"Asia-Pacific Economic Cooperation"}),
    ("g20", {"Group of 20"}),
    ("zte", {"ZTE Corporation"}),
    ("wto", {"World Trade Organization"}),
    ("eez", {"exclusive economic zone", "EEZ"}),
    ("self-defense-forces", {"Maritime Self-Defense Force", "SDF", "Self-Defense Forces"}),
    ("kim-jong-un", {"Kim Jong Un", "Kim Jong-un"}),
    ("toshiki-kaifu", {"Yoshiki Kaifu"}),
    ("north-korea", {"North Korea", "DPRK"}),
])
def test_required_aliases_are_present(glossary, entry_id, aliases):
    assert aliases <= {alias.text for alias in glossary.by_id[entry_id].aliases}


def test_sino_japanese_is_not_an_alias(glossary):
    assert "Sino-Japanese" not in {alias.text for alias in glossary.aliases()}


PERSONS = [
    "Xi Jinping", "Shinzo Abe", "Li Keqiang", "Wang Yi", "Wang Qishan", "Yang Jiechi",
    "Fumio Kishida", "Hu Jintao", "Yasuo Fukuda", "Takeo Fukuda", "Donald Trump", "Kim Jong Un",
    "Moon Jae-in", "Mike Pence", "Shotaro Yachi", "Yun Sun", "Zhong Shan", "Liu Kun",
    "Chen Min'er", "Yoko Kamikawa", "Chase Blazek", "Emily Benson", "Thomas Fingar",
    "Willem Thorbecke", "Zhang Liangui", "Toshiki Kaifu", "Li Xiaolin", "Wang Zhanqi",
    "Yutaka Yokoi", "Tomoo Kitamura", "Fumihiro Koba", "Willy Wo-Lap Lam", "Zhu Dan",
]


def test_every_person_of_the_texts_has_an_entry(glossary):
    names = {entry.name for entry in glossary.entries if entry.kind == "person"}
    assert set(PERSONS) <= names


def test_every_event_mention_quote_occurs_once_in_its_article(events):
    for event in events:
        for mention in event.mentions:
            assert mention.article in ARTICLES, (event.id, mention.article)
            hits = sum(len(quote_pattern(mention.quote).findall(block))
                       for block in body_blocks(mention.article))
            assert hits == 1, (event.id, mention.quote, hits)


def test_events_mentioned_in_several_articles(events):
    shared = {event.id for event in events if len({m.article[:3] for m in event.mentions}) >= 2}
    assert {
        "senkaku-nationalisation-2012", "treaty-of-peace-and-friendship-1978",
        "treaty-40th-anniversary-2018", "joint-statement-signing-2008", "abe-visit-beijing-2018",
        "li-keqiang-visit-japan-2018", "g20-osaka-2019", "xi-kim-beijing-2018",
        "trump-kim-singapore-2018", "us-steel-aluminium-tariffs-2018", "abe-visit-china-2006",
        "normalisation-1972",
    } <= shared


def test_li_keqiangs_visit_is_reported_by_three_articles(events):
    visit = next(e for e in events if e.id == "li-keqiang-visit-japan-2018")
    assert {m.article[:3] for m in visit.mentions} == {"000", "001", "004"}


def test_every_entry_named_in_a_text_is_linked_somewhere(glossary):
    from edition.linking.matcher import compile_matcher, find_mentions

    matcher = compile_matcher(glossary.aliases())
    linked = {m.target_id for article in ARTICLES
              for m in find_mentions(linkable_blocks(article), matcher)}
    # Entries reached only through events, see_also or metadata (byline, standfirst), or
    # whose only alias sits inside a longer one ("Panmunjom Declaration").
    unlinked = {"willy-lam", "panmunjom", "jamestown-foundation", "joint-communique-1972",
                "japan-china-joint-statement-2008"}
    assert {entry.id for entry in glossary.entries} - linked == unlinked
