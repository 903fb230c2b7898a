from django.urls import reverse

from pathfinder.discovery.models import PartnerLearning
from pathfinder.discovery.tests.factories_partners import LearningFactory, PartnerFactory
from pathfinder.programmes.models import Finding
from pathfinder.programmes.registry import finding_source


def test_it_records_what_working_with_a_partner_showed(world, as_user):
    partner = PartnerFactory(programme=world.programme)
    response = as_user(world.member).post(
        reverse("partner_learning_new", args=[partner.pk]),
        {
            "kind": "barrier",
            "theme": "service_design",
            "principles": ["collaboration", "choice"],
            "text": "No shared plan.",
        },
    )
    learning = PartnerLearning.objects.get()
    assert response.status_code == 302
    assert learning.principles == ["choice", "collaboration"] and learning.finding is None


def test_it_turns_a_learning_into_a_finding_once(world, as_user):
    partner = PartnerFactory(programme=world.programme, name="Northside CMHT", kind="mental_health")
    learning = LearningFactory(partner=partner, principles=["choice", "collaboration"])
    client = as_user(world.member)
    url = reverse("partner_learning_finding", args=[learning.pk])
    client.post(url)
    client.post(url)
    finding = Finding.objects.get()
    learning.refresh_from_db()
    assert learning.finding == finding
    assert (finding.programme, finding.kind, finding.theme, finding.principles) == (
        world.programme,
        "barrier",
        "service_design",
        ["choice", "collaboration"],
    )
    assert finding.source_type == "partners" and finding.source_id == f"{partner.pk}:{learning.pk}"
    assert finding.source_label == "Working with Northside CMHT"
    assert finding_source("partners").link(finding) == reverse("partner_detail", args=[partner.pk])
    page = client.get(reverse("partner_detail", args=[partner.pk])).content.decode()
    assert "Added to the findings." in page and url not in page
