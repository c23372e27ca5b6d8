"""Assignments: the list (students see how far they are; teachers how many have finished),
one assignment, and the teachers' create / edit / delete."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from annotations.classroom import assignments as service
from annotations.classroom.access import member_seat, teacher_seat
from annotations.classroom.forms import AssignmentForm
from annotations.classroom.progress import progress_by_student, progress_of
from annotations.classroom.selectors import assignment_or_404, assignments_for, students_of
from annotations.errors import AnnotationError


@login_required
def assignment_list(request, pk):
    seat = member_seat(request, pk)
    assignments = list(assignments_for(request.user, seat.classroom))
    rows = _progress_rows(request.user, seat, assignments)
    return render(request, "annotations/classes/assignments.html", {
        "seat": seat, "classroom": seat.classroom, "rows": rows, "nav": "classes"})


@login_required
def assignment_detail(request, pk, assignment_id):
    seat = member_seat(request, pk)
    assignment = assignment_or_404(request.user, seat.classroom, assignment_id)
    context = {"seat": seat, "classroom": seat.classroom, "assignment": assignment, "nav": "classes"}
    if seat.is_teacher:
        students = list(students_of(seat.classroom))
        progress = progress_by_student(request.user, seat.classroom, [assignment])
        context["students"] = [(m, progress_of(progress, m.user_id, assignment)) for m in students]
    else:
        progress = progress_by_student(request.user, seat.classroom, [assignment], author_ids=[request.user.pk])
        context["progress"] = progress_of(progress, request.user.pk, assignment)
    return render(request, "annotations/classes/assignment.html", context)


def _progress_rows(user, seat, assignments):
    """(assignment, the student's progress) for a student; (assignment, students complete,
    students) for a teacher. One aggregate query either way."""
    if not assignments:
        return []
    if not seat.is_teacher:
        progress = progress_by_student(user, seat.classroom, assignments, author_ids=[user.pk])
        return [(a, progress_of(progress, user.pk, a)) for a in assignments]
    students = [m.user_id for m in students_of(seat.classroom)]
    progress = progress_by_student(user, seat.classroom, assignments)
    return [(a, sum(progress_of(progress, s, a).is_complete for s in students), len(students)) for a in assignments]


@login_required
@require_http_methods(["GET", "POST"])
def assignment_create(request, pk):
    seat = teacher_seat(request, pk)
    form = AssignmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        assignment = _save(form, lambda draft: service.create_assignment(request.user, seat.classroom, draft))
        if assignment:
            messages.success(request, f"Assignment “{assignment.title}” set.")
            return redirect("classes:assignment", pk, assignment.pk)
    return render(request, "annotations/classes/assignment_form.html", {
        "seat": seat, "classroom": seat.classroom, "form": form, "nav": "classes"},
        status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def assignment_edit(request, pk, assignment_id):
    seat = teacher_seat(request, pk)
    assignment = assignment_or_404(request.user, seat.classroom, assignment_id)
    form = AssignmentForm.for_assignment(assignment, request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _save(form, lambda draft: service.update_assignment(request.user, assignment, draft)):
            messages.success(request, "Assignment saved.")
            return redirect("classes:assignment", pk, assignment.pk)
    return render(request, "annotations/classes/assignment_form.html", {
        "seat": seat, "classroom": seat.classroom, "form": form, "assignment": assignment, "nav": "classes"},
        status=400 if form.errors else 200)


@login_required
@require_POST
def assignment_delete(request, pk, assignment_id):
    seat = teacher_seat(request, pk)
    assignment = assignment_or_404(request.user, seat.classroom, assignment_id)
    service.delete_assignment(request.user, assignment)
    messages.success(request, f"Assignment “{assignment.title}” deleted.")
    return redirect("classes:assignments", pk)


def _save(form, write):
    data = form.cleaned_data
    draft = service.AssignmentDraft(
        title=data["title"], articles=list(data["articles"]), due=data["due"], prompt=data["prompt"],
        from_block=data["from_block"], to_block=data["to_block"],
        min_annotations=data["min_annotations"], min_replies=data["min_replies"])
    try:
        return write(draft)
    except AnnotationError as error:
        form.add_error(None, str(error))
        return None
