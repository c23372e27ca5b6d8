"""Reading an exported PDF back: each page's text and printed page number (poppler's pdftotext),
its links, named destinations, outline and page labels (pypdf)."""
import re
import subprocess

from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from .validators import command


def page_texts(path) -> list[str]:
    text = subprocess.run([*command("pdftotext"), "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True, timeout=120).stdout
    return text.split("\f")[:-1]  # each page ends with a form feed


def flat(text: str) -> str:
    return " ".join(text.split())


def folio(page: str) -> str | None:
    """The page number printed at the foot of a page (the last line), if any."""
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    return lines[-1] if lines and re.fullmatch(r"\d+|[ivxlc]+", lines[-1]) else None


def contents_folio(pages: list[str], title: str) -> int:
    """The page number the contents give an entry (after its dot leader). The contents are the
    pages numbered i, ii…"""
    contents = flat(" ".join(page for page in pages if (folio(page) or "1").isalpha()))
    match = re.search(re.escape(title) + r".*?\.{3,}\s*(\d+)", contents)
    assert match, f"{title!r} not in the contents: {contents[:500]}"
    return int(match.group(1))


def destinations(reader: PdfReader) -> dict[str, int]:
    """Each named destination: the index of its page."""
    return {str(name): reader.get_destination_page_number(dest) for name, dest in reader.named_destinations.items()}


def links(reader: PdfReader) -> list[tuple[int, DictionaryObject]]:
    """(page index, link annotation) for every link in the file."""
    found = []
    for index, page in enumerate(reader.pages):
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/Link":
                found.append((index, annotation))
    return found


def internal_targets(reader: PdfReader) -> list[tuple[int, str]]:
    """(page index, named destination) of every link inside the file."""
    return [(index, str(link["/Dest"])) for index, link in links(reader) if "/Dest" in link]


def outline(reader: PdfReader, items=None, depth=0) -> list[tuple[int, str, int]]:
    """The outline flattened: (depth, title, page index)."""
    found = []
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            found += outline(reader, item, depth + 1)
        else:
            found.append((depth, str(item.title), reader.get_destination_page_number(item)))
    return found
