"""A reader's profile: what the site shows of them beside their username."""
from django.conf import settings
from django.db import models


class Profile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    display_name = models.CharField(
        max_length=80, blank=True, help_text="Shown beside your annotations. Leave blank to use your username."
    )

    def __str__(self):
        return display_name(self.user)


def profile_for(user):
    """The user's profile, created on first use for accounts made before profiles existed
    (createsuperuser, the admin). Reads go through display_name(), which never writes."""
    profile, _ = Profile.objects.get_or_create(user=user)
    user.profile = profile
    return profile


def display_name(user):
    """The name to show for a user: the display name they chose, else their full name (accounts
    made in the admin), else their username.

    Lists of users should select_related("profile") (or "user__profile") to avoid a query each."""
    if user is None or not user.is_authenticated:
        return ""
    try:
        chosen = user.profile.display_name
    except Profile.DoesNotExist:
        chosen = ""
    return chosen.strip() or user.get_full_name().strip() or user.get_username()
