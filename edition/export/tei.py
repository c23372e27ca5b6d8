"""TEI P5, valid against tei_all: one document, written incrementally (lxml's xmlfile).

- teiHeader: the edition's title, who annotated (respStmt per reader, pointed at by @resp), and
  in the sourceDesc a bibl per article: title, author, publication, date, URL, source file;
- standOff: the register (listPerson, listPlace, listOrg), the glossary (list type="gloss") and
  the events (listEvent), each record with the xml:id that mentions point at with @ref;
- text: one div per article (@decls → its bibl), paragraphs numbered (@n, xml:id a<k>-p<n>), notes
  in place, mentions as persName / placeName / orgName / term / rs type="event", annotations as
  notes with @resp between anchors.
"""
from __future__ import annotations

from html import escape

from lxml import etree

from .markup import plain
from .tei_inline import TEI_NS, TeiInline, annotation_note, html_blocks, sub, t

NSMAP = {None: TEI_NS}
BLOCK_TAGS = {"heading": ("ab", "heading"), "caption": ("figure", "photo"), "quote": ("quote", None)}


def _when(value, precision="day") -> str:
    return {"year": value.strftime("%Y"), "month": value.strftime("%Y-%m")}.get(precision, value.isoformat())


def header(edition):
    root = etree.Element(t("teiHeader"), nsmap=NSMAP)
    file_desc = sub(root, "fileDesc")
    title_stmt = sub(file_desc, "titleStmt")
    sub(title_stmt, "title", edition.title, type="main")
    sub(title_stmt, "title", edition.subtitle, type="sub")
    editors = sub(title_stmt, "respStmt", xml_id="editor")
    sub(editors, "resp", "editorial notes and apparatus")
    sub(editors, "name", "The editors of the edition")
    for reader in edition.readers:
        statement = sub(title_stmt, "respStmt", xml_id=reader.key)
        sub(statement, "resp", "annotations")
        sub(statement, "name", reader.label)
    publication = sub(file_desc, "publicationStmt")
    para = sub(publication, "p", "Exported from the edition on ")
    sub(para, "date", f"{edition.created:%-d %B %Y}", when=edition.created.isoformat())
    para[-1].tail = f". {edition.description} Texts reproduced for study."
    bibls = sub(sub(file_desc, "sourceDesc"), "listBibl")
    for meta in edition.contents:
        source_bibl(bibls, meta)
    project = sub(sub(root, "encodingDesc"), "projectDesc")
    sub(project, "p", "Texts cleaned of their web pages; paragraphs numbered as in the online edition "
                      "(@n); mentions point at the register, glossary and events in the standOff.")
    return root


def source_bibl(parent, meta):
    bibl = sub(parent, "bibl", xml_id=f"source-{meta.ident}")
    sub(bibl, "title", meta.title, level="a")
    if meta.byline:
        sub(bibl, "author", meta.byline)
    if meta.publication:
        sub(bibl, "title", meta.publication, level="j")
    if meta.published:
        sub(bibl, "date", f"{meta.published:%-d %B %Y}", when=meta.published.isoformat())
    if meta.dateline:
        sub(bibl, "pubPlace", meta.dateline)
    if meta.source_url:
        sub(bibl, "idno", meta.source_url, type="URI")
    sub(bibl, "idno", meta.source_file, type="file")
    if meta.attribution:
        sub(bibl, "note", meta.attribution)


def stand_off(edition):
    apparatus = edition.apparatus
    root = etree.Element(t("standOff"), nsmap=NSMAP)
    lists = {"person": ("listPerson", "person", "persName"), "place": ("listPlace", "place", "placeName"),
             "organisation": ("listOrg", "org", "orgName")}
    for kind, _, entries in apparatus.register():
        if not entries:
            continue
        list_tag, record_tag, name_tag = lists[kind]
        container = sub(root, list_tag)
        for entry in entries:
            record = sub(container, record_tag, xml_id=f"entry-{entry.slug}")
            sub(record, name_tag, entry.name)
            for name in entry.names:
                sub(record, name_tag, name.get("name"), type="variant")
            _entry_notes(record, entry)
    if apparatus.glossary:
        glossary = sub(root, "list", type="gloss")
        for entry in apparatus.glossary:
            item = sub(glossary, "item", xml_id=f"entry-{entry.slug}")
            sub(item, "term", entry.name, type=entry.kind)
            _entry_notes(item, entry)
    if apparatus.events:
        events = sub(root, "listEvent")
        for event in apparatus.events:
            _event(events, event, apparatus)
    return root


def _entry_notes(record, entry):
    if entry.wikidata:
        sub(record, "idno", entry.wikidata, type="wikidata")
    note = sub(record, "note")
    html_blocks(note, f"<p>{escape(entry.short or '')}</p>" + entry.note_html())
    if entry.names:
        usage = sub(record, "note", type="names")
        usage.text = "; ".join(f"{n.get('name')}: used by {n.get('used_by')}" for n in entry.names)


def _event(parent, event, apparatus):
    attrs = {"xml_id": f"event-{event.slug}", "where": f"#entry-{event.place}" if event.place else None}
    if event.date_end:
        attrs.update({"from": _when(event.date, event.precision), "to": _when(event.date_end, event.precision)})
    else:
        attrs["when"] = _when(event.date, event.precision)
    record = sub(parent, "event", **attrs)
    sub(record, "label", event.name)
    if event.description:
        sub(record, "desc", plain(event.description_html()))
    if event.participants:
        para = sub(sub(record, "note", type="participants"), "p")
        for index, slug in enumerate(event.participants):
            entry = apparatus.entry(slug)
            sub(para, "ref", entry.name if entry else slug, target=f"#entry-{slug}")
            if index < len(event.participants) - 1:
                para[-1].tail = ", "


def article_div(article, edition):
    meta = article.meta
    div = etree.Element(t("div"), type="article", n=str(meta.index), decls=f"#source-{meta.ident}", nsmap=NSMAP)
    div.set("{http://www.w3.org/XML/1998/namespace}id", meta.ident)
    sub(div, "head", meta.title)
    if meta.subtitle:
        sub(sub(div, "argument"), "p", meta.subtitle)
    inline = TeiInline(article, edition, f"{meta.ident}-")
    for block in article.body.blocks:
        tag, kind = BLOCK_TAGS.get(block.kind, ("p", None))
        element = sub(div, tag, type=kind, n=block.number, xml_id=f"{meta.ident}-p{block.number}")
        if tag == "figure":
            element = sub(element, "head")
        elif tag == "quote":
            element = sub(element, "p")
        inline.block(element, block)
    placed = note_ids(div)
    for note in article.body.notes:  # notes without a place in the text (rare) close the article
        if f"{meta.ident}-note-{note.key}" not in placed:
            element = sub(div, "note", type=note.kind, n=note.label, xml_id=f"{meta.ident}-note-{note.key}")
            if note.tree is not None:
                inline.fill(element, note.tree)
            else:
                html_blocks(element, note.html)
    for annotation in article.orphaned:
        annotation_note(div, annotation, edition)
    return div


def note_ids(element) -> set[str]:
    return {el.get("{http://www.w3.org/XML/1998/namespace}id") for el in element.iter(t("note"))}


def write_tei(edition, out) -> None:
    with etree.xmlfile(out, encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element(t("TEI"), nsmap={None: TEI_NS}):
            xf.write(header(edition), pretty_print=True)
            xf.write(stand_off(edition), pretty_print=True)
            with xf.element(t("text")):
                with xf.element(t("body")):
                    for article in edition.articles():
                        xf.write(article_div(article, edition), pretty_print=True)
                        xf.flush()
