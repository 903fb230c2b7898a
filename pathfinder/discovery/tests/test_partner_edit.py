from django.urls import reverse

from pathfinder.discovery.tests.factories_partners import PartnerFactory


def _data(partner, **changes):
    data = {
        "name": partner.name,
        "kind": partner.kind,
        "contact_role": "",
        "contact_email": "",
        "contact_phone": "",
        "notes": "",
        "version": partner.version,
    }
    return {**data, **changes}


def test_it_saves_a_change(world, as_user):
    partner = PartnerFactory(programme=world.programme)
    response = as_user(world.lead).post(
        reverse("partner_edit", args=[partner.pk]),
        _data(partner, joint_work=["liaison"], contact_phone="0141 000 0000"),
    )
    partner.refresh_from_db()
    assert response.status_code == 302
    assert partner.joint_work == ["liaison"] and partner.contact_phone == "0141 000 0000" and partner.version == 2


def test_it_refuses_a_stale_save_and_keeps_the_other_persons_change(world, as_user):
    partner = PartnerFactory(programme=world.programme, notes="")
    lead, member = as_user(world.lead), as_user(world.member)
    opened = lead.get(reverse("partner_edit", args=[partner.pk])).content.decode()
    assert 'name="opened"' in opened
    member.post(reverse("partner_edit", args=[partner.pk]), _data(partner, notes="Liaison meeting monthly."))
    response = lead.post(reverse("partner_edit", args=[partner.pk]), _data(partner, contact_role="Practice manager"))
    page = response.content.decode()
    partner.refresh_from_db()
    assert response.status_code == 200
    assert "Someone else changed this partner" in page
    assert partner.notes == "Liaison meeting monthly." and partner.contact_role == ""
    assert "Practice manager" in page
