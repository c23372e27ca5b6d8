from django import forms
from django.contrib.auth.forms import UserCreationForm

from accounts.models import Profile

DISPLAY_NAME_MAX = Profile._meta.get_field("display_name").max_length


class SignUpForm(UserCreationForm):
    """Username, display name, optional e-mail, password twice. Validates only: the view
    creates the account through accounts.services.register_reader."""

    display_name = forms.CharField(
        max_length=DISPLAY_NAME_MAX,
        required=False,
        help_text="Shown beside your annotations. Leave blank to use your username.",
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    field_order = ["username", "display_name", "email", "password1", "password2"]

    class Meta(UserCreationForm.Meta):
        fields = ("username", "email")
        help_texts = {"email": "Optional. Used only to send you a link if you forget your password."}
        widgets = {"email": forms.EmailInput(attrs={"autocomplete": "email"})}


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Profile
        fields = ["display_name"]
        widgets = {"display_name": forms.TextInput(attrs={"autocomplete": "nickname"})}
