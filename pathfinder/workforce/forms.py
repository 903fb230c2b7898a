from django import forms
from django.utils import timezone

from pathfinder.core.forms import VersionedForm, date_field
from pathfinder.planning.forms.common import OpenChoiceField, member_label, money_field, zero_if_empty
from pathfinder.workforce.models import (
    FORMAT_CHOICES,
    JOB_ROLE_CHOICES,
    LEVEL_CHOICES,
    PLAN_SECTIONS,
    SECTION_MAX_LENGTH,
    SECTIONS,
    PlanLine,
)
from pathfinder.workforce.practice_levels import DEFAULT_ROLE_LEVELS, JOB_ROLE_PLURALS, JOB_ROLES
from pathfinder.workforce.services import NO_PLAN
from pathfinder.workforce.training import ENTRY_FIELDS, NO_PROFILE


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


# --- Training ------------------------------------------------------------------------


class RoleLevelsForm(forms.Form):
    """The level each job role needs, with the version of each row shown."""

    def __init__(self, *args, rows: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.roles = list(rows)
        for role, row in rows.items():
            self.fields[f"level_{role}"] = forms.ChoiceField(
                label=JOB_ROLES[role],
                choices=LEVEL_CHOICES,
                widget=forms.RadioSelect,
                initial=row.level,
                help_text=f"Suggested: {DEFAULT_ROLE_LEVELS[role].label.lower()}.",
                error_messages={"required": f"Choose the level that {JOB_ROLE_PLURALS[role]} need."},
            )
            self.fields[f"version_{role}"] = forms.IntegerField(widget=forms.HiddenInput, initial=row.version)

    def level_fields(self):
        return [self[f"level_{role}"] for role in self.roles]

    def version_fields(self):
        return [self[f"version_{role}"] for role in self.roles]

    def choices(self) -> dict[str, tuple[str, int]]:
        return {role: (self.cleaned_data[f"level_{role}"], self.cleaned_data[f"version_{role}"]) for role in self.roles}

    def after_stale_save(self, rows: dict, message: str) -> "RoleLevelsForm":
        """The same choices again, carrying the newest versions (saving again is a deliberate choice)."""
        data = self.data.copy()
        for role, row in rows.items():
            data[f"version_{role}"] = str(row.version)
        again = type(self)(data, rows=rows)
        again.is_valid()
        again.add_error(None, message)
        return again


class CatalogueEntryForm(VersionedForm):
    # Empty for a new entry.
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    title = forms.CharField(label="Title", max_length=200)
    provider = forms.CharField(
        label="Who provides it", max_length=200, help_text="For example, NES or the service's own team."
    )
    level = forms.ChoiceField(label="Practice level", choices=LEVEL_CHOICES, widget=forms.RadioSelect)
    format = forms.ChoiceField(label="Format", choices=FORMAT_CHOICES, widget=forms.RadioSelect)
    duration_minutes = forms.IntegerField(
        label="How long it takes, in minutes",
        min_value=1,
        max_value=10000,
        help_text="A typical time to plan around. For example, 90 for an hour and a half.",
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": "Enter the time as a whole number of minutes, for example 90.",
            "min_value": "Enter a time of at least 1 minute.",
            "max_value": "Enter a time of at most 10,000 minutes.",
        },
    )
    refresh_months = forms.IntegerField(
        label="Refresher needed after, in months",
        required=False,
        min_value=1,
        max_value=120,
        help_text="Leave empty if it does not need refreshing. For example, 36 for every three years.",
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "invalid": "Enter the months as a whole number, for example 36, or leave it empty.",
            "min_value": "Enter at least 1 month, or leave it empty.",
            "max_value": "Enter at most 120 months (ten years), or leave it empty.",
        },
    )
    description = forms.CharField(label="What it covers", max_length=1000, widget=forms.Textarea(attrs={"rows": 4}))
    url = forms.URLField(
        label="Web address",
        required=False,
        assume_scheme="https",
        help_text="A public page about it, starting https://",
        error_messages={"invalid": "Enter a web address, like https://learn.nes.nhs.scot"},
    )
    roles = forms.MultipleChoiceField(
        label="Job roles it is meant for",
        choices=JOB_ROLE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave them all unticked if it is for everyone whose role needs this level.",
    )
    induction = forms.BooleanField(label="Part of the induction pack for new starters", required=False)
    scaffolding = forms.BooleanField(
        label="Scaffolding: follow-up that helps people put training into practice", required=False
    )
    active = forms.BooleanField(label="Offer it in new training plans", required=False)

    def clean_url(self) -> str:
        url = self.cleaned_data["url"]
        if url and not url.startswith("https://"):
            raise forms.ValidationError("Enter a secure web address, starting https://")
        return url

    def clean_version(self) -> int:
        return self.cleaned_data["version"] or 0

    def values(self) -> dict:
        data = self.cleaned_data
        return {name: data[name] for name in ENTRY_FIELDS if name != "title"} | {
            "title": data["title"].strip(),
            "provider": data["provider"].strip(),
            "description": " ".join(data["description"].split()),
        }


