"""Forms for the implementation group: members, charter, meetings."""

from django import forms

from pathfinder.core.dates import Limit
from pathfinder.core.forms import VersionedForm
from pathfinder.planning.forms.actions import THEME_CHOICES, OwnerMixin
from pathfinder.planning.forms.common import OpenChoiceField, date_field, member_label, text_area
from pathfinder.planning.models import GroupMember
from pathfinder.planning.wording import long_date


class GroupMemberForm(forms.Form):
    membership = forms.ChoiceField(
        label="Person",
        error_messages={"required": "Choose someone to add.", "invalid_choice": "Choose someone from the list."},
    )
    role = forms.ChoiceField(
        label="Their role in the group",
        choices=GroupMember.Role.choices,
        widget=forms.RadioSelect,
        initial=GroupMember.Role.MEMBER,
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.candidates = {str(member.pk): member for member in candidates}
        self.fields["membership"].choices = [("", "Choose a person")] + [
            (key, member_label(member)) for key, member in self.candidates.items()
        ]

    def clean_membership(self):
        return self.candidates[self.cleaned_data["membership"]]


class CharterForm(forms.Form):
    based_on = forms.IntegerField(widget=forms.HiddenInput)
    purpose = text_area("Purpose", max_length=3000, required=True, rows=4, help_text="Why the group exists.")
    remit = text_area("Remit", max_length=3000, rows=4, help_text="What the group can decide, and what it cannot.")
    membership = text_area("Membership", max_length=3000, rows=3, help_text="Who is in the group and how people join.")
    meets_every_weeks = forms.IntegerField(
        label="How often it meets, in weeks",
        min_value=1,
        max_value=26,
        initial=6,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        help_text="The next meeting date is suggested from this. The pathfinder groups met every six weeks.",
        error_messages={
            "required": "Enter how many weeks apart meetings are.",
            "invalid": "Enter a whole number of weeks, such as 6.",
            "min_value": "Meetings are at least 1 week apart.",
            "max_value": "Meetings are at most 26 weeks apart.",
        },
    )
    meetings = text_area(
        "How meetings run", max_length=1000, rows=2, help_text="For example, 90 minutes, online or in person."
    )
    reporting = text_area(
        "How it reports to senior management",
        max_length=3000,
        rows=3,
        help_text="Who receives progress, and how often.",
    )
    approved_on = date_field(
        "Date approved",
        required=False,
        not_future=True,
        help_text="Leave empty until the group and senior management agree it.",
    )


class MeetingForm(forms.Form):
    held_on = date_field("Date of the meeting")
    attendees = forms.MultipleChoiceField(
        label="Who came",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose people from the list."},
    )
    notes = text_area("Notes", max_length=6000, rows=6)
    decisions = text_area("Decisions made", max_length=3000, rows=4, help_text="One decision on each line.")
    decisions_needed = text_area(
        "Decisions needed from senior management",
        max_length=3000,
        rows=3,
        help_text="One on each line. They go into the next progress report.",
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = {str(member.pk): member for member in members}
        self.fields["attendees"].choices = [(key, member_label(member)) for key, member in self.members.items()]

    def clean_attendees(self):
        return [self.members[key] for key in self.cleaned_data.get("attendees", [])]

    def meeting_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        data.pop("attendees", None)
        return data


class MeetingEditForm(VersionedForm, MeetingForm):
    pass


class MeetingActionForm(OwnerMixin, forms.Form):
    """Raise an action straight into the plan during a meeting."""

    title = forms.CharField(
        label="What is the action?", max_length=200, error_messages={"required": "Enter what the action is."}
    )
    theme = forms.ChoiceField(
        label="Theme", choices=THEME_CHOICES, error_messages={"required": "Choose the theme this action belongs to."}
    )
    owner = OpenChoiceField(
        label="Owner", error_messages={"required": "Choose who will take this action forward, from the list."}
    )
    due_on = date_field("Due date")
    description = text_area("More detail", max_length=4000, rows=3)

    def __init__(self, *args, members, leavers=(), followers=(), meeting=None, plan_ends=None, **kwargs):
        super().__init__(*args, **kwargs)
        if plan_ends is not None:
            self.fields["due_on"].latest = Limit(plan_ends, "the plan ends")
        self.setup_owner(members, leavers, followers)
        self.meeting = meeting

    def clean_due_on(self):
        due = self.cleaned_data["due_on"]
        if self.meeting is not None and due < self.meeting.held_on:
            raise forms.ValidationError(
                f"The due date must be on or after the meeting ({long_date(self.meeting.held_on)})."
            )
        return due


class ReviewForm(forms.Form):
    reviewed = forms.MultipleChoiceField(
        label="Actions the group reviewed",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose actions from the list."},
    )

    def __init__(self, *args, actions, labels, **kwargs):
        super().__init__(*args, **kwargs)
        self.actions = {str(action.pk): action for action in actions}
        self.fields["reviewed"].choices = [(key, labels[key]) for key in self.actions]

    def clean_reviewed(self):
        return [self.actions[key] for key in self.cleaned_data.get("reviewed", [])]
