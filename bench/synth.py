"""Synthetic edition generator: N raw page dumps shaped like the seeds, plus their manifest.

    python bench/synth.py --articles 1000 --out /tmp/edition [--seed 0] [--no-validate]

    from bench.synth import generate_edition
    articles = generate_edition(1000, out_dir, seed=0)   # -> list[SynthArticle]

Three source styles, in turn, in the proportions of the seeds (3 Nikkei : 1 Japan Times :
1 AsiaNews; article i has style i mod 5: 0-2 Nikkei, 3 Japan Times, 4 AsiaNews):

* Nikkei Asian Review: icon-sprite chrome line, kicker (most pages), title, standfirst, photo
  caption, "TOKYO -- " dateline paragraph, 12-25 paragraphs of 60-140 words, sometimes a
  credited photo caption in the body, "Sponsored Content" and the paywall block.
* Japan Times: no headline in the dump (it is in the manifest), 18-35 shorter paragraphs, the
  caption printed twice (the second copy with " | POOL / VIA KYODO"), an "NNPC Advert" slug and
  the "culled from Japan Times" attribution line.
* AsiaNews: "dd/mm/yyyy, hh.mm" date line, share links, title, "by NAME" byline, standfirst,
  "Hong Kong (AsiaNews) - " dateline, long paragraphs with inline citations "(Xinhua, May 4)",
  1-3 "[n]" footnote markers with their notes, then share links, a "See also" list, the
  subscription prompt and the site motto.

The prose is drawn from the seed articles themselves (their cleaned paragraphs): real sentences
and order-2 word-Markov splices of them, with numbers, years, weekdays and months varied, so
every article reads like the seeds (same names, places and phrasing, which matters for the
linking benchmarks) but no two are the same text. Article i depends only on (seed, i): the
first 10 articles of a 1,000-article edition are the 10-article edition.

Every generated page is run through the real cleaner with its manifest entry before it is
written; a page that raises CleaningError or does not come out with the expected profile,
title and number of body paragraphs is regenerated (bounded), so the output always ingests.
"""
from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from edition.cleaning import CleaningError, ManifestEntry, clean_article, load_manifest  # noqa: E402

SEEDS_DIR = ROOT / "seeds"
STYLES = ("nikkei", "nikkei", "nikkei", "japantimes", "asianews")  # the seeds' proportions
PUBLICATIONS = {"nikkei": "Nikkei Asian Review", "japantimes": "The Japan Times", "asianews": "AsiaNews"}
MAX_ATTEMPTS = 8

# --- the corpus: sentences of the seeds' cleaned paragraphs ------------------------------------

_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Z]\.)+|\b(?:Mr|Mrs|Ms|Dr|No|Nos|Vol|pp|St|Gen|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Jr|Inc|Co|vs)\.)$"
)
_SENTENCE_END = re.compile(r"[.!?][”\"’)]*(?=\s+[“\"A-Z])")


