"""The dashboard panel: how many standards are rated, and their latest ratings by colour."""

from pathfinder.evidence.tests.mat import rate


def test_it_counts_the_latest_ratings_by_colour(world, as_user):
    rate(world, standard=1, rating="red", days=40)
    rate(world, standard=1, rating="green", days=4)
    rate(world, standard=6, rating="green", days=4)
    rate(world, standard=10, rating="amber", days=4)
    page = as_user(world.viewer).get(f"/programmes/{world.programme.pk}/").page
    items = [li.text_content() for li in page.css("main li")]
    assert "3 of 10 standards rated." in page.text()
    assert "Green: 2" in items and "Amber: 1" in items
    assert "Red: 1" not in items
