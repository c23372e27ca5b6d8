"""The W3C Web Annotation shape (JSON-LD) of our annotations: the API and the w3c export both
present through this module, so there is one place where the model meets the data model.

Extension properties, outside the W3C vocabulary: "visibility" (private | class | public),
"class" (the class id, for visibility "class"), "anchor" (anchored | moved | orphaned, for
annotations on the text) and "deleted" (true for the tombstone of a deleted root that holds a thread).
Selector offsets are Unicode code points into the article's current canonical text.
"""
from __future__ import annotations

from datetime import timezone
from urllib.parse import quote, urlsplit

from django.urls import reverse

from accounts.names import display_name  # the name the reader chose, else the username

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
MEDIA_TYPE = f'application/ld+json; profile="{ANNO_CONTEXT}"'
TEXT_FORMAT = "text/markdown"


def annotation_url(base_url: str, pk: int) -> str:
    return base_url.rstrip("/") + reverse("annotations:detail", args=[pk])


def iso(moment) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def present_creator(user, base_url: str) -> dict:
    host = urlsplit(base_url).netloc or "localhost"
    username = user.get_username()
    return {
        "id": f"acct:{quote(username, safe='@.+-_')}@{host}",
        "type": "Person",
        "nickname": username,
        "name": display_name(user),
    }


def present_annotation(annotation, base_url: str, *, context: bool = True) -> dict:
    """One annotation. Needs `author`, `article` and `tags` loaded (select/prefetch them)."""
    data = {"@context": ANNO_CONTEXT} if context else {}
    data.update({
        "id": annotation_url(base_url, annotation.pk),
        "type": "Annotation",
        "created": iso(annotation.created),
        "modified": iso(annotation.modified),
        "creator": present_creator(annotation.author, base_url),
        "motivation": annotation.motivation,
    })
    bodies = _bodies(annotation)
    if bodies:
        data["body"] = bodies
    data["target"] = _target(annotation, base_url)
    data["visibility"] = annotation.visibility
    if annotation.classroom_id is not None:
        data["class"] = annotation.classroom_id
    if annotation.parent_id is None:
        data["anchor"] = annotation.state
    if annotation.deleted_at is not None:
        data["deleted"] = True
    return data


def _bodies(annotation) -> list[dict]:
    bodies = []
    if annotation.body:
        purpose = annotation.motivation if annotation.motivation != "highlighting" else "commenting"
        bodies.append({"type": "TextualBody", "value": annotation.body, "format": TEXT_FORMAT,
                       "purpose": purpose})
    for tag in sorted(tag.name for tag in annotation.tags.all()):
        bodies.append({"type": "TextualBody", "value": tag, "purpose": "tagging"})
    return bodies


def _target(annotation, base_url: str):
    if annotation.parent_id is not None:
        return annotation_url(base_url, annotation.parent_id)
    selectors = [{"type": "TextQuoteSelector", "exact": annotation.exact,
                  "prefix": annotation.prefix, "suffix": annotation.suffix}]
    if annotation.start is not None:
        selectors.append({"type": "TextPositionSelector", "start": annotation.start, "end": annotation.end})
    source = base_url.rstrip("/") + annotation.article.get_absolute_url()
    return {"source": source, "selector": selectors}


def present_page(annotations, base_url: str, *, page_url, number: int, last: int, start_index: int,
                 collection: dict | None = None) -> dict:
    """An AnnotationPage. `page_url(n)` gives the URL of page n; `collection` (id and total),
    if given, makes the page standalone (with @context and partOf)."""
    page = {"@context": ANNO_CONTEXT} if collection else {}
    page.update({"id": page_url(number), "type": "AnnotationPage"})
    if collection:
        page["partOf"] = {"id": collection["id"], "type": "AnnotationCollection",
                          "total": collection["total"]}
    page["startIndex"] = start_index
    page["items"] = [present_annotation(a, base_url, context=False) for a in annotations]
    if number > 1:
        page["prev"] = page_url(number - 1)
    if number < last:
        page["next"] = page_url(number + 1)
    return page


def present_collection(first_page_annotations, base_url: str, *, collection_id: str, page_url,
                       total: int, last: int, label: str | None = None) -> dict:
    """An AnnotationCollection with its first page embedded and the last one linked."""
    collection = {"@context": ANNO_CONTEXT, "id": collection_id, "type": "AnnotationCollection"}
    if label:
        collection["label"] = label
    collection["total"] = total
    collection["first"] = present_page(first_page_annotations, base_url, page_url=page_url,
                                       number=1, last=last, start_index=0)
    collection["last"] = page_url(last)
    return collection
