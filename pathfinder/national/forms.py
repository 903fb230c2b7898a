from django import forms

from pathfinder.core.models import Organisation
from pathfinder.national.models import Oversight, ServiceProfile


class FilterForm(forms.Form):
    """The national page's filters (GET). Choices come from the services in view."""

    board = forms.ChoiceField(label="Health board", required=False)
    adp = forms.ChoiceField(label="Alcohol and drug partnership", required=False)
    area = forms.ChoiceField(label="Kind of area", required=False)
    size = forms.ChoiceField(label="Service size", required=False)

    def __init__(self, data, options):
        super().__init__(data)
        for name, items in options.items():
            self.fields[name].choices = [("", "Any")] + [(item.value, item.label) for item in items]
            self.fields[name].error_messages["invalid_choice"] = (
                f"Choose a {self.fields[name].label.lower()} from the list, or any"
            )

    def key(self) -> tuple:
        def value(name):
            raw = self.cleaned_data.get(name) or None
            return int(raw) if raw is not None and name in {"board", "adp"} else raw

        return tuple(value(name) for name in ("board", "adp", "area", "size"))


class ProfileForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    named_nationally = forms.TypedChoiceField(
        label="May the national view show this service by name?",
        choices=[("no", "No, only combined with other services"), ("yes", "Yes, for figures about the service")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        help_text="Only figures about the service (MAT ratings and plan progress) are ever shown by name. "
        "Figures about people never are.",
    )
    area_kind = forms.ChoiceField(
        label="Kind of area the service covers",
        choices=[("", "Not said"), *ServiceProfile.AreaKind.choices],
        required=False,
    )


class OversightForm(forms.Form):
    email = forms.EmailField(label="E-mail address of the person")
    scope = forms.ChoiceField(label="What they may see", choices=Oversight.Scope.choices, widget=forms.RadioSelect)
    organisation = forms.ModelChoiceField(
        label="Health board or partnership (not needed for every service)",
        queryset=Organisation.objects.none(),
        required=False,
    )

    def __init__(self, *args, organisations, users, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations.filter(
            kind__in=[Organisation.Kind.HEALTH_BOARD, Organisation.Kind.ADP]
        )
        self.users = users

    def clean_email(self):
        email = self.cleaned_data["email"]
        person = self.users.filter(email__iexact=email).first()
        if person is None:
            raise forms.ValidationError("There is no account with that e-mail address. Invite the person first.")
        self.person = person
        return email

    def clean(self):
        data = super().clean()
        scope, organisation = data.get("scope"), data.get("organisation")
        if scope and scope != Oversight.Scope.NATIONAL and organisation is None:
            self.add_error("organisation", "Choose the health board or partnership this view covers")
        if scope == Oversight.Scope.BOARD and organisation and organisation.kind != Organisation.Kind.HEALTH_BOARD:
            self.add_error("organisation", "A board view needs a health board")
        if scope == Oversight.Scope.ADP and organisation and organisation.kind != Organisation.Kind.ADP:
            self.add_error("organisation", "An ADP view needs an alcohol and drug partnership")
        return data
