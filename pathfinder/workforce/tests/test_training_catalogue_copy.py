"""Each service has its own copy of the training catalogue: seeded once from
catalogue.yaml, changed by the lead, entries switched off or added."""

from pathfinder.core.models import AuditEvent
from pathfinder.workforce import plans, training
from pathfinder.workforce.models import CatalogueEntry
from pathfinder.workforce.practice_levels import catalogue
from pathfinder.workforce.tests.conftest import entry, training_url


def entry_data(found, **changes) -> dict:
    data = {
        "version": found.version,
        "title": found.title,
        "provider": found.provider,
        "level": found.level,
        "format": found.format,
        "duration_minutes": found.duration_minutes,
        "description": found.description,
        "url": found.url,
        "roles": found.roles,
    }
    data |= {name: "on" for name in ("induction", "scaffolding", "active") if getattr(found, name)}
    data |= changes
    return {name: value for name, value in data.items() if value is not None}


def test_it_is_seeded_once_and_keeps_the_services_changes(world):
    first = training.catalogue_for(world.service)
    assert len(first) == len(catalogue())
    CatalogueEntry.objects.filter(service=world.service, key="ti-films").update(title="Our films")
    again = training.catalogue_for(world.service)
    assert len(again) == len(first)
    assert entry(world.service, "ti-films").title == "Our films"
    assert not CatalogueEntry.objects.filter(service=world.other_service).exists()


def test_it_lists_entries_by_level(world, as_user):
    page = as_user(world.viewer).get(training_url(world.programme, "catalogue/")).page
    headings = [heading.text_content() for heading in page.css("h2")]
    assert headings[:4] == ["Trauma-informed", "Trauma-skilled", "Trauma-enhanced", "Trauma-specialist"]
    assert "Only for: senior or middle manager, team leader or frontline manager" in page.text()
    assert not page.css("a[href$='/catalogue/new/']")


def test_the_lead_changes_an_entry(world, as_user):
    found = entry(world.service, "ti-films")
    url = training_url(world.programme, f"catalogue/{found.pk}/")
    client = as_user(world.lead)
    assert client.get(url).page.css("#id_title")[0].get("value") == found.title
    response = client.post(url, entry_data(found, duration_minutes="45", induction=None))
    assert response.status_code == 302
    found.refresh_from_db()
    assert (found.duration_minutes, found.induction, found.version) == (45, False, 2)
    assert AuditEvent.objects.filter(kind="training.catalogue_changed", target_id=str(found.pk)).exists()


def test_errors_keep_what_was_typed(world, as_user):
    found = entry(world.service, "ti-films")
    page = (
        as_user(world.lead)
        .post(
            training_url(world.programme, f"catalogue/{found.pk}/"),
            entry_data(found, title="Films we like", duration_minutes="an hour", url="http://example.org"),
        )
        .page
    )
    assert page.error_summary() == [
        "Enter the time as a whole number of minutes, for example 90.",
        "Enter a secure web address, starting https://",
    ]
    assert page.css("#id_title")[0].get("value") == "Films we like"


def test_a_stale_save_is_refused(world, as_user):
    found = entry(world.service, "ti-films")
    shown = entry_data(found, title="My title")
    training.save_entry(found, {name: getattr(found, name) for name in training.ENTRY_FIELDS}, version=1, by=None)
    page = as_user(world.lead).post(training_url(world.programme, f"catalogue/{found.pk}/"), shown).page
    assert "Someone else changed “Short films on trauma-informed practice”" in page.text()
    assert page.css("#id_title")[0].get("value") == "My title"
    assert entry(world.service, "ti-films").title != "My title"


def test_a_switched_off_entry_is_left_out_of_new_plans(world, as_user):
    found = entry(world.service, "ti-films")
    as_user(world.lead).post(training_url(world.programme, f"catalogue/{found.pk}/"), entry_data(found, active=None))
    found.refresh_from_db()
    assert not found.active
    plan = plans.draft_plan(world.programme, None, world.lead)
    assert not plan.lines.filter(entry=found).exists()
    assert plan.lines.filter(entry__key="ti-elearning").exists()
    text = as_user(world.lead).get(training_url(world.programme, "catalogue/")).page.text()
    assert "1 entry is not offered at the moment" in text


def test_the_lead_adds_the_services_own_training(world, as_user):
    response = as_user(world.lead).post(
        training_url(world.programme, "catalogue/new/"),
        {
            "title": "Short films on trauma-informed practice",
            "provider": "Our team",
            "level": "skilled",
            "format": "team-session",
            "duration_minutes": "30",
            "description": "Our own  session\r\nafter the films.",
            "roles": ["practitioner"],
            "active": "on",
        },
    )
    assert response.status_code == 302
    made = CatalogueEntry.objects.get(service=world.service, provider="Our team")
    assert made.key == "short-films-on-trauma-informed-practice"
    values = {name: getattr(made, name) for name in training.ENTRY_FIELDS}
    assert training.add_entry(world.service, values, by=world.lead).key == made.key + "-2"
    assert (made.description, made.roles, made.active) == ("Our own session after the films.", ["practitioner"], True)
    plan = plans.draft_plan(world.programme, None, world.lead)
    assert plan.lines.filter(entry=made, job_role="practitioner", kind="core").exists()
    assert not plan.lines.filter(entry=made, job_role="manager").exists()
