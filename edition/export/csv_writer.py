"""CSV of the annotations, one row per annotation (replies under their thread), with the csv module.

A cell that begins with =, +, - or @ (or a tab or carriage return) is what a spreadsheet takes for
a formula, so a reader's words could run as one on a teacher's machine (CSV injection). Every
such cell is neutralised with a leading apostrophe, which spreadsheets show as text.
"""
from __future__ import annotations

import csv

from .output import text_output

COLUMNS = ["article", "article_title", "paragraph", "annotation", "reply_to", "author", "visibility",
           "motivation", "tags", "quote", "body", "anchor", "created", "modified"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def rows(edition):
    for meta, threads in edition.annotations():
        for root in threads:
            yield from _thread(meta, root, root.label)


def _thread(meta, annotation, label, reply_to=""):
    yield [meta.slug, meta.title, annotation.paragraph or "", label, reply_to, annotation.author,
           annotation.visibility, annotation.motivation, "; ".join(annotation.tags), annotation.exact,
           "" if annotation.row.deleted_at else annotation.body,
           annotation.state if not reply_to else "", annotation.created.isoformat(),
           annotation.modified.isoformat()]
    for index, reply in enumerate(annotation.replies, start=1):
        yield from _thread(meta, reply, f"{label}.{index}", label)


def write_csv(edition, out) -> None:
    """UTF-8 with a byte-order mark, which spreadsheets need to read it as UTF-8."""
    with text_output(out, encoding="utf-8-sig") as text:
        writer = csv.writer(text)
        writer.writerow(COLUMNS)
        for row in rows(edition):
            writer.writerow([neutralise(cell) for cell in row])
