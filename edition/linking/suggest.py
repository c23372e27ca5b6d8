"""Suggest links from an article's passages to the events of the edition, with a score.

Each sentence of a block is scored against each candidate event on five kinds of evidence:
- date: a date expression in the sentence (or, weaker, in the sentence before it: "That
  month, ..."), resolved against the article's date, fits the event's date at its precision
  (suggest_dates);
- key words: the sentence shares distinctive words with the event's name, description and the
  passages other articles link to it (suggest_text); a word shared by many events counts little;
- name: the event's name, stop words removed, is (nearly) contained in the sentence
  (rapidfuzz token_set_ratio, which forgives "aluminum" for "aluminium");
- participants: entries the event involves are mentioned in the block (in the block before,
  at half weight); an entry that takes part in many events counts little;
- place: the event's place is mentioned in the block.
The pieces of evidence are combined as independent signals (noisy-or), so that the score is in
[0, 1] and no single weak signal carries a suggestion; a sentence that names a year the event
cannot be in is marked down. A block's score for an event is its best sentence's, and that
sentence, verbatim, is the suggestion's quote.

THRESHOLD was chosen with `python manage.py evaluate_suggestions` on the seed edition (each
article held out in turn against the curated links): F1 peaks there (0.74; precision 0.79,
recall 0.69), and it falls off on both sides (0.69 at 0.65, 0.61 at 0.75). Below it editors
would see many more proposals for a few more true links (recall 0.84 at 0.5, precision 0.35).
The weights were set by hand against the same five articles, so these figures flatter the
scorer: re-run the evaluation, and revisit THRESHOLD, as the curated edition grows.
"""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from rapidfuzz import fuzz

from .suggest_dates import NamedDate, contradicts, date_fit, dates_in
from .suggest_text import sentences, word_forms, words

THRESHOLD = 0.7
MAX_PER_BLOCK = 5
WEIGHTS = {"date": 0.5, "words": 0.55, "name": 0.45, "participants": 0.4, "place": 0.15}
WORDS_SATURATION = 2.0  # distinctive shared words that make the key-word evidence complete
OTHER_WORDS = 0.6  # a word of the description or of a quote counts less than a word of the name
CONTRADICTION = 0.5  # factor for a sentence that names a period excluding the event
QUOTE_LIMIT = 500  # EventQuote.quote and EventSuggestion.quote hold 500 characters


@dataclass(frozen=True)
class CandidateEvent:
    id: str
    name: str
    date: date
    precision: str = "day"
    date_end: date | None = None
    place: str | None = None
    participants: frozenset[str] = frozenset()
    key_phrases: tuple[str, ...] = ()  # stems, see suggest_text.key_phrases


@dataclass(frozen=True)
class Suggestion:
    event_id: str
    block: int  # the block's number, from 1
    score: float
    reasons: list[str] = field(default_factory=list, hash=False, compare=False)
    quote: str = ""


@dataclass
class _Evidence:
    scores: dict[str, float] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)

    def add(self, kind: str, value: float, reason: str) -> None:
        if value > self.scores.get(kind, 0.0):
            self.scores[kind] = value
            self.reasons = [r for r in self.reasons if not r.startswith(kind + ":")] + [f"{kind}: {reason}"]

    def score(self, contradicted: bool) -> float:
        missing = math.prod(1.0 - WEIGHTS[kind] * min(value, 1.0) for kind, value in self.scores.items())
        return round((1.0 - missing) * (CONTRADICTION if contradicted else 1.0), 3)


class EventIndex:
    """The candidate events with the weight of each key word and entry (how few events share it)."""

    def __init__(self, events: Sequence[CandidateEvent]):
        self.events = {event.id: event for event in events}
        self.by_word: dict[str, set[str]] = defaultdict(set)
        self.by_entry: dict[str, set[str]] = defaultdict(set)
        for event in events:
            for word in event.key_phrases:
                self.by_word[word].add(event.id)
            for entry in event.participants | ({event.place} if event.place else set()):
                self.by_entry[entry].add(event.id)
        self.name_words = {event.id: " ".join(words(event.name)) for event in events}

    def weight(self, table: dict[str, set[str]], key: str) -> float:
        n = len(self.events)
        shared = len(table.get(key, ())) or 1
        return 1.0 if n <= 1 else min(1.0, math.log(1 + n / shared) / math.log(1 + n))


