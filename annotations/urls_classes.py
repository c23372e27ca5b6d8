"""The class pages; config.urls mounts them under "classes/"."""
from django.urls import path

from annotations.classroom import views_assignments as assignments
from annotations.classroom import views_classes as classes
from annotations.classroom import views_reading as reading
from annotations.classroom import views_teacher as teacher

app_name = "classes"
urlpatterns = [
    path("", classes.my_classes, name="mine"),
    path("new/", classes.create, name="create"),
    path("join/", classes.join, name="join"),
    path("join/<str:code>/", classes.join_link, name="join_link"),
    path("<int:pk>/", classes.detail, name="detail"),
    path("<int:pk>/code/rotate/", classes.rotate_code, name="rotate_code"),
    path("<int:pk>/members/<int:user_id>/remove/", classes.remove_member, name="remove_member"),
    path("<int:pk>/teachers/add/", classes.add_teacher, name="add_teacher"),
    path("<int:pk>/leave/", classes.leave, name="leave"),
    path("<int:pk>/assignments/", assignments.assignment_list, name="assignments"),
    path("<int:pk>/assignments/new/", assignments.assignment_create, name="assignment_create"),
    path("<int:pk>/assignments/<int:assignment_id>/", assignments.assignment_detail, name="assignment"),
    path("<int:pk>/assignments/<int:assignment_id>/edit/", assignments.assignment_edit, name="assignment_edit"),
    path("<int:pk>/assignments/<int:assignment_id>/delete/", assignments.assignment_delete, name="assignment_delete"),
    path("<int:pk>/teacher/", teacher.teacher_view, name="teacher"),
    path("<int:pk>/export.csv", teacher.export_csv, name="export"),
    path("<int:pk>/articles/<slug:slug>/", reading.class_article, name="article"),
    path("<int:pk>/articles/<slug:slug>/annotate/", reading.annotate, name="annotate"),
    path("<int:pk>/annotations/<int:annotation_id>/reply/", reading.reply, name="reply"),
    path("<int:pk>/annotations/<int:annotation_id>/hide/", reading.hide, name="hide"),
    path("<int:pk>/annotations/<int:annotation_id>/restore/", reading.restore, name="restore"),
    path("<int:pk>/annotations/<int:annotation_id>/flag/", reading.flag, name="flag"),
    path("<int:pk>/flags/<int:flag_id>/dismiss/", reading.dismiss_flag, name="dismiss_flag"),
]
