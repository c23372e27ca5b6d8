from django.contrib.auth.models import AnonymousUser

from accounts import models, names
from accounts.models import Profile, display_name


def test_it_returns_the_display_name(reader):
    assert display_name(reader) == "Mei Tanaka"


def test_it_falls_back_to_the_username_without_a_profile(django_user_model):
    user = django_user_model.objects.create_user("old-timer")
    assert display_name(user) == "old-timer"
    assert not Profile.objects.filter(user=user).exists()  # reading never writes


def test_it_falls_back_to_the_username_when_blank(reader):
    reader.profile.display_name = "   "
    assert display_name(reader) == "mei"


def test_it_is_empty_for_anonymous_visitors():
    assert display_name(AnonymousUser()) == ""
    assert display_name(None) == ""


def test_other_apps_can_import_it_from_either_module():
    assert names.display_name is models.display_name
