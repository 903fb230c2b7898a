"""The progress report says, for each action, where each of its findings came
from, the latest update and what it costs."""

from datetime import date
from decimal import Decimal

from pathfinder.planning.models import Plan
from pathfinder.planning.services import actions as services
from pathfinder.planning.tests.conftest import make_action, pdf_text
from pathfinder.testing.factories import FindingFactory


def test_it_gives_each_findings_source_the_latest_update_and_the_cost(world, as_user, on_day):
    on_day(date(2026, 11, 26))
    finding = FindingFactory(
        programme=world.programme,
        text="Night staff feel left out of training.",
        source_type="lens",
        source_label="Lens event, October",
    )
    action = make_action(
        world, title="Train the night team", findings=[finding], direct_cost=Decimal("120"), staff_hours=Decimal("10")
    )
    Plan.objects.create(programme=world.programme, starts_on=date(2026, 9, 1), staff_hourly_rate=Decimal("25"))
    services.add_update(action, version=action.version, by=world.member, text="Two dates booked.", status="in_progress")

    text = pdf_text(as_user(world.lead).get(f"/programmes/{world.programme.pk}/plan/report.pdf").content)
    assert "Night staff feel left out of training. (from Trauma-informed lens event: Lens event, October)" in text
    latest = text.split("Latest update (Bob Member, ", 1)[1]
    assert latest.split("): ", 1)[1].startswith("Two dates booked.")
    assert "Cost: £120.00 direct, and 10 hours of staff time (about £250.00 at £25.00 an hour)." in text


def test_the_two_value_queries_say_what_the_action_instances_say(world, django_assert_num_queries):
    """The report reads each action's latest entry and findings as plain values;
    they must say exactly what reading the actions' histories and findings as
    model instances says (the slow, obvious way), ties, gone authors and empty
    texts included, in a number of queries that does not grow with actions."""
    from datetime import UTC, datetime

    from pathfinder.planning.models import Action, ActionUpdate
    from pathfinder.planning.presenters.report import _from, _latest_update
    from pathfinder.planning.services.report_details import report_details
    from pathfinder.testing.factories import UserFactory

    findings = [
        FindingFactory(programme=world.programme, text=f"Finding {n}", source_type="lens", source_label=f"Event {n}")
        for n in range(4)
    ]
    gone = UserFactory(full_name="Someone Who Left")
    actions = [make_action(world, title=f"Action {n}", findings=findings[n % 3 : n % 3 + 2]) for n in range(5)]
    same_moment = datetime(2027, 1, 5, 10, 0, tzinfo=UTC)  # after today's updates
    for n, action in enumerate(actions[:4]):
        services.add_update(action, version=action.version, by=world.member, text=f"Update {n}.", status="in_progress")
        if n % 2:  # two entries at the same moment: the later one (by id) is the latest
            for text, author in ((f"Tie first {n}", world.lead), ("", gone)):
                ActionUpdate.objects.create(
                    action=action, kind=ActionUpdate.Kind.REVIEWED, author=author, at=same_moment, text=text,
                    version=action.version,
                )  # fmt: skip
    gone.delete()  # the account has gone: the entry keeps no author

    def the_slow_way(action) -> tuple[str, list[str]]:
        entries = [entry for entry in action.updates.all() if entry.kind != entry.Kind.CREATED]
        if entries:
            latest = max(entries, key=lambda entry: (entry.at, entry.pk))
            who = latest.author.full_name if latest.author else "Someone"
            said = latest.text.strip().replace("\n", " ") or latest.get_kind_display().lower()
            words = f"Latest update ({who}, {latest.at.date():%-d %B %Y}): {said}"
        else:
            words = "No progress has been recorded yet."
        return words, [f"{finding.text} (from {_from(finding)})" for finding in action.findings.all()]

    ids = [action.pk for action in actions]
    with django_assert_num_queries(2):
        details = report_details(ids)
    for action in Action.objects.filter(pk__in=ids).prefetch_related("findings", "updates__author"):
        fast = (
            _latest_update(details.latest.get(action.pk)),
            [f"{line.text} (from {_from(line)})" for line in details.findings.get(action.pk, [])],
        )
        assert fast == the_slow_way(action)
    assert _latest_update(details.latest[actions[1].pk]).startswith("Latest update (Someone, 5 January 2027): ")
    assert _latest_update(details.latest[actions[1].pk]).endswith(": reviewed at a group meeting")
    assert _latest_update(details.latest.get(actions[4].pk)) == "No progress has been recorded yet."
