"""The site nav in base.html, as every page shows it."""
import re

from django.urls import reverse


def test_a_visitor_sees_log_in_and_sign_up(client, db):
    html = client.get(reverse("accounts:password_reset")).content.decode()
    assert f'href="{reverse("accounts:login")}"' in html
    assert f'href="{reverse("accounts:signup")}"' in html
    assert "Log out" not in html


def test_a_reader_sees_their_name_and_a_log_out_form(reader_client):
    html = reader_client.get(reverse("accounts:password_change")).content.decode()
    assert f'<a href="{reverse("accounts:profile")}">Mei Tanaka</a>' in html
    form = re.search(r'<form method="post" action="/accounts/logout/">.*?</form>', html).group(0)
    assert 'name="csrfmiddlewaretoken"' in form
    assert "Log in" not in html


def test_log_in_links_come_back_to_the_page(rf):
    from django.template import Context, Template
    from django.urls import resolve

    request = rf.get("/articles/x/?q=1")
    request.resolver_match = resolve("/")
    html = Template("{% load readers %}{% next_query %}").render(Context({"request": request}))
    assert html == "?next=%2Farticles%2Fx%2F%3Fq%3D1"


def test_account_pages_do_not_send_readers_back_to_themselves(client, db):
    html = client.get(reverse("accounts:login")).content.decode()
    assert "?next=" not in html


def test_pages_have_no_inline_scripts_or_styles(client, reader_client):
    for page in ("signup", "login", "password_reset"):
        html = client.get(reverse(f"accounts:{page}")).content.decode()
        assert "style=" not in html and "<script" not in html and "<style" not in html
    html = reader_client.get(reverse("accounts:profile")).content.decode()
    assert "style=" not in html and "<script" not in html
