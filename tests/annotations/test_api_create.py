"""POST /api/annotations/: the server anchors what the browser selected."""
import pytest

from annotations.models import Annotation
from annotations.presenters import MEDIA_TYPE

from .conftest import article_url, w3c

pytestmark = pytest.mark.django_db


def test_a_quote_alone_is_enough(api, owner, article):
    response = api(owner).post(w3c(article, "brighter future", position=False))
    assert response.status_code == 201
    selectors = response.json()["target"]["selector"]
    position = next(s for s in selectors if s["type"] == "TextPositionSelector")
    text = article.current_revision.text
    assert text[position["start"]:position["end"]] == "brighter future"


def test_the_server_adds_the_quotes_context(api, owner, article):
    data = w3c(article, "brighter future", position=False)
    data["target"]["selector"][0].update(prefix="", suffix="")
    quote = api(owner).post(data).json()["target"]["selector"][0]
    assert quote["prefix"].endswith("to build a ") and quote["suffix"].startswith(" in bilateral")


def test_it_answers_201_with_the_location_and_the_w3c_media_type(api, owner, article):
    response = api(owner).post(w3c(article, "brighter future"))
    assert response["Content-Type"] == MEDIA_TYPE
    assert response["Location"] == response.json()["id"]
    assert response.json()["id"].startswith("http://testserver/api/annotations/")


def test_it_stores_the_annotation_for_the_signed_in_user(api, owner, article):
    api(owner).post(w3c(article, "brighter future", body="Mine."))
    annotation = Annotation.objects.get()
    assert (annotation.author, annotation.body, annotation.article) == (owner, "Mine.", article)


def test_a_correct_position_is_kept(api, owner, article):
    start = article.current_revision.text.index("brighter future")
    position = api(owner).post(w3c(article, "brighter future")).json()["target"]["selector"][1]
    assert (position["start"], position["end"]) == (start, start + len("brighter future"))


def test_a_position_that_does_not_match_is_corrected_by_the_quote(api, owner, article):
    data = w3c(article, "brighter future")
    data["target"]["selector"][1].update(start=3, end=18)
    position = api(owner).post(data).json()["target"]["selector"][1]
    assert article.current_revision.text[position["start"]:position["end"]] == "brighter future"


def test_a_position_out_of_range_is_corrected_by_the_quote(api, owner, article):
    data = w3c(article, "brighter future")
    data["target"]["selector"][1].update(start=10**6, end=10**6 + 15)
    assert api(owner).post(data).status_code == 201


def test_a_position_alone_is_enough_and_gets_its_quote(api, owner, article):
    start = article.current_revision.text.index("brighter future")
    data = w3c(article)
    data["target"]["selector"] = [{"type": "TextPositionSelector", "start": start, "end": start + 15}]
    quote = api(owner).post(data).json()["target"]["selector"][0]
    assert quote == {**quote, "type": "TextQuoteSelector", "exact": "brighter future"}


def test_offsets_are_code_points(api, owner, article):
    text = article.current_revision.text
    start = text.index("“a mutually")  # a curly quote is one code point (and one UTF-16 unit)
    position = api(owner).post(w3c(article, "“a mutually")).json()["target"]["selector"][1]
    assert position["start"] == start


def test_tags_come_back_as_tagging_bodies(api, owner, article):
    data = w3c(article, "brighter future")
    data["body"].append({"type": "TextualBody", "value": "rhetoric", "purpose": "tagging"})
    bodies = api(owner).post(data).json()["body"]
    assert {"type": "TextualBody", "value": "rhetoric", "purpose": "tagging"} in bodies


def test_body_value_is_accepted(api, owner, article):
    data = w3c(article, "brighter future")
    del data["body"]
    data["bodyValue"] = "plain"
    assert api(owner).post(data).json()["body"][0]["value"] == "plain"


def test_a_class_annotation_names_its_class(api, owner, article, classroom):
    data = w3c(article, "brighter future", visibility="class", **{"class": classroom.pk})
    created = api(owner).post(data).json()
    assert (created["visibility"], created["class"]) == ("class", classroom.pk)


def test_a_reply_targets_its_parent(api, owner, member, article, classroom):
    root = api(owner).post(w3c(article, "brighter future", visibility="class", **{"class": classroom.pk})).json()
    reply = api(member).post({"type": "Annotation", "motivation": "replying", "target": root["id"],
                              "bodyValue": "Indeed."})
    assert reply.status_code == 201
    data = reply.json()
    assert data["target"] == root["id"]
    assert (data["visibility"], data["class"]) == ("class", classroom.pk)
    assert "anchor" not in data


def test_a_reply_ignores_a_visibility_of_its_own(api, owner, article):
    root = api(owner).post(w3c(article, "brighter future")).json()
    reply = api(owner).post({"target": root["id"], "bodyValue": "PS", "visibility": "public"}).json()
    assert reply["visibility"] == "private"


def test_the_article_url_may_carry_a_paragraph_anchor(api, owner, article):
    data = w3c(article, "brighter future")
    data["target"]["source"] = article_url(article) + "#p3"
    assert api(owner).post(data).status_code == 201

