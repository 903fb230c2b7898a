"""Forms for the plan: actions, progress updates, findings, funding sources,
plan settings and list filters."""

from django import forms

from pathfinder.core.dates import Limit
from pathfinder.core.forms import VersionedForm
from pathfinder.planning import recommendations
from pathfinder.planning.forms.common import (
    OpenChoiceField,
    date_field,
    hours_field,
    member_label,
    money_field,
    text_area,
    zero_if_empty,
)
from pathfinder.planning.models import Action
from pathfinder.planning.wording import long_date, short
from pathfinder.programmes.domain import Principle, Theme

Status = Action.Status
THEME_CHOICES = [("", "Choose a theme"), *Theme.choices]
BLOCKED_NEEDS_REASON = "Say what is blocking it, so the group can help."


def _owner_problem(value: str, members: dict, leavers: dict, followers: dict) -> str:
    if value in leavers:
        return (
            f"{leavers[value]} has left the service, so they cannot own this action. "
            "Choose someone who is still a member."
        )
    if value in followers:
        return (
            f"{followers[value]} follows the plan as an evaluator and does not change it, so they cannot own "
            "this action. Choose someone from the list."
        )
    return "Choose who will take this action forward, from the list."


def _names(people) -> dict:
    return {str(member.pk): member.user.full_name or member.user.email for member in people}


class OwnerMixin:
    """Owner choices: active members whose role may take an action forward.
    Someone who has left, or who only follows the plan, gets a clear message
    rather than 'not a valid choice'."""

    def setup_owner(self, members, leavers, followers=()) -> None:
        self.members = {str(member.pk): member for member in members}
        self.leavers = _names(leavers)
        self.followers = _names(followers)
        self.fields["owner"].choices = [("", "Choose an owner")] + [
            (key, member_label(member)) for key, member in self.members.items()
        ]

    def clean_owner(self):
        value = self.cleaned_data.get("owner", "")
        if value not in self.members:
            raise forms.ValidationError(_owner_problem(value, self.members, self.leavers, self.followers))
        return self.members[value]


class ActionForm(OwnerMixin, forms.Form):
    title = forms.CharField(
        label="What is the action?",
        max_length=200,
        help_text="Start with a verb, for example “Set up a reflective practice group”.",
        error_messages={"required": "Enter what the action is.", "max_length": "Keep the title to 200 characters."},
    )
    description = text_area("More detail", max_length=4000, rows=4, help_text="What will be done, and how.")
    theme = forms.ChoiceField(
        label="Theme", choices=THEME_CHOICES, error_messages={"required": "Choose the theme this action belongs to."}
    )
    owner = OpenChoiceField(
        label="Owner",
        help_text="The person who takes it forward. They do not have to do it all themselves.",
        error_messages={"required": "Choose who will take this action forward, from the list."},
    )
    starts_on = date_field("Start date", required=False)
    due_on = date_field("Due date")
    status = forms.ChoiceField(
        label="Status", choices=Status.choices, widget=forms.RadioSelect, initial=Status.NOT_STARTED
    )
    blocked_reason = text_area("What is blocking it", max_length=1000, help_text="Only if the status is blocked.")
    priority = forms.ChoiceField(
        label="Priority", choices=Action.Priority.choices, widget=forms.RadioSelect, initial=Action.Priority.MEDIUM
    )
    findings = forms.MultipleChoiceField(
        label="Findings it answers",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Why the action exists. Reports show these beside the action.",
        error_messages={"invalid_choice": "Choose findings from this programme's list."},
    )
    activity = forms.ChoiceField(
        label="Theory of change activity",
        required=False,
        error_messages={"invalid_choice": "Choose an activity from this programme's theory of change."},
    )
    outcome = forms.ChoiceField(
        label="Outcome it serves",
        required=False,
        error_messages={"invalid_choice": "Choose an outcome from this programme's theory of change."},
    )
    direct_cost = money_field("Direct cost", "direct cost")
    staff_hours = hours_field("Staff time")
    indirect_notes = text_area(
        "Indirect costs",
        max_length=2000,
        help_text="For example, cover for staff while they train, or room hire from a partner.",
    )
    funding_source = OpenChoiceField(label="Funding source", required=False)
    decision_needed = text_area(
        "Decision needed from senior management",
        max_length=1000,
        help_text="Leave empty if none. It will appear in the progress report.",
    )
    # The recommendation a new action was started from, if any.
    suggestion = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(
        self, *args, members, leavers=(), followers=(), findings=(), nodes=(), sources=(), plan_ends=None, **kwargs
    ):
        super().__init__(*args, **kwargs)
        if plan_ends is not None:
            self.fields["due_on"].latest = Limit(plan_ends, "the plan ends")
        self.setup_owner(members, leavers, followers)
        self.finding_objects = {str(finding.pk): finding for finding in findings}
        self.fields["findings"].choices = [
            (key, f"{Theme(finding.theme).label}: {short(finding.text, 140)}")
            for key, finding in self.finding_objects.items()
        ]
        self.nodes = {str(node.pk): node for node in nodes}
        self.fields["activity"].choices = [("", "None")] + [
            (key, short(node.text, 100)) for key, node in self.nodes.items() if node.kind == "activity"
        ]
        self.fields["outcome"].choices = [("", "None")] + [
            (key, f"{node.get_kind_display()}: {short(node.text, 100)}")
            for key, node in self.nodes.items()
            if node.kind != "activity"
        ]
        self.sources = {str(source.pk): source for source in sources}
        self.fields["funding_source"].choices = [("", "Not chosen yet")] + [
            (key, source.name) for key, source in self.sources.items()
        ]

    def clean_suggestion(self):
        found = recommendations.by_key(self.cleaned_data.get("suggestion") or "")
        return found.key if found else ""

    def clean_findings(self):
        return [self.finding_objects[key] for key in self.cleaned_data.get("findings", [])]

    def clean_activity(self):
        return self.nodes.get(self.cleaned_data.get("activity") or "")

    def clean_outcome(self):
        return self.nodes.get(self.cleaned_data.get("outcome") or "")

    def clean_funding_source(self):
        value = self.cleaned_data.get("funding_source") or ""
        if value == "":
            return None
        if value not in self.sources:
            raise forms.ValidationError(
                "Choose a funding source from the list. If it is a new one, the programme lead can add it "
                "on the funding sources page first."
            )
        return self.sources[value]

    def clean_direct_cost(self):
        return zero_if_empty(self.cleaned_data.get("direct_cost"))

    def clean_staff_hours(self):
        return zero_if_empty(self.cleaned_data.get("staff_hours"))

    def clean(self):
        cleaned = super().clean()
        starts, due = cleaned.get("starts_on"), cleaned.get("due_on")
        if starts and due and due < starts:
            self.add_error("due_on", f"The due date must be the same as or after the start date ({long_date(starts)}).")
        if cleaned.get("status") == Status.BLOCKED and not (cleaned.get("blocked_reason") or "").strip():
            self.add_error("blocked_reason", BLOCKED_NEEDS_REASON)
        return cleaned

    def action_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        data.pop("findings", None)
        data.pop("suggestion", None)
        return data


