from django.urls import reverse

from pathfinder.discovery.models import PartnerEngagement
from pathfinder.discovery.tests.factories_partners import PartnerFactory, tna_survey


def test_it_offers_the_programmes_training_needs_analyses_on_the_partners_page(world, as_user):
    partner = PartnerFactory(programme=world.programme)
    tna_survey(world.programme, world.lead, title="TNA spring 2027")
    tna_survey(world.other_programme, world.outsider, title="Someone else's TNA")
    page = as_user(world.lead).get(reverse("partner_detail", args=[partner.pk])).content.decode()
    assert "Invited to TNA spring 2027" in page
    assert "Someone else" not in page


def test_it_records_the_invitation_in_one_click(world, as_user):
    partner = PartnerFactory(programme=world.programme)
    survey = tna_survey(world.programme, world.lead)
    client = as_user(world.member)
    response = client.post(reverse("partner_engagement_survey", args=[partner.pk]), {"survey": str(survey.pk)})
    engagement = PartnerEngagement.objects.get()
    assert response.status_code == 302
    assert (engagement.partner, engagement.what, engagement.ref_type, engagement.ref_id) == (
        partner,
        "survey",
        "survey",
        str(survey.pk),
    )
    assert engagement.title == survey.title and not engagement.joined
    page = client.get(reverse("partner_detail", args=[partner.pk])).content.decode()
    assert f"{survey.title}: already recorded" in page
    lead_page = as_user(world.lead).get(reverse("partner_detail", args=[partner.pk])).content.decode()
    assert reverse("survey_detail", args=[survey.pk]) in lead_page


def test_it_does_not_record_the_same_survey_twice(world, as_user):
    partner = PartnerFactory(programme=world.programme)
    survey = tna_survey(world.programme, world.lead)
    client = as_user(world.lead)
    for _ in range(2):
        client.post(reverse("partner_engagement_survey", args=[partner.pk]), {"survey": str(survey.pk)})
    assert PartnerEngagement.objects.count() == 1


def test_it_refuses_a_survey_of_another_programme(world, as_user):
    partner = PartnerFactory(programme=world.programme)
    elsewhere = tna_survey(world.other_programme, world.outsider)
    as_user(world.lead).post(reverse("partner_engagement_survey", args=[partner.pk]), {"survey": str(elsewhere.pk)})
    assert not PartnerEngagement.objects.exists()
