from pathfinder.programmes.models import Finding
from pathfinder.testing.factories import FindingFactory


def path(world):
    return f"/programmes/{world.programme.pk}/findings/"


def test_a_group_member_adds_a_finding(world, as_user):
    response = as_user(world.member).post(
        path(world),
        {
            "text": "  Letters use clinical language.  ",
            "theme": "policies",
            "kind": "barrier",
            "principles": ["trust", "choice"],
        },
    )
    assert response.status_code == 302
    finding = Finding.objects.get()
    assert (finding.text, finding.theme, finding.principles, finding.source_type) == (
        "Letters use clinical language.",
        "policies",
        ["trust", "choice"],
        "manual",
    )
    assert finding.created_by == world.member


def test_missing_answers_are_listed_and_text_kept(world, as_user):
    response = as_user(world.member).post(path(world), {"text": "Half a thought"})
    assert response.status_code == 200
    assert len(response.page.error_summary()) == 2
    assert response.page.css("#id_text")[0].text == "Half a thought"
    assert not Finding.objects.exists()


def test_an_oversized_finding_is_refused_without_losing_it(world, as_user):
    long_text = "x" * 2001
    response = as_user(world.member).post(path(world), {"text": long_text, "theme": "budgets", "kind": "gap"})
    assert "at most 2000 characters" in response.page.text()
    assert response.page.css("#id_text")[0].text == long_text


def test_a_read_only_viewer_can_read_but_not_add(world, as_user):
    FindingFactory(programme=world.programme, text="Visible to evaluators")
    client = as_user(world.viewer)
    page = client.get(path(world)).page
    assert "Visible to evaluators" in page.text()
    assert not page.css("#add")
    assert client.post(path(world), {"text": "x", "theme": "budgets", "kind": "gap"}).status_code == 403


def test_it_filters_by_theme(world, as_user):
    FindingFactory(programme=world.programme, theme="budgets", text="About money")
    FindingFactory(programme=world.programme, theme="leadership", text="About leaders")
    text = as_user(world.lead).get(path(world) + "?theme=budgets").page.text()
    assert "About money" in text and "About leaders" not in text


def test_another_programmes_findings_never_show(world, as_user):
    FindingFactory(programme=world.other_programme, text="Other organisation's finding")
    assert "Other organisation's finding" not in as_user(world.lead).get(path(world)).page.text()
    assert as_user(world.lead).get(f"/programmes/{world.other_programme.pk}/findings/").status_code == 404
