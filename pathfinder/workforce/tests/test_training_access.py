"""Who may use the training pages: an outsider from another organisation finds
nothing (404); a read-only viewer and a group member may look but not change
(403); nothing changes when they try."""

from datetime import date

import pytest

from pathfinder.workforce import plans, training
from pathfinder.workforce.models import (
    CatalogueEntry,
    PlanLine,
    RoleLevel,
    TrainingPlan,
    TrainingRecord,
    WorkforceProfile,
)
from pathfinder.workforce.tests.conftest import add_staff, entry


def _setup(world):
    # A short catalogue keeps the plan (and these many tests) small.
    training.catalogue_for(world.service)
    CatalogueEntry.objects.exclude(key__in=["ti-elearning", "ti-films"]).update(active=False)
    plan = plans.draft_plan(world.programme, None, world.lead)
    [person] = add_staff(world.service, "practitioner")
    record = training.add_record(person, entry(world.service, "ti-films"), date(2026, 1, 1), by=world.lead)
    return plan, person, record


def _urls(world):
    plan, person, record = _setup(world)
    programme = f"/programmes/{world.programme.pk}/training"
    line = plan.lines.first()
    films = entry(world.service, "ti-films")
    return {
        "roles": (f"{programme}/roles/", {"level_admin": "skilled", "version_admin": 1}),
        "entry": (f"{programme}/catalogue/{films.pk}/", {"title": "Changed"}),
        "entry_new": (f"{programme}/catalogue/new/", {"title": "New"}),
        "people": (f"{programme}/people/", None),
        "person": (f"{programme}/people/{person.pk}/", {"job_role": "admin", "version": 1}),
        "record_add": (
            f"{programme}/people/{person.pk}/records/",
            {"entry": films.pk, "status": "done", "completed_on": "2026-01-02"},
        ),
        "record_remove": (f"{programme}/people/{person.pk}/records/{record.pk}/remove/", {}),
        "plan_new": (f"{programme}/plan/new/", {"survey": "none"}),
        "line_add": (f"/training-plans/{plan.pk}/lines/add/", {"version": 1, "job_role": "admin"}),
        "line_remove": (f"/training-plans/{plan.pk}/lines/{line.pk}/remove/", {"version": 1}),
        "line_priority": (f"/training-plans/{plan.pk}/lines/{line.pk}/priority/", {"version": 1, "priority": "high"}),
    }


EDIT_PAGES = [
    "roles",
    "entry",
    "entry_new",
    "people",
    "person",
    "record_add",
    "record_remove",
    "plan_new",
    "line_add",
    "line_remove",
    "line_priority",
]
POST_ONLY = {"record_add", "record_remove", "line_remove", "line_priority"}


def _snapshot():
    """Everything the edit pages could change."""
    return (
        list(RoleLevel.objects.values_list("level", "version")),
        TrainingPlan.objects.count(),
        list(PlanLine.objects.values_list("id", "priority")),
        list(TrainingRecord.objects.values_list("id", flat=True)),
        list(WorkforceProfile.objects.values_list("job_role", "version")),
        list(CatalogueEntry.objects.order_by("pk").values_list("title", "active", "version")),
    )


def _try(client, url, data, name):
    statuses = [] if name in POST_ONLY else [client.get(url).status_code]
    if data is not None:
        statuses.append(client.post(url, data).status_code)
    return set(statuses)


@pytest.mark.parametrize("name", EDIT_PAGES)
@pytest.mark.parametrize("who", ["viewer", "member"])
def test_people_who_may_only_look_are_forbidden_to_change(world, as_user, name, who):
    url, data = _urls(world)[name]
    before = _snapshot()
    assert _try(as_user(getattr(world, who)), url, data, name) == {403}
    assert _snapshot() == before


@pytest.mark.parametrize("name", [*EDIT_PAGES, "overview", "catalogue", "plan", "export", "gaps"])
def test_an_outsider_finds_nothing(world, as_user, name):
    urls = _urls(world)
    plan = TrainingPlan.objects.get()
    programme = f"/programmes/{world.programme.pk}/training"
    urls |= {
        "overview": (f"{programme}/", None),
        "catalogue": (f"{programme}/catalogue/", None),
        "plan": (f"/training-plans/{plan.pk}/", None),
        "export": (f"/training-plans/{plan.pk}/download.xlsx", None),
        "gaps": (f"{programme}/gaps/", {"level": "skilled"}),
    }
    url, data = urls[name]
    post_only = POST_ONLY | {"gaps"}
    assert _try(as_user(world.outsider), url, data, "record_add" if name in post_only else name) == {404}


def test_a_viewer_may_not_add_a_gap_to_the_findings(world, as_user):
    add_staff(world.service, "practitioner")
    response = as_user(world.viewer).post(f"/programmes/{world.programme.pk}/training/gaps/", {"level": "skilled"})
    assert response.status_code == 403
    assert not world.programme.findings.filter(source_type="training").exists()


def test_a_viewer_may_read_the_overview_catalogue_and_plan(world, as_user):
    plan, _, _ = _setup(world)
    client = as_user(world.viewer)
    for url in (
        f"/programmes/{world.programme.pk}/training/",
        f"/programmes/{world.programme.pk}/training/catalogue/",
        f"/training-plans/{plan.pk}/",
    ):
        assert client.get(url).status_code == 200, url


def test_the_lead_of_another_service_cannot_reach_our_staff_through_their_own_programme(world, as_user):
    _, person, _ = _setup(world)
    client = as_user(world.outsider)
    other = f"/programmes/{world.other_programme.pk}/training"
    assert client.get(f"{other}/people/{person.pk}/").status_code == 404
    films = entry(world.service, "ti-films")
    assert client.get(f"{other}/catalogue/{films.pk}/").status_code == 404
