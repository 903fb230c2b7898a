"""Forms for the documents register, reviews, uploads and working groups."""

from django import forms

from pathfinder.core.dates import Limit
from pathfinder.core.forms import VersionedForm, date_field
from pathfinder.core.text_extract import MAX_BYTES, megabytes
from pathfinder.discovery import checklist
from pathfinder.discovery.models import Document, ReviewAnswer
from pathfinder.planning.forms.common import text_area


def _choice(label: str, choices, *, what: str, radios: bool = True, required: bool = True):
    return forms.ChoiceField(
        label=label,
        choices=choices,
        required=required,
        widget=forms.RadioSelect if radios else forms.Select,
        error_messages={"required": f"Choose {what}.", "invalid_choice": f"Choose {what} from the list."},
    )


class _GroupChoice:
    """A form with a `working_group` choice among `self.groups` (key -> group)."""

    def clean_working_group(self):
        key = self.cleaned_data.get("working_group")
        if not key:
            return None
        if key not in self.groups:
            raise forms.ValidationError("Choose a working group from the list.")
        return self.groups[key]


class DocumentForm(_GroupChoice, forms.Form):
    title = forms.CharField(
        label="Name of the document", max_length=200, error_messages={"required": "Enter the name of the document."}
    )
    kind = _choice("What kind of document is it?", Document.Kind.choices, what="what kind of document it is")
    owner = _choice("Who owns it?", Document.Owner.choices, what="who owns the document")
    changed_by = _choice(
        "Who may change it?",
        Document.ChangedBy.choices,
        what="who may change the document",
    )
    current_version = forms.CharField(
        label="Current version",
        max_length=40,
        required=False,
        help_text="As written on the document, for example 2.1.",
    )
    version_date = date_field("Date of the current version", required=False, not_future=True, what="version date")
    next_review_on = date_field("Next review date", required=False, what="next review date")
    status = _choice(
        "Trauma-informed review", Document.Status.choices, what="where the trauma-informed review is up to"
    )
    working_group = forms.ChoiceField(label="Working group reviewing it", required=False)
    notes = text_area("Notes", max_length=3000, rows=3)

    def __init__(self, *args, groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["changed_by"].help_text = (
            "Be plain about it: frontline staff can change local guidance and the team's own forms; "
            "board-wide policies are changed by HR or senior management, and staff can propose changes."
        )
        self.fields["status"].initial = Document.Status.NOT_STARTED
        self.groups = {str(group.pk): group for group in groups}
        self.fields["working_group"].choices = [("", "None yet")] + [
            (key, group.name) for key, group in self.groups.items()
        ]

    def clean(self):
        cleaned = super().clean()
        version_date = cleaned.get("version_date")
        if version_date is not None:
            self.fields["next_review_on"].check_against(
                self, "next_review_on", earliest=Limit(version_date, "the date of the current version")
            )
        return cleaned

    def document_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        return data


class DocumentEditForm(VersionedForm, DocumentForm):
    pass


class ReviewForm(_GroupChoice, forms.Form):
    """The checklist: for each question, an answer, what was found and what
    is proposed. Field names are `<key>__answer`, `<key>__found`, `<key>__proposed`."""

    reviewed_on = date_field("Date of the review", not_future=True, what="date of the review")
    working_group = forms.ChoiceField(label="Working group that reviewed it", required=False)
    summary = text_area("Summary", max_length=3000, rows=3, help_text="What the group thought overall.")

    def __init__(self, *args, groups=(), version_date=None, **kwargs):
        super().__init__(*args, **kwargs)
        if version_date is not None:
            # A review reads the current version: it cannot have happened before that version was written.
            self.fields["reviewed_on"].earliest = Limit(version_date, "the date of the current version")
        self.groups = {str(group.pk): group for group in groups}
        self.fields["working_group"].choices = [("", "Not a working group")] + [
            (key, group.name) for key, group in self.groups.items()
        ]
        for question in checklist.QUESTIONS:
            self.fields[f"{question.key}__answer"] = forms.ChoiceField(
                label=question.text,
                help_text=question.hint,
                choices=ReviewAnswer.Answer.choices,
                widget=forms.RadioSelect,
                required=False,
            )
            self.fields[f"{question.key}__found"] = text_area("What you found", max_length=2000, rows=2)
            self.fields[f"{question.key}__proposed"] = text_area("What you propose to change", max_length=2000, rows=2)

    def sections(self):
        """(principle label, [(question, answer field, found field, proposed field)]) for the page."""
        return [
            (
                label,
                [
                    (
                        question,
                        self[f"{question.key}__answer"],
                        self[f"{question.key}__found"],
                        self[f"{question.key}__proposed"],
                    )
                    for question in questions
                ],
            )
            for _value, label, questions in checklist.by_principle()
        ]

    def answers(self) -> dict:
        data = self.cleaned_data
        return {
            question.key: {
                "answer": data.get(f"{question.key}__answer", ""),
                "found": data.get(f"{question.key}__found", "").strip(),
                "proposed": data.get(f"{question.key}__proposed", "").strip(),
            }
            for question in checklist.QUESTIONS
        }


class UploadForm(forms.Form):
    file = forms.FileField(
        label="The document's file",
        help_text=f"A Word (.docx), OpenDocument (.odt) or plain text (.txt) file, up to {megabytes(MAX_BYTES)}. "
        "It is read once to count its words and is not kept.",
        error_messages={
            "required": "Choose a file to upload.",
            "empty": "The file is empty. Check you chose the right file.",
        },
    )


class WorkingGroupForm(forms.Form):
    name = forms.CharField(label="Name", max_length=200, error_messages={"required": "Enter the group's name."})
    remit = text_area("Remit", max_length=3000, rows=4, help_text="What the group looks at, and what it can decide.")
    members = forms.MultipleChoiceField(
        label="Members",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose people from the list."},
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {str(member.pk): member for member in people}
        self.fields["members"].choices = [
            (key, f"{member.user.full_name} ({member.get_role_display()})") for key, member in self.people.items()
        ]

    def clean_members(self):
        return [self.people[key] for key in self.cleaned_data.get("members", [])]

    def group_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        data.pop("members", None)
        return data


class WorkingGroupEditForm(VersionedForm, WorkingGroupForm):
    pass


class ProposedActionForm(forms.Form):
    """A proposed change, as an action in the implementation plan."""

    title = forms.CharField(
        label="What is the action?", max_length=200, error_messages={"required": "Enter what the action is."}
    )
    owner = forms.ChoiceField(
        label="Owner",
        error_messages={
            "required": "Choose who will take this action forward.",
            "invalid_choice": "Choose someone from the list.",
        },
    )
    due_on = date_field("Due date")
    description = text_area("More detail", max_length=4000, rows=3)

    def __init__(self, *args, owners, reviewed_on=None, plan_ends=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.owners = {str(member.pk): member for member in owners}
        self.fields["owner"].choices = [("", "Choose a person")] + [
            (key, member.user.full_name) for key, member in self.owners.items()
        ]
        if plan_ends is not None:
            self.fields["due_on"].latest = Limit(plan_ends, "the plan ends")
        if reviewed_on is not None:
            self.fields["due_on"].earliest = Limit(reviewed_on, "the review")

    def clean_owner(self):
        return self.owners[self.cleaned_data["owner"]]
