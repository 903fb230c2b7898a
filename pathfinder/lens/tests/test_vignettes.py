"""The vignette library: our own fictional people, clearly labelled, with
content notes before difficult stories; services can write their own."""

import pytest

from pathfinder.lens.library import LibraryError, load_builtins, read_library
from pathfinder.lens.models import Tier, Vignette

# The learning report's Annex B people: ours must be different people.
REPORT_NAMES = {"Ollie", "Jay", "Gill", "Bruno", "Stuart", "Lauren"}
STIGMATISING = ["addict", "junkie", "alcoholic", "abuser", "clean", "dirty", "substance abuse", "misuse"]


def test_the_library_has_two_to_four_people_per_tier(library):
    assert 8 <= len(library) <= 10
    for tier in Tier.values:
        assert 2 <= sum(1 for v in library.values() if v.tier == tier) <= 4, tier


def test_the_people_are_our_own_and_described_person_first(library):
    for vignette in library.values():
        assert vignette.name not in REPORT_NAMES
        words = f"{vignette.story} {vignette.purpose}".lower()
        for term in STIGMATISING:
            assert term not in words, (vignette.name, term)
        assert vignette.purpose and vignette.age


def test_stories_about_suicide_overdose_self_harm_or_abuse_carry_a_content_note(library):
    for vignette in library.values():
        story = vignette.story.lower()
        if any(word in story for word in ["overdose", "hurt himself", "hurts her", "self-harm", "abuse", "suicid"]):
            assert vignette.content_note, vignette.name


def test_loading_twice_changes_nothing(library):
    load_builtins()
    load_builtins()
    assert Vignette.objects.filter(service=None).count() == len(library)


def test_a_broken_library_file_is_explained():
    with pytest.raises(LibraryError, match="tier must be one of"):
        read_library(
            "vignettes:\n  - {key: a, name: A, age: 30, tier: extreme, story: s, purpose: p, content_note: ''}\n"
        )
    with pytest.raises(LibraryError, match="exactly these fields"):
        read_library("vignettes:\n  - {key: a, name: A}\n")


def test_every_vignette_says_it_is_fictional_and_folds_away_difficult_stories(world, as_user, library):
    page = as_user(world.member).get(f"/services/{world.service.slug}/vignettes/").page
    cards = page.css(".nhsuk-card")
    assert len(cards) == len(library)
    for card in cards:
        assert "Fictional person, written for discussion" in card.text_content()
    shona = next(card for card in cards if "Shona" in card.text_content())
    text = " ".join(shona.text_content().split())
    assert text.index("Content note:") < text.index("Read Shona's story")
    assert shona.cssselect("details")


def test_a_service_writes_its_own_vignette_that_others_never_see(world, as_user, library):
    client = as_user(world.lead)
    response = client.post(
        f"/services/{world.service.slug}/vignettes/new/",
        {"name": "Isla", "age": "38", "tier": "mid", "story": "Isla works shifts.", "purpose": "Appointment times."},
    )
    assert response.status_code == 302
    own = Vignette.objects.get(name="Isla")
    assert own.service == world.service
    assert "Isla" in client.get(f"/services/{world.service.slug}/vignettes/").page.text()
    other = as_user(world.outsider).get(f"/services/{world.other_service.slug}/vignettes/").page.text()
    assert "Isla" not in other
    assert as_user(world.outsider).get(f"/services/{world.service.slug}/vignettes/{own.pk}/").status_code == 404


def test_a_vignette_needs_a_story_and_a_tier(world, as_user):
    response = as_user(world.lead).post(f"/services/{world.service.slug}/vignettes/new/", {"name": "Isla"})
    assert response.page.title.startswith("Error: ")
    assert "Write the story." in response.page.error_summary()
    assert "Choose a risk tier." in response.page.error_summary()


def test_built_in_vignettes_cannot_be_edited(world, as_user, library):
    response = as_user(world.lead).get(f"/services/{world.service.slug}/vignettes/{library['morag'].pk}/")
    assert response.status_code == 404


def test_the_lead_edits_their_own_vignette_and_a_stale_edit_is_refused(world, as_user):
    client = as_user(world.lead)
    client.post(
        f"/services/{world.service.slug}/vignettes/new/",
        {"name": "Isla", "tier": "mid", "story": "One.", "purpose": "P."},
    )
    own = Vignette.objects.get(name="Isla")
    edit = f"/services/{world.service.slug}/vignettes/{own.pk}/"
    data = {"name": "Isla", "tier": "mid", "story": "Two.", "purpose": "P.", "version": 1}
    assert client.post(edit, data).status_code == 302
    response = client.post(edit, data | {"story": "Three."})
    assert response.page.title.startswith("Error: ")
    own.refresh_from_db()
    assert own.story == "Two."
