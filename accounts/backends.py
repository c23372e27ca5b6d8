"""Authentication backend: Django's own, with the reader's profile loaded alongside the user.

Every page names the logged-in reader (their chosen display name, in accounts.Profile): reading
the profile with the user saves that query on every request."""
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class ProfileModelBackend(ModelBackend):
    def get_user(self, user_id):
        user_model = get_user_model()
        try:
            user = user_model._default_manager.select_related("profile").get(pk=user_id)
        except user_model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
