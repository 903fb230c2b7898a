"""The report's "add to findings" forms: the theme question and the button
are rendered once and copied with each note's or priority's prefix and label.
Every copy must be exactly what rendering that note's own form would give."""

from django.template import engines

from pathfinder.lens import services
from pathfinder.lens.forms import FindingThemeForm
from pathfinder.lens.tests.conftest import close, note

SOURCE = (
    '{% from "core/forms.jinja" import field %}'
    '{{ field(form.theme, {"label": {"text": "Theme", "classes": "nhsuk-body-s nhsuk-u-margin-bottom-1"}}) }}'
)


BUTTON = (
    '{% from "nhsuk/components/button/macro.jinja" import button %}'
    '{% set label %}Add to findings<span class="nhsuk-u-visually-hidden"> – {{ anchor }}</span>{% endset %}'
    '{{ button({"html": label, "classes": "nhsuk-button--secondary nhsuk-button--small"}) }}'
)


def own_render(prefix: str) -> str:
    return engines["jinja2"].from_string(SOURCE).render({"form": FindingThemeForm(prefix=prefix)})


def own_button(anchor: str) -> str:
    return engines["jinja2"].from_string(BUTTON).render({"anchor": anchor})


def test_each_note_and_priority_gets_its_own_theme_question(world, as_user, open_event, stages):
    notes = [note(open_event, stage, kind=kind) for stage in stages[:2] for kind in ("barrier", "idea")]
    priority = services.add_priority(open_event, title="Waiting times", notes=[notes[0]])
    html = as_user(world.lead).get(f"/lens-events/{open_event.pk}/report/").content.decode()
    prefixes = [f"note-{each.pk}" for each in notes] + [f"priority-{priority.pk}"]
    for prefix in prefixes:
        expected = own_render(prefix)
        assert f'name="{prefix}-theme"' in expected
        assert html.count(expected) == 1, prefix
    assert "pf-theme-item" not in html


def test_each_button_is_labelled_with_its_own_note_or_priority(world, as_user, open_event, stages):
    texts = ['Nobody <b>rings</b> back & we "wait"', "pf-finding-label is what I wrote", "Warm welcome"]
    notes = [note(open_event, stages[0], text=text) for text in texts]
    priority = services.add_priority(open_event, title="Waiting <times>", notes=[notes[0]])
    html = as_user(world.lead).get(f"/lens-events/{open_event.pk}/report/").content.decode()
    for anchor in [*texts, priority.title]:
        expected = own_button(anchor[:60])
        assert "Add to findings" in expected and "<b>" not in expected
        assert html.count(expected) == 1, anchor
    # The stand-in label is left nowhere: it appears only where the note says it.
    assert html.count("pf-finding-label") == html.count("pf-finding-label is what I wrote")


def test_someone_who_cannot_record_findings_gets_no_forms(world, as_user, open_event, stages):
    note(open_event, stages[0])
    closed = close(open_event, world)  # everyone in the programme may read a closed event's report
    response = as_user(world.viewer).get(f"/lens-events/{closed.pk}/report/")
    assert response.status_code == 200
    assert 'name="note-' not in response.content.decode()
