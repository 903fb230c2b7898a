"""The phase one page and panel show every part: interviews, documents and partners."""

from datetime import date

from pathfinder.discovery import services_partners
from pathfinder.discovery.services import documents
from pathfinder.discovery.tests.factories_documents import a_document
from pathfinder.discovery.tests.factories_partners import LearningFactory, PartnerFactory


def test_the_phase_one_page_shows_documents_and_partners_progress(world, as_user):
    a_document(world, "Assessment form")
    services_partners.add_partner(
        programme=world.programme, by=world.lead, name="Riverside Medical Practice", kind="gp"
    )
    text = as_user(world.viewer).get(f"/programmes/{world.programme.pk}/phase-one/").page.text()
    assert "1 document registered, 0 reviewed" in text
    assert "1 partner registered" in text
    assert "No interviews yet" in text


def _reviewed(world, title, changed_by, answers):
    document = a_document(world, title, owner="hr" if changed_by == "hr" else "team", changed_by=changed_by)
    documents.record_review(document=document, by=world.lead, reviewed_on=date(2026, 11, 20), answers=answers)
    return document


def test_the_phase_one_page_lists_what_reviews_and_partners_found_per_theme(world, as_user):
    _reviewed(
        world,
        "Initial assessment form",
        "team",
        {
            "retell": {"answer": "yes", "found": "Asks about trauma at every referral.", "proposed": "Ask once."},
            "person_first": {"answer": "partly", "found": "Says 'addicts'.", "proposed": ""},
        },
    )
    _reviewed(
        world,
        "Sickness absence policy",
        "hr",
        {"staff_safety": {"answer": "no", "found": "", "proposed": "Add a return-to-work chat."}},
    )
    _reviewed(
        world, "Leaflet with nothing noted", "team", {"plain_words": {"answer": "yes", "found": "", "proposed": ""}}
    )
    partner = PartnerFactory(programme=world.programme, name="Riverside Medical Practice")
    LearningFactory(partner=partner)  # a barrier: "Shared care reviews happen without the person there."
    LearningFactory(partner=partner, kind="strength", text="A named liaison nurse.")
    page = as_user(world.viewer).get(f"/programmes/{world.programme.pk}/phase-one/").page
    found = {dt.text_content(): [] for dt in page.css("#ready ~ dl dt")}
    for dt in page.css("#ready ~ dl dt"):
        sibling = dt.getnext()
        while sibling is not None and sibling.tag == "dd":
            found[dt.text_content()].append(" ".join(sibling.text_content().split()))
            sibling = sibling.getnext()
    assert found["Policies and processes"] == [
        "Documents: reviews of 2 documents noted 2 things and proposed 2 changes.",
        "“Initial assessment form”: 2 things noted, 1 change proposed (frontline staff in the team can change it).",
        "“Sickness absence policy”: 1 change proposed (only HR can change it).",
    ]
    assert found["Service design and delivery"] == [
        "Partners: 1 thing that helps, 1 barrier.",
        "Barrier, working with Riverside Medical Practice: Shared care reviews happen without the person there.",
    ]


def test_partner_changes_are_in_the_audit_log(world):
    from pathfinder.core.models import AuditEvent

    partner = services_partners.add_partner(
        programme=world.programme, by=world.lead, name="Northside Pharmacy", kind="pharmacy"
    )
    services_partners.edit_partner(
        partner, version=partner.version, by=world.lead, name="Northside Pharmacy Ltd", kind="pharmacy"
    )
    engagement = services_partners.record_engagement(partner=partner, what="training", title="Level 1", by=world.lead)
    services_partners.set_joined(engagement, joined=True, by=world.member)
    services_partners.add_learning(partner=partner, by=world.lead, kind="idea", theme="skills", text="Train together.")
    events = list(AuditEvent.objects.filter(service=world.service, kind__startswith="discovery.partner").order_by("id"))
    assert [(event.kind, event.actor) for event in events] == [
        ("discovery.partner_added", world.lead),
        ("discovery.partner_changed", world.lead),
        ("discovery.partner_invited", world.lead),
        ("discovery.partner_joined", world.member),
        ("discovery.partner_learning_added", world.lead),
    ]
    assert "Train together" not in str([event.detail for event in events])  # typed words stay out of the log
