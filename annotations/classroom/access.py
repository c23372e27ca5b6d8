"""How the class views find the caller's seat: 404 to non-members (the class does not exist for
them), 403 to members who may see the page's subject but not do what they ask."""
from __future__ import annotations

from django.core.exceptions import PermissionDenied

from annotations.classroom.selectors import Seat, seat_or_404


def member_seat(request, pk) -> Seat:
    return seat_or_404(request.user, pk)


def teacher_seat(request, pk) -> Seat:
    seat = seat_or_404(request.user, pk)
    if not seat.is_teacher:
        raise PermissionDenied("Only the class's teachers may do this.")
    return seat
