"""Precision and recall of event-link suggestions against curated links (pure arithmetic).

A link is an (event id, block number) pair of one article. Scores are kept for every pair the
suggester proposed at any score, so that one run gives the figures at every threshold.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass

Pair = tuple[str, int]
TABLE_THRESHOLDS = tuple(round(0.3 + 0.05 * i, 2) for i in range(11))  # 0.3 … 0.8


@dataclass(frozen=True)
class Figures:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Figures) -> Figures:
        return Figures(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def as_dict(self) -> dict:
        return {**asdict(self), "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


def figures(scored: Mapping[Pair, float], gold: set[Pair], threshold: float) -> Figures:
    proposed = {pair for pair, score in scored.items() if score >= threshold}
    return Figures(tp=len(proposed & gold), fp=len(proposed - gold), fn=len(gold - proposed))


def total(parts: Iterable[Figures]) -> Figures:
    return sum(parts, Figures(0, 0, 0))


def best_threshold(runs: Iterable[tuple[Mapping[Pair, float], set[Pair]]],
                   thresholds: Iterable[float] = TABLE_THRESHOLDS) -> float:
    """The threshold with the highest overall F1 (the lower one on a tie: recall costs editors more)."""
    runs = list(runs)
    return max(thresholds, key=lambda t: (round(total(figures(s, g, t) for s, g in runs).f1, 6), -t))
