"""What helps or gets in the way, tagged by theme and principle, becomes a finding once."""

from pathfinder.discovery.models import InterviewTag
from pathfinder.discovery.tests.interview_factories import interview, tag
from pathfinder.programmes.models import Finding


def test_it_tags_a_barrier_from_the_interview_page(world, as_user):
    made = interview(world)
    client = as_user(world.member)
    data = {"kind": "barrier", "text": "Psychology needs three months abstinent first.", "theme": "service_design"}
    data["principles"] = ["choice", "safety"]
    assert client.post(f"/interviews/{made.pk}/helps/", data).status_code == 302
    saved = InterviewTag.objects.get()
    assert (saved.kind, saved.theme, saved.principles) == ("barrier", "service_design", ["safety", "choice"])


def test_it_explains_a_tag_without_text(world, as_user):
    made = interview(world)
    response = as_user(world.member).post(f"/interviews/{made.pk}/helps/", {"kind": "barrier", "theme": "budgets"})
    assert response.page.title.startswith("Error: ")
    assert "Describe what helps or gets in the way." in response.page.error_summary()


def test_it_makes_a_finding_only_once(world, as_user):
    made = interview(world)
    barrier = tag(made, world)
    client = as_user(world.lead)
    for _ in range(2):
        assert client.post(f"/interview-tags/{barrier.pk}/finding/").status_code == 302
    finding = Finding.objects.get()
    assert (finding.kind, finding.theme, finding.principles) == ("barrier", "policies", ["safety", "trust"])
    assert finding.source_type == "interview"
    page = client.get(f"/programmes/{world.programme.pk}/findings/").page
    assert page.css(f"a[href='/programmes/{world.programme.pk}/interviews/summary/']")


def test_it_refuses_tags_without_consent(world, as_user):
    made = interview(world, consent=False)
    data = {"kind": "barrier", "text": "Something", "theme": "budgets"}
    as_user(world.lead).post(f"/interviews/{made.pk}/helps/", data)
    assert not InterviewTag.objects.exists()


def test_it_warns_about_a_name_in_what_is_tagged(world, as_user):
    made = interview(world)
    client = as_user(world.lead)
    data = {"kind": "facilitator", "text": "Sarah Jones makes everyone welcome.", "theme": "culture"}
    page = client.post(f"/interviews/{made.pk}/helps/", data).page
    assert page.title.startswith("Error: ")
    assert any("“Sarah Jones”" in item for item in page.error_summary())
    assert page.css("textarea[name=text]")[0].text.strip() == "Sarah Jones makes everyone welcome."
    assert not InterviewTag.objects.exists()
    assert client.post(f"/interviews/{made.pk}/helps/", data | {"keep_names": "on"}).status_code == 302
    assert InterviewTag.objects.get().text == "Sarah Jones makes everyone welcome."
