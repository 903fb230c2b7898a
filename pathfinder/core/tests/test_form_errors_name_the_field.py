"""Every error message says which question it is about, in the error summary
and beside the field, even where Django's own wording would not."""

from django import forms

from pathfinder.core.forms_presenter import error_list, field_params


class Example(forms.Form):
    title = forms.CharField(label="Name of this round", max_length=5)
    kind = forms.ChoiceField(label="Is this the baseline?", choices=[("a", "Yes")], widget=forms.RadioSelect)
    when = forms.DateField(label="Start date", error_messages={"required": "Enter the start date."})
    count = forms.IntegerField(label="How many people", required=False)


def test_it_names_the_field_in_djangos_own_messages():
    form = Example({"title": "far too long", "kind": "zzz", "count": "many"})
    texts = [item["text"] for item in error_list(form)]
    assert any("Name of this round" in text and "at most 5 characters" in text for text in texts)
    assert any("Is this the baseline?" in text for text in texts)
    assert any("How many people" in text and "whole number" in text for text in texts)


def test_a_missing_answer_says_which_question():
    form = Example({})
    texts = {item["href"]: item["text"] for item in error_list(form)}
    assert "Name of this round" in texts["#id_title"]
    assert "Is this the baseline?" in texts["#id_kind"]


def test_a_message_written_for_the_field_is_left_as_it_is():
    form = Example({"title": "ok", "kind": "a"})
    assert {"text": "Enter the start date.", "href": "#id_when"} in error_list(form)


def test_the_message_beside_the_field_matches_the_summary():
    form = Example({})
    form.is_valid()
    summary = {item["href"]: item["text"] for item in error_list(form)}
    assert field_params(form["title"])["errorMessage"]["text"] == summary["#id_title"]


def test_none_of_these_clears_the_other_boxes_in_the_browser():
    class Training(forms.Form):
        done = forms.MultipleChoiceField(
            label="Training done",
            choices=[("elearning", "E-learning"), ("none", "None of these yet")],
            widget=forms.CheckboxSelectMultiple,
        )

    items = field_params(Training()["done"])["items"]
    assert items[-1]["behaviour"] == "exclusive"
    assert "behaviour" not in items[0]
