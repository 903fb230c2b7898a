"""The documents register: a document is added with who owns it and who may
change it, and the register says plainly what frontline staff can change."""

from pathfinder.discovery.models import Document


def _post(client, world, **fields):
    data = {
        "title": "Staff mental health and wellbeing policy",
        "kind": "policy",
        "owner": "hr",
        "changed_by": "hr",
        "current_version": "3.0",
        "version_date": "2026-04-01",
        "next_review_on": "2027-04-01",
        "status": "not_started",
        "working_group": "",
        "notes": "",
        **fields,
    }
    return client.post(f"/programmes/{world.programme.pk}/documents/new/", data)


def test_it_adds_a_document_to_the_register(world, as_user):
    response = _post(as_user(world.member), world)
    document = Document.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/documents/{document.pk}/"
    assert (document.kind, document.owner, document.changed_by, document.current_version) == (
        "policy",
        "hr",
        "hr",
        "3.0",
    )
    assert str(document.version_date) == "2026-04-01"


def test_it_says_plainly_who_may_change_each_document(world, as_user):
    client = as_user(world.member)
    _post(client, world)
    _post(client, world, title="Initial assessment form", kind="assessment_form", owner="team", changed_by="team")
    policy, form = Document.objects.order_by("title")[1], Document.objects.order_by("title")[0]
    viewer = as_user(world.viewer)
    register = viewer.get(f"/programmes/{world.programme.pk}/documents/").page.text()
    assert "Only HR can change it" in register
    assert "Frontline staff in the team can change it" in register
    assert "Frontline staff cannot change this document." in viewer.get(f"/documents/{policy.pk}/").page.text()
    assert "Frontline staff can change this document." in viewer.get(f"/documents/{form.pk}/").page.text()


def test_it_asks_for_the_name_and_kind(world, as_user):
    response = _post(as_user(world.member), world, title="", kind="")
    assert response.status_code == 200
    text = response.page.text()
    assert "Enter the name of the document." in text
    assert "Choose what kind of document it is." in text
    assert not Document.objects.exists()
