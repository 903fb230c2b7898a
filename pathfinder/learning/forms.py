from django import forms

from pathfinder.core.forms import VersionedForm
from pathfinder.learning.draft import PARTS
from pathfinder.programmes.domain import Theme

LIMIT = 6000


def field_name(theme: str, part: str) -> str:
    return f"{theme}__{part}"


def _text(label: str, hint: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=hint,
        required=False,
        max_length=LIMIT,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"max_length": f"{label} must be {LIMIT:,} characters or fewer"},
    )


class LearningReportForm(VersionedForm):
    title = forms.CharField(
        label="Title",
        max_length=200,
        error_messages={"required": "Enter a title", "max_length": "The title must be 200 characters or fewer"},
    )
    introduction = _text("Introduction", "Start a line with “- ” to make it a bullet point.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for theme, label in Theme.choices:
            for part, title in PARTS:
                self.fields[field_name(theme, part)] = _text(f"{label}: {title.lower()}")

    def by_theme(self):
        """[(theme label, [bound fields])] for the template."""
        return [(label, [self[field_name(theme, part)] for part, _ in PARTS]) for theme, label in Theme.choices]

    def sections(self) -> dict:
        data = self.cleaned_data
        return {
            theme: {part: data.get(field_name(theme, part), "").strip() for part, _ in PARTS}
            for theme, _ in Theme.choices
        }


def initial(report) -> dict:
    values = {"version": report.version, "title": report.title, "introduction": report.introduction}
    for theme, _ in Theme.choices:
        for part, _ in PARTS:
            values[field_name(theme, part)] = report.sections.get(theme, {}).get(part, "")
    return values
