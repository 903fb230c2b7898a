"""The very first charter can be saved from the page as it is rendered: the
hidden 'based on' number is 0, and 0 must reach the form, not an empty box."""

from pathfinder.planning.models import Charter
from pathfinder.planning.tests.test_charter import charter_data


def test_it_saves_the_first_charter_from_the_rendered_page(world, as_user):
    client = as_user(world.lead)
    url = f"/programmes/{world.programme.pk}/group/charter/new/"
    page = client.get(url).page
    hidden = page.css("input[name=based_on]")[0].get("value")
    assert hidden == "0"
    assert client.post(url, charter_data(hidden)).status_code == 302
    assert Charter.objects.get().number == 1
