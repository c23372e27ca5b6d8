"""W3C AnnotationCollection: valid against the W3C test assertions (JSON Schema, in
tests/annotations/schemas/), every annotation presented as the API presents it, and importable
again: re-imported into an emptied database, the same annotations come back."""
import json
from datetime import datetime
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from jsonschema import Draft4Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from annotations.models import Annotation
from annotations.presenters import present_annotation
from edition.export.w3c import import_export, items_by_article

from .conftest import class_export, rolled_back
from .data import SECRET

SCHEMAS = Path(__file__).resolve().parent.parent / "annotations" / "schemas"
formats = FormatChecker()


@formats.checks("uri")
def is_uri(value):
    return isinstance(value, str) and bool(urlsplit(value).scheme) and not any(c.isspace() for c in value)


@formats.checks("date-time", raises=ValueError)
def is_date_time(value):
    return isinstance(value, str) and "T" in value and datetime.fromisoformat(value.replace("Z", "+00:00")) is not None


def registry():
    resources = []
    for path in (SCHEMAS / "definitions").glob("*.json"):
        schema = json.loads(path.read_text())
        resources.append((schema["id"], Resource.from_contents(schema, default_specification=DRAFT4)))
    return Registry().with_resources(resources)


REGISTRY = registry()


@cache
def validator(name):
    return Draft4Validator(json.loads((SCHEMAS / name).read_text()), registry=REGISTRY, format_checker=formats)


def musts(test_file):
    return json.loads((SCHEMAS / test_file).read_text())["assertions"]


def failures(instance, assertions):
    return [name for name in assertions if not validator(name).is_valid(instance)]


@pytest.fixture(scope="module")
def collection(write, people):
    return json.loads(class_export(write, people, "w3c").read_text())


@pytest.fixture(scope="module")
def own(write, people):
    return json.loads(write("w3c", "mine", user=people.student).read_text())


def test_the_collection_meets_every_must_of_collections_and_pages(collection):
    assert failures(collection, musts("collections/collectionMusts.test")) == []
    assert failures(collection, musts("collections/pages/pageMusts.test")) == []  # with its embedded page
    assert failures(collection, ["collections/5.1-collectionTotalImplemented.json",
                                 "collections/5.1-collectionFirstImplemented.json",
                                 "collections/5.1-collectionLastImplemented.json"]) == []


def test_every_annotation_meets_every_must(collection, own):
    for data in (collection, own):
        for item in data["first"]["items"]:
            assert failures({"@context": data["@context"], **item}, musts("annotations/annotationMusts.test")) == []


def test_the_harness_rejects_a_broken_collection(collection):
    broken = {**collection, "@context": "http://example.org/other", "total": -1}
    assert failures(broken, musts("collections/collectionMusts.test"))


def test_it_counts_what_it_holds_roots_and_replies(collection, people):
    items = collection["first"]["items"]
    assert collection["total"] == len(items) == Annotation.objects.filter(
        classroom=people.classroom, hidden=False).count()
    assert sum(1 for item in items if item["motivation"] == "replying") == 2


def test_each_annotation_is_presented_by_the_apis_presenter(collection):
    item = collection["first"]["items"][0]
    row = Annotation.objects.select_related("author", "article").get(pk=item["id"].rsplit("/", 1)[1])
    assert item == present_annotation(row, "http://testserver", context=False)


def test_anonymised_creators_carry_no_names(write, people):
    data = json.loads(class_export(write, people, "w3c", anonymise=True).read_text())
    creators = {item["creator"]["name"] for item in data["first"]["items"]}
    assert creators == {"Reader 1", "Reader 2", "Teacher 1"}
    text = json.dumps(data, ensure_ascii=False)
    assert not [name for name in people.names if name in text]


def test_the_private_annotations_of_others_are_not_in_it(collection, own):
    for data in (collection, own):
        assert SECRET not in json.dumps(data)


def snapshot(annotations):
    """What must survive a round trip: selectors, bodies, tags, motivation, audience, threads."""
    rows = annotations.select_related("article", "parent", "root").prefetch_related("tags")
    found = set()
    for row in rows:
        thread = (row.root or row)
        found.add((row.article.slug, thread.exact, row.exact if not row.parent_id else "",
                   row.prefix, row.suffix, row.start, row.end, row.state, row.body,
                   tuple(sorted(t.name for t in row.tags.all())), row.motivation, row.visibility,
                   row.classroom_id, row.parent.body if row.parent_id else None))
    return found


@pytest.mark.parametrize("which", ["class", "mine"])
def test_reimported_into_an_emptied_database_it_gives_the_same_annotations(people, collection, own, which):
    data, importer = (collection, people.teacher) if which == "class" else (own, people.student)
    ids = [int(item["id"].rsplit("/", 1)[1]) for item in data["first"]["items"]]
    before = snapshot(Annotation.objects.filter(pk__in=ids))
    assert len(before) == len(ids)
    with rolled_back():
        Annotation.objects.all().delete()
        reports = import_export(data, importer)
        assert all(report.invalid == [] for report in reports.values())
        assert snapshot(Annotation.objects.all()) == before


def test_items_are_sorted_by_the_article_of_their_thread(collection, people):
    grouped = items_by_article(collection)
    assert set(grouped) == {people.kishida.slug}
    assert len(grouped[people.kishida.slug]) == collection["total"]
