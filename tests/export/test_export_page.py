"""The export page: a form offering only what the user may have, and the file as a download with
a proper name; a class's annotations are a 403 for anyone but its teachers."""
import re

import pytest
from django.test import Client

from .data import SECRET


def client_for(user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def test_the_page_offers_none_and_public_to_everyone(people):
    page = client_for().get("/export/").content.decode()
    assert 'value="none"' in page and 'value="public"' in page
    assert 'value="mine"' not in page and "class:" not in page


def test_a_student_may_export_their_own_but_not_the_class(people):
    page = client_for(people.student).get("/export/").content.decode()
    assert 'value="mine"' in page and "class:" not in page


def test_a_teacher_may_export_the_class(people):
    page = client_for(people.teacher).get("/export/").content.decode()
    assert f'value="class:{people.classroom.pk}"' in page


def test_every_article_can_be_chosen_and_every_format(people):
    page = client_for().get("/export/").content.decode()
    assert f'value="{people.kishida.slug}"' in page
    for name in ("html", "epub", "pdf", "tei", "w3c", "md", "csv"):
        assert f'value="{name}"' in page


def test_the_site_navigation_links_to_it(people):
    page = client_for().get("/").content.decode()
    assert re.search(r'<a href="/export/"[^>]*>Export</a>', page)


def test_it_downloads_with_the_editions_name_and_the_day(people):
    response = client_for().get("/export/", {"scope": "all", "annotations": "none", "format": "epub"})
    assert response.status_code == 200
    assert re.fullmatch(r'attachment; filename="china-japan-edition-\d{4}-\d{2}-\d{2}\.epub"',
                        response["Content-Disposition"])
    assert response["Content-Type"] == "application/epub+zip"
    assert b"".join(response.streaming_content).startswith(b"PK")


def test_a_teacher_downloads_the_class_anonymised(people):
    response = client_for(people.teacher).get("/export/", {
        "scope": "chosen", "articles": [people.kishida.slug], "annotations": f"class:{people.classroom.pk}",
        "anonymise": "on", "format": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert response.status_code == 200 and "Teacher 1" in text
    assert not [name for name in people.names if name in text]


def test_the_w3c_ids_are_the_sites_own(people):
    response = client_for(people.student).get("/export/", {"scope": "all", "annotations": "mine", "format": "w3c"})
    text = b"".join(response.streaming_content).decode()
    assert '"id": "http://testserver/api/annotations/' in text and SECRET not in text


@pytest.mark.parametrize("who", ["student", "outsider", None])
def test_the_class_set_is_forbidden_to_anyone_but_its_teachers(people, who):
    user = getattr(people, who) if who else None
    response = client_for(user).get("/export/", {"scope": "all", "format": "csv",
                                                 "annotations": f"class:{people.classroom.pk}"})
    assert response.status_code == 403


def test_an_unknown_class_is_forbidden_too(people):
    response = client_for(people.teacher).get("/export/", {"scope": "all", "format": "csv", "annotations": "class:x"})
    assert response.status_code == 403


def test_mine_is_forbidden_to_an_anonymous_reader(people):
    response = client_for().get("/export/", {"scope": "all", "format": "csv", "annotations": "mine"})
    assert response.status_code == 403


def test_choosing_no_article_is_a_form_error(people):
    response = client_for().get("/export/", {"scope": "chosen", "annotations": "none", "format": "md"})
    assert response.status_code == 400 and "Choose at least one article" in response.content.decode()


def test_an_unknown_format_is_a_form_error(people):
    response = client_for().get("/export/", {"scope": "all", "annotations": "none", "format": "docx"})
    assert response.status_code == 400


def test_a_pdf_of_too_many_articles_is_a_form_error(people, monkeypatch):
    monkeypatch.setattr("edition.export.forms.MAX_PDF_ARTICLES", 2)
    response = client_for().get("/export/", {"scope": "all", "annotations": "none", "format": "pdf"})
    assert response.status_code == 400 and "at most 2 articles" in response.content.decode()
    assert "manage.py export --format pdf" in response.content.decode()


def test_the_page_says_how_many_articles_a_pdf_may_hold(people, monkeypatch):
    monkeypatch.setattr("edition.export.forms.MAX_PDF_ARTICLES", 7)
    page = client_for().get("/export/").content.decode()
    assert "at most 7 articles" in page


def test_a_pdf_of_chosen_articles_within_the_limit_downloads(people, monkeypatch):
    monkeypatch.setattr("edition.export.forms.MAX_PDF_ARTICLES", 2)
    response = client_for().get("/export/", {"scope": "chosen", "articles": [people.kishida.slug, people.asianews.slug],
                                             "annotations": "none", "format": "pdf"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
