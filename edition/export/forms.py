"""The export page's form: what to export, with which annotations, in which format.

The annotation choices are those the user may have: none and public for everyone, their own when
signed in, a class's for each class they teach.
"""
from __future__ import annotations

from django import forms

from annotations.models import Classroom, Membership
from edition.models import Article

from .formats import FORMATS

#: The page answers only once the PDF is made. Memory no longer limits it (laid out in batches,
#: see docs/performance.md) but time does: about a second an article with the back matter, so
#: 20 articles take ~24 s, within gunicorn's 30-second worker timeout (`make run`), and a worker
#: is not held for minutes. Longer books: the EPUB, or `manage.py export --format pdf`.
MAX_PDF_ARTICLES = 20


def annotation_choices(user) -> list[tuple[str, str]]:
    choices = [("none", "None: the texts and the apparatus only"), ("public", "The public annotations")]
    if user is not None and user.is_authenticated:
        choices.append(("mine", "My own annotations (with the replies to them)"))
        taught = Classroom.objects.filter(memberships__user=user, memberships__role=Membership.TEACHER)
        choices += [(f"class:{room.pk}", f"The annotations of my class “{room.name}”") for room in taught]
    return choices


class ExportForm(forms.Form):
    scope = forms.ChoiceField(choices=[("all", "The whole edition"), ("chosen", "The articles I choose")],
                              initial="all", widget=forms.RadioSelect)
    articles = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple)
    annotations = forms.ChoiceField(initial="none", widget=forms.RadioSelect)
    format = forms.ChoiceField(choices=[(f.name, f.label) for f in FORMATS.values()], initial="epub",
                               widget=forms.RadioSelect)
    anonymise = forms.BooleanField(required=False, label="Anonymise the readers (Reader 1, Reader 2…)")

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        articles = Article.objects.filter(current_revision__isnull=False).order_by("published", "title")
        self.fields["articles"].choices = list(articles.values_list("slug", "title"))
        self.fields["annotations"].choices = annotation_choices(user)

    def clean(self):
        data = super().clean()
        if data.get("scope") == "chosen" and not data.get("articles"):
            self.add_error("articles", "Choose at least one article, or export the whole edition.")
        count = len(data.get("articles") or []) if data.get("scope") == "chosen" else len(self.fields["articles"].choices)
        if data.get("format") == "pdf" and count > MAX_PDF_ARTICLES:
            self.add_error("format", f"A PDF made here holds at most {MAX_PDF_ARTICLES} articles (it takes about a "
                                     "second an article, and this page must answer within half a minute): choose "
                                     "fewer, take the EPUB, or ask an editor for the whole edition as a PDF "
                                     "(`manage.py export --format pdf`).")
        return data

    @property
    def max_pdf_articles(self) -> int:
        return MAX_PDF_ARTICLES

    def chosen_scope(self):
        return self.cleaned_data["articles"] if self.cleaned_data["scope"] == "chosen" else "all"

    def chosen_annotations(self) -> tuple[str, int | None]:
        kind, _, pk = self.cleaned_data["annotations"].partition(":")
        return kind, int(pk) if pk else None
