"""Markdown (CommonMark with the footnote extension of Pandoc, PHP Markdown Extra, GitHub).

Every article is a section with its metadata and numbered paragraphs ("**¶3**"); source and
editorial notes and the readers' annotations are footnotes ([^3-1], [^3-a], [^3-A2]: labels are
unique in the document, prefixed by the article's number); mentions link to the glossary and
register sections at the end, where each entry has an anchor; then the events in date order,
with the articles that report them (the Markdown form of the timeline).
"""
from __future__ import annotations

import re

from .inline import last_parts
from .markup import plain
from .output import text_output

SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
LINE_START = re.compile(r"^(\s*)([-+>]|\d+[.)])(\s)", re.MULTILINE)


def escape(text: str) -> str:
    """Text as Markdown that reads as itself."""
    return LINE_START.sub(r"\1\\\2\3", SPECIAL.sub(r"\\\1", text or ""))


def md_text(html: str) -> str:
    """A note's or annotation's HTML as one line of escaped Markdown text (bodies are Markdown
    already, but a footnote is one paragraph: it is read again as plain words)."""
    return escape(plain(html))


class MarkdownInline:
    """The woven tree as Markdown; like InlineHtml, a marker never goes inside a link's text."""

    def __init__(self, article, edition):
        self.edition, self.prefix = edition, article.meta.index
        self.notes = {note.key: note for note in article.body.notes}
        self.ends = article.annotation_end_blocks()
        self.annotations = {a.key: a for a in article.placed}
        self.footnotes: list[str] = []
        self.block_number, self.last, self.pending, self.in_link = None, {}, [], False

    def label(self, key) -> str:
        return f"[^{self.prefix}-{key}]"

    def block(self, block) -> str:
        self.block_number = block.number
        self.last = last_parts(block.tree, "highlight")
        return self.render(block.tree)

    def render(self, node) -> str:
        out = []
        for child in node.children:
            if isinstance(child, str):
                out.append(escape(child))
                continue
            link = child.kind == "entry" and not self.in_link
            self.in_link |= link
            out.append(self.node(child, self.render(child)))
            if link:
                self.in_link = False
                out.extend(self.pending)
                self.pending.clear()
        return "".join(out)

    def marker(self, text: str) -> str:
        if self.in_link:
            self.pending.append(text)
            return ""
        return text

    def node(self, node, inner):
        kind, span = node.kind, node.span
        if kind == "entry":
            slug = span.attr("ref", "")[len("entry-"):]
            return f"[{inner}](#entry-{slug})" if self.edition.apparatus.entry(slug) else inner
        if kind == "note":
            return self.note(span.key)
        if kind == "highlight":
            annotation = self.annotations.get(span.key)
            if annotation and node.part == self.last.get(span.key) and self.ends.get(span.key) == self.block_number:
                self.footnotes.append(f"{self.label(annotation.label)}: {thread_text(annotation)}")
                return inner + self.marker(self.label(annotation.label))
        return inner

    def note(self, key) -> str:
        note = self.notes.get(key)
        if note is None:
            return ""
        saved, self.in_link = self.in_link, False
        text = self.render(note.tree) if note.tree is not None else md_text(note.html)
        self.in_link = saved
        lead = f"*Editor’s note on “{escape(note.quote)}”:* " if note.kind == "editorial" else ""
        self.footnotes.append(f"{self.label(note.label)}: {lead}{text}")
        return self.marker(self.label(note.label))


def thread_text(annotation) -> str:
    body = "(deleted)" if annotation.row.deleted_at else md_text(annotation.body_html()) or f"({annotation.motivation})"
    text = f"**{escape(annotation.author)}** ({annotation.visibility}): {body}"
    if annotation.tags:
        text += " — tags: " + ", ".join(escape(tag) for tag in annotation.tags)
    for reply in annotation.replies:
        text += f" ↳ {thread_text(reply)}"
    return text


def article_md(article, edition) -> str:
    meta = article.meta
    inline = MarkdownInline(article, edition)
    lines = [f'<a id="{meta.ident}"></a>', "", f"## {escape(meta.title)}", ""]
    if meta.subtitle:
        lines += [f"*{escape(meta.subtitle)}*", ""]
    source = ", ".join(escape(part) for part in (meta.byline, meta.publication,
                                                  f"{meta.published:%-d %B %Y}" if meta.published else "") if part)
    lines += [source + ("  " if meta.source_url else ""), f"<{meta.source_url}>" if meta.source_url else "", ""]
    for block in article.body.blocks:
        text = inline.block(block)
        prefix = {"heading": "### ", "quote": "> ", "caption": "> *Photo:* "}.get(block.kind, "")
        lines += [f"{prefix}**¶{block.number}** {text}", ""]
    for annotation in article.orphaned:
        lines += [f"*Annotation {annotation.label} on words no longer in this text* "
                  f"(“{escape(annotation.exact)}”): {thread_text(annotation)}", ""]
    lines += inline.footnotes + [""]
    return "\n".join(lines) + "\n"


def apparatus_md(edition) -> str:
    apparatus, titles = edition.apparatus, edition.by_slug()
    lines = ["## Glossary", ""]
    for entry in apparatus.glossary:
        lines += [entry_md(entry)]
    lines += ["", "## Register", ""]
    for _, heading, entries in apparatus.register():
        lines += [f"### {heading}", ""] + [entry_md(entry) for entry in entries] + [""]
    lines += ["## Events and timeline", ""]
    for event in apparatus.events:
        reported = sorted({p.article for p in event.places}, key=lambda slug: titles[slug].index)
        where = "; ".join(f"[{escape(titles[slug].title)}](#{titles[slug].ident})" for slug in reported)
        lines.append(f"- <a id=\"event-{event.slug}\"></a>**{escape(event.when)}** — {escape(event.name)}"
                     + (f". Reported in: {where}" if where else ""))
    return "\n".join(lines) + "\n"


def entry_md(entry) -> str:
    return f"- <a id=\"entry-{entry.slug}\"></a>**{escape(entry.name)}** ({entry.kind_label.lower()}): {escape(entry.short)}"


def write_markdown(edition, out) -> None:
    with text_output(out) as text:
        text.write(f"# {escape(edition.title)}: {escape(edition.subtitle)}\n\n*{escape(edition.description)}* "
                   f"Exported {edition.created:%-d %B %Y}.\n\n## Contents\n\n")
        for meta in edition.contents:
            text.write(f"{meta.index}. [{escape(meta.title)}](#{meta.ident})\n")
        text.write("\n")
        for article in edition.articles():
            text.write(article_md(article, edition))
        text.write(apparatus_md(edition))
