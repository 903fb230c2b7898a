from django import forms

from pathfinder.core.forms import VersionedForm, date_field
from pathfinder.discovery.models import Interview, InterviewParticipant, InterviewTag
from pathfinder.discovery.models.interviews import NOTE_MAX_LENGTH, TAG_MAX_LENGTH
from pathfinder.discovery.names import possible_names
from pathfinder.instruments.forms import AdaptForm
from pathfinder.programmes.domain import Principle, Theme


class ParticipantForm(forms.Form):
    role = forms.CharField(
        label="Their role",
        max_length=100,
        help_text="A job title or role, for example “recovery worker” or “GP practice manager”.",
        error_messages={"required": "Enter the role of the person who took part."},
    )
    tenure = forms.ChoiceField(
        label="How long have they worked in substance use services?",
        choices=InterviewParticipant.Tenure.choices,
        initial=InterviewParticipant.Tenure.NOT_ASKED,
        widget=forms.RadioSelect,
    )
    name = forms.CharField(
        label="Their name",
        max_length=150,
        required=False,
        help_text="Only if it helps you keep in touch. It is shown on this interview's page only, "
        "never in summaries or downloads.",
    )


class InterviewForm(ParticipantForm):
    guide = forms.ChoiceField(label="Guide to use", widget=forms.RadioSelect)
    format = forms.ChoiceField(
        label="Who are you talking with?",
        choices=Interview.Format.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose one person or a group."},
    )
    audience = forms.ChoiceField(
        label="Where do they work?",
        choices=Interview.Audience.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose staff of the service or a partner organisation."},
    )
    held_on = date_field("Date of the interview", not_future=True)

    field_order = ["guide", "format", "audience", "held_on", "role", "tenure", "name"]

    def __init__(self, *args, guides, **kwargs):
        super().__init__(*args, **kwargs)
        self.guides = {str(version.pk): version for version in guides}
        self.fields["guide"].choices = [(key, str(version)) for key, version in self.guides.items()]
        if guides:
            self.fields["guide"].initial = str(guides[0].pk)
        self.fields["role"].label = "Role of the first person taking part"

    def clean_guide(self):
        return self.guides[self.cleaned_data["guide"]]


class ConsentForm(VersionedForm):
    take_part = forms.BooleanField(
        label="Everyone taking part has agreed to take part",
        error_messages={
            "required": "Notes can only be written once everyone has agreed to take part. If someone would rather "
            "not, thank them: nothing more is kept."
        },
    )
    may_record = forms.ChoiceField(
        label="Did they agree to the conversation being recorded?",
        choices=[("yes", "Yes, everyone agreed"), ("no", "No, or not everyone: take written notes only")],
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether everyone agreed to the conversation being recorded."},
    )

    def clean_may_record(self) -> bool:
        return self.cleaned_data["may_record"] == "yes"


KEEP_NAMES_LABEL = "Keep my words as they are: these are not people's names, or the person agreed"


def name_warning(found: list[str], where: str) -> str:
    words = ", ".join(f"“{word}”" for word in found)
    return (
        f"This may include a name ({words}). The guide asks for no names in {where}: "
        "change the words, or tick “Keep my words as they are” below and save again."
    )


class NotesForm(VersionedForm):
    """One box per question area of the guide version the interview uses. A
    box where the guide asks for no names is checked for name-like words; the
    person can keep their words by ticking `keep_names`."""

    keep_names = forms.BooleanField(label=KEEP_NAMES_LABEL, required=False)

    def __init__(self, *args, definition, **kwargs):
        super().__init__(*args, **kwargs)
        self.sections = definition.sections
        self.names_found: dict[str, list[str]] = {}
        for section in definition.sections:
            self.fields[f"area_{section.key}"] = forms.CharField(
                label=section.title,
                required=False,
                max_length=NOTE_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 5}),
                help_text="Names of contacts are fine here."
                if section.asks_for_names
                else "Describe what was said about systems and ways of working. No names, please.",
                error_messages={"max_length": f"Keep the notes for “{section.title}” to {NOTE_MAX_LENGTH} characters."},
            )
        # The override box goes last, after the notes.
        self.fields["keep_names"] = self.fields.pop("keep_names")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("keep_names"):
            return cleaned
        for section in self.sections:
            if section.asks_for_names:
                continue
            name = f"area_{section.key}"
            found = possible_names(cleaned.get(name, ""))
            if found:
                self.names_found[name] = found
                self.add_error(name, name_warning(found, f"“{section.title}”"))
        return cleaned

    def texts(self) -> dict[str, str]:
        return {section.key: self.cleaned_data.get(f"area_{section.key}", "") for section in self.sections}


class TagForm(forms.Form):
    kind = forms.ChoiceField(
        label="Does it help or get in the way?",
        choices=InterviewTag.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether it helps or gets in the way."},
    )
    text = forms.CharField(
        label="What helps or gets in the way",
        max_length=TAG_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="In your own words, about the system, without names.",
        error_messages={"required": "Describe what helps or gets in the way."},
    )
    theme = forms.ChoiceField(
        label="Theme",
        choices=Theme.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the theme it belongs to."},
    )
    principles = forms.MultipleChoiceField(
        label="Which principles does it touch on?",
        choices=Principle.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    keep_names = forms.BooleanField(label=KEEP_NAMES_LABEL, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.names_found: dict[str, list[str]] = {}

    def clean(self):
        # What is tagged goes into summaries and downloads: check it for names too.
        cleaned = super().clean()
        found = [] if cleaned.get("keep_names") else possible_names(cleaned.get("text", ""))
        if found:
            self.names_found["text"] = found
            self.add_error("text", name_warning(found, "what helps or gets in the way"))
        return cleaned


class GuideAdaptForm(AdaptForm):
    """The instrument engine's adapt form, in the words of an interview guide."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for section in self.definition.sections:
            self.fields[f"add_{section.key}"].label = f"Add a probe to “{section.title}”"
        for _, _item, position in self.slots:
            if f"drop_{position}" in self.fields:
                self.fields[f"drop_{position}"].label = "Leave this probe out"
