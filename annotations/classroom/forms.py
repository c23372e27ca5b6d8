"""Forms of the class pages: they validate shapes; the services decide the rules."""
from __future__ import annotations

from django import forms

from annotations.classroom.models import PROMPT_MAX_LENGTH, Assignment
from annotations.models import BODY_MAX_LENGTH, JOIN_CODE_LENGTH
from edition.models import Article


class ClassroomForm(forms.Form):
    name = forms.CharField(max_length=200, label="Name of the class",
                           help_text="For example “Modern East Asia, Year 12”.")


class JoinForm(forms.Form):
    code = forms.CharField(max_length=16, label="Join code",
                           help_text=f"The {JOIN_CODE_LENGTH} letters and digits your teacher gave you.",
                           widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters",
                                                         "spellcheck": "false"}))


class TeacherForm(forms.Form):
    username = forms.CharField(max_length=150, label="Username of the co-teacher",
                               widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}))


class DateInput(forms.DateInput):
    input_type = "date"


class AssignmentForm(forms.Form):
    title = forms.CharField(max_length=200)
    articles = forms.ModelMultipleChoiceField(
        queryset=Article.objects.filter(current_revision__isnull=False).select_related("current_revision")
        .order_by("published", "title"),
        widget=forms.CheckboxSelectMultiple, help_text="A paragraph range needs exactly one article.")
    from_block = forms.IntegerField(required=False, min_value=1, label="From paragraph",
                                    help_text="Optional: limit the assignment to a range of paragraphs.")
    to_block = forms.IntegerField(required=False, min_value=1, label="To paragraph (included)")
    prompt = forms.CharField(required=False, max_length=PROMPT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 6}),
                             help_text="What to look for. Markdown: *emphasis*, **bold**, lists, links.")
    due = forms.DateField(widget=DateInput, label="Due date")
    min_annotations = forms.IntegerField(min_value=0, max_value=1000, initial=3, label="At least this many annotations")
    min_replies = forms.IntegerField(min_value=0, max_value=1000, initial=1, label="At least this many replies")

    @classmethod
    def for_assignment(cls, assignment: Assignment, data=None):
        initial = {name: getattr(assignment, name) for name in (
            "title", "from_block", "to_block", "prompt", "due", "min_annotations", "min_replies")}
        initial["articles"] = list(assignment.articles.all())
        return cls(data, initial=initial)


class NoteForm(forms.Form):
    """A class annotation without JavaScript: the paragraph and the exact words to mark."""

    paragraph = forms.IntegerField(min_value=1, label="Paragraph number")
    exact = forms.CharField(max_length=2000, label="Words to annotate",
                            help_text="Copy them exactly as they appear in that paragraph.")
    body = forms.CharField(required=False, max_length=BODY_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 4}),
                           label="Your annotation", help_text="Markdown.")
    tags = forms.CharField(required=False, max_length=400, label="Tags",
                           help_text="Separated by commas, e.g. question, rhetoric.")

    def tag_list(self) -> list[str]:
        return [tag.strip() for tag in self.cleaned_data.get("tags", "").split(",") if tag.strip()]


class ReplyForm(forms.Form):
    body = forms.CharField(max_length=BODY_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 2}), label="Reply")


class FlagForm(forms.Form):
    reason = forms.CharField(required=False, max_length=500, label="Why? (optional)")
