"""Turn Django form fields into parameters for the NHS.UK frontend macros.

Views never hand-write field HTML: templates call the `field` macro in
core/forms.jinja, which asks this module which component to use and with what
parameters. One place, so every form gets labels, hints, error messages and
ids that the error summary can link to.
"""

from django import forms
from markupsafe import Markup, escape


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


def field_params(bound: forms.BoundField, **overrides) -> dict:
    """Parameters for one field; `overrides` are merged in last."""
    widget = bound.field.widget
    component = _component(widget)
    params: dict = {"component": component, "id": bound.auto_id, "name": bound.html_name}
    label = str(bound.label) + ("" if bound.field.required else " (optional)")
    if bound.help_text:
        params["hint"] = {"text": str(bound.help_text)}
    changed = getattr(bound.form, "changed_by_others", {}).get(bound.name)
    if changed:
        params["hint"] = {"html": _changed_note(bound, *changed)}
        params["formGroup"] = {"classes": "pf-changed-by-others"}
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
            for error in bound.errors:
                items.append({"text": str(error), "href": f"#{bound.auto_id}"})
    return items
