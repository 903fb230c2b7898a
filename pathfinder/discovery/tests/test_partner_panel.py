from django.urls import reverse

from pathfinder.discovery.tests.factories_partners import EngagementFactory, PartnerFactory


def test_it_counts_partners_invited_and_taking_part_on_the_dashboard(world, as_user):
    invited_twice = PartnerFactory(programme=world.programme)
    EngagementFactory(partner=invited_twice, joined=True)
    EngagementFactory(partner=invited_twice, joined=True)
    EngagementFactory(partner=PartnerFactory(programme=world.programme), joined=False)
    PartnerFactory(programme=world.programme)
    PartnerFactory(programme=world.other_programme)
    page = as_user(world.viewer).get(reverse("programme_dashboard", args=[world.programme.pk])).content.decode()
    assert "Partners engaged" in page
    assert "3 partners in the register" in page
    assert "2 invited to an event, survey or training" in page
    assert "1 took part" in page
    assert reverse("partner_list", args=[world.programme.pk]) in page


def test_it_says_why_partners_matter_when_there_are_none(world, as_user):
    page = as_user(world.lead).get(reverse("programme_dashboard", args=[world.programme.pk])).content.decode()
    assert "No partners yet." in page
