"""Turn Django form fields into parameters for the NHS.UK frontend macros.

Views never hand-write field HTML: templates call the `field` macro in
core/forms.jinja, which asks this module which component to use and with what
parameters. One place, so every form gets labels, hints, error messages and
ids that the error summary can link to.
"""

from contextvars import ContextVar

from django import forms
from markupsafe import Markup, escape

# A checkbox option with one of these values means "none of these": ticking it
# clears the other boxes (the design system's own "exclusive" behaviour, so it
# works with JavaScript; the server refuses the mix either way). A field can
# name its own with an `exclusive_choices` attribute.
EXCLUSIVE_CHOICES = frozenset({"none"})


def _django_wording(field: forms.Field) -> set[str]:
    """Django's own message templates for this field and the built-in validators."""
    from django.core import validators

    wording = {
        str(message)
        for klass in type(field).__mro__
        for message in getattr(klass, "default_error_messages", {}).values()
    }
    for name in dir(validators):
        message = getattr(getattr(validators, name), "message", None)
        if message is not None:
            wording.add(str(message))
    return wording


def _named(bound: forms.BoundField, component: str, error: forms.ValidationError, message: str) -> str:
    """Django's own messages ("This field is required.") do not say which
    question they are about; say it. Messages written for the field stay."""
    if str(error.message) not in _django_wording(bound.field):
        return message
    label = str(bound.label)
    if error.code == "required":
        if component in {"radios", "checkboxes", "checkbox", "select"}:
            return f"Choose an answer to “{label}”."
        return f"Fill in “{label}”."
    return f"“{label}”: {message}"


def field_errors(bound: forms.BoundField) -> list[str]:
    """The field's error messages, each naming the field (see `_named`)."""
    component = _component(bound.field.widget)
    found = []
    for error in bound.form.errors.as_data().get(bound.name, []):
        for message in error:
            found.append(_named(bound, component, error, str(message)))
    return found


# What someone sent after they were signed out, put back into the same page's
# unbound forms once they sign in again (see accounts/kept.py). Field name →
# list of values, as in request.POST.
restored: ContextVar[dict[str, list[str]] | None] = ContextVar("restored", default=None)


def _component(widget: forms.Widget) -> str:
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.HiddenInput):
        return "hidden"
    return "input"


def _as_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value]
    return [str(value)]


def _carries_opened(bound: forms.BoundField) -> bool:
    return bound.name in {"version", "opened"} and {"version", "opened"} <= set(bound.form.fields)


def _changed_note(bound: forms.BoundField, now: str, yours_kept: bool) -> Markup:
    """The mark on a field someone else changed after this person opened the form."""
    if yours_kept:
        then = "You changed it too: the box holds what you typed. Save again to keep yours."
    else:
        then = "The box now holds their version."
    note = Markup('<strong class="pf-changed-note" id="{}-changed">{}</strong>').format(
        bound.auto_id,
        f"Someone else changed this while you had it open. It now says: “{now}”. {then}",
    )
    if bound.help_text:
        note += Markup("<br>") + escape(str(bound.help_text))
    return note


class _Restored:
    """A bound field whose value is what the person typed before signing out."""

    def __init__(self, bound: forms.BoundField, values: list[str]):
        self._bound = bound
        self._values = values

    def value(self):
        multiple = isinstance(self._bound.field.widget, (forms.CheckboxSelectMultiple, forms.SelectMultiple))
        if isinstance(self._bound.field.widget, forms.CheckboxInput):
            return bool(self._values)
        if multiple:
            return self._values
        return self._values[0] if self._values else None

    def __getattr__(self, name):
        return getattr(self._bound, name)


def _with_restored(bound: forms.BoundField):
    data = restored.get()
    if not data or bound.form.is_bound:
        return bound
    if bound.html_name in data:
        return _Restored(bound, data[bound.html_name])
    if isinstance(bound.field.widget, (forms.CheckboxInput, forms.CheckboxSelectMultiple)) and any(
        other.html_name in data for other in bound.form
    ):
        # A box left unticked is not sent at all: it stays unticked.
        return _Restored(bound, [])
    return bound


