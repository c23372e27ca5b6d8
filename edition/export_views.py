"""The export page: a form (GET) and, once a format is chosen, the file as a download.

Views stay thin: the form says what the user may ask for; `assemble_edition` enforces who may
have which annotations (a class's are for its teachers: anyone else gets 403, whatever they send).
"""
import tempfile

from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import render

from annotations.models import Classroom
from edition.export.assemble import assemble_edition
from edition.export.formats import FORMATS, export, file_name
from edition.export.forms import ExportForm
from edition.export.selection import is_teacher


def requested_classroom(request):
    """The class a request asks for (checked before the form, so that asking is a 403, not a 400)."""
    kind, _, pk = request.GET.get("annotations", "").partition(":")
    if kind != "class":
        return None
    classroom = Classroom.objects.filter(pk=pk).first() if pk.isdigit() else None
    if not is_teacher(request.user, classroom):
        raise PermissionDenied("Only the class's teachers may export its annotations.")
    return classroom


def export_page(request):
    if "format" not in request.GET:
        return render(request, "edition/export.html", {"form": ExportForm(request.user), "nav": "export"})
    classroom = requested_classroom(request)
    if request.GET.get("annotations") == "mine" and not request.user.is_authenticated:
        raise PermissionDenied("Sign in to export your own annotations.")
    form = ExportForm(request.user, request.GET)
    if not form.is_valid():
        return render(request, "edition/export.html", {"form": form, "nav": "export"}, status=400)
    kind, _ = form.chosen_annotations()
    edition = assemble_edition(form.chosen_scope(), kind, user=request.user, classroom=classroom,
                               anonymise=form.cleaned_data["anonymise"],
                               base_url=request.build_absolute_uri("/").rstrip("/"))
    name = form.cleaned_data["format"]
    output = tempfile.TemporaryFile()
    export(edition, name, output)
    output.seek(0)
    return FileResponse(output, as_attachment=True, filename=file_name(edition, name),
                        content_type=FORMATS[name].content_type)
