"""The answer page keeps each blank question's markup (surveys/rendering.py)
and each survey's form layout, whose fields every form shares (surveys/forms.py).
What it sends must be exactly what a fresh render of a freshly built form sends:
on first sight, with errors and typed answers, and after the caches are warm."""

import re

import pytest

from pathfinder.instruments import loading
from pathfinder.surveys import forms, rendering, services

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def url(survey):
    return f"/answer/{survey.link_token}/"


def page(client, survey, data=None):
    response = client.get(url(survey)) if data is None else client.post(url(survey), data)
    assert response.status_code == 200
    # The CSRF token is masked afresh for every page, so it is the one part that differs.
    return CSRF.sub("CSRF", response.content.decode())


@pytest.fixture
def fresh_cache():
    rendering.clear()
    forms.clear_layouts()
    yield
    rendering.enabled = forms.keep_layouts = True
    rendering.clear()
    forms.clear_layouts()


def fresh(enabled: bool) -> None:
    """Cached markup and shared form layouts on, or both off (a fresh render of a fresh form)."""
    rendering.enabled = forms.keep_layouts = enabled


def names(html):
    return sorted(set(re.findall(r'name="(q\d+)"', html)), key=lambda name: int(name[1:]))


def typed_and_wrong(html):
    """A role, one scale answer, some free text with markup in it, and a
    multiple choice that mixes "none" with another answer (an error)."""
    role = re.search(r'name="(q\d+)" type="radio" value="practitioner"', html).group(1)
    multi = re.findall(r'name="(q\d+)" type="checkbox" value="none"', html)[0]
    other = re.search(rf'name="{multi}" type="checkbox" value="(?!none)([^"]+)"', html).group(1)
    text = re.search(r'<textarea[^>]* name="(q\d+)"', html).group(1)
    scale = next(name for name in names(html) if name not in {role, multi, text})
    return {
        "code": "ZZZZ-ZZZZ-ZZ",
        role: "practitioner",
        scale: "3",
        text: "typed <b>words</b>",
        multi: ["none", other],
    }


def test_it_sends_the_same_page_as_a_fresh_render(make_survey, as_user, fresh_cache):
    survey = make_survey()
    client = as_user(None)
    fresh(False)
    fresh_blank = page(client, survey)
    answers = typed_and_wrong(fresh_blank)
    fresh_errors = page(client, survey, answers)
    fresh_empty = page(client, survey, {"code": ""})

    fresh(True)
    assert page(client, survey) == fresh_blank  # filling the caches
    assert page(client, survey) == fresh_blank  # from the caches
    cached_errors = page(client, survey, answers)
    assert cached_errors == fresh_errors
    assert page(client, survey, {"code": ""}) == fresh_empty
    # What one person typed, and its errors, never reach the next person's page.
    assert page(client, survey) == fresh_blank
    assert page(client, survey, answers) == fresh_errors
    # The error path really did show what was typed and the errors.
    assert "typed &lt;b&gt;words&lt;/b&gt;" in cached_errors
    assert cached_errors.count("nhsuk-error-message") >= 2


def test_a_link_survey_without_codes_is_the_same_too(make_survey, as_user, fresh_cache):
    survey = make_survey(distribution="link")
    client = as_user(None)
    fresh(False)
    fresh_blank = page(client, survey)
    fresh_nothing = page(client, survey, {})
    fresh(True)
    page(client, survey)
    assert page(client, survey) == fresh_blank
    assert page(client, survey, {}) == fresh_nothing
    assert 'name="code"' not in fresh_blank
    assert "You have not answered any of the questions" in fresh_nothing


def test_surveys_of_one_version_asking_different_questions_get_their_own_form(make_survey, as_user, fresh_cache):
    with_area = make_survey()
    without = make_survey(title="Training needs, short")
    without.included_optional = []
    without.save(update_fields=["included_optional"])
    link = make_survey(distribution="link", title="Training needs, by link")
    client = as_user(None)
    fresh(False)
    expected = [page(client, survey) for survey in (with_area, without, link)]
    fresh(True)
    for _ in range(2):  # filling the caches, then from them
        assert [page(client, survey) for survey in (with_area, without, link)] == expected
    assert len(names(expected[0])) == len(names(expected[1])) + 1


def test_a_new_version_gets_its_own_questions(make_survey, tna_version, as_user, fresh_cache, world):
    survey = make_survey()
    client = as_user(None)
    assert "What is your role" in page(client, survey)
    raw = dict(tna_version.definition)
    raw["version"] = tna_version.version + 1
    raw["sections"] = [dict(section) for section in raw["sections"]]
    for section in raw["sections"]:
        section["items"] = [dict(item) for item in section["items"]]
        for item in section["items"]:
            if item["code"] == "about.role" or item.get("key") == "role":
                item["text"] = "Which of these best describes your job"
    newer = loading.store(loading.parse_text(_yaml(raw)))
    assert newer.pk != tna_version.pk
    second = make_survey(version=newer, title="Training needs 2028")
    html = page(client, second)
    assert "Which of these best describes your job" in html
    assert "What is your role" not in html
    assert "What is your role" in page(client, survey)  # the old version keeps its wording


def _yaml(data):
    import yaml

    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def test_answering_after_the_cache_is_warm_still_stores_the_answer(make_survey, world, as_user, fresh_cache):
    survey = make_survey()
    [code] = services.extra_codes(survey, 1, by=world.lead)
    client = as_user(None)
    html = page(client, survey)
    role = re.search(r'name="(q\d+)" type="radio" value="practitioner"', html).group(1)
    response = client.post(url(survey), {"code": code, role: "practitioner"})
    assert response.status_code == 302
    assert services.used_count(survey) == 1


def test_a_respondents_choices_are_not_kept_as_field_markup(make_survey, as_user, fresh_cache):
    from pathfinder.core import field_markup

    survey = make_survey()
    client = as_user(None)
    field_markup.clear()
    answers = typed_and_wrong(page(client, survey))
    shown = page(client, survey, answers)
    assert 'value="practitioner" checked' in shown  # put back on screen for them
    kept = "".join(field_markup._cache.values())
    assert "practitioner" not in kept and 'name="code"' not in kept
