"""Read a W3C Web Annotation (JSON-LD, as the API receives it or a file holds it) into a draft.

The opposite of `annotations.presenters`. Parsing checks shapes and types only; whether the
article exists, the quote is in its text or the user is in the class is the services' business.
Offsets are Unicode code points (DESIGN §3); the browser converts its UTF-16 offsets first.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.urls import Resolver404, resolve

from annotations.anchoring import TextPosition, TextQuote
from annotations.errors import AnnotationError
from annotations.models import Annotation

MOTIVATIONS = {value for value, _ in Annotation.MOTIVATIONS}
VISIBILITIES = {value for value, _ in Annotation.VISIBILITIES}
MAX_TAGS = 20
MAX_TAG_LENGTH = 64
MAX_CONTEXT_LENGTH = 200
#: Longer than any passage worth a note; bounds the approximate-matching work a request can cause.
MAX_QUOTE_LENGTH = 20_000


@dataclass
class Target:
    source: str | None = None  # an article URL
    parent: str | None = None  # an annotation id (URL) for a reply
    quote: TextQuote | None = None
    position: TextPosition | None = None


@dataclass
class Draft:
    """What an annotation payload asks for; None means "not given"."""

    id: str | None = None
    body: str | None = None
    tags: list[str] | None = None
    motivation: str | None = None
    visibility: str | None = None
    classroom_id: int | None = None
    class_given: bool = False
    target: Target | None = None
    created: str | None = None
    modified: str | None = None


def parse_annotation(data) -> Draft:
    if not isinstance(data, dict):
        raise AnnotationError("An annotation must be a JSON object.")
    kind = data.get("type", "Annotation")
    if kind != "Annotation" and not (isinstance(kind, list) and "Annotation" in kind):
        raise AnnotationError("The type must be 'Annotation'.")
    draft = Draft()
    draft.id = _optional_string(data, "id")
    draft.created = _optional_string(data, "created")
    draft.modified = _optional_string(data, "modified")
    if "body" in data or "bodyValue" in data:
        draft.body, draft.tags = _bodies(data)
    draft.motivation = _motivation(data.get("motivation"))
    draft.visibility = _visibility(data.get("visibility"))
    if data.get("class") is not None:
        draft.class_given, draft.classroom_id = True, _class_id(data["class"])
    if "target" in data:
        draft.target = parse_target(data["target"])
    return draft


def _optional_string(data, key):
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise AnnotationError(f"'{key}' must be a string.")
    return value


def _single(value, name):
    if isinstance(value, list):
        if len(value) != 1:
            raise AnnotationError(f"Give exactly one {name}.")
        return value[0]
    return value


def _bodies(data) -> tuple[str, list[str]]:
    if "body" in data and "bodyValue" in data:
        raise AnnotationError("Give either 'body' or 'bodyValue', not both.")
    if "bodyValue" in data:
        if not isinstance(data["bodyValue"], str):
            raise AnnotationError("'bodyValue' must be a string.")
        return data["bodyValue"], []
    items = data["body"] if isinstance(data["body"], list) else [data["body"]]
    texts, tags = [], []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("value"), str):
            raise AnnotationError("Each body must be a TextualBody object with a string 'value'.")
        if item.get("type", "TextualBody") != "TextualBody":
            raise AnnotationError("Only bodies of type 'TextualBody' are supported.")
        (tags if item.get("purpose") == "tagging" else texts).append(item["value"])
    if len(texts) > 1:
        raise AnnotationError("Give at most one textual body besides the tags.")
    return (texts[0] if texts else ""), clean_tags(tags)


def clean_tags(tags) -> list[str]:
    if not isinstance(tags, (list, tuple)) or not all(isinstance(tag, str) for tag in tags):
        raise AnnotationError("Tags must be strings.")
    cleaned = list(dict.fromkeys(tag.strip() for tag in tags if tag.strip()))
    if len(cleaned) > MAX_TAGS:
        raise AnnotationError(f"Give at most {MAX_TAGS} tags.")
    if any(len(tag) > MAX_TAG_LENGTH for tag in cleaned):
        raise AnnotationError(f"A tag may be at most {MAX_TAG_LENGTH} characters long.")
    return cleaned


def _motivation(value):
    if value is None:
        return None
    value = _single(value, "motivation")
    if value not in MOTIVATIONS:
        raise AnnotationError(f"Unknown motivation {value!r}; use one of {', '.join(sorted(MOTIVATIONS))}.")
    return value


def _visibility(value):
    if value is None:
        return None
    if value not in VISIBILITIES:
        raise AnnotationError(f"Unknown visibility {value!r}; use private, class or public.")
    return value


def _class_id(value) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, str)) or not str(value).isdigit():
        raise AnnotationError("'class' must be the id of a class (a whole number).")
    return int(value)


def parse_target(value) -> Target:
    value = _single(value, "target")
    if isinstance(value, str):
        if annotation_id_from_url(value) is not None:
            return Target(parent=value)
        return Target(source=value)
    if not isinstance(value, dict) or not isinstance(value.get("source"), str):
        raise AnnotationError("The target must be an annotation id or an object with a 'source' URL.")
    if annotation_id_from_url(value["source"]) is not None:
        return Target(parent=value["source"])
    target = Target(source=value["source"])
    selectors = value.get("selector", [])
    for selector in selectors if isinstance(selectors, list) else [selectors]:
        if not isinstance(selector, dict):
            raise AnnotationError("Each selector must be an object.")
        if selector.get("type") == "TextQuoteSelector":
            target.quote = _quote(selector)
        elif selector.get("type") == "TextPositionSelector":
            target.position = _position(selector)
    return target


def _quote(selector) -> TextQuote:
    exact, prefix, suffix = (selector.get(key, "") for key in ("exact", "prefix", "suffix"))
    if not all(isinstance(part, str) for part in (exact, prefix, suffix)):
        raise AnnotationError("TextQuoteSelector exact, prefix and suffix must be strings.")
    if not exact:
        raise AnnotationError("TextQuoteSelector 'exact' must not be empty.")
    if len(exact) > MAX_QUOTE_LENGTH:
        raise AnnotationError(f"TextQuoteSelector 'exact' is too long (at most {MAX_QUOTE_LENGTH} characters).")
    # Context beyond this helps no one, and the columns are bounded.
    return TextQuote(exact, prefix[-MAX_CONTEXT_LENGTH:], suffix[:MAX_CONTEXT_LENGTH])


def _position(selector) -> TextPosition:
    start, end = selector.get("start"), selector.get("end")
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in (start, end)):
        raise AnnotationError("TextPositionSelector start and end must be whole numbers (code points).")
    if start < 0 or end <= start:
        raise AnnotationError("TextPositionSelector needs 0 <= start < end.")
    return TextPosition(start, end)


def _route(url: str):
    try:
        return resolve(urlsplit(url).path)
    except Resolver404:
        return None


def annotation_id_from_url(url: str) -> int | None:
    """The id in an annotation URL (absolute or a path), or None if it is no such URL."""
    match = _route(url)
    if match is None or match.view_name != "annotations:detail":
        return None
    return int(match.kwargs["pk"])


def article_slug_from_url(url: str) -> str | None:
    """The slug of an article URL (absolute, a path, with or without #p<N>), or None."""
    match = _route(url)
    if match is None or match.view_name != "edition:article":
        return None
    return match.kwargs["slug"]
