from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from pathfinder.discovery.models import PartnerEngagement
from pathfinder.discovery.tests.factories_partners import EngagementFactory, PartnerFactory, tna_survey


def _url(partner):
    return reverse("partner_engagement_new", args=[partner.pk])


def test_it_records_training_by_name(world, as_user):
    partner = PartnerFactory(programme=world.programme)
    response = as_user(world.lead).post(
        _url(partner), {"what": "training", "title": "Level 2 skills", "invited_on": "2026-10-01", "joined": "on"}
    )
    engagement = PartnerEngagement.objects.get()
    assert response.status_code == 302
    assert (engagement.title, engagement.joined, engagement.ref_type, str(engagement.invited_on)) == (
        "Level 2 skills",
        True,
        "",
        "2026-10-01",
    )


def test_it_points_at_a_survey_by_id_and_takes_its_name(world, as_user):
    partner = PartnerFactory(programme=world.programme)
    survey = tna_survey(world.programme, world.lead, title="TNA autumn")
    as_user(world.lead).post(
        _url(partner), {"what": "survey", "ref": f"survey:{survey.pk}", "invited_on": "2026-10-01"}
    )
    engagement = PartnerEngagement.objects.get()
    assert (engagement.ref_type, engagement.ref_id, engagement.title) == ("survey", str(survey.pk), "TNA autumn")


def test_it_refuses_a_survey_chosen_for_a_lens_event(world, as_user):
    partner = PartnerFactory(programme=world.programme)
    survey = tna_survey(world.programme, world.lead)
    response = as_user(world.lead).post(
        _url(partner), {"what": "lens_event", "ref": f"survey:{survey.pk}", "invited_on": "2026-10-01"}
    )
    assert response.status_code == 200 and not PartnerEngagement.objects.exists()
    assert "does not match" in response.content.decode()


def test_it_asks_for_a_name_or_a_choice(world, as_user):
    partner = PartnerFactory(programme=world.programme)
    response = as_user(world.lead).post(_url(partner), {"what": "training", "title": "", "invited_on": "2026-10-01"})
    assert "Enter the name of what they were invited to" in response.content.decode()
    assert not PartnerEngagement.objects.exists()


def test_it_refuses_an_invitation_date_in_the_future(world, as_user):
    partner = PartnerFactory(programme=world.programme)
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = as_user(world.lead).post(_url(partner), {"what": "other", "title": "Open day", "invited_on": tomorrow})
    page = response.content.decode()
    assert response.status_code == 200 and "<title>Error: " in page and not PartnerEngagement.objects.exists()


def test_it_marks_an_invitation_as_taken_part_and_back(world, as_user):
    engagement = EngagementFactory(partner=PartnerFactory(programme=world.programme))
    client = as_user(world.member)
    client.post(reverse("partner_engagement_joined", args=[engagement.pk]), {"joined": "1"})
    engagement.refresh_from_db()
    assert engagement.joined
    client.post(reverse("partner_engagement_joined", args=[engagement.pk]), {"joined": "0"})
    engagement.refresh_from_db()
    assert not engagement.joined
