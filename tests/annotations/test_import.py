"""import_collection and `manage.py import_annotations`: W3C annotations onto an article,
anchored by their selectors; orphans stored; replies kept; invalid items reported."""
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from annotations.errors import AnnotationError
from annotations.models import Annotation
from annotations.services import import_collection

from .conftest import quote_of

pytestmark = pytest.mark.django_db


def item(article, exact, *, id=None, prefix="", suffix="", start=None, end=None, **extra):
    selectors = [{"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix}]
    if start is not None:
        selectors.append({"type": "TextPositionSelector", "start": start, "end": end})
    data = {"type": "Annotation", "motivation": "commenting", "bodyValue": f"On {exact}",
            "target": {"source": "https://elsewhere.example/original-page", "selector": selectors}}
    if id:
        data["id"] = id
    data.update(extra)
    return data


def collection(*items):
    return {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection",
            "total": len(items), "first": {"type": "AnnotationPage", "items": list(items)}}


@pytest.fixture
def mixed(article):
    text = article.current_revision.text
    start = text.index("brighter future")
    quote = quote_of(article, "Kishida voiced his desire")
    return collection(
        item(article, "brighter future", id="urn:a", start=start, end=start + 15),
        item(article, "Kishida voiced his desire", id="urn:b", prefix=quote.prefix, suffix=quote.suffix,
             start=5, end=30),
        item(article, "words that this article never printed anywhere", id="urn:c"),
        {"type": "Annotation", "id": "urn:d", "target": "urn:a", "bodyValue": "A reply."},
        {"type": "Annotation", "id": "urn:e", "target": "urn:d", "bodyValue": "A reply to the reply."},
    )


def test_it_reports_anchored_moved_and_orphaned(mixed, article, owner):
    report = import_collection(mixed, article, owner)
    assert (report.anchored, report.moved, report.orphaned, report.replies) == (1, 1, 1, 2)
    assert report.invalid == []


def test_orphans_are_stored_with_quote_and_body(mixed, article, owner):
    import_collection(mixed, article, owner)
    orphan = Annotation.objects.get(state="orphaned")
    assert orphan.exact == "words that this article never printed anywhere"
    assert orphan.body == "On words that this article never printed anywhere"
    assert orphan.start is None


def test_replies_are_kept_with_their_parents(mixed, article, owner):
    import_collection(mixed, article, owner)
    root = Annotation.objects.get(exact="brighter future")
    reply = Annotation.objects.get(body="A reply.")
    deeper = Annotation.objects.get(body="A reply to the reply.")
    assert reply.parent == root and deeper.parent == reply and deeper.root == root


def test_a_reply_listed_before_its_parent_is_kept(article, owner):
    data = [{"type": "Annotation", "id": "urn:r", "target": "urn:p", "bodyValue": "early"},
            item(article, "brighter future", id="urn:p")]
    assert import_collection(data, article, owner).replies == 1


def test_everything_goes_onto_the_given_article_as_the_given_user(mixed, article, owner):
    import_collection(mixed, article, owner)
    assert set(Annotation.objects.values_list("article_id", "author_id")) == {(article.pk, owner.pk)}


def test_created_and_modified_are_kept(article, owner):
    data = [item(article, "brighter future", created="2020-05-01T10:00:00Z", modified="2020-05-02T11:00:00Z")]
    import_collection(data, article, owner)
    annotation = Annotation.objects.get()
    assert annotation.created.isoformat().startswith("2020-05-01T10:00")
    assert annotation.modified.isoformat().startswith("2020-05-02T11:00")


def test_tags_and_visibility_are_kept(article, owner):
    data = [item(article, "brighter future", visibility="public", bodyValue=None,
                 body=[{"type": "TextualBody", "value": "x"},
                       {"type": "TextualBody", "value": "hope", "purpose": "tagging"}])]
    del data[0]["bodyValue"]
    import_collection(data, article, owner)
    annotation = Annotation.objects.get()
    assert annotation.visibility == "public" and list(annotation.tags.values_list("name", flat=True)) == ["hope"]


def test_a_plain_list_and_a_page_are_accepted(article, owner):
    assert import_collection([item(article, "brighter future")], article, owner).anchored == 1
    page = {"type": "AnnotationPage", "items": [item(article, "Kishida")]}
    assert import_collection(page, article, owner).anchored == 1


def test_invalid_items_are_reported_with_their_reasons_and_the_rest_imported(article, owner, classroom):
    data = [
        item(article, "brighter future"),
        "not an annotation",
        {"type": "Annotation", "bodyValue": "no target"},
        item(article, "brighter future", id="urn:bad-vis", visibility="everyone"),
        item(article, "brighter future", visibility="class", **{"class": 99999}),
        item(article, "x", bodyValue="y" * 10_001),
        {"type": "Annotation", "id": "urn:lonely", "target": "urn:missing-parent", "bodyValue": "?"},
    ]
    report = import_collection(data, article, owner)
    assert report.anchored == 1
    reasons = dict(report.invalid)
    assert len(reasons) == 6
    assert "object" in reasons["item 2"]
    assert "selector" in reasons["item 3"] or "target" in reasons["item 3"]
    assert "visibility" in reasons["item 4 (urn:bad-vis)"]
    assert "not a member" in reasons["item 5"]
    assert "too long" in reasons["item 6"]
    assert "parent" in reasons["item 7 (urn:lonely)"]
    assert Annotation.objects.count() == 1


def test_replies_to_an_invalid_parent_are_reported(article, owner):
    data = [item(article, "brighter future", id="urn:p", motivation="liking"),
            {"type": "Annotation", "id": "urn:r", "target": "urn:p", "bodyValue": "?"}]
    report = import_collection(data, article, owner)
    assert len(report.invalid) == 2 and report.replies == 0


def test_an_unknown_document_is_refused(article, owner):
    with pytest.raises(AnnotationError):
        import_collection({"type": "Bookmark"}, article, owner)


def test_a_collection_with_linked_pages_is_refused(article, owner):
    with pytest.raises(AnnotationError, match="embedded"):
        import_collection({"type": "AnnotationCollection", "first": "https://x.example/page1"}, article, owner)


# --- the command -------------------------------------------------------------------------------

def run(*args):
    out, err = StringIO(), StringIO()
    call_command("import_annotations", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_command_imports_a_file_and_reports(tmp_path, mixed, article, owner):
    path = tmp_path / "annotations.json"
    path.write_text(json.dumps(mixed))
    out, _ = run(str(path), "--article", article.slug, "--user", owner.username)
    assert "1 anchored, 1 moved, 1 orphaned, 2 replies; 0 invalid" in out


def test_the_command_lists_invalid_items(tmp_path, article, owner):
    path = tmp_path / "annotations.json"
    path.write_text(json.dumps([{"type": "Annotation", "bodyValue": "x"}]))
    _, err = run(str(path), "--article", article.slug, "--user", owner.username)
    assert err.startswith("invalid: item 1")


def test_the_command_refuses_an_unknown_article(tmp_path, owner, seeded):
    path = tmp_path / "a.json"
    path.write_text("[]")
    with pytest.raises(CommandError, match="No article"):
        run(str(path), "--article", "nope", "--user", owner.username)


def test_the_command_refuses_an_unknown_user(tmp_path, article):
    path = tmp_path / "a.json"
    path.write_text("[]")
    with pytest.raises(CommandError, match="No user"):
        run(str(path), "--article", article.slug, "--user", "nobody")


def test_the_command_refuses_a_file_that_is_not_json(tmp_path, article, owner):
    path = tmp_path / "a.json"
    path.write_text("{not json")
    with pytest.raises(CommandError, match="cannot read JSON"):
        run(str(path), "--article", article.slug, "--user", owner.username)


def test_the_command_refuses_a_missing_file(tmp_path, article, owner):
    with pytest.raises(CommandError, match="cannot read JSON"):
        run(str(tmp_path / "missing.json"), "--article", article.slug, "--user", owner.username)
