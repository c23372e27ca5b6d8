"""Template helpers for naming the reader and sending them back after logging in."""
from urllib.parse import quote

from django import template

from accounts.models import display_name as _display_name

register = template.Library()


@register.filter
def display_name(user):
    return _display_name(user)


@register.simple_tag(takes_context=True)
def next_query(context):
    """"?next=<this page>" for a Log in or Sign up link, except from the account pages themselves
    and the home page, where coming back is pointless."""
    request = context.get("request")
    if request is None or request.path == "/":
        return ""
    if getattr(request.resolver_match, "namespace", "") == "accounts":
        return ""
    return "?next=" + quote(request.get_full_path(), safe="")
