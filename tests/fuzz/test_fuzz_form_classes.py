"""Every Django form class in Pathfinder, validated with hostile values: it
must answer valid or not valid, never raise.

test_fuzz_forms.py drives the forms through their pages; this finds the form
classes themselves (every forms module, including forms only some states of
a page show) so none is missed. A form that needs more than lists of choices
to be built (an instrument definition, a survey) is left to the page fuzzing,
and says so when skipped."""

import importlib
import inspect
import pkgutil

import pytest
from django import forms
from django.http import QueryDict
from hypothesis import given
from hypothesis import strategies as st

import pathfinder
from tests.fuzz import hostile

# What a form's extra constructor arguments can be given without a world.
EMPTY_CHOICES = {
    "members", "owners", "groups", "notes", "entries", "versions", "people", "guides",
    "vignettes", "memberships", "participants", "options", "candidates",
    "actions", "labels", "nodes", "links", "surveys",
}  # fmt: skip
EMPTY_MAPPINGS = {"refs", "rows"}
GIVEN = {"email": "someone@example.org"}


def _form_classes() -> dict[str, type]:
    found = {}
    for module in pkgutil.walk_packages(pathfinder.__path__, "pathfinder."):
        name = module.name
        if ".tests" in name or ".migrations" in name:
            continue
        if not (name.rsplit(".", 1)[-1].startswith("forms") or ".forms." in name):
            continue
        loaded = importlib.import_module(name)
        for attribute, value in vars(loaded).items():
            if inspect.isclass(value) and issubclass(value, forms.BaseForm) and value.__module__ == name:
                found[f"{name}.{attribute}"] = value
    return found


FORMS = _form_classes()


def _extra_arguments(form_class) -> dict | None:
    arguments = {}
    for name, parameter in inspect.signature(form_class.__init__).parameters.items():
        if name in {"self", "data", "files"} or parameter.kind in {parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD}:
            continue
        if parameter.default is not inspect.Parameter.empty:
            continue
        if name in EMPTY_CHOICES:
            arguments[name] = []
        elif name in EMPTY_MAPPINGS:
            arguments[name] = {}
        elif name in {"organisations", "users"}:
            arguments[name] = _nothing_of(name)
        elif name in GIVEN:
            arguments[name] = GIVEN[name]
        else:
            return None
    return arguments


def _nothing_of(name: str):
    from django.contrib.auth import get_user_model

    from pathfinder.core.models import Organisation

    return (Organisation if name == "organisations" else get_user_model()).objects.none()


def _kind(field) -> str:
    if isinstance(field, forms.FileField):
        return "file"
    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
        return "select"
    return "text"


def _options(field) -> list[str]:
    try:
        return [str(value) for value, _ in field.choices][:20]
    except (AttributeError, TypeError):
        return []


def test_it_finds_the_forms():
    assert len(FORMS) > 50
    assert "pathfinder.planning.forms.actions.ActionForm" in FORMS


@pytest.mark.parametrize("name", sorted(FORMS))
def test_every_form_answers_hostile_input_without_raising(name, db):
    form_class = FORMS[name]
    arguments = _extra_arguments(form_class)
    if arguments is None:
        pytest.skip("needs an instrument definition or a survey: fuzzed through its page")
    try:
        fields = form_class(**arguments).fields
    except TypeError as error:  # a subclass passing its own arguments on through **kwargs
        pytest.skip(f"cannot be built on its own ({error}): fuzzed through its page")

    @hostile.FUZZ_SETTINGS
    @given(data=st.data())
    def fuzz(data):
        posted = QueryDict(mutable=True)
        uploads = {}
        for field_name, field in fields.items():
            kind = _kind(field)
            if kind == "file":
                file_name, content = data.draw(hostile.upload_content())
                from django.core.files.uploadedfile import SimpleUploadedFile

                uploads[field_name] = SimpleUploadedFile(file_name, content)
                continue
            value = data.draw(hostile._value_for(hostile.Field(field_name, kind, _options(field))), label=field_name)
            if value is not None:
                posted.setlist(field_name, value if isinstance(value, list) else [value])
        form = form_class(data=posted, files=uploads, **arguments)
        if form.is_valid():
            assert isinstance(form.cleaned_data, dict)
        else:
            assert form.errors

    fuzz()
