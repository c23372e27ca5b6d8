"""Who sees which annotation: the one rule every view, API endpoint, search and export uses.

- private: the author only (a teacher never sees a student's private annotation);
- class: the members of that class, whatever their role;
- public: everyone, anonymous readers included;
- replies: as their thread's root (visibility and class are copied onto replies, so the
  rule reads the row's own columns);
- hidden by moderation: the author and the teachers of the annotation's class only; a reply
  in a hidden thread is hidden with it.

An author always sees their own annotations. The rule is one WHERE clause: two small
subqueries on memberships (indexed by user) and a join to the thread root on its primary key,
never a check per row.
"""
from __future__ import annotations

from django.db.models import Q, QuerySet

from annotations.models import Annotation, Membership


def visible_annotations(user, article=None) -> QuerySet[Annotation]:
    """The annotations `user` (a User, AnonymousUser or None) may see, of `article` if given."""
    annotations = Annotation.objects.all()
    if article is not None:
        annotations = annotations.filter(article=article)
    return annotations.filter(visibility_rule(user))


def orphaned_annotations(user, article) -> QuerySet[Annotation]:
    """The thread roots of `article` that `user` may see and that lost their place in the text."""
    return visible_annotations(user, article).filter(parent__isnull=True, state=Annotation.ORPHANED)


def visibility_rule(user) -> Q:
    not_hidden = Q(hidden=False) & (Q(root__isnull=True) | Q(root__hidden=False))
    public = Q(visibility=Annotation.PUBLIC)
    if user is None or not user.is_authenticated:
        return public & not_hidden
    member_of = Membership.objects.filter(user=user).values("classroom_id")
    teacher_of = Membership.objects.filter(user=user, role=Membership.TEACHER).values("classroom_id")
    in_class = Q(visibility=Annotation.CLASS, classroom__in=member_of)
    moderated_by_user = Q(visibility=Annotation.CLASS, classroom__in=teacher_of)
    return Q(author=user) | ((public | in_class) & (not_hidden | moderated_by_user))