class ActionEditForm(VersionedForm, ActionForm):
    pass


class UpdateForm(VersionedForm):
    text = text_area("What has happened?", max_length=2000, required=True, rows=4, help_text="A line or two is plenty.")
    status = forms.ChoiceField(label="Status now", choices=Status.choices, widget=forms.RadioSelect)
    blocked_reason = text_area("What is blocking it", max_length=1000, help_text="Only if the status is blocked.")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == Status.BLOCKED and not (cleaned.get("blocked_reason") or "").strip():
            self.add_error("blocked_reason", BLOCKED_NEEDS_REASON)
        return cleaned


class SetAsideForm(forms.Form):
    reason = text_area(
        "Why is the group setting this finding aside?",
        max_length=1000,
        required=True,
        help_text="For example, it is already covered, or it is outside what the service can change. "
        "You can bring it back at any time.",
    )


class FundingSourceForm(forms.Form):
    name = forms.CharField(
        label="Name of the funding source",
        max_length=120,
        help_text="For example, “Service budget” or “ADP trauma-informed funding”.",
        error_messages={"required": "Enter the name of the funding source."},
    )
    notes = forms.CharField(label="Notes", max_length=300, required=False)
    amount = money_field("Amount it provides", "amount")
    amount.initial = None
    amount.help_text = "In pounds, for example 5000. Leave it empty if you do not know yet."

    def __init__(self, *args, existing=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.existing = {name.casefold() for name in existing}

    def clean_amount(self):
        # Empty means 'not known yet', which is different from £0.
        return self.cleaned_data.get("amount")

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if name.casefold() in self.existing:
            raise forms.ValidationError(f"There is already a funding source called “{name}”.")
        return name


class PlanSettingsForm(VersionedForm):
    def clean_staff_hourly_rate(self):
        return zero_if_empty(self.cleaned_data.get("staff_hourly_rate"))

    starts_on = date_field("Plan start date", help_text="Usually when the programme started. For example, 2026-09-01.")
    years = forms.IntegerField(
        label="Length of the plan in years",
        min_value=1,
        max_value=5,
        help_text="The pathfinders used a three-year plan.",
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": "Enter how many years the plan covers.",
            "invalid": "Enter the number of years as a whole number, such as 3.",
            "min_value": "A plan covers at least 1 year.",
            "max_value": "A plan covers at most 5 years.",
        },
    )
    staff_hourly_rate = money_field("What an hour of staff time costs", "hourly rate")
    staff_hourly_rate.help_text = (
        "In pounds, for example 25, including on-costs if you know them. The budget uses it to put staff time "
        "in money. Leave 0 to show hours only."
    )
    expected_savings = text_area(
        "Savings the work may bring",
        max_length=4000,
        rows=5,
        help_text="For example, fewer missed appointments, or less sickness absence and staff turnover. "
        "Say how you will notice them.",
    )


class PlanFilterForm(forms.Form):
    theme = forms.ChoiceField(label="Theme", required=False, choices=[("", "All themes"), *Theme.choices])
    status = forms.ChoiceField(label="Status", required=False, choices=[("", "Any status"), *Status.choices])


class InboxFilterForm(forms.Form):
    STATES = [("", "All"), ("new", "New"), ("answered", "Answered by an action"), ("set_aside", "Set aside")]
    theme = forms.ChoiceField(label="Theme", required=False, choices=[("", "All themes"), *Theme.choices])
    principle = forms.ChoiceField(
        label="Principle", required=False, choices=[("", "All principles"), *Principle.choices]
    )
    state = forms.ChoiceField(label="Show", required=False, choices=STATES)
