"""The export formats: one writer each, its file name and media type. `export` runs one."""
from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module


@dataclass(frozen=True)
class Format:
    name: str
    label: str
    extension: str
    content_type: str
    writer: str  # "module:function" under edition.export, imported when used (WeasyPrint is heavy)

    def write(self, edition, out) -> None:
        module, function = self.writer.split(":")
        getattr(import_module(f"edition.export.{module}"), function)(edition, out)


FORMATS = {f.name: f for f in (
    Format("html", "Static website (a zip that opens from disk)", "zip", "application/zip", "html_site:write_html_site"),
    Format("epub", "EPUB 3 e-book", "epub", "application/epub+zip", "epub:write_epub"),
    Format("pdf", "PDF book (handout)", "pdf", "application/pdf", "pdf:write_pdf"),
    Format("tei", "TEI P5 XML (for archives)", "xml", "application/tei+xml", "tei:write_tei"),
    Format("w3c", "W3C annotations (JSON-LD)", "jsonld",
           'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"', "w3c:write_w3c"),
    Format("md", "Markdown", "md", "text/markdown; charset=utf-8", "markdown:write_markdown"),
    Format("csv", "Annotations as a spreadsheet (CSV)", "csv", "text/csv; charset=utf-8", "csv_writer:write_csv"),
)}


def file_name(edition, name: str) -> str:
    """e.g. china-japan-edition-2026-11-26.epub"""
    return f"{edition.stem}.{FORMATS[name].extension}"


def export(edition, name: str, out) -> None:
    FORMATS[name].write(edition, out)
