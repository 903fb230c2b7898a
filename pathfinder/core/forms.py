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
    future (`not_future`) or after a given day (`latest`, a dates.Limit that a
    form sets in __init__, such as the plan's last day for a due date)."""

    def __init__(self, *, what: str, not_future: bool = False, latest: dates.Limit | None = None, **kwargs):
        super().__init__(**kwargs)
        self.what, self.not_future, self.latest = what, not_future, latest

    def validate(self, value):
        super().validate(value)
        if value in self.empty_values:
            return
        try:
            dates.check(
                value, what=self.what, today=timezone.localdate(), not_future=self.not_future, latest=self.latest
            )
        except dates.DateProblem as problem:
            raise forms.ValidationError(str(problem), code="date_rule") from None


def date_field(
    label: str,
    *,
    required: bool = True,
    help_text: str = "For example, 2027-03-31.",
    what: str = "",
    not_future: bool = False,
    latest: dates.Limit | None = None,
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
    )


class VersionedForm(forms.Form):
    """Carries the version the person was shown, so stale saves are refused."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def after_stale_save(self, current_version: int, message: str, **form_kwargs) -> "VersionedForm":
        """The same form again after someone else saved first: what this person
        typed is kept, the newest version is carried (so saving again is a
        deliberate choice), and `message` explains what changed."""
        data = self.data.copy()
        data["version"] = str(current_version)
        again = type(self)(data, **form_kwargs)
        again.is_valid()
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
