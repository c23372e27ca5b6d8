"""Post an admin change form as the browser would: its current values, with some changed."""
from django.forms import CheckboxInput


def _fields(form):
    data = {}
    for bound in form:
        value = bound.value()
        if isinstance(bound.field.widget, CheckboxInput):
            if value:
                data[bound.html_name] = "on"
        elif isinstance(value, (list, tuple)):
            data[bound.html_name] = [str(v) for v in value]
        elif value is not None:
            data[bound.html_name] = value
    return data


def form_data(response, **changes):
    """The POST data of the admin change form in `response`, then `changes` (by field name)."""
    context = response.context
    data = _fields(context["adminform"].form)
    for inline in context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(_fields(formset.management_form))
        for form in formset.forms:
            data.update(_fields(form))
    data.update(changes)
    return data
