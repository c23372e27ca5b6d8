"""What is indexed for each thing a reader can find: unsaved SearchDocument rows, built from the
edition's and the annotations' models (the writes are in search.indexing)."""
from __future__ import annotations

import html
import re
from bisect import bisect_right

from django.utils.html import strip_tags

from annotations.models import Annotation
from edition.markdown import render_markdown
from edition.models import Article, Block, Entry, Event
from search import facets
from search.models import SearchDocument

# Private-use characters stand for the highlight marks in snippets and mark filter tokens
# (search.facets); they are taken out of everything indexed, so that no text can forge either.
PRIVATE_USE = re.compile("[\ue000-\uf8ff]")

ENTRY_LABELS = dict(Entry.KINDS)


def clean(text: str) -> str:
    return PRIVATE_USE.sub("", text or "")


def plain(markdown_source: str) -> str:
    """The words of a Markdown note, without its markup."""
    return clean(html.unescape(strip_tags(render_markdown(markdown_source or ""))).strip())


def article_documents(article: Article) -> list[SearchDocument]:
    """Every block of the article's current revision (#pN) and every source footnote (#note-N)."""
    revision = article.current_revision
    if revision is None:
        return []
    url = article.get_absolute_url()
    common = {"kind": SearchDocument.PARAGRAPH, "article": article, "publication": article.publication,
              "date": article.published, "title": clean(article.title)}
    tokens = facets.document_tokens(SearchDocument.PARAGRAPH, article.pk, article.publication, article.published)
    rows = [SearchDocument(object_id=block.pk, block_number=block.number, url=f"{url}#p{block.number}",
                           label=f"¶{block.number}", text=clean(block.text), facets=tokens, **common)
            for block in revision.blocks.all()]
    rows += [SearchDocument(object_id=note.pk, url=f"{url}#note-{note.marker}", label=f"Note {note.marker}",
                            text=clean(note.text), facets=tokens, **common)
             for note in revision.footnotes.all()]
    return rows


def entry_document(entry: Entry) -> SearchDocument:
    """An entry is found by its name, its other names, its aliases and its notes."""
    names = [entry.name] + [n.get("name", "") for n in entry.names or () if isinstance(n, dict)]
    aliases = [alias.text for alias in entry.aliases.all()]
    return SearchDocument(
        kind=SearchDocument.ENTRY, object_id=entry.pk, url=entry.get_absolute_url(), title=clean(entry.name),
        label=("Glossary: " if entry.in_glossary else "Register: ") + ENTRY_LABELS.get(entry.kind, entry.kind),
        heading=clean(" · ".join(dict.fromkeys(names))),
        text=clean(entry.short) + "\n" + plain(entry.note), extra=clean(" · ".join(aliases)),
        facets=facets.document_tokens(SearchDocument.ENTRY))


def event_document(event: Event) -> SearchDocument:
    place = event.place.name if event.place_id and event.place else ""
    return SearchDocument(
        kind=SearchDocument.EVENT, object_id=event.pk, url=event.get_absolute_url(), title=clean(event.name),
        label=f"Event, {event.date.isoformat()}", date=event.date, heading=clean(event.name),
        text=plain(event.description), extra=clean(place),
        facets=facets.document_tokens(SearchDocument.EVENT, day=event.date))


def annotations_for_index():
    """The annotation rows a document is made from, with what `annotation_documents` reads."""
    return (Annotation.objects.filter(deleted_at__isnull=True)
            .select_related("article", "root").prefetch_related("tags"))


def annotation_documents(annotations) -> list[SearchDocument]:
    """Documents for annotations (not deleted), linked to the paragraph their thread is on."""
    annotations = list(annotations)
    paragraph = paragraph_finder(annotations)
    return [annotation_document(a, paragraph(a.root or a)) for a in annotations]


def annotation_document(annotation: Annotation, block_number: int | None) -> SearchDocument:
    article = annotation.article
    tags = [" ".join(tag.name.split()) for tag in annotation.tags.all()]
    url = article.get_absolute_url() + (f"#p{block_number}" if block_number else "")
    return SearchDocument(
        kind=SearchDocument.ANNOTATION, object_id=annotation.pk, article=article,
        publication=article.publication, date=article.published, block_number=block_number, url=url,
        title=clean(article.title), label="Reply" if annotation.parent_id else "Annotation",
        text=plain(annotation.body), extra=clean(" · ".join([annotation.exact, *tags])),
        tags="\n".join(tags), author_id=annotation.author_id, visibility=annotation.visibility,
        classroom_id=annotation.classroom_id, hidden=annotation.hidden,
        facets=facets.document_tokens(SearchDocument.ANNOTATION, article.pk, article.publication,
                                      article.published, tags, annotation.author_id, annotation.visibility))


def paragraph_finder(annotations):
    """A function giving the paragraph number an annotation sits on in its article's current
    text (None for an orphan or one not yet re-anchored): one query for all their blocks."""
    current = {a.article.current_revision_id for a in annotations}
    starts: dict[int, tuple[list[int], list[int]]] = {}
    for revision_id, start, number in (Block.objects.filter(revision_id__in=current - {None})
                                       .order_by("revision_id", "start").values_list("revision_id", "start", "number")):
        starts.setdefault(revision_id, ([], []))
        starts[revision_id][0].append(start)
        starts[revision_id][1].append(number)

    def number(annotation: Annotation) -> int | None:
        placed = (annotation.start is not None and annotation.state != Annotation.ORPHANED
                  and annotation.revision_id == annotation.article.current_revision_id)
        if not placed or annotation.revision_id not in starts:
            return None
        offsets, numbers = starts[annotation.revision_id]
        index = bisect_right(offsets, annotation.start) - 1
        return numbers[index] if index >= 0 else None

    return number
