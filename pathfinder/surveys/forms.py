"""The answer form is built from the instrument, and nothing typed into it is
stored until the person submits (and the code, if any, is accepted)."""

from django import forms

from pathfinder.core.forms import date_field
from pathfinder.instruments.definition import Definition, Item
from pathfinder.surveys.models import Survey

DONT_KNOW = "dont_know"
NONE = "none"  # a multi-choice option meaning "none of these": it cannot go with the others


def asked_items(definition: Definition, survey: Survey) -> list[Item]:
    """The survey's questions: every item, less optional ones not switched on."""
    included = set(survey.included_optional)
    return [item for item in definition.items if not item.optional or item.code in included]


def _field(definition: Definition, item: Item) -> forms.Field:
    label, required = item.text, item.required
    if item.type == "scale":
        scale = definition.scale_for(item)
        choices = [(str(point.value), point.label) for point in scale.points]
        if scale.dont_know:
            choices.append((DONT_KNOW, scale.dont_know))
        return forms.ChoiceField(
            label=label, choices=choices, widget=forms.RadioSelect, required=required, help_text=item.help
        )
    if item.type == "choice":
        return forms.ChoiceField(
            label=label,
            choices=[(o.value, o.label) for o in item.options],
            widget=forms.RadioSelect,
            required=required,
            help_text=item.help,
        )
    if item.type == "multi":
        return forms.MultipleChoiceField(
            label=label,
            choices=[(o.value, o.label) for o in item.options],
            widget=forms.CheckboxSelectMultiple,
            required=required,
            help_text=item.help or "Choose all that apply.",
        )
    if item.type == "number":
        return forms.IntegerField(label=label, required=required, min_value=0, max_value=1000, help_text=item.help)
    return forms.CharField(
        label=label,
        required=required,
        max_length=item.max_length,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=item.help or "Please do not include names or anything that could identify someone.",
    )


class _Layout:
    """The answer form's fields, questions and sections for one survey shape:
    an instrument version (which never changes once stored), the optional
    questions switched on and whether codes are used. Built once and kept
    (see AnswerForm), because building some twenty fields is most of the
    cost of an otherwise cached page."""

    def __init__(self, definition: Definition, survey: Survey, code_field: forms.Field | None):
        self.fields: dict[str, forms.Field] = {}
        if code_field is not None:
            self.fields["code"] = code_field
        self.items = asked_items(definition, survey)
        self.sections = []
        for section in definition.sections:
            names = []
            for item in self.items:
                if item.section == section.key:
                    name = f"q{len(self.fields)}"
                    self.fields[name] = _field(definition, item)
                    names.append((name, item))
            if names:
                self.sections.append((section, names))


# Layouts by (version pk, checksum, optional questions, distribution); a few per survey at most.
_layouts: dict[tuple, _Layout] = {}
_LAYOUT_LIMIT = 256
keep_layouts = True  # tests switch this off to compare with a form built afresh


def clear_layouts() -> None:
    _layouts.clear()


CODE_FIELD = forms.CharField(
    label="Your code",
    max_length=20,
    help_text="The code you were given, for example ABCD-EFGH-JK. It lets you answer once; it is not linked to your answers.",
    widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}),
)


class AnswerForm(forms.Form):
    """The code (if the survey uses codes), then each asked question as q1, q2, ..."""

    def __init__(self, *args, survey: Survey, definition: Definition, **kwargs):
        # The fields are shared, read-only, by every form of the same layout: Django
        # deep-copies a form's declared fields for each instance only so that one
        # instance may change its own, and this form never does.
        super().__init__(*args, **kwargs)
        # Keys the cached question markup (surveys/rendering.py): the version and its content.
        self.version_key = (survey.instrument_version_id, survey.instrument_version.checksum)
        layout = self.layout(survey, definition)
        self.fields = dict(layout.fields)
        self.items = layout.items
        self.sections = layout.sections

    @classmethod
    def layout(cls, survey: Survey, definition: Definition) -> _Layout:
        codes = survey.distribution == Survey.Distribution.CODES
        key = (survey.instrument_version_id, survey.instrument_version.checksum, tuple(survey.included_optional), codes)
        layout = _layouts.get(key) if keep_layouts else None
        if layout is None:
            layout = _Layout(definition, survey, CODE_FIELD if codes else None)
            if keep_layouts and survey.instrument_version_id is not None:
                if len(_layouts) >= _LAYOUT_LIMIT:
                    _layouts.clear()
                _layouts[key] = layout
        return layout

    def clean(self):
        cleaned = super().clean()
        for _, names in self.sections:
            for name, item in names:
                chosen = cleaned.get(name) or []
                if item.type == "multi" and NONE in chosen and len(chosen) > 1:
                    label = next(option.label for option in item.options if option.value == NONE)
                    self.add_error(name, f"Choose “{label}” on its own, or the other answers without it.")
        return cleaned

    def answers_typed(self) -> bool:
        """Whether anything at all was given for a question (valid or not)."""
        return any(self.data.get(name) for _, names in self.sections for name, _item in names)

    def answers(self) -> dict:
        given = {}
        cleaned = getattr(self, "cleaned_data", {})
        for _, names in self.sections:
            for name, item in names:
                value = cleaned.get(name)
                if value in (None, "", []):
                    continue
                if item.type == "scale":
                    given[item.code] = None if value == DONT_KNOW else int(value)
                elif item.type == "text":
                    given[item.code] = value.strip()
                else:
                    given[item.code] = value
        return given


