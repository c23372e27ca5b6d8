"""The annotations as one W3C AnnotationCollection (JSON-LD), streamed item by item.

Each annotation is presented by `annotations.presenters.present_annotation`, the API's own
presenter, so the export and the API cannot drift apart. Anonymised, the creator becomes the
reader's label and the bodies are already scrubbed of readers' names. The whole collection is one
embedded page (the importer reads embedded pages), with "total" and "last" after the items, so
nothing need be counted before writing.

`import_export` puts such a file back: `annotations.services.import_collection` takes one
article at a time, so the items are sorted by the article their thread targets.
"""
from __future__ import annotations

import json
from urllib.parse import urlencode

from annotations.payloads import article_slug_from_url
from annotations.presenters import ANNO_CONTEXT, present_annotation
from annotations.services import import_collection
from annotations.services.importing import collection_items
from edition.models import Article

from .output import text_output


def collection_id(edition) -> str:
    query = {"format": "w3c", "annotations": edition.aset.kind}
    if edition.aset.classroom is not None:
        query["annotations"] = f"class:{edition.aset.classroom.pk}"
    if not edition.whole:
        query["articles"] = ",".join(meta.slug for meta in edition.contents)
    if edition.anonymised:
        query["anonymise"] = "1"
    return f"{edition.base_url}/export/?{urlencode(query)}"


def present(annotation, edition) -> dict:
    data = present_annotation(annotation.row, edition.base_url, context=False)
    if edition.anonymised:
        reader = annotation.reader
        data["creator"] = {"id": f"urn:x-edition:{edition.stem}:{reader.key}", "type": "Person",
                           "nickname": reader.label, "name": reader.label}
    return data


def items(edition):
    for _, threads in edition.annotations():
        for root in threads:
            yield from _thread(root, edition)


def _thread(annotation, edition):
    yield present(annotation, edition)
    for reply in annotation.replies:
        yield from _thread(reply, edition)


def write_w3c(edition, out) -> None:
    ident = collection_id(edition)
    page = f"{ident}&page=1"
    with text_output(out) as text:
        head = {"@context": ANNO_CONTEXT, "id": ident, "type": "AnnotationCollection",
                "label": f"{edition.title}: annotations. {edition.description}"}
        text.write(json.dumps(head, ensure_ascii=False)[:-1])
        text.write(f', "first": {{"id": {json.dumps(page)}, "type": "AnnotationPage", "startIndex": 0, "items": [')
        total = 0
        for item in items(edition):
            text.write(("," if total else "") + "\n  " + json.dumps(item, ensure_ascii=False))
            total += 1
        text.write(f"\n]}}, \"total\": {total}, \"last\": {json.dumps(page)}}}\n")


def items_by_article(data) -> dict[str, list]:
    """The items of an exported collection grouped by article slug (replies go with their thread)."""
    found = collection_items(data)
    article_of, pending = {}, []
    for item in found:
        target = item.get("target")
        source = target.get("source") if isinstance(target, dict) else target
        slug = article_slug_from_url(source) if isinstance(source, str) else None
        if slug:
            article_of[item.get("id")] = slug
        else:
            pending.append((item, source))
    while pending:  # a reply may answer a reply: place what can be placed, round by round
        waiting = [(item, parent) for item, parent in pending if parent not in article_of]
        if len(waiting) == len(pending):
            break
        for item, parent in pending:
            if parent in article_of:
                article_of[item.get("id")] = article_of[parent]
        pending = waiting
    grouped: dict[str, list] = {}
    for item in found:
        slug = article_of.get(item.get("id"))
        if slug:
            grouped.setdefault(slug, []).append(item)
    return grouped


def import_export(data, user) -> dict:
    """Import an exported collection as `user`'s annotations: {slug: ImportReport}."""
    reports = {}
    for slug, group in items_by_article(data).items():
        article = Article.objects.filter(slug=slug, current_revision__isnull=False).first()
        if article is not None:
            reports[slug] = import_collection(group, article, user)
    return reports

