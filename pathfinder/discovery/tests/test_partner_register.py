from django.urls import reverse

from pathfinder.discovery.models import Partner
from pathfinder.discovery.tests.factories_partners import PartnerFactory


def _post(world):
    return {
        "name": "Riverside Medical Practice",
        "kind": "gp",
        "contact_role": "Practice manager",
        "contact_email": "practice@example.org",
        "joint_work": ["shared_care", "referrals"],
        "notes": "Shared care for people on opioid substitution.",
    }


def test_it_adds_a_partner_with_joint_work(world, as_user):
    client = as_user(world.member)
    response = client.post(reverse("partner_new", args=[world.programme.pk]), _post(world))
    partner = Partner.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("partner_detail", args=[partner.pk])
    assert partner.programme == world.programme and partner.created_by == world.member
    assert partner.joint_work == ["shared_care", "referrals"]
    page = client.get(reverse("partner_detail", args=[partner.pk])).content.decode()
    assert "Riverside Medical Practice" in page and "Shared care, Referrals" in page
    assert "we keep as little as we can" in page.lower()


def test_it_keeps_joint_work_in_the_choices_order(world, as_user):
    data = {**_post(world), "joint_work": ["data_sharing", "shared_care"]}
    as_user(world.lead).post(reverse("partner_new", args=[world.programme.pk]), data)
    assert Partner.objects.get().joint_work == ["shared_care", "data_sharing"]


def test_it_explains_why_contacts_are_kept_minimal_on_the_form(world, as_user):
    page = as_user(world.lead).get(reverse("partner_new", args=[world.programme.pk])).content.decode()
    assert "never a person's own details" in page.replace("&#39;", "'")


def test_it_says_what_is_missing_and_keeps_what_was_typed(world, as_user):
    data = {**_post(world), "name": "", "contact_email": "not an address"}
    response = as_user(world.lead).post(reverse("partner_new", args=[world.programme.pk]), data)
    page = response.content.decode()
    assert response.status_code == 200 and not Partner.objects.exists()
    assert "<title>Error: " in page
    assert "Enter the name of the organisation or team." in page
    assert "Enter a work e-mail address like referrals@example.org." in page
    assert "Practice manager" in page


def test_it_lists_partners_for_a_read_only_viewer_without_the_add_button(world, as_user):
    PartnerFactory(programme=world.programme, name="Northside Pharmacy", kind="pharmacy")
    PartnerFactory(programme=world.other_programme, name="Elsewhere Housing", kind="housing")
    page = as_user(world.viewer).get(reverse("partner_list", args=[world.programme.pk])).content.decode()
    assert "Northside Pharmacy" in page and "Pharmacy" in page
    assert "Elsewhere Housing" not in page
    assert reverse("partner_new", args=[world.programme.pk]) not in page
