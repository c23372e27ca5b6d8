"""Export through the presenter, import the result: the same annotations come back."""
import pytest

from annotations.models import Annotation
from annotations.presenters import present_annotation, present_collection
from annotations.selectors import visible_annotations
from annotations.services import create_annotation, import_collection

from .conftest import annotate, make_user

pytestmark = pytest.mark.django_db
BASE = "https://edition.example"


def export(user, article):
    """The user's own annotations of the article, as the w3c export will present them."""
    rows = list(visible_annotations(user, article).filter(author=user).select_related("author", "article")
                .prefetch_related("tags").order_by("id"))
    return present_collection(rows, BASE, collection_id=f"{BASE}/export", total=len(rows), last=1,
                              page_url=lambda n: f"{BASE}/export?page={n}")


def comparable(data):
    """What must survive the trip (ids, authors and dates belong to the importing site)."""
    target = data["target"]
    if isinstance(target, dict):
        target = [{k: v for k, v in s.items()} for s in target["selector"]]
    else:
        target = "reply"
    return (data["motivation"], data.get("body"), data["visibility"], data.get("anchor"), str(target))


@pytest.fixture
def exported(owner, article):
    root = annotate(owner, article, "brighter future", body="**Hope**, with a [link](https://example.org).",
                    tags=["rhetoric", "hope"], visibility="public")
    create_annotation(owner, parent=root, body="A thought on it.")
    annotate(owner, article, "Kishida", visibility="private")
    annotate(owner, article, "“a mutually beneficial relationship”", tags=["quotes"])
    return export(owner, article)


def test_an_export_imports_back_into_the_same_annotations(exported, article):
    importer = make_user("importer")
    report = import_collection(exported, article, importer)
    assert (report.anchored, report.replies, report.invalid) == (3, 1, [])
    again = export(importer, article)["first"]["items"]
    assert sorted(map(comparable, again), key=str) == sorted(map(comparable, exported["first"]["items"]), key=str)


def test_replies_point_at_the_imported_parent(exported, article):
    importer = make_user("importer")
    import_collection(exported, article, importer)
    reply = Annotation.objects.get(author=importer, parent__isnull=False)
    assert reply.parent.author == importer and reply.parent.exact == "brighter future"


def test_an_export_imported_onto_a_changed_text_reports_orphans(exported, article, other_article):
    report = import_collection(exported, other_article, make_user("importer"))
    assert report.orphaned + report.moved + report.anchored == 3 and report.orphaned >= 2
    assert Annotation.objects.filter(article=other_article).count() == 4


def test_the_presenter_gives_the_same_shape_to_the_api_and_the_export(api, owner, article, exported):
    first = Annotation.objects.select_related("author", "article").order_by("id").first()
    from_api = api(owner).get(f"/api/annotations/{first.pk}").json()
    from_presenter = present_annotation(first, "http://testserver")
    assert from_api == from_presenter
