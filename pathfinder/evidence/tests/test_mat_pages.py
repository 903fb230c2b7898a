"""The overview of the ten standards and one standard's history, newest first."""

from pathfinder.evidence.tests.mat import rate


def test_it_lists_the_ten_standards_with_their_latest_rating(world, as_user):
    rate(world, standard=6, rating="red", days=60)
    rate(world, standard=6, rating="green", days=10)
    rate(world, standard=1, rating="blue", days=5)
    response = as_user(world.viewer).get(f"/programmes/{world.programme.pk}/mat-standards/")
    assert response.status_code == 200
    rows = response.page.css("main tbody tr")
    assert len(rows) == 10
    texts = ["".join(row.itertext()) for row in rows]
    assert "Same-day access" in texts[0] and "Blue" in texts[0]
    assert "Green" in texts[5] and "Red" not in texts[5]
    assert "Not rated yet" in texts[9]


def test_it_shows_a_standards_history_newest_first_with_who_and_why(world, as_user):
    rate(world, rating="red", days=60, process_evidence="Nothing written down yet.")
    rate(world, rating="amber", days=10, by=world.lead, experiential_evidence="People say they feel listened to.")
    response = as_user(world.viewer).get(f"/programmes/{world.programme.pk}/mat-standards/6/")
    text = response.page.text()
    assert text.index("People say they feel listened to.") < text.index("Nothing written down yet.")
    assert "Alice Lead" in text and "Bob Member" in text
    assert "The pathway is in place in two of three teams." in text


def test_it_offers_rating_only_to_those_who_may(world, as_user):
    url = f"/programmes/{world.programme.pk}/mat-standards/6/"
    assert "Add a rating" in as_user(world.member).get(url).page.text()
    assert "Add a rating" not in as_user(world.viewer).get(url).page.text()
