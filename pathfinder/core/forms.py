import json

from django import forms
from django.contrib.auth import password_validation
from django.utils import timezone

from pathfinder.core import dates
from pathfinder.core.models import Organisation, Service
from pathfinder.core.roles import Role

# Dates the way people type them: 2027-03-31, 31 3 2027, 31/3/2027 or 31-3-2027.
DATE_FORMATS = ["%Y-%m-%d", "%d %m %Y", "%d/%m/%Y", "%d-%m-%Y"]


class DateField(forms.DateField):
    """A date checked against the one date rule (core.dates): no year like 1900,
    nothing absurdly far ahead, and, where the form says so, nothing in the
    future (`not_future`), after a given day (`latest`, a dates.Limit that a
    form sets in __init__, such as the plan's last day for a due date) or
    before one (`earliest`). When the limit is another field of the same form,
    the form's clean() calls `check_against` once both are known."""

    def __init__(
        self,
        *,
        what: str,
        not_future: bool = False,
        latest: dates.Limit | None = None,
        earliest: dates.Limit | None = None,
        **kwargs,
    ):
        super().__init__(**kwargs)
        self.what, self.not_future, self.latest, self.earliest = what, not_future, latest, earliest

    def validate(self, value):
        super().validate(value)
        if value in self.empty_values:
            return
        try:
            dates.check(
                value,
                what=self.what,
                today=timezone.localdate(),
                not_future=self.not_future,
                latest=self.latest,
                earliest=self.earliest,
            )
        except dates.DateProblem as problem:
            raise forms.ValidationError(str(problem), code="date_rule") from None

    def check_against(
        self, form: forms.Form, name: str, *, earliest: dates.Limit | None = None, latest: dates.Limit | None = None
    ) -> None:
        """Check the cleaned value of field `name` against a day given by
        another field of the form, adding the error to that field."""
        value = form.cleaned_data.get(name)
        if value is None:
            return
        self.earliest, self.latest = earliest or self.earliest, latest or self.latest
        try:
            self.validate(value)
        except forms.ValidationError as error:
            form.add_error(name, error)


def date_field(
    label: str,
    *,
    required: bool = True,
    help_text: str = "For example, 2027-03-31.",
    what: str = "",
    not_future: bool = False,
    latest: dates.Limit | None = None,
    earliest: dates.Limit | None = None,
) -> DateField:
    """The one date field every form uses, with messages that say what to type.
    `what` names the date in messages when the label does not ("the closing date").
    `not_future` for things that have already happened (received, approved, given);
    `latest` for a day the date must not pass (see core.dates)."""
    what = what or label[0].lower() + label[1:]
    return DateField(
        label=label,
        required=required,
        help_text=help_text,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"autocomplete": "off"}),
        error_messages={
            "required": f"Enter the {what}.",
            "invalid": f"Enter the {what} as a real date, for example 2027-03-31.",
        },
        what=what,
        not_future=not_future,
        latest=latest,
        earliest=earliest,
    )


def _raw(value) -> str | list[str]:
    """A field's value the way the page posts it, so what was shown and what
    came back can be compared: lists of strings, booleans as 'on', unified
    line endings, no edge spaces."""
    if isinstance(value, (list, tuple)):
        return sorted(str(item) for item in value)
    if value is None or value is False:
        return ""
    if value is True:
        return "on"
    return str(value).replace("\r\n", "\n").strip()


def _shown(bound: forms.BoundField, raw) -> str:
    """What a raw value says on the page: the option's words for a choice."""
    choices = {str(key): str(text) for key, text in getattr(bound.field, "choices", [])}
    if isinstance(raw, list):
        words = [choices.get(item, item) for item in raw]
        return ", ".join(words) if words else "nothing chosen"
    if raw == "":
        return "nothing (it is empty)"
    if choices:
        return choices.get(raw, raw)
    return raw if len(raw) <= 200 else raw[:199].rstrip() + "…"


