"""Benchmark: link 1,000 synthetic articles of ~15 paragraphs against 5,000 aliases.

    .venv/bin/python bench/bench_linking.py [--articles 1000] [--aliases 5000] [--workers 1]

The aliases mix full names, bare surnames shared by several persons (resolved from antecedents),
case-insensitive terms with plurals, and a few aliases that match inside words. Each paragraph
has about 110 words, one in twelve of them the start of an alias. The budget is 10 s on 2 cores
for compiling the matcher and linking everything; the figure printed is wall-clock time.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from edition.linking.aliases import Alias  # noqa: E402
from edition.linking.matcher import compile_matcher, find_mentions  # noqa: E402

SYLLABLES = "ka ri to mo shi na be li wa ng chen xu ya ji zu fe lo pa qi han so de mi ru".split()
FILLER = ("the of and to in a that for on with as by was at from said would relations talks "
          "government minister trade security visit summit economic between two countries "
          "officials policy meeting agreed week year leaders ties region").split()


def word(rng: random.Random, low=2, high=4) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(low, high)))


def synthetic_aliases(count: int, rng: random.Random) -> list[Alias]:
    aliases: list[Alias] = []
    surnames = [word(rng).capitalize() for _ in range(count // 10)]
    index = 0
    while len(aliases) < count:
        kind = index % 10
        target = f"e{index}"
        if kind < 5:  # a person: full name, plus a bare surname shared with others
            surname = rng.choice(surnames)
            aliases.append(Alias(f"{word(rng).capitalize()} {surname}", target))
            aliases.append(Alias(surname, target, needs_antecedent=True))
        elif kind < 8:  # an organisation or place, one to four words
            name = " ".join(word(rng).capitalize() for _ in range(rng.randint(1, 4)))
            aliases.append(Alias(name, target))
        elif kind < 9:  # a term
            aliases.append(Alias(f"{word(rng)} {word(rng)}", target, case_sensitive=False, plural=True))
        else:  # a fragment that may sit inside a word
            aliases.append(Alias(word(rng, 3, 4), target, whole_word=False))
        index += 1
    return aliases[:count]


def synthetic_articles(count: int, aliases: list[Alias], rng: random.Random, paragraphs=15):
    texts = [a.text for a in aliases]
    articles = []
    for _ in range(count):
        blocks = []
        for _ in range(paragraphs):
            words = []
            while len(words) < 110:
                words.append(rng.choice(texts) if rng.random() < 1 / 12 else rng.choice(FILLER))
            blocks.append(" ".join(words) + ".")
        articles.append(blocks)
    return articles


_matcher = None


def _init(aliases):
    global _matcher
    _matcher = compile_matcher(aliases)


def _link(blocks):
    return len(find_mentions(blocks, _matcher))


def link_all(aliases, articles, workers: int) -> int:
    if workers <= 1:
        _init(aliases)
        return sum(_link(blocks) for blocks in articles)
    with Pool(workers, initializer=_init, initargs=(aliases,)) as pool:
        return sum(pool.imap_unordered(_link, articles, chunksize=25))


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--aliases", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    aliases = synthetic_aliases(args.aliases, rng)
    articles = synthetic_articles(args.articles, aliases, rng)
    chars = sum(len(block) for blocks in articles for block in blocks)

    started = time.perf_counter()
    matcher = compile_matcher(aliases)
    compiled = time.perf_counter() - started
    started = time.perf_counter()
    mentions = link_all(aliases, articles, args.workers)
    linked = time.perf_counter() - started
    print(f"{len(aliases)} aliases, {len(articles)} articles, "
          f"{sum(map(len, articles))} paragraphs, {chars / 1e6:.1f} M characters")
    print(f"compile: {compiled:.2f} s ({len(matcher.regex.pattern) / 1e3:.0f} k pattern chars)")
    print(f"link:    {linked:.2f} s with {args.workers} worker(s), {mentions} mentions")
    print(f"total:   {compiled + linked:.2f} s (budget 10 s)")


if __name__ == "__main__":
    main()
