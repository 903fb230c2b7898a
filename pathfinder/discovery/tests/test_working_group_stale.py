"""Changing a working group while someone else does: the stale save is refused."""

from pathfinder.discovery.services import documents as services


def test_it_refuses_a_stale_save(world, as_user):
    group = services.add_working_group(programme=world.programme, by=world.lead, name="Leaflets")
    data = {"name": "Leaflets and letters", "remit": "", "members": [], "version": "1"}
    client = as_user(world.member)
    assert client.post(f"/working-groups/{group.pk}/edit/", data).status_code == 302
    response = client.post(f"/working-groups/{group.pk}/edit/", {**data, "name": "Letters"})
    assert response.status_code == 200
    assert "Someone else saved this group's details" in response.page.text()
    group.refresh_from_db()
    assert (group.name, group.version) == ("Leaflets and letters", 2)
