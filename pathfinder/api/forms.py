from django import forms

from pathfinder.api.services import LIFETIMES


class TokenForm(forms.Form):
    name = forms.CharField(
        label="What is this token for?",
        help_text="A name you will recognise later, such as “Board dashboard” or “Evaluation spreadsheet”.",
        max_length=80,
        error_messages={
            "required": "Enter what the token is for",
            "max_length": "Keep the name to 80 characters or fewer",
        },
    )
    days = forms.TypedChoiceField(
        label="How long should it work?",
        coerce=int,
        choices=[(days, f"{days} days" if days < 365 else "1 year") for days in LIFETIMES],
        initial=90,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how long the token should work"},
    )
