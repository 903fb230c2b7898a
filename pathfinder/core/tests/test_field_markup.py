"""Choice fields and empty text boxes are rendered once for each exact set
of parameters and kept (core/field_markup.py). What a page sends must be exactly
what a fresh render sends: unchanged forms, a different choice made, errors,
and after the cache is warm."""

import re

import pytest
from django import forms
from django.template import engines
from markupsafe import Markup

from pathfinder.core import field_markup
from pathfinder.programmes.domain import Theme

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


@pytest.fixture
def fresh_cache():
    field_markup.clear()
    yield
    field_markup.enabled = True
    field_markup.clear()


class Picks(forms.Form):
    colour = forms.ChoiceField(
        choices=[("red", "Red"), ("blue", "Blue <b>dark</b>")], widget=forms.RadioSelect, help_text="Pick one"
    )
    sizes = forms.MultipleChoiceField(
        choices=[("s", "Small"), ("m", "Medium"), ("none", "None of these")],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    place = forms.ChoiceField(choices=[("", "Choose"), ("a", "Ayr"), ("b", "Banff")])
    agree = forms.BooleanField(required=False)
    note = forms.CharField(required=False)
    story = forms.CharField(widget=forms.Textarea, required=False, help_text="In your own words")
    email = forms.EmailField(required=False)


def rendered(form) -> str:
    template = engines["jinja2"].env.from_string('{% from "core/forms.jinja" import fields %}{{ fields(form) }}')
    return template.render(form=form)


FORMS = [
    lambda: Picks(),
    lambda: Picks(initial={"colour": "blue", "sizes": ["m"], "place": "b"}),
    lambda: Picks(
        {"colour": "red", "sizes": ["s", "m"], "place": "a", "agree": "on", "note": "typed", "story": "told <i>"}
    ),
    lambda: Picks({"colour": "blue", "note": "", "story": "", "email": "not an address"}),
    lambda: Picks({"sizes": ["s"], "place": "zzz"}),  # errors: no colour, an unknown place
]


def test_each_field_is_exactly_a_fresh_render(fresh_cache):
    field_markup.enabled = False
    fresh = [rendered(make()) for make in FORMS]
    field_markup.enabled = True
    assert [rendered(make()) for make in FORMS] == fresh  # filling the cache
    assert [rendered(make()) for make in FORMS] == fresh  # from it
    assert len(set(fresh)) == len(fresh)


def test_errors_and_free_text_are_never_kept(fresh_cache):
    html = rendered(FORMS[4]())
    assert html.count("nhsuk-error-message") == 2
    kept = "".join(field_markup._cache.values())
    assert "nhsuk-error-message" not in kept
    assert 'name="note"' in kept  # the empty text box without an error is kept
    assert 'value="s" checked' not in kept  # a choice made is not
    field_markup.clear()
    rendered(FORMS[2]())
    kept = "".join(field_markup._cache.values())
    assert "checked" not in kept and "selected" not in kept
    assert "typed" not in kept and "told" not in kept  # what was typed is never kept
    assert 'name="note"' not in kept and 'name="story"' not in kept
    field_markup.clear()
    html = rendered(FORMS[3]())
    assert "not an address" in html
    assert "not an address" not in "".join(field_markup._cache.values())


def test_what_is_kept():
    keepable = field_markup.keepable
    assert keepable({"component": "radios", "items": [{"value": "a", "checked": False}]})
    assert not keepable({"component": "radios", "items": [{"value": "a", "checked": True}]})
    assert not keepable({"component": "select", "items": [{"value": "a", "selected": True}]})
    assert keepable({"component": "input", "value": ""})
    assert keepable({"component": "textarea", "value": ""})
    assert not keepable({"component": "input", "value": "typed"})
    assert not keepable({"component": "input", "value": "0"})
    assert not keepable({"component": "textarea", "value": "typed"})
    assert not keepable({"component": "select", "errorMessage": {"text": "Choose one"}})
    assert not keepable({"component": "input", "value": "", "errorMessage": {"text": "Fill it in"}})
    assert not keepable({"component": "hidden", "value": ""})


def test_the_key_tells_apart_what_the_macros_would():
    key = field_markup._key
    assert key({"text": "<b>"}) != key({"text": Markup("<b>")})  # escaped or not
    assert key({"checked": True}) != key({"checked": 1})
    assert key({"items": ["a", "b"]}) != key({"items": ["b", "a"]})
    assert key({"a": 1, "b": 2}) == key({"b": 2, "a": 1})
    with pytest.raises(field_markup._Unkeyable):
        key({"text": object()})


def test_something_unkeyable_is_rendered_each_time(fresh_cache):
    calls = []

    def render(params):
        calls.append(params)
        return Markup("<p>field</p>")

    params = {"component": "radios", "items": [{"text": object()}]}
    assert field_markup.kept_field(params, render) == field_markup.kept_field(params, render)
    assert len(calls) == 2
    params = {"component": "radios", "items": [{"text": "Yes"}]}
    field_markup.kept_field(params, render)
    field_markup.kept_field(params, render)
    assert len(calls) == 3


def test_the_oldest_go_first(fresh_cache, monkeypatch):
    monkeypatch.setattr(field_markup._cache, "limit", 3)
    for number in range(5):
        field_markup.kept_field({"component": "select", "n": number}, lambda params: Markup(params["n"]))
    assert [dict(key[1])["n"][1] for key in field_markup._cache] == [2, 3, 4]


def page(client, path, data=None):
    response = client.get(path) if data is None else client.post(path, data)
    assert response.status_code == 200
    return CSRF.sub("CSRF", response.content.decode())


def test_the_findings_page_is_exactly_a_fresh_render(world, as_user, fresh_cache):
    client = as_user(world.lead)
    path = f"/programmes/{world.programme.pk}/findings/"
    chosen = f"{path}?theme={Theme.values[1]}"
    wrong = {"theme": Theme.values[2], "kind": "not-a-kind"}
    field_markup.enabled = False
    fresh = [page(client, path), page(client, chosen), page(client, path, wrong)]
    field_markup.enabled = True
    for _ in range(2):
        assert [page(client, path), page(client, chosen), page(client, path, wrong)] == fresh
    assert fresh[0] != fresh[1]
