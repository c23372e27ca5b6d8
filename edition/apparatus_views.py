"""Pages of the apparatus: glossary, register, entry, events, event, timeline, and their JSON."""
from itertools import groupby

from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from edition.markdown import render_markdown
from edition.models import Entry, Event
from edition.services import apparatus


def initial(entry):
    letter = entry.sort_key[:1].upper()
    return letter if letter.isalpha() else "#"


@require_safe
def glossary(request):
    entries = Entry.objects.filter(kind__in=Entry.GLOSSARY_KINDS)
    letters = [(letter, list(group)) for letter, group in groupby(entries, key=initial)]
    return render(request, "edition/glossary.html", {"letters": letters, "nav": "glossary"})


@require_safe
def register(request):
    sections = []
    for kind, heading in (("person", "Persons"), ("place", "Places"), ("organisation", "Organisations")):
        sections.append((kind, heading, list(Entry.objects.filter(kind=kind))))
    return render(request, "edition/register.html", {"sections": sections, "nav": "register"})


@require_safe
def entry(request, slug):
    entry = get_object_or_404(Entry.objects.prefetch_related("aliases", "see_also"), slug=slug)
    return render(request, "edition/entry.html", {
        "entry": entry,
        "note_html": mark_safe(render_markdown(entry.note)),
        "occurrences": apparatus.entry_occurrences(entry),
        "events": entry.events.all(),
        "nav": "glossary" if entry.in_glossary else "register",
    })


@require_safe
def events(request):
    return render(request, "edition/events.html", {
        "events": Event.objects.select_related("place"), "nav": "events"})


@require_safe
def event(request, slug):
    event = get_object_or_404(Event.objects.select_related("place").prefetch_related("participants"), slug=slug)
    return render(request, "edition/event.html", {
        "event": event,
        "when": apparatus.short_date(event),
        "description_html": mark_safe(render_markdown(event.description)),
        "accounts": apparatus.event_accounts(event),
        "nav": "events",
    })


@require_safe
def timeline(request):
    return render(request, "edition/timeline.html", {
        "svg": mark_safe(apparatus.edition_timeline()), "nav": "timeline"})


@require_safe
def events_api(request):
    return JsonResponse(apparatus.events_json(), safe=False, json_dumps_params={"ensure_ascii": False})


@require_safe
def entries_api(request):
    return JsonResponse(apparatus.entries_json(), safe=False, json_dumps_params={"ensure_ascii": False})
