"""Forms for loading a measure and recording one person's answers."""

from django import forms

from pathfinder.core.forms import date_field
from pathfinder.measures import services
from pathfinder.measures.models import Measure


class UploadForm(forms.Form):
    file = forms.FileField(
        label="The measure's definition file",
        help_text="A YAML file written in Pathfinder's format for questionnaires, up to 512 KB. "
        "It is read in memory and not kept as a file: what it defines is saved for your service only.",
        error_messages={
            "required": "Choose the definition file to upload.",
            "empty": "The file is empty. Check you chose the right file.",
        },
    )
    better = forms.ChoiceField(
        label="Which way is better?",
        choices=Measure.Better.choices,
        initial=Measure.Better.HIGHER,
        widget=forms.RadioSelect,
        help_text="Used to count how many people improved. Check the measure's own guidance.",
        error_messages={"required": "Say whether higher or lower scores are better."},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if getattr(upload, "too_big", False) or upload.size > services.MAX_FILE_BYTES:
            raise forms.ValidationError("The file is bigger than 512 KB. A definition file is usually a few KB.")
        if not upload.name.lower().endswith((".yaml", ".yml")):
            raise forms.ValidationError("Choose a YAML file (ending .yaml or .yml).")
        try:
            upload.text = upload.read().decode("utf-8")
        except UnicodeDecodeError:
            raise forms.ValidationError(
                "The file is not plain text (UTF-8). Save it as plain text and try again."
            ) from None
        finally:
            upload.close()
        return upload


class RecordForm(forms.Form):
    reference = forms.CharField(
        label="The person's reference",
        max_length=200,
        help_text="Your service's own reference for the person, such as a key-worker code and a number. "
        "Not their name, CHI number, date of birth or e-mail. It is not stored: only a code worked out from it, "
        "so records for the same reference can be put together.",
        error_messages={"required": "Enter the person's reference."},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    recorded_on = date_field("Date the measure was done", not_future=True, what="date the measure was done")

    def __init__(self, *args, definition, **kwargs):
        super().__init__(*args, **kwargs)
        self.definition = definition
        self.item_fields: list[tuple[str, object, str]] = []  # (section title, item, field name)
        index = 0
        for section in definition.sections:
            for item in section.items:
                if item.type != "scale":
                    continue
                index += 1
                name = f"item_{index}"
                scale = definition.scale_for(item)
                choices = [(str(point.value), point.label) for point in scale.points]
                if scale.dont_know:
                    choices.append(("dont_know", scale.dont_know))
                self.fields[name] = forms.ChoiceField(
                    label=item.text,
                    choices=choices,
                    widget=forms.RadioSelect,
                    help_text=item.help,
                    required=not item.optional,
                    error_messages={"required": f"Choose an answer for “{item.text}”."},
                )
                self.item_fields.append((section.title, item, name))

    def clean_reference(self):
        reference = self.cleaned_data["reference"]
        problem = services.reference_problem(reference)
        if problem:
            raise forms.ValidationError(problem)
        return reference.strip()

    def answers(self) -> dict:
        found = {}
        for _title, item, name in self.item_fields:
            value = self.cleaned_data.get(name)
            if value in (None, ""):
                continue
            found[item.code] = None if value == "dont_know" else int(value)
        return found

    def sections(self) -> list[tuple[str, list]]:
        grouped: list[tuple[str, list]] = []
        for title, _item, name in self.item_fields:
            if not grouped or grouped[-1][0] != title:
                grouped.append((title, []))
            grouped[-1][1].append(self[name])
        return grouped
