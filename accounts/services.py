"""Writes on reader accounts."""
from django.contrib.auth import get_user_model
from django.db import transaction

from accounts.models import Profile


@transaction.atomic
def register_reader(*, username, password, email="", display_name=""):
    """Create a reader and their profile together: no account exists without one."""
    user = get_user_model().objects.create_user(username=username, email=email, password=password)
    user.profile = Profile.objects.create(user=user, display_name=display_name)
    return user
