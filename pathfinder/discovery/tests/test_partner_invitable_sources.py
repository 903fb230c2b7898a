"""Surveys and lens events reach the partners register only through the
registered invitable sources (discovery imports neither tool)."""

from django.urls import reverse

from pathfinder.discovery.models import PartnerEngagement
from pathfinder.discovery.tests.factories_partners import PartnerFactory, tna_survey
from pathfinder.programmes.registry import invitable_source


def test_it_offers_the_programmes_surveys_only_to_people_in_it(world):
    survey = tna_survey(world.programme, world.lead, title="TNA 2027")
    source = invitable_source("survey")
    assert source.choices(world.programme, world.viewer, "tna") == [(str(survey.pk), "TNA 2027")]
    assert source.choices(world.programme, world.viewer, "wellbeing") == []
    assert source.choices(world.programme, world.outsider) == []
    assert source.link(str(survey.pk)) == reverse("survey_detail", args=[survey.pk])


def test_it_records_an_invitation_to_a_lens_event_by_id(world, as_user):
    from pathfinder.lens import services as lens_services

    event = lens_services.create_event(programme=world.programme, title="Lens event in March", by=world.lead)
    partner = PartnerFactory(programme=world.programme)
    client = as_user(world.lead)
    form = client.get(reverse("partner_engagement_new", args=[partner.pk])).content.decode()
    assert "Lens event: Lens event in March" in form
    client.post(
        reverse("partner_engagement_new", args=[partner.pk]),
        {"what": "lens_event", "ref": f"lens_event:{event.pk}", "invited_on": "2026-10-01"},
    )
    engagement = PartnerEngagement.objects.get()
    assert (engagement.ref_type, engagement.ref_id, engagement.title) == ("lens", str(event.pk), "Lens event in March")
    page = client.get(reverse("partner_detail", args=[partner.pk])).content.decode()
    assert reverse("lens_event", args=[event.pk]) in page


def test_it_links_to_the_survey_only_for_people_its_page_opens_for(world, as_user):
    from pathfinder.discovery.tests.factories_partners import EngagementFactory

    survey = tna_survey(world.programme, world.lead)
    partner = PartnerFactory(programme=world.programme)
    EngagementFactory(partner=partner, what="survey", title=survey.title, ref_type="survey", ref_id=str(survey.pk))
    link = reverse("survey_detail", args=[survey.pk])
    assert link in as_user(world.lead).get(reverse("partner_detail", args=[partner.pk])).content.decode()
    viewer_page = as_user(world.viewer).get(reverse("partner_detail", args=[partner.pk])).content.decode()
    assert link not in viewer_page and survey.title in viewer_page
