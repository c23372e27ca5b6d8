"""The search page's GET parameters, checked: a bad value is a message for the reader, never an error."""
from datetime import date

from django import forms

from search.models import SearchDocument
from search.service import ANNOTATION_FILTERS, Filters

EARLIEST, LATEST = date(1000, 1, 1), date(2999, 12, 31)


class SearchForm(forms.Form):
    q = forms.CharField(required=False, label="Search for")
    kind = forms.ChoiceField(required=False, choices=[("", "Everything"), *SearchDocument.KINDS])
    publication = forms.CharField(required=False, max_length=200)
    article = forms.IntegerField(required=False, min_value=1, max_value=2**62)
    tag = forms.CharField(required=False, max_length=64)
    date_from = forms.DateField(required=False, label="From")
    date_to = forms.DateField(required=False, label="To")
    annotations = forms.ChoiceField(required=False, choices=[("", "All"), *((v, v) for v in ANNOTATION_FILTERS)])
    page = forms.IntegerField(required=False, min_value=1, max_value=100_000)

    def clean(self):
        data = super().clean()
        for name in ("date_from", "date_to"):
            day = data.get(name)
            if day is not None and not EARLIEST <= day <= LATEST:
                self.add_error(name, f"Give a date between the years {EARLIEST.year} and {LATEST.year}.")
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The end date is before the start date.")
        return data

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(kind=data["kind"], publication=data["publication"], article=data["article"],
                       tag=data["tag"], date_from=data["date_from"], date_to=data["date_to"],
                       annotations=data["annotations"])

    def problems(self) -> list[str]:
        """The errors as sentences naming the parameter."""
        found = []
        for name, errors in self.errors.items():
            label = self.fields[name].label or name.replace("_", " ") if name in self.fields else ""
            for error in errors:
                found.append(f"{label.capitalize()}: {error}" if label else error)
        return found
