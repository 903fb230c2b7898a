"""Forms for rating a MAT standard and citing an action that serves it."""

from django import forms

from pathfinder.core.forms import date_field
from pathfinder.evidence.mat import EVIDENCE_STREAMS, RATING_MEANING, Rating

NO_NAMES = "Write it without names or anything else that could identify someone."
NO_EVIDENCE = (
    "Describe the evidence for this rating in at least one of process evidence, numerical evidence or "
    "experiential evidence."
)


def _text(label: str, *, help_text: str, required: bool = False, max_length: int = 4000, stream=False):
    field = forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": f"Enter {label[0].lower() + label[1:]}.",
            "max_length": f"{label} can be up to {max_length:,} characters. Please shorten it.",
        },
    )
    # One of the three streams is needed, not each (see RatingForm.clean).
    field.one_of_group = stream
    return field


class RatingForm(forms.Form):
    rated_on = date_field("Date of the rating", not_future=True)
    rating = forms.ChoiceField(
        label="Rating",
        choices=[(value, f"{label}: {RATING_MEANING[value]}") for value, label in Rating.choices],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a rating, from red to blue."},
    )
    process_evidence = _text(
        "Process evidence",
        help_text=f"What is in place: pathways, policies, procedures, records of what was done. {NO_NAMES}",
        stream=True,
    )
    numerical_evidence = _text(
        "Numerical evidence",
        help_text=f"Figures that show it: counts, percentages, waiting times, with their period. {NO_NAMES}",
        stream=True,
    )
    experiential_evidence = _text(
        "Experiential evidence",
        help_text="What people who use the service, their families and staff say about it, in summary. "
        f"{NO_NAMES} Attaching files is not available yet: describe the evidence and where it is kept.",
        stream=True,
    )
    reason = _text(
        "Why this rating",
        required=True,
        max_length=2000,
        help_text="How the evidence supports the rating, and what would move it on.",
    )

    def clean(self):
        cleaned = super().clean()
        names = [name for name, _ in EVIDENCE_STREAMS]
        if not self.errors.keys() & set(names) and not any(cleaned.get(name, "").strip() for name in names):
            # On the first stream, so the error summary's link lands in the form.
            self.add_error("process_evidence", NO_EVIDENCE)
        return cleaned


class ActionLinkForm(forms.Form):
    action = forms.ChoiceField(
        label="Action in the plan",
        error_messages={
            "required": "Choose an action from the plan.",
            "invalid_choice": "Choose an action from this programme's plan that is not already listed here.",
        },
    )

    def __init__(self, *args, actions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", "Choose an action")] + [(str(a.pk), a.title) for a in actions]