def split_sentences(text: str) -> list[str]:
    sentences, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if text[match.start()] == "." and _ABBREVIATION.search(text[start:match.start() + 1]):
            continue
        sentences.append(text[start:match.end()].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return [s for s in sentences if s]


def _balanced(sentence: str) -> bool:
    return (
        sentence.count("(") == sentence.count(")")
        and sentence.count("[") == sentence.count("]")
        and sentence.count("“") == sentence.count("”")
        and sentence.count('"') % 2 == 0
        and not re.search(r"\[\d", sentence)
    )


@dataclass
class Corpus:
    sentences: list[str]
    chain: dict[tuple[str, str], list[str]]
    starts: list[tuple[str, str]]
    footnote_sentences: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def corpus() -> Corpus:
    """The seeds' body sentences and an order-2 word chain over them (built once, ~50 ms)."""
    manifest = load_manifest(SEEDS_DIR / "manifest.yaml")
    sentences, footnote_sentences = [], []
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        clean = clean_article(path.read_text(encoding="utf-8"), path.name, manifest.get(path.name))
        for block in clean.blocks:
            if block.type == "paragraph":
                sentences.extend(s for s in split_sentences(block.text) if _balanced(s) and len(s.split()) >= 5)
        for note in clean.footnotes:
            footnote_sentences.extend(s for s in split_sentences(note.text) if _balanced(s))
    chain: dict[tuple[str, str], list[str]] = {}
    starts = []
    for sentence in sentences:
        words = sentence.split()
        starts.append((words[0], words[1]))
        padded = words + [None]
        for a, b, c in zip(padded, padded[1:], padded[2:]):
            chain.setdefault((a, b), []).append(c)
    return Corpus(sentences, chain, starts, footnote_sentences or sentences[:5])


# --- variation: numbers, years, weekdays, months ------------------------------------------------

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
_WEEKDAY = re.compile(r"\b(?:%s)\b" % "|".join(WEEKDAYS))
_MONTH = re.compile(r"\b(?:January|February|April|June|July|August|September|October|November|December)\b")
_NUMBER = re.compile(r"(?<![\w.,/-])(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d+))?(?![\w/-])")


def vary(sentence: str, rng: random.Random, year_shift: int) -> str:
    def number(match):
        whole, frac = match.group(1), match.group(2)
        value = int(whole.replace(",", ""))
        if 1900 <= value <= 2030 and not frac and "," not in whole:
            return str(min(2024, max(1950, value + year_shift)))
        if value == 0:
            return whole
        new = max(1, round(value * rng.uniform(0.5, 1.8)))
        text = f"{new:,}" if "," in whole else str(new)
        return f"{text}.{rng.randint(0, 9)}" if frac else text

    sentence = _NUMBER.sub(number, sentence)
    sentence = _WEEKDAY.sub(lambda m: rng.choice(WEEKDAYS), sentence)
    return _MONTH.sub(lambda m: rng.choice(MONTHS), sentence)


def markov_sentence(rng: random.Random, c: Corpus) -> str | None:
    for _ in range(12):
        state = rng.choice(c.starts)
        words = list(state)
        while len(words) < 60:
            following = c.chain.get(state)
            if not following:
                break
            nxt = rng.choice(following)
            if nxt is None:
                break
            words.append(nxt)
            state = (state[1], nxt)
        sentence = " ".join(words)
        if 8 <= len(words) < 60 and _balanced(sentence) and re.search(r"[.!?][”\"’)]*$", sentence):
            return sentence
    return None


def sentence(rng: random.Random, year_shift: int, markov_share: float = 0.6) -> str:
    c = corpus()
    text = markov_sentence(rng, c) if rng.random() < markov_share else None
    return vary(text or rng.choice(c.sentences), rng, year_shift)


def paragraph(rng: random.Random, year_shift: int, low: int, high: int) -> str:
    target = rng.randint(low, high)
    parts, words = [], 0
    while words < target:
        s = sentence(rng, year_shift)
        n = len(s.split())
        if parts and words + n > high + 15:
            if words >= low:
                break
            continue
        parts.append(s)
        words += n
    return " ".join(parts)


# --- metadata pools -----------------------------------------------------------------------------

COUNTRIES = ("China", "Japan", "Beijing", "Tokyo", "Seoul", "Washington", "South Korea", "the US",
             "Taipei", "Moscow", "ASEAN", "New Delhi")
LEADERS = ("Xi", "Abe", "Kishida", "Li Keqiang", "Wang Yi", "Moon", "Trump", "Suga", "Fukuda",
           "Hu Jintao", "Kamikawa", "Yang Jiechi", "Biden")
TOPICS = ("trade", "security", "seafood", "semiconductor", "currency", "tariff", "maritime",
          "tourism", "investment", "energy", "rare earth", "fisheries", "export control", "data")
NOUNS = ("detente", "rapprochement", "thaw", "dialogue", "cooperation", "rivalry", "standoff",
         "reset", "partnership", "talks")
ISSUES = ("the Senkaku Islands", "the East China Sea", "the Fukushima water release", "export controls",
          "a detained businessman", "history textbooks", "Yasukuni Shrine visits", "North Korea's missiles",
          "a buoy in the EEZ", "the Belt and Road", "gas fields", "Taiwan")
EVENTS = ("the G20 summit", "APEC", "the party congress", "the trilateral summit", "the US election",
          "the anniversary", "the Osaka summit", "the Beijing Olympics")
PERIODS = ("a year", "three years", "eight years", "a decade", "seven years", "five years", "two years")
GOODS = ("seafood", "rice", "beef", "chip", "rare earth", "steel", "sake", "car")
ADJECTIVES = ("mutually beneficial", "strategic", "stable", "constructive", "forward-looking")

TITLE_TEMPLATES = (
    "{C1} resumes {T} talks with {C2} as {T2} fears flare",
    "{L1}'s pressure pushes {C1} toward {C2}",
    "{C1} inching toward {N} with {C2}",
    "{L1} and {L2} reaffirm '{A}' ties in first talks in {P}",
    "{C1} and {C2}: the two Asian giants try {N}",
    "{C1} signals {N} with {C2} ahead of {E}",
    "{Tc} dispute tests {C1}-{C2} {N}",
    "Why {C1} is courting {C2} on {T}",
    "{L1} seeks {T} deal with {C2} before {E}",
    "{C1} and {C2} agree to set up {T} dialogue",
    "{C1} eases curbs on {C2} {G} imports",
    "{C1} warns {C2} over {I}",
    "{L1} to visit {C2} for first time in {P}",
    "{C1}'s {T} gamble and the {C2} question",
    "{C1} and {C2} clash over {I} at {E}",
    "{C1} courts {C2} business leaders amid {T} slowdown",
    "{C1} firms weigh {C2} exposure as {T} tensions rise",
    "{L1} and {L2} put {I} aside to focus on {T}",
    "{N} between {C1} and {C2} stalls over {I}",
    "{C1} looks to {C2} as {T} war bites",
)
STANDFIRST_TEMPLATES = (
    "First high-level dialogue between nations in {P}",
    "{L1} and {L2} rush toward {T} cooperation despite security concerns",
    "Thaw may be on the horizon as party officials hint at improved ties",
    "{C1} seeks leverage as {T} tensions with {C2} flare",
    "Talks on {I} yield little beyond promises of further dialogue",
    "{T} worries push old rivals toward a cautious {N}",
    "Officials in {C1} weigh the cost of {I}",
    "A quiet {N} is under way, but {I} still looms",
)
KICKERS = ("International relations", "Trade War", "China up close", "Japan-China relations", "Politics",
           "Economy", "Diplomacy", "Asia Insight", "Security", "Trade")
NIKKEI_DATELINES = ("TOKYO", "BEIJING", "SHANGHAI", "SEOUL", "HONG KONG", "SINGAPORE", "BEIJING/WASHINGTON",
                    "TOKYO/BEIJING", "NEW DELHI", "TAIPEI")
ASIANEWS_PLACES = ("Hong Kong", "Beijing", "Tokyo", "Seoul", "Taipei", "Manila", "Rome")
ASIANEWS_AGENCY = ("AsiaNews", "AsiaNews", "AsiaNews/Agencies")
SOURCES = ("Xinhua", "NHK News", "Asahi Shimbun", "HKO1.com", "Reuters", "Hindustan Times", "China Daily",
           "Global Times", "Kyodo", "Yomiuri Shimbun", "South China Morning Post", "People's Daily",
           "Japan Times", "China Brief")
FIRST_NAMES = ("Willy", "Kenji", "Mei", "Hiroshi", "Ling", "Takeshi", "Anna", "David", "Yuki", "Bernardo", "Chen")
LAST_NAMES = ("Wo-Lap Lam", "Sato", "Zhang", "Tanaka", "Cervellera", "Nakamura", "Wong", "Mimura", "Li", "Kato")
CAPTION_PEOPLE = ("Chinese President Xi Jinping", "Japanese Prime Minister Shinzo Abe", "Prime Minister Fumio Kishida",
                  "Chinese Premier Li Keqiang", "Foreign Minister Wang Yi", "Foreign Minister Yoko Kamikawa",
                  "U.S. President Donald Trump", "South Korean President Moon Jae-in")
CAPTION_ACTIONS = ("shake hands", "hold a meeting", "attend a joint news conference", "pose for photographers",
                   "review an honor guard", "exchange documents")
CAPTION_PLACES = ("in San Francisco", "in Beijing", "at the Great Hall of the People", "in Tokyo",
                  "on the sidelines of the APEC summit", "at the prime minister's office", "in Osaka")
CREDITS = ("POOL / VIA KYODO", "KYODO", "REUTERS", "AFP-JIJI", "BLOOMBERG", "JIJI", "POOL / VIA REUTERS")
CHROME_SPRITE = ("ArrowArtboardCreated with Sketch.Title ChevronTitle ChevronEye IconIcon FacebookIcon LinkedinIcon "
                 "Mail ContactPath LayerIcon MailMenu BurgerPositive ArrowIcon PrintIcon SearchSite TitleTitle "
                 "ChevronIcon Twitter")
NIKKEI_TAIL = """Sponsored Content

About Sponsored Content This content was commissioned by Nikkei's Global Business Bureau.

You have {{{{numberArticlesLeft}}}} free article{{{{numberArticlesLeft-plural}}}} left this monthThis is your last free article this month

Stay ahead with our exclusives on Asia;
the most dynamic market in the world.

Stay ahead with our exclusives on Asia

Get trusted insights from experts within Asia itself.

Get trusted insights from experts
within Asia itself.

Get Unlimited access

You have {{{{numberArticlesLeft}}}} free article{{{{numberArticlesLeft-plural}}}} left this month

This is your last free article this month

Stay ahead with our exclusives on Asia; the most
dynamic market in the world

Get trusted insights from experts
within Asia itself.

Try 3 months for ${price}

Offer ends {offer}

Your trial period has expired

You need a subscription to...

  \u2022 Read all stories with unlimited access
  \u2022 Use our mobile and tablet apps
See all offers and subscribe

Your full access to the Nikkei Asian Review has expired

You need a subscription to:

  \u2022 Read all stories with unlimited access
  \u2022 Use our mobile and tablet apps
See all offers
NAR on print phone, device, and tablet media"""
ASIANEWS_TAIL_END = """

Subscribe to Asia News updates or change your preferences

Subscribe now
\u201cL\u2019Asia: ecco il nostro comune compito per il terzo millennio!\u201d - Giovanni Paolo II, da \u201cAlzatevi, andiamo\u201d"""


def _fill(template: str, rng: random.Random) -> str:
    c1, c2 = rng.sample(COUNTRIES, 2)
    l1, l2 = rng.sample(LEADERS, 2)
    t1, t2 = rng.sample(TOPICS, 2)
    text = template.format(
        C1=c1, C2=c2, L1=l1, L2=l2, T=t1, T2=t2, Tc=t1.capitalize(), N=rng.choice(NOUNS),
        I=rng.choice(ISSUES), E=rng.choice(EVENTS), P=rng.choice(PERIODS), G=rng.choice(GOODS),
        A=rng.choice(ADJECTIVES),
    )
    return text[0].upper() + text[1:]


def _ordinal(day: int) -> str:
    return f"{day}{'th' if 10 <= day % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _citation(rng: random.Random, published: date) -> str:
    def entry():
        day = published - timedelta(days=rng.randint(1, 300))
        when = f"{MONTHS[day.month - 1]} {day.day}"
        if rng.random() < 0.15:
            when += f", {day.year}"
        return f"{rng.choice(SOURCES)}, {when}"

    entries = [entry() for _ in range(1 if rng.random() < 0.75 else 2)]
    return "(" + "; ".join(entries) + ")"


def _cite(text: str, citation: str) -> str:
    """Put a citation before the closing full stop of a sentence in the middle of the paragraph."""
    sentences = split_sentences(text)
    k = 0 if len(sentences) < 2 else len(sentences) // 2
    s = sentences[k]
    sentences[k] = f"{s[:-1]} {citation}." if s.endswith(".") else f"{s} {citation}."
    return " ".join(sentences)


def _trailing_space(rng: random.Random) -> str:
    return " " if rng.random() < 0.1 else ""


# --- the three page styles ----------------------------------------------------------------------


@dataclass
class Page:
    text: str
    title: str  # as the cleaner should read it (or the manifest's, for the Japan Times)
    paragraphs: int  # body paragraphs the cleaner should find
    footnotes: int = 0
    manifest_title: bool = False


def nikkei_page(rng, title, published, year_shift) -> Page:
    lines = [CHROME_SPRITE]
    if rng.random() < 0.8:
        lines.append(rng.choice(KICKERS))  # directly under the sprite line: a kicker
    lines += ["", title, "", _fill(rng.choice(STANDFIRST_TEMPLATES), rng), ""]
    a, b = rng.sample(CAPTION_PEOPLE, 2)
    lines += [f"{a}, left, and {b} ({rng.choice(('AP', 'Reuters', 'Kyodo'))} photo{rng.choice(('', 's'))})", ""]
    n = rng.randint(12, 25)
    body_caption = rng.randint(4, n - 2) if rng.random() < 0.4 else None
    place = rng.choice(NIKKEI_DATELINES)
    for i in range(n):
        text = paragraph(rng, year_shift, 60, 140)
        if i == 0:
            text = f"{place} -- {text}"
        lines += [text + _trailing_space(rng), ""]
        if i == body_caption:
            lines += [f"{rng.choice(CAPTION_PEOPLE)} {rng.choice(CAPTION_ACTIONS)} {rng.choice(CAPTION_PLACES)}. "
                      f"(Photo by {_name(rng)})", ""]
        if rng.random() < 0.05:
            lines.append("")
    if rng.random() < 0.5:
        lines += ["Get unique insights on Asia, the most dynamic market in the world.", ""]
    offer = published + timedelta(days=rng.randint(3, 40))
    lines.append(NIKKEI_TAIL.format(price=rng.choice((1, 9, 12)), offer=f"{MONTHS[offer.month - 1]} {_ordinal(offer.day)}"))
    return Page("\n".join(lines), title, n)


def japantimes_page(rng, title, published, year_shift) -> Page:
    lines = []
    n = rng.randint(18, 35)
    captions = sorted(rng.sample(range(3, n - 1), rng.randint(1, 3)))
    advert = rng.randint(4, n - 2)
    for i in range(n):
        lines += [paragraph(rng, year_shift, 25, 90) + _trailing_space(rng), ""]
        if i in captions:
            a, b = rng.sample(LEADERS[:8], 2)
            caption = (f"{a} and {b} {rng.choice(CAPTION_ACTIONS)} {rng.choice(CAPTION_PLACES)} "
                       f"on {rng.choice(WEEKDAYS)}.")
            lines += [caption, f"{caption} | {rng.choice(CREDITS)}", ""]
        if i == advert:
            lines += ["NNPC Advert", ""]
    lines.append("culled from Japan Times")
    return Page("\n".join(lines), title, n, manifest_title=True)


def asianews_page(rng, title, published, year_shift) -> Page:
    hour, minute = rng.randint(0, 23), rng.randint(0, 59)
    lines = [f"{published.day:02d}/{published.month:02d}/{published.year}, {hour:02d}.{minute:02d}",
             "Send to a friend", "", title, "", f"by {_name(rng)}", ""]
    standfirst = " ".join(sentence(rng, year_shift, markov_share=0.3) for _ in range(rng.randint(2, 3)))
    lines += [standfirst, ""]
    n = rng.randint(8, 16)
    notes = rng.randint(1, 3)
    note_at = sorted(rng.sample(range(1, n), min(notes, n - 1)))
    place = rng.choice(ASIANEWS_PLACES)
    for i in range(n):
        text = paragraph(rng, year_shift, 100, 220)
        if rng.random() < 0.5:
            text = _cite(text, _citation(rng, published))
        if i in note_at:
            sentences = split_sentences(text)
            k = rng.randrange(max(1, len(sentences) - 1))
            sentences[k] = sentences[k] + f"[{note_at.index(i) + 1}]"
            text = " ".join(sentences)
        if i == 0:
            text = f"{place} ({rng.choice(ASIANEWS_AGENCY)}) \u2013 {text}"
        lines += [text, ""]
    lines.append("")
    for k in range(len(note_at)):
        note = " ".join(vary(rng.choice(corpus().footnote_sentences + corpus().sentences[:40]), rng, year_shift)
                        for _ in range(rng.randint(1, 4)))
        lines += [f"[{k + 1}] {note}", ""]
    lines += ["Send to a friend", "Printable version", "See also"]
    for _ in range(rng.randint(3, 5)):
        day = published - timedelta(days=rng.randint(30, 1500))
        lines += [_fill(rng.choice(TITLE_TEMPLATES), rng),
                  f"{day.day:02d}/{day.month:02d}/{day.year} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"]
    lines.append(_fill(rng.choice(TITLE_TEMPLATES), rng))
    return Page("\n".join(lines) + ASIANEWS_TAIL_END, title, n, footnotes=len(note_at))


BUILDERS = {"nikkei": nikkei_page, "japantimes": japantimes_page, "asianews": asianews_page}


# --- the edition --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SynthArticle:
    path: Path
    profile: str
    title: str
    published: date
    paragraphs: int


def check_page(page: Page, name: str, entry: ManifestEntry, profile: str) -> str | None:
    """None if the cleaner reads the page as intended, else what went wrong."""
    try:
        clean = clean_article(page.text, name, entry)
    except CleaningError as error:
        return f"CleaningError: {error}"
    if clean.profile != profile:
        return f"profile {clean.profile} != {profile}"
    if clean.title != page.title:
        return f"title {clean.title!r} != {page.title!r}"
    paragraphs = sum(1 for b in clean.blocks if b.type == "paragraph")
    if paragraphs != page.paragraphs:
        return f"{paragraphs} paragraphs, expected {page.paragraphs}"
    if len(clean.footnotes) != page.footnotes or len(clean.note_anchors) != page.footnotes:
        return f"{len(clean.footnotes)} footnotes / {len(clean.note_anchors)} anchors, expected {page.footnotes}"
    return None


def generate_article(index: int, seed: int = 0, used_titles: set | None = None, validate: bool = True):
    """(file name, raw text, manifest entry dict, SynthArticle without path) for article `index`."""
    used_titles = used_titles if used_titles is not None else set()
    problems = []
    for attempt in range(MAX_ATTEMPTS):
        rng = random.Random(f"{seed}:{index}:{attempt}")
        profile = STYLES[index % len(STYLES)]  # exact proportions; article 4 is AsiaNews
        published = date(2016, 1, 1) + timedelta(days=rng.randint(0, 8 * 365))
        year_shift = rng.randint(-3, 3)
        title = _fill(rng.choice(TITLE_TEMPLATES), rng)
        for _ in range(50):
            if title not in used_titles:
                break
            title = _fill(rng.choice(TITLE_TEMPLATES), rng)
        else:
            title = f"{title} ({published.year})"
        page = BUILDERS[profile](rng, title, published, year_shift)
        digest = hashlib.sha256(f"{seed}:{index}:{attempt}".encode()).hexdigest()[:16]
        name = f"{index:05d}_{digest}.txt"
        entry = {"title": title if page.manifest_title else None, "published": published, "source_url": None,
                 "publication": PUBLICATIONS[profile], "profile": profile}
        if validate:
            problem = check_page(page, name, ManifestEntry(name, **entry), profile)
            if problem:
                problems.append(problem)
                continue
        used_titles.add(title)
        return name, page.text + "\n", entry, SynthArticle(Path(name), profile, title, published, page.paragraphs)
    raise RuntimeError(f"article {index} (seed {seed}) failed validation {MAX_ATTEMPTS} times: {problems}")


def generate_edition(n: int, out_dir, seed: int = 0, validate: bool = True) -> list[SynthArticle]:
    """Write n raw dumps and manifest.yaml into out_dir (created; *.txt already there are removed)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    used: set[str] = set()
    manifest, articles = {}, []
    for index in range(n):
        name, text, entry, article = generate_article(index, seed, used, validate)
        (out / name).write_text(text, encoding="utf-8")
        manifest[name] = entry
        articles.append(SynthArticle(out / name, article.profile, article.title, article.published, article.paragraphs))
    header = (f"# Synthetic edition: {n} articles, seed {seed}, written by bench/synth.py.\n"
              "# Same format as seeds/manifest.yaml (edition.cleaning.manifest).\n")
    (out / "manifest.yaml").write_text(header + yaml.safe_dump(manifest, sort_keys=True, allow_unicode=True),
                                       encoding="utf-8")
    return articles


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", "-n", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-validate", action="store_true", help="skip the cleaner check of each page")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    articles = generate_edition(args.articles, args.out, args.seed, validate=not args.no_validate)
    seconds = time.perf_counter() - started
    size = sum(a.path.stat().st_size for a in articles)
    kinds = {p: sum(1 for a in articles if a.profile == p) for p in PUBLICATIONS}
    print(f"{len(articles)} articles ({', '.join(f'{v} {k}' for k, v in kinds.items())}), "
          f"{size / 1e6:.1f} MB, mean {size / max(1, len(articles)) / 1e3:.1f} kB, in {seconds:.1f} s -> {args.out}")


if __name__ == "__main__":
    main()