class JobRoleForm(VersionedForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    job_role = forms.ChoiceField(
        label="Which job role is closest to what they do?",
        choices=JOB_ROLE_CHOICES,
        widget=forms.RadioSelect,
        help_text="The role sets the practice level their training should reach.",
        error_messages={"required": "Choose the job role closest to what they do."},
    )

    def clean_version(self) -> int:
        return self.cleaned_data["version"] or NO_PROFILE


class TrainingRecordForm(forms.Form):
    entry = forms.ChoiceField(label="Training", error_messages={"required": "Choose the training."})
    status = forms.ChoiceField(
        label="Done or booked?",
        choices=[("done", "They have done it"), ("booked", "They are booked on it")],
        widget=forms.RadioSelect,
        initial="done",
        error_messages={"required": "Say whether they have done it or are booked on it."},
    )
    completed_on = date_field(
        "Date",
        help_text="The day they did it, or the day they are booked for. For example, 2027-01-10.",
        what="the date of the training",
    )

    def clean(self):
        cleaned = super().clean()
        day = cleaned.get("completed_on")
        if day and cleaned.get("status") == "done" and day > timezone.localdate():
            self.add_error(
                "completed_on",
                "The date training was done cannot be in the future. If it is still to come, choose “booked”.",
            )
        return cleaned

    def __init__(self, *args, entries, **kwargs):
        super().__init__(*args, **kwargs)
        self.entries = {str(entry.pk): entry for entry in entries}
        self.fields["entry"].choices = [("", "Choose training")] + [
            (key, f"{entry.practice_level.label}: {entry.title}") for key, entry in self.entries.items()
        ]

    def chosen_entry(self):
        return self.entries[self.cleaned_data["entry"]]


class MarkDoneForm(forms.Form):
    done_on = date_field("Date done", what="the date it was done")

    def clean_done_on(self):
        day = self.cleaned_data["done_on"]
        if day > timezone.localdate():
            raise forms.ValidationError("The date training was done cannot be in the future.")
        return day


class StaffMemberForm(forms.Form):
    name = forms.CharField(
        label="Name",
        max_length=200,
        error_messages={"required": "Enter the person's name.", "max_length": "Keep the name to 200 characters."},
    )
    job_role = forms.ChoiceField(
        label="Job role",
        choices=[("", "Choose a job role"), *JOB_ROLE_CHOICES],
        error_messages={"required": "Choose the person's job role."},
    )


class StaffImportForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text="Two columns with the headings name and job_role. Up to 1,000 people, 1 MB.",
        error_messages={"required": "Choose a CSV file to upload."},
    )


NO_SURVEY = "none"


class PlanNewForm(forms.Form):
    survey = forms.ChoiceField(
        label="Which training needs analysis should shape the plan?",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a survey, or choose to use the role map only."},
    )
    title = forms.CharField(
        label="Name of the plan",
        max_length=200,
        required=False,
        help_text="Leave it empty for a name made from the survey's.",
    )

    def __init__(self, *args, surveys, **kwargs):
        super().__init__(*args, **kwargs)
        self.surveys = {str(survey.pk): survey for survey in surveys}
        self.fields["survey"].choices = [
            *(
                (key, f"{survey.title} (closed {survey.last_day.day} {survey.last_day:%B %Y})")
                for key, survey in self.surveys.items()
            ),
            (NO_SURVEY, "None: draft it from the role map only"),
        ]

    def chosen_survey(self):
        return self.surveys.get(self.cleaned_data["survey"])


class PlanLineForm(VersionedForm):
    job_role = forms.ChoiceField(label="For which job role?", choices=JOB_ROLE_CHOICES, widget=forms.RadioSelect)
    entry = forms.ChoiceField(label="Training", error_messages={"required": "Choose the training to add."})
    kind = forms.ChoiceField(label="Part of the plan", choices=PlanLine.Kind.choices, widget=forms.RadioSelect)
    priority = forms.ChoiceField(label="Priority", choices=PlanLine.Priority.choices, widget=forms.RadioSelect)
    note = forms.CharField(
        label="Note",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Why it is in the plan, for the people who will read it. Up to 500 characters.",
    )

    def __init__(self, *args, entries, **kwargs):
        super().__init__(*args, **kwargs)
        self.entries = {str(entry.pk): entry for entry in entries}
        self.fields["entry"].choices = [("", "Choose training")] + [
            (key, f"{entry.practice_level.label}: {entry.title}") for key, entry in self.entries.items()
        ]

    def chosen_entry(self):
        return self.entries[self.cleaned_data["entry"]]


class PlanLineDetailsForm(VersionedForm):
    """When a plan line happens, what it costs, and who takes it forward."""

    starts_on = date_field("Start date", required=False, what="the start date")
    due_on = date_field(
        "Due date",
        required=False,
        what="the due date",
        help_text="When everyone in the role should have done it. For example, 2027-03-31.",
    )
    cost = money_field("Cost", "cost")
    owner = OpenChoiceField(
        label="Owner",
        required=False,
        help_text="Who takes it forward: someone who may change the implementation plan.",
    )

    def __init__(self, *args, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.owners = {str(member.pk): member for member in owners}
        self.fields["owner"].choices = [("", "Not chosen yet")] + [
            (key, member_label(member)) for key, member in self.owners.items()
        ]

    def clean_owner(self):
        value = self.cleaned_data.get("owner", "")
        if not value:
            return None
        if value not in self.owners:
            raise forms.ValidationError(
                "Choose an owner from the list: someone still in the service who may change the implementation plan."
            )
        return self.owners[value]

    def clean_cost(self):
        return zero_if_empty(self.cleaned_data.get("cost"))

    def clean(self):
        cleaned = super().clean()
        starts, due = cleaned.get("starts_on"), cleaned.get("due_on")
        if starts and due and due < starts:
            self.add_error("due_on", "The due date cannot be before the start date.")
        return cleaned
