"""Forms for the language audit: the service's lists, and uploading files."""

from django import forms

from pathfinder.core.text_extract import MAX_BYTES, megabytes
from pathfinder.evidence import language_audit

NO_NAMES = "Write it without names or anything else that could identify someone."


def _list(label: str, help_text: str, *, required=True, rows=12) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        strip=False,
        max_length=40_000,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows, "spellcheck": "false"}),
        error_messages={
            "required": f"The list of {label[0].lower() + label[1:]} has no terms: add at least one.",
            "max_length": f"The list of {label[0].lower() + label[1:]} is too long: keep it under 40,000 characters.",
        },
    )


class LexiconForm(forms.Form):
    trauma_informed = _list(
        "Trauma-informed terms",
        "One word or phrase a line. Capitals, hyphens, plurals and -ise or -ize spellings are matched anyway.",
    )
    stigmatising = _list(
        "Stigmatising terms",
        "One term a line, then “=” and its person-first alternatives separated by semicolons, such as "
        "“addict = person who uses drugs; person with problematic drug use”.",
    )
    ignore = _list(
        "Phrases to ignore",
        "Phrases that contain a term but are fine, one a line, such as “clean needles”. Terms inside them "
        "are not counted.",
        required=False,
        rows=6,
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def clean(self):
        cleaned = super().clean()
        if not {"trauma_informed", "stigmatising", "ignore"} & self.errors.keys():
            problems = language_audit.validate(
                cleaned.get("trauma_informed", ""), cleaned.get("stigmatising", ""), cleaned.get("ignore", "")
            )
            for name, messages in problems.items():
                for message in messages:
                    self.add_error(name, message)
        return cleaned


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class FilesField(forms.Field):
    widget = MultipleFileInput

    def clean(self, data):
        files = [item for item in (data if isinstance(data, (list, tuple)) else [data]) if item]
        if not files:
            raise forms.ValidationError("Choose one or more files to upload.", code="required")
        if len(files) > language_audit.MAX_FILES:
            raise forms.ValidationError(
                f"You chose {len(files)} files. Choose up to {language_audit.MAX_FILES} at a time, and start "
                "another audit for the rest.",
                code="too_many",
            )
        return files


class AuditForm(forms.Form):
    title = forms.CharField(
        label="What is being audited",
        max_length=200,
        required=False,
        help_text=f"For example “Care plans, spring 2026”. {NO_NAMES}",
    )
    documents = FilesField(
        label="Documents",
        help_text=f"Word (.docx), OpenDocument (.odt), PDF (.pdf) or plain text (.txt) files, up to "
        f"{megabytes(MAX_BYTES)} each and {language_audit.MAX_FILES} at a time. You can choose several at once.",
    )
