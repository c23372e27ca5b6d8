"""Shared helpers for the cleaning tests: where the seeds are, and cleaning one with its
manifest entry, exactly as `clean_article` and `ingest` do."""
from functools import lru_cache
from pathlib import Path

from edition.cleaning import clean_article, load_manifest, read_source

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
UNSEEN = ROOT / "tests" / "fixtures" / "unseen"
MAX_BYTES = 2 * 1024 * 1024
CHROME_STRINGS = (
    "numberArticlesLeft", "Sponsored Content", "Send to a friend", "NNPC Advert", "Sketch",
    "Subscribe", "subscription", "Printable version", "See also", "free article", "Cookie",
    "Read more", "Share this article", "All rights reserved",
)


def seed_path(prefix: str) -> Path:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path


@lru_cache(maxsize=None)
def clean_seed(prefix: str, with_manifest: bool = True):
    path = seed_path(prefix)
    entry = load_manifest(SEEDS / "manifest.yaml").get(path.name) if with_manifest else None
    return clean_article(read_source(path, MAX_BYTES), path.name, entry)


@lru_cache(maxsize=None)
def clean_unseen(name: str):
    path = UNSEEN / name
    return clean_article(read_source(path, MAX_BYTES), path.name)


def texts(article, kind=None) -> list[str]:
    return [block.text for block in article.blocks if kind is None or block.type == kind]


def chrome_in_blocks(article) -> list[str]:
    """Every chrome string that survived into a block, a heading or the metadata."""
    kept = texts(article) + [article.title or "", article.subtitle or "", article.kicker or ""]
    return [s for s in CHROME_STRINGS if any(s.lower() in text.lower() for text in kept)]