def field_params(bound: forms.BoundField, **overrides) -> dict:
    """Parameters for one field; `overrides` are merged in last."""
    bound = _with_restored(bound)
    widget = bound.field.widget
    component = _component(widget)
    params: dict = {"component": component, "id": bound.auto_id, "name": bound.html_name}
    # `one_of_group`: a field that may be left empty only if another of its
    # group is filled in (the form checks), so it is not called optional.
    optional = not bound.field.required and not getattr(bound.field, "one_of_group", False)
    label = str(bound.label) + (" (optional)" if optional else "")
    if bound.help_text:
        params["hint"] = {"text": str(bound.help_text)}
    changed = getattr(bound.form, "changed_by_others", {}).get(bound.name)
    if changed:
        params["hint"] = {"html": _changed_note(bound, *changed)}
        params["formGroup"] = {"classes": "pf-changed-by-others"}
    if bound.errors:
        params["errorMessage"] = {"text": " ".join(field_errors(bound))}
    attributes = {
        key: value
        for key, value in widget.attrs.items()
        if key in {"autocomplete", "inputmode", "spellcheck", "autocapitalize", "maxlength"}
    }

    if component in {"radios", "checkboxes"}:
        # The first option takes the field's id, so the error summary can focus it.
        del params["id"]
        selected = _as_list(bound.value())
        params["idPrefix"] = bound.auto_id
        params["fieldset"] = {"legend": {"text": label, "classes": "nhsuk-fieldset__legend--s"}}
        params["items"] = [
            {"value": str(value), "text": str(text), "checked": str(value) in selected}
            for value, text in bound.field.choices
            if str(value) != "" or component == "checkboxes"
        ]
        if component == "checkboxes":
            exclusive = getattr(bound.field, "exclusive_choices", EXCLUSIVE_CHOICES)
            for item in params["items"]:
                if item["value"] in exclusive:
                    item["behaviour"] = "exclusive"
    elif component == "checkbox":
        del params["id"]
        params["component"] = "checkboxes"
        params["idPrefix"] = bound.auto_id
        params["items"] = [{"value": "on", "text": label, "checked": bool(bound.value())}]
    elif component == "select":
        selected = _as_list(bound.value())
        params["label"] = {"text": label}
        params["items"] = [
            {"value": str(value), "text": str(text), "selected": str(value) in selected}
            for value, text in bound.field.choices
        ]
    elif component == "textarea":
        params["label"] = {"text": label}
        params["value"] = bound.value() or ""
        params["rows"] = widget.attrs.get("rows", 5)
    elif component == "hidden":
        # 0 is a value (the first charter is based on version 0), not an empty box.
        value = bound.value()
        params["value"] = "" if value is None else value
        # A versioned form's `opened` values travel with its version, so every
        # template that renders the version carries them (core.forms.VersionedForm).
        if _carries_opened(bound):
            if bound.name == "opened":
                params["component"] = "none"
            else:
                params["opened"] = bound.form.opened_json()
    else:
        params["label"] = {"text": label}
        params["type"] = getattr(widget, "input_type", "text")
        keep_value = not isinstance(widget, forms.PasswordInput) or widget.render_value
        value = bound.value() if keep_value else None
        params["value"] = "" if value is None else str(value)
        if params["type"] == "email":
            params.setdefault("spellcheck", False)
            attributes.setdefault("autocomplete", "email")
    if attributes:
        if "autocomplete" in attributes:
            params["autocomplete"] = attributes.pop("autocomplete")
        if "spellcheck" in attributes:
            params["spellcheck"] = attributes.pop("spellcheck") in {True, "true"}
        params["attributes"] = attributes
    params.update(overrides)
    return params


def error_list(*forms_with_errors: forms.BaseForm) -> list[dict]:
    """The error summary's list: each field error links to its field."""
    items: list[dict] = []
    for form in forms_with_errors:
        if form is None or not form.errors:
            continue
        for error in form.non_field_errors():
            items.append({"text": str(error)})
        for bound in form:
            for text in field_errors(bound) if bound.errors else []:
                items.append({"text": text, "href": f"#{bound.auto_id}"})
    return items
