"""Where a class annotated an article: counts per paragraph, drawn as a strip along the text.

Each paragraph is a cell as wide as its share of the text (with a floor, so a heading still
shows), darker the more annotations and replies sit in it. A root counts in the paragraph where
it starts, in the article's current revision; a reply counts where its thread's root does.
Three queries for all the articles of a class: the articles, positions grouped, their blocks.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.db.models.functions import Coalesce, Length

from annotations.classroom.selectors import class_annotations, counted
from edition.models import Article, Block

# Horizontal measures are percentages of the strip's width, so the strip fills any screen while
# its height and its labels keep their size (no viewBox scaling, no distorted text).
WIDTH = 100.0
CELL_HEIGHT = 28  # px
MIN_CELL = 0.6
GAP = 0.2
LEVELS = 5  # heat-1 … heat-5; heat-0 is a paragraph nobody annotated
TICK_EVERY = 5


@dataclass
class Cell:
    number: int
    kind: str
    annotations: int = 0
    replies: int = 0
    x: float = 0.0
    width: float = 0.0
    level: int = 0

    @property
    def total(self) -> int:
        return self.annotations + self.replies

    @property
    def x_attr(self) -> str:
        return f"{self.x:.2f}%"

    @property
    def width_attr(self) -> str:
        return f"{self.width:.2f}%"

    @property
    def centre_attr(self) -> str:
        return f"{self.x + self.width / 2:.2f}%"


@dataclass
class ArticleHeat:
    article: Article
    cells: list[Cell] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(cell.total for cell in self.cells)

    @property
    def busiest(self) -> Cell | None:
        busy = [cell for cell in self.cells if cell.total]
        return max(busy, key=lambda c: (c.total, -c.number)) if busy else None

    @property
    def ticks(self) -> list[Cell]:
        return [c for c in self.cells if c.number == 1 or c.number % TICK_EVERY == 0]

    height = CELL_HEIGHT


def placed_in(revision_ids) -> Q:
    """Roots placed in one of these (current) revisions, and the replies in their threads."""
    return (Q(parent__isnull=True, revision_id__in=revision_ids, start__isnull=False)
            | Q(parent__isnull=False, root__revision_id__in=revision_ids, root__start__isnull=False))


def class_heat(viewer, classroom, also_article_ids=()) -> list[ArticleHeat]:
    """A strip for every article the class annotated, and for those in `also_article_ids`
    (the assigned ones), in the order of the contents."""
    articles = list(Article.objects.filter(current_revision__isnull=False)
                    .only("id", "slug", "title", "published", "current_revision_id").order_by("published", "title"))
    positions = (counted(class_annotations(viewer, classroom)).filter(placed_in([a.current_revision_id for a in articles]))
                 .values("article_id", position=Coalesce("start", "root__start")).order_by()
                 .annotate(roots=Count("pk", filter=Q(parent__isnull=True)),
                           replies=Count("pk", filter=Q(parent__isnull=False))))
    by_article = defaultdict(list)
    for row in positions:
        by_article[row["article_id"]].append(row)
    articles = [a for a in articles if a.pk in by_article or a.pk in also_article_ids]
    blocks = defaultdict(list)
    for block in (Block.objects.filter(revision_id__in=[a.current_revision_id for a in articles])
                  .values("revision_id", "number", "kind", "start", length=Length("text")).order_by("revision_id", "number")):
        blocks[block["revision_id"]].append(block)
    return [strip(article, blocks[article.current_revision_id], by_article[article.pk]) for article in articles]


def strip(article, blocks, positions) -> ArticleHeat:
    heat = ArticleHeat(article, [Cell(b["number"], b["kind"]) for b in blocks])
    starts = [b["start"] for b in blocks]
    for row in positions:
        index = bisect_right(starts, row["position"]) - 1
        if index >= 0:
            heat.cells[index].annotations += row["roots"]
            heat.cells[index].replies += row["replies"]
    lay_out(heat.cells, [b["length"] for b in blocks])
    return heat


def lay_out(cells, lengths) -> None:
    """Widths proportional to the paragraphs' lengths (at least MIN_CELL); levels relative to
    the busiest paragraph, so one strip reads on its own."""
    if not cells:
        return
    room = WIDTH - GAP * (len(cells) - 1)
    floor = min(MIN_CELL, room / len(cells))
    total = sum(lengths) or 1
    widths = [max(floor, room * length / total) for length in lengths]
    scale = room / sum(widths)
    busiest = max(cell.total for cell in cells)
    x = 0.0
    for cell, width in zip(cells, widths):
        cell.x, cell.width = round(x, 2), round(width * scale, 2)
        x += width * scale + GAP
        cell.level = -(-LEVELS * cell.total // busiest) if busiest and cell.total else 0
