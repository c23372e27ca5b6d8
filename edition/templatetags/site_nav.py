"""The site's navigation, built in one call.

As template markup it was thirty-odd `{% if %}`/`{% url %}` nodes evaluated on every page, a
sixth of the article page's time; here it is one pass over a fixed list. The URLs come from the
per-process `links` of edition.context_processors.
"""
from django import template
from django.middleware.csrf import get_token
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from accounts.templatetags.readers import display_name, next_query

register = template.Library()

# (key in `links` and value of the view's `nav`, label): everyone's items, then readers' own.
EVERYONE = (("contents", "Contents"), ("glossary", "Glossary"), ("register", "Register"),
            ("events", "Events"), ("timeline", "Timeline"), ("export", "Export"))
STAFF = (("admin", "Editing"), ("suggestions", "Suggestions"))


def _items(links, nav, entries, suffix=""):
    return format_html_join(
        "\n", '<li><a href="{}{}"{}>{}</a></li>',
        ((links[key], suffix, mark_safe(' aria-current="page"') if nav == key else "", label)
         for key, label in entries))


@register.simple_tag(takes_context=True)
def site_nav(context):
    """The <li> items of the site navigation for this reader; `nav` (from the view) marks the
    current page with aria-current."""
    links, nav, user = context["links"], context.get("nav"), context.get("user")
    parts = [_items(links, nav, EVERYONE)]
    if user is not None and user.is_staff:
        parts.append(_items(links, None, STAFF))
    if user is not None and user.is_authenticated:
        parts.append(_items(links, nav, (("classes", "Classes"), ("profile", display_name(user)))))
        parts.append(format_html(
            '<li><form method="post" action="{}"><input type="hidden" name="csrfmiddlewaretoken" value="{}">'
            '<button type="submit" class="nav-button">Log out</button></form></li>',
            links["logout"], get_token(context["request"])))
    else:
        back = next_query(context)
        parts.append(_items(links, nav, (("login", "Log in"), ("signup", "Sign up")), suffix=back))
    # Whitespace between the items, as in hand-written markup: the list wraps at those gaps.
    return mark_safe("\n".join(parts))
