"""Field helpers shared by the planning forms."""

from decimal import Decimal, InvalidOperation

from django import forms

from pathfinder.core.forms import date_field  # noqa: F401  the shared date field, used by planning forms


def text_area(label: str, *, max_length: int, required: bool = False, rows: int = 3, help_text: str = ""):
    what = label[0].lower() + label[1:]
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={
            "required": f"Enter {what}.",
            "max_length": f"{label} can be up to {max_length:,} characters. Please shorten it.",
        },
    )


class OpenChoiceField(forms.ChoiceField):
    """A list of choices checked by the form's own clean_<field>, so a value
    that is no longer offered (such as an owner who has left) can be
    explained, not just called invalid."""

    def valid_value(self, value) -> bool:
        return True


class MoneyField(forms.DecimalField):
    """Pounds and pence; a typed '£' or thousands commas are fine."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", "").removeprefix("£").strip()
        return super().to_python(value)


def money_field(label: str, what: str) -> MoneyField:
    return MoneyField(
        label=label,
        required=False,
        min_value=0,
        max_digits=10,
        decimal_places=2,
        initial=Decimal(0),
        help_text="In pounds. Enter 0 if there is none.",
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        error_messages={
            "min_value": f"The {what} cannot be less than £0. Enter 0 if there is none.",
            "invalid": f"Enter the {what} in pounds, for example 250 or 250.50.",
            "max_digits": f"The {what} must be less than £100,000,000.",
            "max_whole_digits": f"The {what} must be less than £100,000,000.",
            "max_decimal_places": f"Enter the {what} in pounds and pence, with no more than 2 decimal places.",
        },
    )


def hours_field(label: str) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=False,
        min_value=0,
        max_digits=8,
        decimal_places=1,
        initial=Decimal(0),
        help_text="In hours, across everyone involved, for example 12 or 7.5.",
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        error_messages={
            "min_value": "Staff hours cannot be less than 0. Enter 0 if no staff time is needed.",
            "invalid": "Enter staff hours as a number, for example 12 or 7.5.",
            "max_digits": "Enter fewer than 10,000,000 hours.",
            "max_whole_digits": "Enter fewer than 10,000,000 hours.",
            "max_decimal_places": "Enter staff hours to no more than one decimal place, for example 7.5.",
        },
    )


def zero_if_empty(value) -> Decimal:
    try:
        return Decimal(value) if value not in (None, "") else Decimal(0)
    except InvalidOperation:
        return Decimal(0)


def member_label(membership) -> str:
    return f"{membership.user.full_name or membership.user.email} ({membership.get_role_display().lower()})"
