"""Classes and their members: my classes, create, join (by link or typed code), the class page
with its roster and join code, and the teachers' roster actions. Every write is a POST."""
from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from annotations.classroom import membership as service
from annotations.classroom.access import member_seat, teacher_seat
from annotations.classroom.forms import ClassroomForm, JoinForm, TeacherForm
from annotations.classroom.progress import progress_by_student, progress_of
from annotations.classroom.selectors import assignments_for, classes_of, roster
from annotations.errors import AnnotationError, NotAuthor
from annotations.models import Classroom
from edition.models import Article


@login_required
def my_classes(request):
    return render(request, "annotations/classes/my_classes.html", {
        "classes": classes_of(request.user), "join_form": JoinForm(), "nav": "classes"})


@login_required
@require_http_methods(["GET", "POST"])
def create(request):
    form = ClassroomForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            classroom = service.create_classroom(request.user, form.cleaned_data["name"])
        except AnnotationError as error:
            form.add_error("name", str(error))
        else:
            messages.success(request, f"Class “{classroom.name}” created. Give your students its join code.")
            return redirect("classes:detail", classroom.pk)
    return render(request, "annotations/classes/create.html", {"form": form, "nav": "classes"})


@login_required
@require_http_methods(["GET", "POST"])
def join(request):
    """The typed code: a GET shows the form, a POST with a valid code joins."""
    form = JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return _join(request, form.cleaned_data["code"], form)
    return render(request, "annotations/classes/join.html", {"form": form, "nav": "classes"})


@login_required
@require_http_methods(["GET", "POST"])
def join_link(request, code):
    """The join link: a GET shows which class it is and asks; the POST joins."""
    classroom = Classroom.objects.filter(join_code=code.strip().upper()).first()
    if classroom is None:
        raise Http404("No class has that join code.")
    if request.method == "POST":
        return _join(request, code, None)
    already = classroom.memberships.filter(user=request.user).exists()
    return render(request, "annotations/classes/join_link.html", {
        "classroom": classroom, "code": classroom.join_code, "already": already, "nav": "classes"})


def _join(request, code, form):
    try:
        membership = service.join_classroom(request.user, code)
    except AnnotationError as error:
        if form is None:
            raise Http404(str(error)) from None
        form.add_error("code", str(error))
        return render(request, "annotations/classes/join.html", {"form": form, "nav": "classes"}, status=400)
    messages.success(request, f"You are in “{membership.classroom.name}”.")
    return redirect("classes:detail", membership.classroom_id)


@login_required
def detail(request, pk):
    seat = member_seat(request, pk)
    classroom = seat.classroom
    assignments = list(assignments_for(request.user, classroom))
    context = {"seat": seat, "classroom": classroom, "members": list(roster(request.user, classroom)),
               "assignments": assignments, "nav": "classes", "teacher_form": TeacherForm(),
               "articles": Article.objects.filter(current_revision__isnull=False).only("slug", "title", "published")
               .order_by("published", "title")}
    if seat.is_teacher:
        context["join_url"] = request.build_absolute_uri(reverse("classes:join_link", args=[classroom.join_code]))
    else:
        progress = progress_by_student(request.user, classroom, assignments, author_ids=[request.user.pk])
        context["progress"] = [(a, progress_of(progress, request.user.pk, a)) for a in assignments]
    return render(request, "annotations/classes/detail.html", context)


@login_required
@require_POST
def rotate_code(request, pk):
    seat = teacher_seat(request, pk)
    service.rotate_join_code(request.user, seat.classroom)
    messages.success(request, "A new join code is ready; the old code and link no longer work.")
    return redirect("classes:detail", pk)


@login_required
@require_POST
def remove_member(request, pk, user_id):
    seat = teacher_seat(request, pk)
    member = get_object_or_404(get_user_model(), pk=user_id)
    _act(request, service.remove_member, request.user, seat.classroom, member,
         done=f"{member.get_username()} is no longer in the class.")
    return redirect("classes:detail", pk)


@login_required
@require_POST
def add_teacher(request, pk):
    seat = teacher_seat(request, pk)
    form = TeacherForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Give the co-teacher's username.")
    else:
        username = form.cleaned_data["username"]
        _act(request, service.add_teacher, request.user, seat.classroom, username,
             done=f"{username} now teaches this class.")
    return redirect("classes:detail", pk)


@login_required
@require_POST
def leave(request, pk):
    seat = member_seat(request, pk)
    if _act(request, service.leave_classroom, request.user, seat.classroom,
            done=f"You have left “{seat.classroom.name}”."):
        return redirect("classes:mine")
    return redirect("classes:detail", pk)


def _act(request, action, *args, done: str) -> bool:
    try:
        action(*args)
    except NotAuthor as error:
        raise PermissionDenied(str(error)) from None
    except AnnotationError as error:
        messages.error(request, str(error))
        return False
    messages.success(request, done)
    return True
