"""The cleaning layer: raw news-page dumps -> CleanArticle. Pure Python, no Django.

    read_source(path, max_bytes) -> str            raises SourceError
    load_manifest(path) -> dict[str, ManifestEntry] raises ManifestError
    clean_article(raw, source_file, manifest=None) -> CleanArticle   raises CleaningError
"""
from .manifest import ManifestEntry, ManifestError, load_manifest
from .model import Citation, CleanArticle, CleanBlock, Dropped, Footnote, NoteAnchor
from .pipeline import CleaningError, clean_article
from .profiles import PROFILES
from .source import SourceError, decode_source, read_source

__all__ = [
    "PROFILES",
    "Citation",
    "CleanArticle",
    "CleanBlock",
    "CleaningError",
    "Dropped",
    "Footnote",
    "ManifestEntry",
    "ManifestError",
    "NoteAnchor",
    "SourceError",
    "clean_article",
    "decode_source",
    "load_manifest",
    "read_source",
]
