"""Forms for the theory of change."""

from django import forms

from pathfinder.core.forms import VersionedForm
from pathfinder.planning.forms.common import text_area
from pathfinder.planning.models import ToCNode
from pathfinder.planning.services.toc import link_problem
from pathfinder.planning.wording import short


class NodeEditForm(VersionedForm):
    text = text_area("Wording", max_length=300, required=True, rows=3)
    scope = forms.ChoiceField(
        label="Local or national?",
        choices=ToCNode.Scope.choices,
        widget=forms.RadioSelect,
        initial=ToCNode.Scope.LOCAL,
        help_text="National outcomes are ones the service contributes to with others, across Scotland.",
    )


class NodeForm(forms.Form):
    kind = forms.ChoiceField(
        label="What kind of step is it?",
        choices=ToCNode.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether it is an activity or an outcome, and which kind."},
    )
    text = text_area(
        "Wording",
        max_length=300,
        required=True,
        rows=3,
        help_text="Activities say what the service will do; outcomes say what will be different.",
    )
    scope = NodeEditForm.base_fields["scope"]


class LinkForm(forms.Form):
    source = forms.ChoiceField(label="From", error_messages={"required": "Choose where the link starts."})
    target = forms.ChoiceField(label="Leads to", error_messages={"required": "Choose what it leads to."})
    rationale = text_area("Why does one lead to the other?", max_length=1000, rows=3)
    assumptions = text_area(
        "Assumptions", max_length=1000, rows=3, help_text="What has to be true for this step to work."
    )

    def __init__(self, *args, nodes, links, **kwargs):
        super().__init__(*args, **kwargs)
        self.nodes = {str(node.pk): node for node in nodes}
        self.links = links
        choices = [("", "Choose a step")] + [
            (key, f"{node.get_kind_display()}: {short(node.text, 90)}") for key, node in self.nodes.items()
        ]
        for name in ("source", "target"):
            self.fields[name].choices = choices
            self.fields[name].error_messages["invalid_choice"] = "Choose a step from this theory of change."

    def clean(self):
        cleaned = super().clean()
        source, target = self.nodes.get(cleaned.get("source") or ""), self.nodes.get(cleaned.get("target") or "")
        if source and target:
            problem = link_problem(source, target, self.links)
            if problem:
                self.add_error("target", problem)
            cleaned["source"], cleaned["target"] = source, target
        return cleaned


class IndicatorForm(forms.Form):
    indicator = forms.CharField(
        label="Indicator",
        max_length=300,
        help_text="How you will know this outcome is happening, for example “Staff say they feel supported”.",
        error_messages={"required": "Enter the indicator."},
    )
    how_measured = forms.CharField(
        label="How it will be measured",
        max_length=300,
        required=False,
        help_text="For example, the wellbeing pulse survey every six months.",
    )
    measure = forms.ChoiceField(
        label="Measure on the Progress page (optional)",
        required=False,
        help_text="A figure the programme already records over time that shows this indicator. "
        "Its latest value and reading then appear with the indicator.",
        error_messages={"invalid_choice": "Choose one of the measures on the Progress page, or none."},
    )

    def __init__(self, *args, measures=(), **kwargs):
        """`measures`: the registered measures (programmes.registry.Measure) to choose from."""
        super().__init__(*args, **kwargs)
        self.fields["measure"].choices = [("", "No measure")] + [
            (measure.key, f"{measure.group}: {short(measure.title, 90)}") for measure in measures
        ]
