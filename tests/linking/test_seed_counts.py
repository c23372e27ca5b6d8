"""Linked mention counts in the five seed articles, against counts derived independently.

Blocks come from the real cleaner (edition.cleaning.clean_article with the seed manifest), as
ingest stores them: body blocks include photo captions (once, with their credit) and headings,
not title, standfirst, dateline or byline; the footnotes of 004 follow the body as extra blocks.

Each expected count is written out by hand below, with the occurrences it counts, and is also
checked against a plain regular expression written here, independent of the apparatus and of
the matcher. tests/apparatus/test_stored_mention_counts.py checks the same counts in the database.
"""
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from edition.cleaning import clean_article, load_manifest, read_source
from edition.linking.aliases import load_entries
from edition.linking.matcher import compile_matcher, find_mentions

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
APPARATUS = SEEDS / "apparatus"
ARTICLES = sorted(path.name for path in SEEDS.glob("*.txt"))
MAX_BYTES = 2 * 1024 * 1024


@cache
def cleaned(article: str):
    manifest = load_manifest(SEEDS / "manifest.yaml")
    return clean_article(read_source(SEEDS / article, MAX_BYTES), article, manifest.get(article))


def body_blocks(article: str) -> list[str]:
    return [block.text for block in cleaned(article).blocks]


def footnotes(article: str) -> list[str]:
    return [note.text for note in cleaned(article).footnotes]


def linkable_blocks(article: str) -> list[str]:
    """Body blocks followed by footnotes, as the link service searches them."""
    return body_blocks(article) + footnotes(article)


A = {name[:3]: name for name in ARTICLES}


@pytest.fixture(scope="module")
def linked():
    matcher = compile_matcher(load_entries(APPARATUS / "entries.yaml").aliases())
    return {key: find_mentions(linkable_blocks(name), matcher) for key, name in A.items()}


def counts(mentions):
    return Counter(m.target_id for m in mentions)


def regex_count(article: str, pattern: str) -> int:
    return sum(len(re.findall(pattern, block)) for block in linkable_blocks(A[article]))


