"""python manage.py evaluate_suggestions [--json]: precision and recall of event-link suggestions.

The curated links of the edition as ingested (EventQuotes placed in the current revisions) are the
gold standard. Each article is held out in turn: the suggester sees every event, but learns no key
words from that article's curated links, and its proposals for the article are compared with them.
Nothing is written to the database.
"""
import json

from django.core.management.base import BaseCommand, CommandError

from edition.linking.quotes import locate_quote
from edition.linking.suggest import THRESHOLD, suggest
from edition.linking.suggest_eval import TABLE_THRESHOLDS, best_threshold, figures, total
from edition.models import Article, EventQuote
from edition.services.suggestions import article_passages, candidate_events


class Command(BaseCommand):
    help = "Report precision, recall and F1 of event-link suggestions, holding each article out in turn."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Print one JSON object.")
        parser.add_argument("--threshold", type=float, default=THRESHOLD,
                            help=f"Score from which a suggestion is made (default {THRESHOLD}).")
        parser.add_argument("--top", type=int, default=10, help="False positives and negatives to list.")

    def handle(self, *args, **options):
        runs = [self.run(article) for article in Article.objects.filter(current_revision__isnull=False)
                .select_related("current_revision").order_by("source_file")]
        if not runs:
            raise CommandError("No articles: ingest the edition first (python manage.py ingest).")
        report = self.report(runs, options["threshold"], options["top"])
        if options["json"]:
            self.stdout.write(_json(report))
        else:
            self.write_text(report)

    def run(self, article):
        """The held-out article's gold pairs, and every pair the suggester proposed with its score."""
        texts, mentions = article_passages(article)
        gold = set()
        for slug, quote in EventQuote.objects.filter(source_file=article.source_file).values_list("event__slug", "quote"):
            where = locate_quote(texts, quote)
            if where is not None:
                gold.add((slug, where[0] + 1))
        found = suggest(texts, article.published, mentions, candidate_events(article.source_file), threshold=0.0)
        return {"article": article.source_file, "texts": texts, "gold": gold,
                "scored": {(s.event_id, s.block): s.score for s in found},
                "detail": {(s.event_id, s.block): s for s in found}}

    def report(self, runs, threshold, top):
        articles = [{"article": r["article"], **figures(r["scored"], r["gold"], threshold).as_dict()} for r in runs]
        overall = total(figures(r["scored"], r["gold"], threshold) for r in runs)
        table = [{"threshold": t, **total(figures(r["scored"], r["gold"], t) for r in runs).as_dict()}
                 for t in TABLE_THRESHOLDS]
        pairs = [(r["scored"], r["gold"]) for r in runs]
        return {"threshold": threshold, "best_threshold": best_threshold(pairs), "articles": articles,
                "overall": overall.as_dict(), "table": table,
                "false_positives": _false_positives(runs, threshold)[:top],
                "false_negatives": _false_negatives(runs, threshold)[:top]}

    def write_text(self, report):
        out = self.stdout.write
        out(f"Event-link suggestions, each article held out in turn; threshold {report['threshold']:.2f}.\n")
        out(f"{'article':<28} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>7} {'F1':>6}")
        for row in report["articles"] + [{"article": "overall", **report["overall"]}]:
            out(f"{row['article']:<28} {row['tp']:>4} {row['fp']:>4} {row['fn']:>4} "
                f"{row['precision']:>10.3f} {row['recall']:>7.3f} {row['f1']:>6.3f}")
        out(f"\nOver thresholds (best F1 at {report['best_threshold']:.2f}):")
        out(f"{'threshold':>9} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>7} {'F1':>6}")
        for row in report["table"]:
            out(f"{row['threshold']:>9.2f} {row['tp']:>4} {row['fp']:>4} {row['fn']:>4} "
                f"{row['precision']:>10.3f} {row['recall']:>7.3f} {row['f1']:>6.3f}")
        for key, title in (("false_positives", "Top false positives (proposed, not curated)"),
                           ("false_negatives", "Top false negatives (curated, not proposed)")):
            out(f"\n{title}:")
            for item in report[key] or [{"none": True}]:
                out("  (none)" if item.get("none") else
                    f"  {_score(item['score'])} {item['article']} ¶{item['block']} {item['event']}: “{item['quote']}”"
                    + (f" [{'; '.join(item['reasons'])}]" if item["reasons"] else ""))


def _false_positives(runs, threshold):
    items = [_item(r, pair) for r in runs for pair, score in r["scored"].items()
             if score >= threshold and pair not in r["gold"]]
    return sorted(items, key=lambda i: -i["score"])


def _false_negatives(runs, threshold):
    items = [_item(r, pair) for r in runs for pair in r["gold"] if r["scored"].get(pair, 0.0) < threshold]
    return sorted(items, key=lambda i: (-(i["score"] or 0.0), i["article"], i["block"]))


def _score(score):
    """A score, or a dash for a link the suggester did not propose at all."""
    return "  —  " if score is None else f"{score:.3f}"


def _item(run, pair):
    event, block = pair
    found = run["detail"].get(pair)
    quote = found.quote if found else run["texts"][block - 1][:120]
    return {"article": run["article"], "block": block, "event": event, "score": found.score if found else None,
            "quote": quote, "reasons": list(found.reasons) if found else []}


def _json(report):
    return json.dumps(report, ensure_ascii=False, indent=2)
