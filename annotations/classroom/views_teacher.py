"""The teacher's view of a class (who engaged with what) and the class export. Teachers only:
members who are students get 403, everyone else 404."""
from __future__ import annotations

import csv

from django.contrib.auth.decorators import login_required
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import slugify

from annotations.classroom.access import teacher_seat
from annotations.classroom.engagement import open_flags, open_questions, student_rows
from annotations.classroom.export import class_csv_rows
from annotations.classroom.heatstrip import class_heat
from annotations.classroom.selectors import assignments_for


@login_required
def teacher_view(request, pk):
    seat = teacher_seat(request, pk)
    classroom = seat.classroom
    assignments = list(assignments_for(request.user, classroom))
    assigned = {article.pk for a in assignments for article in a.articles.all()}
    questions, question_total = open_questions(request.user, classroom)
    return render(request, "annotations/classes/teacher.html", {
        "seat": seat, "classroom": classroom, "nav": "classes",
        "assignments": assignments,
        "students": student_rows(request.user, classroom, assignments),
        "strips": class_heat(request.user, classroom, assigned),
        "questions": questions, "question_total": question_total,
        "flags": open_flags(request.user, classroom),
    })


class Echo:
    """csv.writer's file: hands each line straight back, for streaming."""

    def write(self, value):
        return value


@login_required
def export_csv(request, pk):
    seat = teacher_seat(request, pk)
    anonymise = request.GET.get("anonymise") in {"1", "true", "yes", "on"}
    writer = csv.writer(Echo())
    rows = class_csv_rows(request.user, seat.classroom, anonymise=anonymise)
    name = f"{slugify(seat.classroom.name) or 'class'}-annotations-{timezone.localdate():%Y-%m-%d}"
    name += "-anonymised" if anonymise else ""
    response = StreamingHttpResponse((writer.writerow(row) for row in rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    response["Cache-Control"] = "private, no-store"
    return response