class VersionedForm(forms.Form):
    """Carries the version the person was shown, so stale saves are refused,
    and the values they were shown (`opened`), so a refused save can tell the
    fields they changed from the ones they left alone."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    opened = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Fields someone else changed while this person had the form open:
        # name -> (what it says now, whether this person's own edit is kept).
        self.changed_by_others: dict[str, tuple[str, bool]] = {}

    def opened_json(self) -> str:
        """The hidden `opened` value: what the form shows when first opened, or
        what came back with it. Worked out when the page is drawn, after any
        subclass has finished setting its initial values."""
        if self.is_bound:
            return self.data.get("opened", "")
        return json.dumps(self._values_from(None))

    def _post_clean(self):
        # `opened` is bookkeeping for after_stale_save, never a value to save.
        super()._post_clean()
        self.cleaned_data.pop("opened", None)

    def _editable(self) -> list[forms.BoundField]:
        return [bound for bound in self if bound.name not in {"version", "opened"} and not bound.is_hidden]

    def _values_from(self, data) -> dict:
        """Raw values of the editable fields: as posted in `data`, or as this
        (unbound) form shows them when `data` is None."""
        values = {}
        for bound in self._editable():
            if data is None:
                values[bound.name] = _raw(bound.value())
            else:
                values[bound.name] = _raw(bound.field.widget.value_from_datadict(data, self.files, bound.html_name))
        return values

    def _opened_values(self) -> dict | None:
        try:
            opened = json.loads(self.data.get("opened") or "")
        except ValueError:
            return None
        return opened if isinstance(opened, dict) else None

    def touched(self) -> set[str]:
        """The fields this person changed from what they were shown. Without the
        values they were shown, every field counts as changed."""
        opened = self._opened_values()
        typed = self._values_from(self.data)
        if opened is None:
            return set(typed)
        return {name for name, value in typed.items() if opened.get(name) != value}

    def after_stale_save(
        self, current_version: int, message: str, *, current: dict | None = None, **form_kwargs
    ) -> "VersionedForm":
        """The same form again after someone else saved first, carrying the
        newest version (so saving again is a deliberate choice) and `message`.

        With `current` (the initial values of the record as it is now, in the
        shape the view uses to open the form), the form shows this person's own
        edits on top of the current record: a field they did not touch takes
        the new value, so saving again never puts back what the other person
        changed, and each field the other person changed is marked with what it
        says now. Without it, what this person typed is kept as it was."""
        data = self.data.copy()
        data["version"] = str(current_version)
        changed: dict[str, tuple[str, bool]] = {}
        if current is not None:
            now_form = type(self)(initial=current, **form_kwargs)
            now = now_form._values_from(None)
            opened = self._opened_values()
            typed = self._values_from(self.data)
            mine = self.touched()
            for bound in now_form._editable():
                name = bound.name
                was = opened.get(name) if opened is not None else typed[name]
                if now[name] == was:
                    continue
                changed[name] = (_shown(bound, now[name]), name in mine)
                if name not in mine:
                    if isinstance(now[name], list):
                        data.setlist(bound.html_name, now[name])
                    elif now[name] == "" and isinstance(bound.field.widget, forms.CheckboxInput):
                        data.pop(bound.html_name, None)
                    else:
                        data[bound.html_name] = now[name]
            data["opened"] = json.dumps(now)
        again = type(self)(data, **form_kwargs)
        again.changed_by_others = changed
        again.is_valid()
        if changed:
            labels = ", ".join(f"“{again.fields[name].label}”" for name in changed)
            message += f" Marked below, what they changed: {labels}."
        again.add_error(None, message)
        return again


class InvitationForm(forms.Form):
    email = forms.EmailField(label="Email address", max_length=254)
    role = forms.ChoiceField(
        label="Role",
        choices=Role.choices,
        widget=forms.RadioSelect,
        help_text="You can change this later.",
    )


class MembershipForm(VersionedForm):
    role = forms.ChoiceField(label="Role", choices=Role.choices, widget=forms.RadioSelect)


class AcceptInvitationForm(forms.Form):
    full_name = forms.CharField(
        label="Your name",
        max_length=150,
        help_text="How you would like your name shown to colleagues.",
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    password1 = forms.CharField(
        label="Create a password",
        help_text="At least 12 characters. A few unrelated words together work well.",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label="Type the password again",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", "The two passwords are different. Please type them again.")
        elif first:
            from pathfinder.accounts.models import User

            probe = User(email=self.email, full_name=cleaned.get("full_name", ""))
            try:
                password_validation.validate_password(first, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "kind"]
        labels = {"name": "Name", "kind": "Kind of organisation"}
        widgets = {"kind": forms.RadioSelect}


class ServiceForm(forms.ModelForm):
    class Meta:
        model = Service
        fields = ["organisation", "partnership", "name", "description"]
        labels = {
            "organisation": "Organisation that runs the service",
            "partnership": "Alcohol and drug partnership",
            "name": "Name of the service",
            "description": "Short description",
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, organisations=None, partnerships=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisations is not None:
            self.fields["organisation"].queryset = organisations
        if partnerships is not None:
            self.fields["partnership"].queryset = partnerships
        self.fields["organisation"].empty_label = "Choose an organisation"
        self.fields["partnership"].empty_label = "None"
