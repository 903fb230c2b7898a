"""Forms built from the instrument definition, so a new instrument needs no new form."""

from django import forms

from pathfinder.assessments.models import AssessmentRound
from pathfinder.core.forms import VersionedForm, date_field
from pathfinder.instruments.definition import Definition, Section

DONT_KNOW = "dont_know"
NOT_SCORED = "not_scored"


def _scale_choices(definition: Definition, item, none_value: str, none_label: str | None = None):
    scale = definition.scale_for(item)
    choices = [(str(point.value), f"{point.value} – {point.label}") for point in scale.points]
    label = none_label or scale.dont_know
    if label:
        choices.append((none_value, label))
    return choices


def _to_value(raw: str, none_value: str) -> int | None:
    return None if raw in ("", none_value) else int(raw)


class RatingForm(VersionedForm):
    """One section of the instrument, for one rater. Every answer is optional
    until they submit: they can save and come back."""

    def __init__(self, *args, definition: Definition, section: Section, **kwargs):
        super().__init__(*args, **kwargs)
        self.definition, self.section, self.codes = definition, section, {}
        for index, item in enumerate(section.items, start=1):
            if item.type != "scale":
                continue
            self.codes[index] = item.code
            self.fields[f"value_{index}"] = forms.ChoiceField(
                label=f"{index}. {item.text}",
                help_text=item.help,
                choices=_scale_choices(definition, item, DONT_KNOW),
                widget=forms.RadioSelect,
                required=False,
            )
            if item.evidence:
                self.fields[f"evidence_{index}"] = forms.CharField(
                    label="What shows this? (evidence)",
                    required=False,
                    max_length=2000,
                    widget=forms.Textarea(attrs={"rows": 2}),
                    help_text="For example, a document, a meeting, something people said. Describe systems, not individuals.",
                )

    def answers(self) -> dict:
        from pathfinder.assessments.services import Answer

        given = {}
        for index, code in self.codes.items():
            raw = self.cleaned_data.get(f"value_{index}", "")
            evidence = self.cleaned_data.get(f"evidence_{index}", "").strip()
            if raw or evidence:
                given[code] = Answer(value=_to_value(raw, DONT_KNOW) if raw else None, evidence=evidence)
        return given

    @staticmethod
    def initial_from(section: Section, ratings: dict) -> dict:
        initial = {}
        for index, item in enumerate(section.items, start=1):
            rating = ratings.get(item.code)
            if rating is not None:
                initial[f"value_{index}"] = DONT_KNOW if rating.value is None else str(rating.value)
                initial[f"evidence_{index}"] = rating.evidence
        return initial


class AgreeForm(forms.Form):
    """The consensus session's decisions for one section."""

    def __init__(self, *args, definition: Definition, section: Section, **kwargs):
        super().__init__(*args, **kwargs)
        self.codes = {}
        for index, item in enumerate(section.items, start=1):
            if item.type != "scale":
                continue
            self.codes[index] = item.code
            self.fields[f"agreed_{index}"] = forms.ChoiceField(
                label="Agreed score",
                choices=_scale_choices(definition, item, NOT_SCORED, "We could not agree a score"),
                widget=forms.RadioSelect,
                required=False,
            )
            self.fields[f"why_{index}"] = forms.CharField(
                label="Why (the group's reasoning)",
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"version_{index}"] = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def decisions(self) -> dict:
        from pathfinder.assessments.services import Decision

        chosen = {}
        for index, code in self.codes.items():
            raw = self.cleaned_data.get(f"agreed_{index}", "")
            if raw:
                chosen[code] = Decision(
                    value=_to_value(raw, NOT_SCORED),
                    rationale=self.cleaned_data.get(f"why_{index}", "").strip(),
                    version=self.cleaned_data.get(f"version_{index}") or 0,
                )
        return chosen

    @staticmethod
    def initial_from(section: Section, agreed: dict) -> dict:
        initial = {}
        for index, item in enumerate(section.items, start=1):
            score = agreed.get(item.code)
            initial[f"version_{index}"] = score.version if score else 0
            if score is not None:
                initial[f"agreed_{index}"] = NOT_SCORED if score.value is None else str(score.value)
                initial[f"why_{index}"] = score.rationale
        return initial


class OpenRoundForm(forms.Form):
    title = forms.CharField(label="Name of this round", max_length=200)
    kind = forms.ChoiceField(
        label="Is this the baseline or a follow-up?",
        choices=AssessmentRound.Kind.choices,
        widget=forms.RadioSelect,
    )
    instrument_version = forms.ChoiceField(label="Assessment tool")
    raters = forms.MultipleChoiceField(
        label="Who will rate?",
        help_text="Usually the implementation group. You can add other staff and lived-experience advisers.",
        widget=forms.CheckboxSelectMultiple,
    )
    rate_by = date_field(
        "Please rate by", required=False, help_text="For example, 2027-02-28. Shown to raters as a guide.", what="date"
    )

    def __init__(self, *args, versions, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instrument_version"].choices = [(str(version.pk), str(version)) for version in versions]
        self.fields["raters"].choices = [
            (str(member.user_id), f"{member.user.full_name} ({member.get_role_display().lower()})")
            for member in members
        ]


class ReopenForm(VersionedForm):
    reason = forms.CharField(
        label="Why does it need reopening?",
        max_length=200,
        help_text="This is recorded in the activity log.",
    )
