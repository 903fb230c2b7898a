"""Forms for the partners register."""

from django import forms

from pathfinder.core.forms import VersionedForm, date_field
from pathfinder.discovery.models import Partner, PartnerEngagement, PartnerLearning
from pathfinder.programmes.domain import Principle, Theme

NO_NAMES = "Describe situations and ways of working, not individuals. Do not include anyone's name."


class PartnerForm(forms.Form):
    name = forms.CharField(
        label="Name of the organisation or team",
        max_length=200,
        help_text="For example, Riverside Medical Practice or the community mental health team.",
        error_messages={"required": "Enter the name of the organisation or team."},
    )
    kind = forms.ChoiceField(
        label="What kind of partner is it?",
        choices=Partner.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what kind of partner it is."},
    )
    contact_role = forms.CharField(
        label="Contact's role or title",
        required=False,
        max_length=120,
        help_text="A role, not a name, for example practice manager or duty social worker.",
    )
    contact_email = forms.EmailField(
        label="Work e-mail address",
        required=False,
        help_text="A shared team inbox is best, for example referrals@example.org.",
        error_messages={"invalid": "Enter a work e-mail address like referrals@example.org."},
    )
    contact_phone = forms.CharField(
        label="Work phone number",
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "tel"}),
    )
    joint_work = forms.MultipleChoiceField(
        label="What work do you already do together?",
        required=False,
        choices=Partner.JointWork.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Choose all that apply, or none if you are only starting to work together.",
    )
    notes = forms.CharField(
        label="Notes",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=NO_NAMES,
    )

    def partner_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.fields if name not in {"version", "opened"}}


class PartnerEditForm(VersionedForm, PartnerForm):
    @staticmethod
    def initial_from(partner: Partner) -> dict:
        return {
            "name": partner.name,
            "kind": partner.kind,
            "contact_role": partner.contact_role,
            "contact_email": partner.contact_email,
            "contact_phone": partner.contact_phone,
            "joint_work": list(partner.joint_work),
            "notes": partner.notes,
            "version": partner.version,
        }


class EngagementForm(forms.Form):
    """An invitation to anything: a survey or lens event of the programme
    (chosen from those registered), or training and other things by name."""

    what = forms.ChoiceField(
        label="What were they invited to?",
        choices=PartnerEngagement.What.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what they were invited to."},
    )
    ref = forms.ChoiceField(
        label="Which survey or lens event",
        required=False,
        help_text="Only for a survey or lens event of this programme.",
        error_messages={"invalid_choice": "Choose a survey or lens event of this programme."},
    )
    title = forms.CharField(
        label="Name of the training or event",
        required=False,
        max_length=200,
        help_text="For example, trauma-informed practice level 1. Not needed when you chose a survey or lens event.",
    )
    invited_on = date_field("Date invited", not_future=True)
    joined = forms.BooleanField(label="They took part", required=False)

    def __init__(self, *args, refs: dict[str, list[tuple[str, str]]], **kwargs):
        """`refs`: what kind -> [(id, name)] of the programme's things."""
        super().__init__(*args, **kwargs)
        self.refs = refs
        labels = dict(PartnerEngagement.What.choices)
        self.fields["ref"].choices = [("", "None")] + [
            (f"{what}:{ref_id}", f"{labels[what]}: {name}") for what, rows in refs.items() for ref_id, name in rows
        ]

    def clean(self):
        cleaned = super().clean()
        what, ref = cleaned.get("what"), cleaned.get("ref") or ""
        cleaned["ref_id"] = ""
        if ref:
            ref_what, ref_id = ref.split(":", 1)
            if what and ref_what != what:
                self.add_error("ref", "The survey or lens event chosen does not match what they were invited to.")
                return cleaned
            cleaned["ref_id"] = ref_id
            cleaned["title"] = dict(self.refs[ref_what])[ref_id]
        elif what and not (cleaned.get("title") or "").strip():
            self.add_error("title", "Enter the name of what they were invited to, or choose a survey or lens event.")
        return cleaned


class LearningForm(forms.Form):
    kind = forms.ChoiceField(
        label="What did working with them show?",
        choices=PartnerLearning.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether it helps, gets in the way, or is an idea."},
    )
    theme = forms.ChoiceField(
        label="Theme", choices=Theme.choices, widget=forms.RadioSelect, error_messages={"required": "Choose a theme."}
    )
    principles = forms.MultipleChoiceField(
        label="Principles",
        required=False,
        choices=Principle.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="The trauma-informed principles it relates to, if any. Choose as many as apply.",
    )
    text = forms.CharField(
        label="What you found",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=f"For example, shared care reviews happen without the person there. {NO_NAMES}",
        error_messages={"required": "Enter what you found."},
    )
