from django import forms

from pathfinder.core.forms import VersionedForm
from pathfinder.workforce.models import PLAN_SECTIONS, SECTION_MAX_LENGTH, SECTIONS
from pathfinder.workforce.services import NO_PLAN


class PlanText(forms.CharField):
    """A plan section. Browsers send line breaks as two characters; count them as one."""

    def to_python(self, value):
        return super().to_python(value).replace("\r\n", "\n")


class WellbeingPlanForm(VersionedForm):
    # Empty until the person has a plan (a new plan has no version yet).
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for section in PLAN_SECTIONS:
            self.fields[section.name] = PlanText(
                label=section.title,
                required=False,
                max_length=SECTION_MAX_LENGTH,
                help_text=f"{section.hint} Up to {SECTION_MAX_LENGTH:,} characters.",
                error_messages={
                    "max_length": f"“{section.title}” can be up to {SECTION_MAX_LENGTH:,} characters. "
                    "It has %(show_value)s at the moment: please shorten it a little. Your words are still here."
                },
                widget=forms.Textarea(attrs={"rows": 6}),
            )

    def clean_version(self) -> int:
        return self.cleaned_data["version"] or NO_PLAN

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(name, "").strip() for name in SECTIONS) and not self.errors:
            self.add_error(
                SECTIONS[0],
                "Write something in at least one part of your plan before you save it.",
            )
        return cleaned

    def texts(self) -> dict[str, str]:
        return {name: self.cleaned_data[name] for name in SECTIONS}
