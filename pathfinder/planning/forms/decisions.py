"""Forms for senior management: answering a decision the plan needs, and
signing off a version of the progress report."""

from django import forms

from pathfinder.planning.forms.common import text_area


class DecisionForm(forms.Form):
    decision = text_area(
        "What was decided?",
        max_length=2000,
        required=True,
        rows=4,
        help_text="Say what was agreed and anything that goes with it, such as money or time released.",
    )


class SignOffForm(forms.Form):
    note = text_area(
        "Anything to add",
        max_length=1000,
        help_text="For example, what you would like the group to look at before the next report.",
    )
