"""python manage.py evaluate_suggestions: runs on the seeds; consistent figures; writes nothing."""
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from edition.linking.suggest import THRESHOLD
from edition.linking.suggest_eval import Figures
from edition.models import EventQuote, EventSuggestion

pytestmark = pytest.mark.django_db


def evaluate(*args):
    out = StringIO()
    call_command("evaluate_suggestions", *args, stdout=out)
    return out.getvalue()


def check(row):
    assert all(row[k] >= 0 for k in ("tp", "fp", "fn"))
    figures = Figures(row["tp"], row["fp"], row["fn"])
    for name in ("precision", "recall", "f1"):
        assert 0.0 <= row[name] <= 1.0
        assert row[name] == pytest.approx(getattr(figures, name), abs=1e-4)


def test_it_reports_consistent_figures_per_article_and_overall(seeded):
    report = json.loads(evaluate("--json"))
    assert report["threshold"] == THRESHOLD
    assert len(report["articles"]) == 5
    for row in report["articles"] + [report["overall"]]:
        check(row)
    for key in ("tp", "fp", "fn"):
        assert report["overall"][key] == sum(row[key] for row in report["articles"])


def test_gold_links_are_the_curated_ones(seeded):
    report = json.loads(evaluate("--json"))
    placed = {row["article"]: row["tp"] + row["fn"] for row in report["articles"]}
    assert sum(placed.values()) > 0
    assert all(n > 0 for n in placed.values())


def test_the_table_runs_over_thresholds_and_recall_never_rises(seeded):
    table = json.loads(evaluate("--json"))["table"]
    assert [row["threshold"] for row in table][0] == 0.3 and table[-1]["threshold"] == 0.8
    for row in table:
        check(row)
    recalls = [row["recall"] for row in table]
    assert recalls == sorted(recalls, reverse=True)
    assert len({row["tp"] + row["fn"] for row in table}) == 1


def test_it_lists_false_positives_and_negatives(seeded):
    report = json.loads(evaluate("--json", "--top", "3"))
    assert len(report["false_positives"]) <= 3 and len(report["false_negatives"]) <= 3
    for item in report["false_positives"]:
        assert item["score"] >= report["threshold"] and item["quote"]


def test_the_text_report_names_every_article_and_the_overall_figures(seeded):
    text = evaluate()
    assert "overall" in text and "000_cefcf15533bcdce7.txt" in text and "Over thresholds" in text


def test_it_writes_nothing(seeded):
    quotes = list(EventQuote.objects.values_list("pk", "quote"))
    suggestions = list(EventSuggestion.objects.values_list("pk", "status", "score"))
    evaluate("--json")
    assert list(EventQuote.objects.values_list("pk", "quote")) == quotes
    assert list(EventSuggestion.objects.values_list("pk", "status", "score")) == suggestions


def test_it_needs_an_ingested_edition(db):
    with pytest.raises(CommandError):
        evaluate()
