"""The site navigation (edition.templatetags.site_nav) and the per-process links behind it."""
import pytest
from django.contrib.auth.models import User
from django.test import override_settings
from django.urls import reverse

from accounts.models import Profile

pytestmark = pytest.mark.django_db


def nav(html):
    return html.split('<nav class="site-nav"', 1)[1].split("</nav>", 1)[0]


def test_the_current_page_is_marked_and_no_other(client):
    html = nav(client.get(reverse("edition:glossary")).content.decode())
    assert '<a href="/glossary/" aria-current="page">Glossary</a>' in html
    assert html.count("aria-current") == 1


def test_editors_see_the_editing_links_and_readers_do_not(client):
    reader = User.objects.create_user("mei", password="x")
    client.force_login(reader)
    assert "Suggestions" not in nav(client.get("/").content.decode())
    editor = User.objects.create_user("ed", password="x", is_staff=True)
    client.force_login(editor)
    html = nav(client.get("/").content.decode())
    assert f'<a href="{reverse("admin:index")}">Editing</a>' in html
    assert f'<a href="{reverse("edition:suggestions")}">Suggestions</a>' in html


def test_a_display_name_is_escaped(client):
    reader = User.objects.create_user("mei", password="x")
    Profile.objects.create(user=reader, display_name="<b>Mei</b>")
    client.force_login(reader)
    html = nav(client.get("/").content.decode())
    assert "&lt;b&gt;Mei&lt;/b&gt;" in html and "<b>Mei</b>" not in html


def test_links_follow_a_change_of_static_url(client):
    with override_settings(STATIC_URL="/assets/"):
        assert 'href="/assets/css/edition.css"' in client.get("/").content.decode()
    assert 'href="/static/css/edition.css"' in client.get("/").content.decode()