# (article, entry, expected, independent pattern whose count equals expected)
UNAMBIGUOUS = [
    # Xi: 000 caption "Xi Jinping", "(Xi's photo", "President Xi Jinping rule", "While Xi",
    # "Xi himself", "by Xi to Japan", "President Xi Jinping's deputy", "a Xi ally",
    # "Xi's right-hand man", "close to Xi." = 10
    ("000", "xi-jinping", 10, r"\bXi\b"),
    # 001: caption, "Chinese President Xi Jinping on Friday", "Xi began", "Xi's Belt and Road",
    # "Xi signed", "Xi gave", "It gave Xi", "allowed Xi", "summit with Xi in November",
    # "summit with Xi this week", "close to Xi.", "meeting with Xi this week" = 12
    ("001", "xi-jinping", 12, r"\bXi\b"),
    # 002: "Xi Jinping on Thursday", "Xi struck", "Kishida and Xi also", "Kishida-Xi summit",
    # caption "Kishida and Xi shake" (its uncredited twin is dropped), "talks with Xi",
    # caption "Kishida and Xi hold" = 7
    ("002", "xi-jinping", 7, r"\bXi\b"),
    # 003: "President Xi Jinping indicating", "one of Xi's closest", "when Xi was",
    # "Xi's regular column", "Xi's childhood friends", "Xi held", "quoted Xi", "Abe-Xi" = 8
    ("003", "xi-jinping", 8, r"\bXi\b"),
    # 004: "President Xi Jinping would", "Xi and Abe spoke", "Why is Xi", "The Xi administration",
    # "Xi, who has", "Xi’s fears", "Xi summoned", "the Xi leadership", "the Xi administration",
    # "President Xi’s" = 10
    ("004", "xi-jinping", 10, r"\bXi\b"),
    # Abe: 000 caption "Shinzo Abe", "Shinzo Abe's visit", "Abe's top priority", "to Abe,",
    # "But Abe", "visits by Abe" = 6
    ("000", "shinzo-abe", 6, r"\bAbe\b"),
    # 001: caption, "Shinzo Abe's friendly", "Abe's visit", "Abe said", "accompanied Abe",
    # "the Abe government", "Abe first called", "Abe's first 2006-07 stint",
    # "Abe's October 2006", "Abe's summit", "Abe's meeting" = 11
    ("001", "shinzo-abe", 11, r"\bAbe\b"),
    # 003: "Shinzo Abe during", "Abe-Xi meeting" = 2
    ("003", "shinzo-abe", 2, r"\bAbe\b"),
    # 004: "counterpart Shinzo Abe", "Li-Abe quasi-summit", "Xi and Abe", "Li-Abe agreement",
    # "the Abe administration" = 5
    ("004", "shinzo-abe", 5, r"\bAbe\b"),
    # Kishida, 002: "Fumio Kishida", "Kishida voiced", "Kishida said, noting", "Kishida and Xi
    # also", "Kishida-Xi", caption "Kishida and Xi shake", "Kishida said the two leaders",
    # "Kishida reiterated", caption "Kishida and Xi hold" = 9
    ("002", "fumio-kishida", 9, r"\bKishida\b"),
    # Senkaku/Diaoyu: 000 "Senkaku Islands", "as the Diaoyu" = 2; 001 "the Senkaku Islands" = 1;
    # 003 "disputed Senkaku Islands", "the Diaoyu Islands", "nationalization of the Senkaku
    # Islands" = 3; 004 "Diaoyu-Senkaku Islands" = 1 (one mention for the compound)
    ("000", "senkaku-islands", 2, r"Senkaku|Diaoyu"),
    ("001", "senkaku-islands", 1, r"Senkaku|Diaoyu"),
    ("003", "senkaku-islands", 3, r"Senkaku|Diaoyu"),
    ("004", "senkaku-islands", 1, r"Diaoyu-Senkaku"),
    ("002", "senkaku-islands", 0, r"Senkaku|Diaoyu"),
    # Belt and Road: 000 "the huge Belt and Road infrastructure initiative" = 1; 001 "Belt and
    # Road Initiative" (p2), "Xi's Belt and Road", "the Belt and Road Initiative is",
    # "avoiding the Belt and Road name", "helping with Belt and Road", "the Belt and Road
    # projects" = 6 (the standfirst is not body text)
    ("000", "belt-and-road-initiative", 1, r"Belt and Road"),
    ("001", "belt-and-road-initiative", 6, r"Belt and Road"),
    # East China Sea, 004: body "make the East China Sea", "“East China Sea a sea",
    # "line” in the East China Sea"; note 1 "midway line of the East China Sea" = 4; the fifth
    # occurrence is inside "Sino-Japanese Consensus on the East China Sea", a longer alias
    ("004", "east-china-sea", 4, r"(?<!Consensus on the )East China Sea"),
    # Chunxiao, only in note 1 of 004: "Chunxiao Gasfield", "investing in Chunxiao",
    # "the Chunxiao Gasfield", "in the Chunxiao" = 4
    ("004", "chunxiao-gas-field", 4, r"Chunxiao"),
    # Hu Jintao: 001 "then-leader Hu Jintao" = 1; 004 "Hu Jintao’s landmark visit",
    # "ex-president Hu", "that Hu reached", "between Hu and Fukuda", note "Hu-Fukuda" = 5
    # (every bare Hu follows the full mention)
    ("001", "hu-jintao", 1, r"\bHu\b"),
    ("004", "hu-jintao", 5, r"\bHu\b"),
    # Yang Jiechi: 000 "Yang Jiechi, a Xi ally", "Yang also heads" = 2; 001 "meetings with Yang
    # Jiechi" = 1; 004 note "Yang Jiechi noted", "Yang also emphasized" = 2
    ("000", "yang-jiechi", 2, r"\bYang\b"),
    ("001", "yang-jiechi", 1, r"\bYang\b"),
    ("004", "yang-jiechi", 2, r"\bYang\b"),
    # Kim: 000 "Kim Jong Un", "met with Kim" = 2; 004 "Kim Jong-un", "Moon Jae-in and Kim",
    # "Moon and Kim", "Moon-Kim", "summoned Kim", "the Kim clan", "Trump and Kim",
    # "the Kim administration" = 8
    ("000", "kim-jong-un", 2, r"\bKim\b"),
    ("004", "kim-jong-un", 8, r"\bKim\b"),
    # Chen Min'er, 003: caption, "On Dec. 6, Chen Min'er", then bare "Chen" nine times = 11
    ("003", "chen-miner", 11, r"\bChen\b"),
]


@pytest.mark.parametrize("article, entry_id, expected, pattern", UNAMBIGUOUS)
def test_linked_counts_match_independent_counts(linked, article, entry_id, expected, pattern):
    assert regex_count(article, pattern) == expected  # the derivation itself
    assert counts(linked[article])[entry_id] == expected


