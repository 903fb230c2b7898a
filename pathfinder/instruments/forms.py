from django import forms

from pathfinder.instruments.definition import Definition


class AdaptForm(forms.Form):
    """Reword items, drop optional ones, or add new ones to a section."""

    notes = forms.CharField(label="What changed and why", max_length=500, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, definition: Definition, **kwargs):
        super().__init__(*args, **kwargs)
        self.definition = definition
        self.slots = []
        position = 0
        for section in definition.sections:
            for item in section.items:
                position += 1
                self.fields[f"text_{position}"] = forms.CharField(
                    label=f"{item.code}",
                    initial=item.text,
                    max_length=400,
                    widget=forms.Textarea(attrs={"rows": 2}),
                )
                if item.optional:
                    self.fields[f"drop_{position}"] = forms.BooleanField(
                        label="Leave this optional item out", required=False
                    )
                self.slots.append((section, item, position))
            self.fields[f"add_{section.key}"] = forms.CharField(
                label=f"Add an item to “{section.title}” (optional)",
                required=False,
                max_length=400,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def changes(self) -> dict:
        rewordings, dropped, added = {}, set(), {}
        for _, item, position in self.slots:
            text = self.cleaned_data[f"text_{position}"].strip()
            if text != item.text:
                rewordings[item.code] = text
            if self.cleaned_data.get(f"drop_{position}"):
                dropped.add(item.code)
        for section in self.definition.sections:
            text = self.cleaned_data.get(f"add_{section.key}", "").strip()
            if text:
                added[section.key] = text
        return {"rewordings": rewordings, "dropped": dropped, "added": added}
