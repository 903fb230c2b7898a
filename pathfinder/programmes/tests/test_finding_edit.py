"""Whoever recorded a finding can correct it until an action answers it;
a save from a stale page is refused, never silently applied."""

from datetime import date

from pathfinder.core.models import AuditEvent
from pathfinder.programmes import services
from pathfinder.programmes.models import Finding


def a_finding(world, by=None, **extra):
    fields = {"theme": "policies", "kind": "barrier", "text": "Letters use clinical language."} | extra
    return services.add_finding(programme=world.programme, by=by or world.member, principles=["trust"], **fields)


def url(world, finding):
    return f"/programmes/{world.programme.pk}/findings/{finding.pk}/edit/"


def answers(finding, **changes):
    return {
        "theme": finding.theme,
        "kind": finding.kind,
        "text": finding.text,
        "principles": finding.principles,
        "source_label": finding.source_label,
        "version": finding.version,
    } | changes


def test_it_lets_the_person_who_recorded_it_change_it(world, as_user):
    finding = a_finding(world)
    client = as_user(world.member)
    assert client.get(f"/programmes/{world.programme.pk}/findings/").page.css(f"a[href='{url(world, finding)}']")
    response = client.post(
        url(world, finding),
        answers(
            finding,
            text="Appointment letters use clinical language.",
            principles=["trust", "choice"],
            source_label="Staff interviews",
        ),
    )
    assert response.status_code == 302
    finding.refresh_from_db()
    assert finding.text == "Appointment letters use clinical language."
    assert finding.principles == ["trust", "choice"]
    assert finding.source_label == "Staff interviews"
    assert finding.version == 2 and finding.updated_at is not None
    assert AuditEvent.objects.filter(kind="finding.changed", actor=world.member).count() == 1


def test_nobody_else_can_change_it(world, as_user):
    finding = a_finding(world)
    assert (
        not as_user(world.lead)
        .get(f"/programmes/{world.programme.pk}/findings/")
        .page.css(f"a[href='{url(world, finding)}']")
    )
    assert as_user(world.lead).get(url(world, finding)).status_code == 403
    assert as_user(world.lead).post(url(world, finding), answers(finding, text="Changed")).status_code == 403
    assert as_user(world.viewer).get(url(world, finding)).status_code == 403
    assert as_user(world.outsider).get(url(world, finding)).status_code == 404
    assert Finding.objects.get(pk=finding.pk).text == "Letters use clinical language."


def test_it_cannot_be_changed_once_an_action_answers_it(world, as_user):
    from pathfinder.planning.services import actions

    finding = a_finding(world)
    actions.create_action(
        programme=world.programme,
        by=world.lead,
        title="Rewrite letters",
        theme="policies",
        owner=world.memberships.member,
        due_on=date(2027, 3, 31),
        findings=[finding],
    )
    client = as_user(world.member)
    page = client.get(url(world, finding)).page
    assert "can no longer be changed" in page.text() and "An action in the plan answers it." in page.text()
    assert not page.css("form textarea")
    client.post(url(world, finding), answers(finding, text="Quietly changed"))
    assert Finding.objects.get(pk=finding.pk).text == "Letters use clinical language."
    assert not AuditEvent.objects.filter(kind="finding.changed").exists()


def test_a_save_from_a_stale_page_is_refused(world, as_user):
    finding = a_finding(world)
    client = as_user(world.member)
    first = answers(finding)
    client.post(url(world, finding), answers(finding, text="Changed in another window."))
    response = client.post(url(world, finding), first | {"text": "Changed from an old page."})
    assert response.status_code == 200
    assert "changed in another window or on another device" in response.page.text()
    assert Finding.objects.get(pk=finding.pk).text == "Changed in another window."


def test_a_tools_finding_keeps_the_tools_label(world, as_user):
    finding = a_finding(world, source_type="assessment", source_id="1:x", source_label="Baseline: Leadership")
    client = as_user(world.member)
    assert not client.get(url(world, finding)).page.css("#id_source_label")
    client.post(url(world, finding), answers(finding, text="Sharper words.", source_label="Made up"))
    finding.refresh_from_db()
    assert (finding.text, finding.source_label) == ("Sharper words.", "Baseline: Leadership")
