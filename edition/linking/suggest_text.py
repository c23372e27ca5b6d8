"""The words of a passage, for the event-link suggester: sentences, stems and key phrases.

Words are compared as crude stems ("visited", "visits" -> "visit"; "nationalisation" and
"nationalization" agree) and a few cue words that news prose varies are folded into one form
("trip" and "visit", "duties" and "tariffs"), so that the words of an event's name, description
and curated quotes meet the words another reporter used for it.
"""
from __future__ import annotations

import re

# Function words, and words so common in this kind of edition that they say nothing of an event.
STOP_WORDS = frozenset("""
a about above after again against all also am an and any are as at be been before being between
both but by can could did do does during each few for from further had has have having he her here
him his how i if in into is it its itself just least less made make many may me might more most much
must my no nor not now of off on once only or other our out over own per same she should since so
some such than that the their them then there these they this those through to too under until up
upon us very was we were what when where which while who whom why will with within would yet you
your said says say new one two three first last next later earlier former then-
sides side country countries nation nations leader leaders government governments relation relations
tie ties bilateral between both neighbor neighbour
president prime minister premier foreign official officials chief secretary vice general then
""".split())
# Names that occur in nearly every passage of an edition on China and Japan.
EDITION_WORDS = frozenset({"china", "chinese", "japan", "japanese", "sino", "japanese-chinese"})

CUE_FORMS = {
    "trip": "visit", "tour": "visit", "visit": "visit",
    "summit": "summit", "meet": "summit", "met": "summit", "talk": "summit", "meeting": "summit",
    "tete": "summit", "conversation": "summit",
    "tariff": "tariff", "duty": "tariff", "duti": "tariff", "levy": "tariff", "sanction": "tariff",
    "treaty": "treaty", "anniversary": "anniversary", "speech": "speech", "spoke": "speech",
    "ban": "ban", "barr": "ban", "bar": "ban", "prohibit": "ban",
    "sign": "sign", "signing": "sign", "statement": "statement", "agreement": "agreement",
    "control": "control", "restriction": "control", "restrict": "control",
    "phone": "call", "call": "call", "telephone": "call",
    "congress": "congress", "forum": "forum", "exercise": "drill", "drill": "drill",
    "recogniz": "normaliz", "normaliz": "normaliz", "normalization": "normaliz",
}

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z0-9]+)*")
_US = re.compile(r"\bU\.S\.(?!\w)|\bUS\b")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:[A-Z]\.)+|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|No|St|Gen|Gov|"
    r"Sen|Rep|Corp|Inc|Co|Ltd|vs|etc|Prof|Lt|Col|Capt)\.)$")
_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a block; an abbreviation's dot does not end one."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        head = text[start:match.start() + 1]
        if _ABBREVIATIONS.search(head):
            continue
        end = match.end() - len(match.group()) + len(match.group().rstrip())
        spans.append((start, end))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def stem(word: str) -> str:
    """A crude stem: lower case, no possessive, no plural or verb ending, no final e;
    -isation is -ization; news prose's variant cue words fold into one form."""
    word = word.lower().replace("’", "'")
    word = re.sub(r"'s?$", "", word)
    word = re.sub(r"is(ation|e|ed|ing)$", r"iz\1", word)
    word = re.sub(r"ization$|ize$", "iz", _strip_ending(word))
    plain = word.rstrip("e") if len(word.rstrip("e")) >= 3 else word
    return CUE_FORMS.get(word) or CUE_FORMS.get(plain) or plain


def _strip_ending(word: str) -> str:
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ed", "es", "s"):
        if not word.endswith(suffix) or len(word) - len(suffix) < 3:
            continue
        head = word[: -len(suffix)]
        if suffix == "es" and not re.search(r"(?:s|x|z|ch|sh)$", head):
            return word[:-1]
        if suffix == "ies":
            return head + "y"
        if suffix in ("ed", "ing") and re.search(r"([b-df-hj-km-np-tv-z])\1$", head) and head[-1] not in "ls":
            return head[:-1]
        return head
    return word


def words(text: str) -> list[str]:
    """The informative stems of a text, in order (stop words and the edition's own names dropped)."""
    return [stemmed for stemmed, _ in _stems(text)]


def word_forms(text: str) -> dict[str, str]:
    """Each informative stem of a text with the word that first gave it, to show to editors."""
    forms: dict[str, str] = {}
    for stemmed, word in _stems(text):
        forms.setdefault(stemmed, word)
    return forms


def _stems(text: str):
    for match in _WORD.finditer(_US.sub("United States", text)):
        raw = match.group().lower()
        if raw in _IGNORED or raw.isdigit():
            continue
        stemmed = stem(raw)
        if stemmed not in _IGNORED and len(stemmed) > 1:
            yield stemmed, match.group()


_IGNORED = STOP_WORDS | EDITION_WORDS | {stem(w) for w in STOP_WORDS | EDITION_WORDS}


def key_phrases(name: str, description: str = "", quotes: tuple[str, ...] = ()) -> tuple[str, ...]:
    """An event's key words: its name's, its description's and its curated quotes' stems."""
    seen: dict[str, None] = {}
    for text in (name, description, *quotes):
        for word in words(text):
            seen.setdefault(word, None)
    return tuple(seen)
