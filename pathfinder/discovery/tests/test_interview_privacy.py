"""One interview's notes are for the people who hold interviews; everyone else
in the programme reads the summary across interviews, which names nobody."""

from pathfinder.discovery.tests.interview_factories import interview


def test_the_read_only_viewer_sees_the_list_but_not_the_notes(world, as_user):
    made = interview(world)
    client = as_user(world.viewer)
    page = client.get(f"/programmes/{world.programme.pk}/interviews/").page
    assert str(made) in page.text()
    assert not page.css(f"a[href='/interviews/{made.pk}/']")
    assert client.get(f"/interviews/{made.pk}/").status_code == 403


def test_names_appear_only_on_the_interview_page(world, as_user):
    made = interview(world)
    client = as_user(world.lead)
    assert "Jo Bloggs" in client.get(f"/interviews/{made.pk}/").page.text()
    for url in [
        f"/programmes/{world.programme.pk}/interviews/",
        f"/programmes/{world.programme.pk}/interviews/summary/",
        f"/programmes/{world.programme.pk}/phase-one/",
    ]:
        assert "Jo Bloggs" not in client.get(url).page.text(), url
