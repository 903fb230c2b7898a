"""Turn Django form fields into parameters for the NHS.UK frontend macros.

Views never hand-write field HTML: templates call the `field` macro in
core/forms.jinja, which asks this module which component to use and with what
parameters. One place, so every form gets labels, hints, error messages and
ids that the error summary can link to.
"""

from contextvars import ContextVar

from django import forms

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
    label = str(bound.label) + ("" if bound.field.required else " (optional)")
    if bound.help_text:
        params["hint"] = {"text": str(bound.help_text)}
    if bound.errors:
        params["errorMessage"] = {"text": " ".join(str(error) for error in bound.errors)}
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
        params["value"] = bound.value() or ""
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
            for error in bound.errors:
                items.append({"text": str(error), "href": f"#{bound.auto_id}"})
    return items
