from django import forms

from pathfinder.core.forms import VersionedForm, date_field
from pathfinder.programmes.domain import Principle, Theme
from pathfinder.programmes.models import Finding, ProgrammePhase


class StartProgrammeForm(forms.Form):
    name = forms.CharField(label="Name of the programme", max_length=200, initial="Trauma-informed practice programme")
    started_on = date_field("Start date", help_text="For example, 14 1 2027 or 2027-01-14.")


class PhaseForm(VersionedForm):
    status = forms.ChoiceField(label="Status", choices=ProgrammePhase.Status.choices, widget=forms.RadioSelect)
    starts_on = date_field("Start date", required=False)
    ends_on = date_field("End date", required=False, help_text="Planned or actual. For example, 2027-03-31.")

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", "The end date must be the same as or after the start date.")
        return cleaned


class FindingForm(forms.Form):
    theme = forms.ChoiceField(label="Theme", choices=Theme.choices, widget=forms.RadioSelect)
    kind = forms.ChoiceField(
        label="What kind of finding is it?", choices=Finding.Kind.choices, widget=forms.RadioSelect
    )
    principles = forms.MultipleChoiceField(
        label="Principles",
        required=False,
        choices=Principle.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="The trauma-informed principles it relates to, if any. Choose as many as apply.",
    )
    text = forms.CharField(
        label="What was found",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Describe situations and systems, not individuals. Do not include anyone's name.",
    )
    source_label = forms.CharField(
        label="Where did it come from?",
        required=False,
        max_length=200,
        help_text="For example, a staff interview, a team meeting or a walk round the building. "
        "Do not include anyone's name.",
    )


class FindingEditForm(VersionedForm, FindingForm):
    """The same questions, for the person who recorded the finding."""

    @staticmethod
    def initial_from(finding: Finding) -> dict:
        return {
            "theme": finding.theme,
            "kind": finding.kind,
            "principles": list(finding.principles),
            "text": finding.text,
            "source_label": finding.source_label,
            "version": finding.version,
        }
