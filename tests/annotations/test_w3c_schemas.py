"""The API's output validates against the W3C Web Annotation test assertions (JSON Schema
draft-04, vendored in schemas/, see schemas/SOURCE.txt): every "must" of annotations,
collections and pages, and the optional features we claim to implement."""
import json
from datetime import datetime
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from jsonschema import Draft4Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from annotations.services import create_annotation

from .conftest import annotate, article_url

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).parent / "schemas"
ANNOTATION_OPTIONALS = [
    "annotations/3.3.1-annotationCreatedImplemented.json",
    "annotations/3.3.1-annotationModifiedImplemented.json",
    "annotations/3.3.1-annotationCreatorImplemented.json",
    "annotations/3.3.2-annotationCreatorAgentIdImplemented.json",
    "annotations/3.3.2-annotationCreatorAgentTypeImplemented.json",
    "annotations/3.3.2-annotationCreatorAgentNicknameImplemented.json",
    "annotations/3.3.5-annotationMotivationImplemented.json",
    "annotations/bodiesTargets/3.3.5-bodyPurpose.json",
    "annotations/bodiesTargets/3.2.1-bodyFormat.json",
]
SELECTOR_OPTIONALS = [
    "annotations/specificResource/4.2.4-textQuoteSelector.json",
    "annotations/specificResource/4.2.4-prefix.json",
    "annotations/specificResource/4.2.4-suffix.json",
    "annotations/specificResource/4.2.5-textPositionSelector.json",
]
COLLECTION_OPTIONALS = [
    "collections/5.1-collectionTotalImplemented.json",
    "collections/5.1-collectionFirstImplemented.json",
    "collections/5.1-collectionLastImplemented.json",
]
PAGE_OPTIONALS = [
    "collections/pages/5.2-pagePartOfImplemented.json",
    "collections/pages/5.2-pageStartIndexImplemented.json",
    "collections/pages/5.2-pageNextImplemented.json",
]

# jsonschema checks "uri" and "date-time" only with extra packages; these small checks suffice.
formats = FormatChecker()


@formats.checks("uri")
def is_uri(value):
    return isinstance(value, str) and bool(urlsplit(value).scheme) and not any(c.isspace() for c in value)


@formats.checks("date-time", raises=ValueError)
def is_date_time(value):
    return isinstance(value, str) and "T" in value and datetime.fromisoformat(value.replace("Z", "+00:00")) is not None


def _registry():
    resources = []
    for path in (SCHEMAS / "definitions").glob("*.json"):
        schema = json.loads(path.read_text())
        resources.append((schema["id"], Resource.from_contents(schema, default_specification=DRAFT4)))
    return Registry().with_resources(resources)


REGISTRY = _registry()


def musts(test_file):
    return json.loads((SCHEMAS / test_file).read_text())["assertions"]


@cache
def validator(name):
    schema = json.loads((SCHEMAS / name).read_text())
    return Draft4Validator(schema, registry=REGISTRY, format_checker=formats)


def failures(instance, assertions):
    """The assertions `instance` fails, with the schema's own error message."""
    return [f"{name}: {validator(name).schema.get('errorMessage', '')}"
            for name in assertions if not validator(name).is_valid(instance)]


ANNOTATION_MUSTS = musts("annotations/annotationMusts.test")
COLLECTION_MUSTS = musts("collections/collectionMusts.test")
PAGE_MUSTS = musts("collections/pages/pageMusts.test")


@pytest.fixture
def published(owner, member, article, classroom):
    root = annotate(owner, article, "brighter future", body="**Hope**", tags=["rhetoric"],
                    visibility="class", classroom_id=classroom.pk)
    reply = create_annotation(member, parent=root, body="Indeed.")
    highlight = annotate(owner, article, "Kishida", visibility="public")
    return {"root": root, "reply": reply, "highlight": highlight}


def fetch(api, user, annotation):
    return api(user).get(f"/api/annotations/{annotation.pk}").json()


# --- the harness itself ---------------------------------------------------------------------

def test_the_validator_accepts_the_w3c_correct_samples():
    for sample in ("anno1.json", "anno20.json"):
        instance = json.loads((SCHEMAS / "tools/samples/correct" / sample).read_text())
        assert failures(instance, ANNOTATION_MUSTS) == []


@pytest.mark.parametrize("sample", ["anno4.json", "anno6.json", "anno28.json"])
def test_the_validator_rejects_the_w3c_incorrect_samples(sample):
    instance = json.loads((SCHEMAS / "tools/samples/incorrect" / sample).read_text())
    assert failures(instance, ANNOTATION_MUSTS)


def test_the_validator_rejects_a_broken_annotation_of_ours(api, owner, published):
    data = fetch(api, owner, published["root"])
    data["@context"] = "http://example.org/not-the-anno-context"
    data["created"] = "yesterday"
    assert len(failures(data, ANNOTATION_MUSTS)) == 2


# --- our output ---------------------------------------------------------------------------------

@pytest.mark.parametrize("which", ["root", "reply", "highlight"])
def test_an_annotation_meets_every_must(api, owner, published, which):
    assert failures(fetch(api, owner, published[which]), ANNOTATION_MUSTS) == []


def test_an_annotation_implements_the_optional_features_we_claim(api, owner, published):
    data = fetch(api, owner, published["root"])
    assert failures(data, ANNOTATION_OPTIONALS) == []
    assert failures(data, SELECTOR_OPTIONALS) == []


def test_an_orphan_meets_every_must(api, owner, published):
    type(published["root"]).objects.filter(pk=published["root"].pk).update(state="orphaned", start=None, end=None)
    data = fetch(api, owner, published["root"])
    assert data["anchor"] == "orphaned"
    assert failures(data, ANNOTATION_MUSTS) == []


def test_a_collection_meets_every_must(api, owner, published, article):
    body = api(owner).get("/api/annotations/", target=article_url(article)).json()
    assert failures(body, COLLECTION_MUSTS + PAGE_MUSTS) == []
    assert failures(body, COLLECTION_OPTIONALS) == []
    for item in body["first"]["items"]:
        assert failures({"@context": body["@context"], **item}, ANNOTATION_MUSTS) == []


def test_an_empty_collection_meets_every_must(api, other, article, seeded):
    body = api(other).get("/api/annotations/", target=article_url(article)).json()
    assert failures(body, COLLECTION_MUSTS + PAGE_MUSTS) == []


def test_a_page_meets_every_must(api, owner, published, article, monkeypatch):
    from annotations import api as api_module
    monkeypatch.setattr(api_module, "PAGE_SIZE", 1)
    page = api(owner).get("/api/annotations/", target=article_url(article), page="1").json()
    assert page["type"] == "AnnotationPage"
    assert failures(page, PAGE_MUSTS) == []
    assert failures(page, PAGE_OPTIONALS) == []
