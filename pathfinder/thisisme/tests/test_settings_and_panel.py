from django.urls import reverse

from pathfinder.thisisme import emergency


def test_the_lead_turns_on_emergency_access_for_named_roles(world, as_user):
    url = reverse("thisisme_settings", args=[world.service.slug])
    client = as_user(world.lead)
    refused = client.post(url, {"emergency_access": "on", "retention_days": 730, "notice_days": 28, "version": 1})
    assert refused.status_code == 200 and refused.page.title.startswith("Error: ")
    response = client.post(
        url,
        {
            "emergency_access": "on",
            "emergency_roles": ["staff"],
            "caldicott_lead": world.lead.pk,
            "retention_days": 365,
            "notice_days": 14,
            "version": 1,
        },
    )
    assert response.status_code == 302
    row = emergency.settings_for(world.service)
    assert row.emergency_access and row.emergency_roles == ["staff"] and row.retention_days == 365


def test_the_dashboard_shows_the_panel_to_key_workers(world, as_user):
    page = as_user(world.member).get(reverse("programme_dashboard", args=[world.programme.pk]))
    assert page.status_code == 200
    assert "Set up a profile with someone" in page.content.decode()
