import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pathfinder.discovery.tests.factories_partners import EngagementFactory, LearningFactory, PartnerFactory


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _add(world, count):
    for _ in range(count):
        partner = PartnerFactory(programme=world.programme, joint_work=["referrals"])
        EngagementFactory(partner=partner, joined=True)
        LearningFactory(partner=partner)


@pytest.mark.parametrize("name", ["partner_list", "programme_dashboard", "discovery_overview"])
def test_programme_pages_show_partners_in_the_same_number_of_queries(world, as_user, name):
    client = as_user(world.lead)
    url = reverse(name, args=[world.programme.pk])
    _add(world, 1)
    few = _queries(client, url)
    _add(world, 6)
    assert _queries(client, url) == few


def test_it_shows_a_partner_in_the_same_number_of_queries_however_much_is_recorded(world, as_user):
    client = as_user(world.lead)
    partner = PartnerFactory(programme=world.programme)
    EngagementFactory(partner=partner)
    LearningFactory(partner=partner)
    url = reverse("partner_detail", args=[partner.pk])
    few = _queries(client, url)
    for number in range(5):
        EngagementFactory(partner=partner)
        EngagementFactory(partner=partner, what="survey", ref_type="survey", ref_id=str(number + 1))
        EngagementFactory(partner=partner, what="lens_event", ref_type="lens", ref_id=str(number + 1))
        LearningFactory(partner=partner)
    assert _queries(client, url) == few
