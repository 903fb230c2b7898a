"""Notes per question area: a name where the guide asks for none is a warning
the person can override; a stale save is refused."""

from pathfinder.discovery.models import InterviewNote
from pathfinder.discovery.tests.interview_factories import interview


def _notes(made, **areas):
    return {"version": made.version, **{f"area_{key}": text for key, text in areas.items()}}


def test_it_saves_one_text_per_area(world, as_user):
    made = interview(world)
    client = as_user(world.member)
    response = client.post(f"/interviews/{made.pk}/notes/", _notes(made, role="Works on the outreach team"))
    assert response.status_code == 302
    assert dict(InterviewNote.objects.values_list("area", "text")) == {"role": "Works on the outreach team"}
    assert "Works on the outreach team" in client.get(f"/interviews/{made.pk}/").page.text()


def test_it_warns_about_a_name_and_keeps_the_words(world, as_user):
    made = interview(world)
    client = as_user(world.lead)
    response = client.post(f"/interviews/{made.pk}/notes/", _notes(made, wellbeing="Dr Reid runs supervision."))
    page = response.page
    assert page.title.startswith("Error: ")
    assert any("“Dr Reid”" in item for item in page.error_summary())
    assert page.css("textarea[name=area_wellbeing]")[0].text.strip() == "Dr Reid runs supervision."
    assert page.css("input[name=keep_names]")
    assert not InterviewNote.objects.exists()


def test_the_person_can_keep_their_words(world, as_user):
    made = interview(world)
    client = as_user(world.lead)
    data = _notes(made, wellbeing="Dr Reid runs supervision.") | {"keep_names": "on"}
    assert client.post(f"/interviews/{made.pk}/notes/", data).status_code == 302
    assert InterviewNote.objects.get().text == "Dr Reid runs supervision."


def test_it_does_not_check_an_area_that_asks_for_names(world, as_user):
    made = interview(world)
    client = as_user(world.lead)
    response = client.post(f"/interviews/{made.pk}/notes/", _notes(made, documents="Ask Sarah Jones in HR."))
    assert response.status_code == 302


def test_it_refuses_a_stale_save_and_keeps_what_was_typed(world, as_user):
    made = interview(world)
    client = as_user(world.lead)
    opened = client.get(f"/interviews/{made.pk}/notes/").page.form_data()
    first = opened | {"area_role": "Team leader for two years"}
    assert client.post(f"/interviews/{made.pk}/notes/", first).status_code == 302
    second = opened | {"area_service": "Referrals mostly from GPs"}
    page = client.post(f"/interviews/{made.pk}/notes/", second).page
    assert page.title.startswith("Error: ")
    assert "Someone else saved this interview" in page.text()
    assert page.css("textarea[name=area_service]")[0].text.strip() == "Referrals mostly from GPs"
    assert page.css("textarea[name=area_role]")[0].text.strip() == "Team leader for two years"
    assert dict(InterviewNote.objects.values_list("area", "text")) == {"role": "Team leader for two years"}
