"""Each job role's practice level: defaults filled in once, edited by the
lead, and a stale save refused with what was typed kept."""

from pathfinder.core.models import AuditEvent
from pathfinder.workforce import training
from pathfinder.workforce.models import RoleLevel
from pathfinder.workforce.practice_levels import DEFAULT_ROLE_LEVELS
from pathfinder.workforce.tests.conftest import training_url


def form_data(rows, **levels) -> dict:
    data = {}
    for role, row in rows.items():
        data[f"level_{role}"] = levels.get(role, row.level)
        data[f"version_{role}"] = row.version
    return data


def test_it_fills_in_the_defaults_once(world):
    rows = training.role_levels(world.service)
    assert {role: row.level for role, row in rows.items()} == {
        role: level.value for role, level in DEFAULT_ROLE_LEVELS.items()
    }
    assert list(rows) == ["manager", "team_leader", "clinician", "practitioner", "peer_worker", "admin", "other"]
    training.role_levels(world.service)
    assert RoleLevel.objects.filter(service=world.service).count() == 7
    assert not RoleLevel.objects.filter(service=world.other_service).exists()


def test_it_fills_in_only_what_is_missing(world):
    RoleLevel.objects.create(service=world.service, job_role="admin", level="skilled")
    assert training.role_levels(world.service)["admin"].level == "skilled"


def test_the_lead_changes_a_roles_level(world, as_user):
    client = as_user(world.lead)
    page = client.get(training_url(world.programme, "roles/")).page
    assert page.css("input[name=level_clinician][value=enhanced]")[0].get("checked") is not None
    rows = training.role_levels(world.service)
    response = client.post(training_url(world.programme, "roles/"), form_data(rows, admin="skilled"))
    assert response.status_code == 302 and response["Location"] == training_url(world.programme)
    rows = training.role_levels(world.service)
    assert (rows["admin"].level, rows["admin"].version) == ("skilled", 2)
    assert rows["manager"].version == 1  # unchanged rows keep their version
    event = AuditEvent.objects.get(kind="training.role_levels_changed")
    assert event.detail == {"roles": ["admin"]}


def test_a_stale_save_is_refused_and_keeps_what_was_chosen(world, as_user):
    shown = training.role_levels(world.service)
    training.set_role_levels(world.service, {"clinician": ("specialist", 1)}, by=world.member)
    client = as_user(world.lead)
    page = client.post(training_url(world.programme, "roles/"), form_data(shown, admin="skilled")).page
    assert page.title.startswith("Error: ")
    assert "Someone else changed the role map" in page.text()
    assert "nurses and other clinicians: trauma-specialist" in page.text()
    assert page.css("input[name=level_admin][value=skilled]")[0].get("checked") is not None
    assert page.css("input[name=version_clinician]")[0].get("value") == "2"
    assert training.role_levels(world.service)["admin"].level == "informed"
    # Saving again is a deliberate choice, and now goes through.
    data = {element.get("name"): element.get("value") for element in page.css("input[type=hidden]")}
    data |= form_data(training.role_levels(world.service), admin="skilled", clinician="specialist")
    assert client.post(training_url(world.programme, "roles/"), data).status_code == 302
    assert training.role_levels(world.service)["admin"].level == "skilled"


def test_a_level_must_be_chosen_for_every_role(world, as_user):
    data = form_data(training.role_levels(world.service))
    del data["level_peer_worker"]
    page = as_user(world.lead).post(training_url(world.programme, "roles/"), data).page
    assert page.error_summary() == ["Choose the level that peer and lived-experience workers need."]


def test_everyone_in_the_programme_sees_the_role_map(world, as_user):
    text = as_user(world.viewer).get(training_url(world.programme)).page.text()
    assert "Nurse or other clinician Trauma-enhanced" in text
    assert "Change the level a role needs" not in text