class SurveyForm(forms.Form):
    title = forms.CharField(label="Name of the survey", max_length=200)
    instrument_version = forms.ChoiceField(label="Questionnaire")
    kind = forms.ChoiceField(label="What is it for?", choices=Survey.Kind.choices, widget=forms.RadioSelect)
    distribution = forms.ChoiceField(
        label="How will people answer?",
        choices=Survey.Distribution.choices,
        widget=forms.RadioSelect,
        help_text="Codes let each person answer once, and let you remind only those who have not answered. "
        "A shared link is simpler, but anyone can answer with it more than once, so its results are shown only "
        "for everyone together. Neither way links anyone to their answers.",
    )
    opens_on = date_field("Opens on", help_text="For example, 2027-01-10.", what="opening date")
    closes_on = date_field("Closes on", help_text="Results appear once it closes.", what="closing date")

    def __init__(self, *args, versions, **kwargs):
        super().__init__(*args, **kwargs)
        self.versions = {str(version.pk): version for version in versions}
        self.fields["instrument_version"].choices = [(key, str(version)) for key, version in self.versions.items()]

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("opens_on"), cleaned.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", "The closing date must be the same as or after the opening date.")
        version = self.versions.get(cleaned.get("instrument_version", ""))
        kind = cleaned.get("kind")
        if version is not None and kind:
            problem = kind_mismatch(kind, version)
            if problem:
                self.add_error("kind", problem)
        return cleaned


# What each purpose needs from its questionnaire: the built-in it must be (or be
# adapted from). A licensed measure is one the service loaded from its own file.
KIND_NEEDS = {Survey.Kind.TNA: "training-needs-analysis", Survey.Kind.WELLBEING: "wellbeing-pulse"}


def root_instrument(version):
    """The questionnaire a version was first adapted from (its own, if none)."""
    instrument = version.instrument
    seen = set()
    while instrument.based_on_id and instrument.pk not in seen:
        seen.add(instrument.pk)
        instrument = instrument.based_on.instrument
    return instrument


def kind_mismatch(kind: str, version) -> str:
    """Why a survey of this purpose cannot use this questionnaire, or "" if it can."""
    label = Survey.Kind(kind).label.lower()
    root = root_instrument(version)
    if kind in KIND_NEEDS and (root.owner_id is not None or root.key != KIND_NEEDS[kind]):
        return (
            f"A {label} needs the {label} questionnaire, or your service's own version of it. "
            f"“{version.instrument.name}” is a different questionnaire: choose “Other survey” for it, "
            f"or choose the {label} questionnaire."
        )
    if kind == Survey.Kind.LICENSED and root.owner_id is None:
        return (
            f"“{version.instrument.name}” is not a validated measure your service has loaded. "
            "Load the measure from the file your licence gives you first, or choose another purpose."
        )
    return ""


class OptionalQuestionsForm(forms.Form):
    included = forms.MultipleChoiceField(
        label="Optional questions to include", required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, definition: Definition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["included"].choices = [(item.code, item.text) for item in definition.items if item.optional]


class InviteForm(forms.Form):
    people = forms.MultipleChoiceField(
        label="Send a code by email to", required=False, widget=forms.CheckboxSelectMultiple
    )
    extra = forms.IntegerField(
        label="Printed codes for people without an account (for example partners)",
        required=False,
        min_value=0,
        max_value=200,
        help_text="You will see them once, to print or copy.",
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].choices = [(str(member.user_id), member.user.full_name) for member in members]