# Bare surnames shared by several persons, resolved by hand.
AMBIGUOUS = [
    # 000: "Premier Li Keqiang's visit", "Li became", "Li will advance": all Li Keqiang
    ("000", "li-keqiang", 3), ("000", "li-xiaolin", 0),
    # 001: "Chinese Premier Li Keqiang visited", "Li came bearing"
    ("001", "li-keqiang", 2),
    # 003: "Li Xiaolin, president", "Li, who is said", "Li said", "Li's comment": all Li Xiaolin
    ("003", "li-xiaolin", 4), ("003", "li-keqiang", 0),
    # 004: "Li Keqiang’s participation", "Li conducted", "Li’s first-ever", "Li-Abe
    # quasi-summit", "Li’s tour", "Li-Abe agreement": all Li Keqiang
    ("004", "li-keqiang", 6), ("004", "li-xiaolin", 0),
    # 000: "Wang Yi arrived", "Wang's visit next week" -> Wang Yi; caption "Wang Qishan, left",
    # "Wang Qishan, China's vice president" -> Wang Qishan
    ("000", "wang-yi", 2), ("000", "wang-qishan", 2),
    # 003: "Wang Zhanqi, vice secretary-general" only
    ("003", "wang-zhanqi", 1), ("003", "wang-yi", 0),
    # 004: "Yasuo Fukuda", "between Hu and Fukuda", note "Hu-Fukuda agreement" -> Yasuo (the
    # 2008 agreement); "Takeo Fukuda, who signed the Treaty" (inside an aside) -> Takeo
    ("004", "yasuo-fukuda", 3), ("004", "takeo-fukuda", 1),
    # 004: "President Moon Jae-in", "Moon and Kim", "Moon-Kim summit"
    ("004", "moon-jae-in", 3),
]


@pytest.mark.parametrize("article, entry_id, expected", AMBIGUOUS)
def test_ambiguous_surnames_resolve_as_read(linked, article, entry_id, expected):
    assert counts(linked[article])[entry_id] == expected


def test_every_bare_fukuda_in_004_is_yasuo(linked):
    bare = [m.target_id for m in linked["004"] if m.text == "Fukuda"]
    assert bare == ["yasuo-fukuda", "yasuo-fukuda"]


def test_the_footnote_is_linked_after_the_body(linked):
    body = len(body_blocks(A["004"]))
    in_note = [m for m in linked["004"] if m.block >= body]
    assert Counter(m.target_id for m in in_note) == Counter({
        "chunxiao-gas-field": 4, "yang-jiechi": 2, "east-china-sea": 1,
        "east-china-sea-consensus-2008": 1, "hu-jintao": 1, "yasuo-fukuda": 1, "shell": 1,
        "unocal": 1, "china-news-service": 1, "zhang-xinjun": 1, "median-line": 1})
    assert len(footnotes(A["004"])) == 1


def test_a_bare_wang_without_its_full_mention_stays_unlinked():
    # 000 without the paragraph that names Wang Yi: "Wang's visit next week" precedes both
    # full mentions of Wang Qishan and has no antecedent.
    matcher = compile_matcher(load_entries(APPARATUS / "entries.yaml").aliases())
    blocks = [b for b in body_blocks(A["000"]) if "Wang Yi" not in b]
    wangs = [(m.text, m.target_id) for m in find_mentions(blocks, matcher) if "Wang" in m.text]
    assert wangs == [("Wang Qishan", "wang-qishan"), ("Wang Qishan", "wang-qishan")]


def test_surnames_inside_other_words_are_not_linked(linked):
    texts = {m.text for mentions in linked.values() for m in mentions}
    assert not {"Liaoning"} & {m.text for m in linked["004"] if m.target_id == "li-keqiang"}
    assert "Xinhuaapp" not in texts
    assert "Liaoning" in texts  # the province is linked as itself


def test_mentions_are_well_formed(linked):
    for key, mentions in linked.items():
        blocks = linkable_blocks(A[key])
        spans = {}
        for m in mentions:
            assert blocks[m.block][m.start:m.end] == m.text
            spans.setdefault(m.block, []).append((m.start, m.end))
        for block_spans in spans.values():
            block_spans.sort()
            assert all(a[1] <= b[0] for a, b in zip(block_spans, block_spans[1:]))
