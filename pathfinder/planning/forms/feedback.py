"""Forms for 'you said, we did'."""

from django import forms

from pathfinder.core.forms import VersionedForm
from pathfinder.planning.forms.common import date_field, text_area
from pathfinder.planning.models import FeedbackItem
from pathfinder.planning.privacy import personal_details
from pathfinder.planning.wording import short
from pathfinder.programmes.domain import Theme

NO_NAMES = "Write it without names or anything else that could identify someone."


class FeedbackForm(forms.Form):
    source = forms.ChoiceField(
        label="Who said it?",
        choices=FeedbackItem.Source.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose who the feedback came from."},
    )
    received_on = date_field("Date received", not_future=True)
    said = text_area(
        "What was said",
        max_length=600,
        required=True,
        rows=3,
        help_text=f"In a sentence or two. {NO_NAMES} It may be shown on the public summary.",
    )
    theme = forms.ChoiceField(label="Theme", required=False, choices=[("", "Not sure yet"), *Theme.choices])
    response = text_area(
        "What we did, or are doing",
        max_length=1000,
        rows=3,
        help_text=f"Plain words, as you would say it to the person. {NO_NAMES}",
    )
    status = forms.ChoiceField(
        label="Where it stands",
        choices=FeedbackItem.Status.choices,
        widget=forms.RadioSelect,
        initial=FeedbackItem.Status.NEW,
    )
    action = forms.ChoiceField(
        label="Action in the plan",
        required=False,
        error_messages={"invalid_choice": "Choose an action from this programme's plan."},
    )

    def __init__(self, *args, actions=(), names=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.names = list(names)
        self.actions = {str(action.pk): action for action in actions}
        self.fields["action"].choices = [("", "None")] + [
            (key, short(action.title, 100)) for key, action in self.actions.items()
        ]

    def _no_personal_details(self, name: str) -> str:
        text = self.cleaned_data.get(name, "")
        found = personal_details(text, self.names)
        if found:
            raise forms.ValidationError(f"This looks like it includes {' and '.join(found)}. {NO_NAMES}")
        return text

    def clean_said(self):
        return self._no_personal_details("said")

    def clean_response(self):
        return self._no_personal_details("response")

    def clean_action(self):
        return self.actions.get(self.cleaned_data.get("action") or "")

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("status") in {FeedbackItem.Status.DONE, FeedbackItem.Status.NOT_NOW}
            and not (cleaned.get("response") or "").strip()
        ):
            self.add_error("response", "Say what was done, or why it cannot be done now.")
        if cleaned.get("add_to_findings") and not cleaned.get("theme"):
            self.add_error("theme", "Choose a theme, so the finding can be sorted with the others.")
        return cleaned

    def item_fields(self) -> dict:
        data = dict(self.cleaned_data)
        for name in ("version", "add_to_findings"):
            data.pop(name, None)
        return data


class NewFeedbackForm(FeedbackForm):
    add_to_findings = forms.BooleanField(
        label="Also add it to the programme's findings, so the plan can answer it",
        required=False,
    )


class FeedbackEditForm(VersionedForm, FeedbackForm):
    pass
