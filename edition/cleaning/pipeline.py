"""raw page text -> CleanArticle: the passes in order, then assembly.

The order matters and is the design: manifest overrides first (the editor's word wins), chrome
anywhere, link lists, then the header (so chrome above the headline cannot become the title),
the end of the article (searched below the header, because AsiaNews prints its share links
both under the date and after the notes), and last the body, which takes whatever is left.
"""
from __future__ import annotations

from .apparatus import FOOTNOTE, anchor_notes, find_citations, take_dateline
from .body import QUOTE_PREFIX, classify_body, continues
from .draft import Draft
from .header import read_header
from .manifest import ManifestEntry
from .model import BLOCK_TYPES, CleanArticle, CleanBlock, Dropped, Footnote
from .passes import drop_chrome, drop_lists, drop_tail
from .profiles import detect_profile, get_profile
from .text import Line, normalise_text, split_lines


class CleaningError(Exception):
    """Nothing readable is left of a page once the chrome is gone."""


def clean_article(raw: str, source_file: str, manifest: ManifestEntry | None = None) -> CleanArticle:
    lines = split_lines(normalise_text(raw))
    if manifest and manifest.profile:
        profile = get_profile(manifest.profile)
    else:
        profile = detect_profile(lines)
    draft = Draft(source_file, profile, lines)
    if manifest:
        draft.apply_overrides(keep=manifest.keep, drop=manifest.drop, captions=manifest.captions)
    drop_chrome(draft)
    drop_lists(draft)
    read_header(draft)
    drop_tail(draft)
    classify_body(draft)
    return assemble(draft, manifest)


def assemble(draft: Draft, manifest: ManifestEntry | None) -> CleanArticle:
    blocks = _blocks(draft.lines)
    if not any(block.type == "paragraph" for block in blocks):
        raise CleaningError(_no_body_message(draft))
    dateline, blocks = take_dateline(blocks, draft.profile.datelines)
    footnotes = [_footnote(line) for line in draft.lines if line.role == "footnote"]
    blocks, anchors = anchor_notes(blocks, {note.marker for note in footnotes})
    return CleanArticle(
        source_file=draft.source_file,
        title=_pick(manifest, "title", draft.title) or _untitled(draft.source_file),
        blocks=blocks,
        subtitle=draft.subtitle,
        kicker=draft.kicker,
        dateline=dateline,
        byline=draft.byline,
        published=_pick(manifest, "published", draft.published),
        publication=_pick(manifest, "publication", draft.profile.publication),
        attribution=draft.attribution,
        source_url=_pick(manifest, "source_url", None),
        profile=draft.profile.name,
        footnotes=footnotes,
        note_anchors=anchors,
        citations=find_citations(blocks),
        dropped=[Dropped(line.text, line.reason) for line in draft.lines if line.role == "dropped"],
    )


def _pick(manifest: ManifestEntry | None, field: str, found):
    """The manifest's value when it has one: it is the editor's correction of the page."""
    value = getattr(manifest, field, None) if manifest else None
    return value if value is not None else found


def _blocks(lines: list[Line]) -> list[CleanBlock]:
    blocks: list[CleanBlock] = []
    previous = None
    for line in (line for line in lines if line.role in BLOCK_TYPES):
        if previous is not None and continues(previous, line):
            blocks[-1] = CleanBlock("paragraph", f"{blocks[-1].text} {line.text}")
        else:
            blocks.append(CleanBlock(line.role, _block_text(line)))
        previous = line
    return blocks


def _block_text(line: Line) -> str:
    if line.role == "quote" and line.text.startswith(QUOTE_PREFIX):
        return line.text[len(QUOTE_PREFIX):]
    return line.text


def _footnote(line: Line) -> Footnote:
    match = FOOTNOTE.fullmatch(line.text)
    return Footnote(match["marker"], match["text"])


def _untitled(source_file: str) -> str:
    # A page without a headline (Japan Times dumps) and no manifest title: say so plainly
    # rather than promote the first sentence to a headline nobody wrote.
    return f"Untitled ({source_file})"


def _no_body_message(draft: Draft) -> str:
    dropped = sum(1 for line in draft.lines if line.role == "dropped")
    return (
        f"no article body found in {draft.source_file}: of {len(draft.lines)} non-blank lines, "
        f"{dropped} were dropped as chrome (profile {draft.profile.name}) and none is a body paragraph"
    )
