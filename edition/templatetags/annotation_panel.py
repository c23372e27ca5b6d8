"""{% annotation_item a placed %}: one thread of the reading page's annotations panel, rendered
from edition/_annotation_item.html and remembered.

A page may list a thousand threads; rendering the item template costs about 0.3 ms each, most of
the page's time at that size. An item's HTML is a function of its AnnotationView (a frozen
dataclass: every field, the replies and their bodies included, is part of its value), of whether it
is placed, of whether the reader is signed in, and of the active language and time zone (dates);
so it is kept, per process, under a key made of exactly those, in a least-recently-used memory
bounded in characters. The template is given only those values (no request, no user object),
so it cannot come to depend on anything else unnoticed. Nothing needs invalidating: a changed
annotation is a different key, and the memory starts empty when the site restarts with new code.
"""
from __future__ import annotations

import threading
from collections import OrderedDict

from django import template
from django.template.loader import get_template
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

register = template.Library()

ITEM_TEMPLATE = "edition/_annotation_item.html"
MAX_CHARACTERS = 8_000_000  # ~8-30 MB a process: the panels of a few very busy articles
MAX_ITEM_CHARACTERS = MAX_CHARACTERS // 100


class RenderedItems:
    """A thread-safe LRU mapping of keys to HTML, holding at most `max_characters` of HTML."""

    def __init__(self, max_characters: int):
        self.max_characters, self.characters = max_characters, 0
        self._items: OrderedDict[tuple, str] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key) -> str | None:
        with self._lock:
            html = self._items.get(key)
            if html is not None:
                self._items.move_to_end(key)
            return html

    def put(self, key, html: str) -> None:
        if len(html) > MAX_ITEM_CHARACTERS:
            return
        with self._lock:
            if key in self._items:
                return
            self._items[key] = html
            self.characters += len(html)
            while self.characters > self.max_characters:
                _, dropped = self._items.popitem(last=False)
                self.characters -= len(dropped)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self.characters = 0

    def __len__(self) -> int:
        return len(self._items)


rendered_items = RenderedItems(MAX_CHARACTERS)


@register.simple_tag(takes_context=True)
def annotation_item(context, view, placed) -> str:
    user = context.get("user")
    signed_in = bool(user is not None and user.is_authenticated)
    placed = bool(placed)
    key = (view, placed, signed_in, translation.get_language(), timezone.get_current_timezone_name())
    html = rendered_items.get(key)
    if html is None:
        html = get_template(ITEM_TEMPLATE).render({"a": view, "placed": placed, "signed_in": signed_in})
        rendered_items.put(key, html)
    return mark_safe(html)