def suggest(blocks: Sequence[str], article_date: date | None, mentions: Sequence[frozenset[str]],
            events: Sequence[CandidateEvent] | EventIndex, threshold: float = THRESHOLD) -> list[Suggestion]:
    """Ranked suggestions for every block: by block, then best first; at most MAX_PER_BLOCK each."""
    index = events if isinstance(events, EventIndex) else EventIndex(events)
    found = []
    for number, text in enumerate(blocks, start=1):
        here = mentions[number - 1] if number - 1 < len(mentions) else frozenset()
        before = mentions[number - 2] if 2 <= number <= len(mentions) + 1 else frozenset()
        ranked = sorted(score_block(text, number, article_date, here, before, index), key=lambda s: -s.score)
        found.extend([s for s in ranked if s.score >= threshold][:MAX_PER_BLOCK])
    return found


def score_block(text: str, number: int, article_date: date | None, here: frozenset[str],
                before: frozenset[str], index: EventIndex) -> list[Suggestion]:
    """The best-scoring sentence of the block for every event with any evidence in it."""
    best: dict[str, Suggestion] = {}
    entry_evidence = _entry_evidence(here, before, index)
    carried: list[NamedDate] = []
    for start, end in sentences(text):
        sentence = text[start:end]
        own = dates_in(sentence, article_date)
        named_dates = own + [replace(d, carried=True) for d in carried if not d.in_citation]
        carried = own
        for event_id, evidence, contradicted in _sentence_evidence(sentence, named_dates, index, entry_evidence):
            score = evidence.score(contradicted)
            if score > 0 and (event_id not in best or score > best[event_id].score):
                reasons = evidence.reasons + (["date: names another period"] if contradicted else [])
                best[event_id] = Suggestion(event_id, number, score, reasons, _quote(sentence))
    return list(best.values())


def _entry_evidence(here, before, index: EventIndex) -> dict[str, _Evidence]:
    """Participants and place mentioned in the block (or the one before), per event."""
    found: dict[str, _Evidence] = defaultdict(_Evidence)
    for event_id in {e for entry in here | before for e in index.by_entry.get(entry, ())}:
        event = index.events[event_id]
        named = [(p, 1.0 if p in here else 0.5) for p in sorted(event.participants) if p in here | before]
        if named:
            total = sum(index.weight(index.by_entry, p) * share for p, share in named)
            value = total / min(len(event.participants), 2)
            found[event_id].add("participants", value,
                                ", ".join(p if share == 1.0 else f"{p} (¶ before)" for p, share in named))
        if event.place and event.place in here:
            found[event_id].add("place", index.weight(index.by_entry, event.place), event.place)
    return found


def _sentence_evidence(sentence, named_dates, index: EventIndex, entry_evidence):
    """(event id, evidence, contradicted) for every event the sentence or its block points to."""
    forms = word_forms(sentence)
    stems = set(forms)
    events = set(entry_evidence) | {e for w in stems for e in index.by_word.get(w, ())}
    events |= {e.id for e in index.events.values() for d in named_dates if date_fit(d, e.date, e.precision, e.date_end)}
    for event_id in events:
        event = index.events[event_id]
        evidence = _Evidence(dict(entry_evidence[event_id].scores), list(entry_evidence[event_id].reasons))
        _add_date(evidence, named_dates, event)
        _add_words(evidence, forms, event, index)
        fits = [d for d in named_dates if not contradicts(d, event.date, event.precision, event.date_end)]
        contradicted = not fits and any(not (d.in_citation or d.carried) for d in named_dates)
        yield event_id, evidence, contradicted


def _add_date(evidence: _Evidence, named_dates, event: CandidateEvent) -> None:
    for named in named_dates:
        value = date_fit(named, event.date, event.precision, event.date_end)
        if value:
            evidence.add("date", value, f"“{named.expression}” = {named.start.isoformat()} ({named.precision})")


def _add_words(evidence: _Evidence, forms: dict[str, str], event: CandidateEvent, index: EventIndex) -> None:
    stems = set(forms)
    shared = sorted(stems & set(event.key_phrases))
    if shared:
        named = set(index.name_words[event.id].split())
        total = sum(index.weight(index.by_word, w) * (1.0 if w in named else OTHER_WORDS) for w in shared)
        evidence.add("words", total / WORDS_SATURATION, ", ".join(forms[w] for w in shared))
    name = index.name_words[event.id]
    if name and stems:
        ratio = fuzz.token_set_ratio(name, " ".join(sorted(stems)))
        if ratio >= 70:
            evidence.add("name", (ratio - 70) / 30, f"{event.name} ({ratio:.0f}%)")


def _quote(sentence: str) -> str:
    """The sentence verbatim, cut at a word boundary if it is longer than a quote may be."""
    sentence = sentence.strip()
    if len(sentence) <= QUOTE_LIMIT:
        return sentence
    cut = sentence[:QUOTE_LIMIT]
    return cut[: cut.rfind(" ")] if " " in cut else cut
