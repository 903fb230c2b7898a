"""The plan by theme, by owner ('my actions'), overdue and due soon, and the
overview's filters and pages."""

from datetime import date

from pathfinder.planning.tests.conftest import make_action


def titles(page, selector="table td a") -> list[str]:
    return [link.text_content() for link in page.css(selector)]


def test_overdue_and_due_soon(world, as_user, on_day):
    on_day(date(2026, 11, 26))
    make_action(world, title="Late", starts_on=None, due_on=date(2026, 11, 1))
    make_action(world, title="Soon", due_on=date(2026, 12, 20))
    make_action(world, title="Later", due_on=date(2027, 6, 1))
    make_action(world, title="Finished late", starts_on=None, due_on=date(2026, 11, 1), status="done")
    page = as_user(world.viewer).get(f"/programmes/{world.programme.pk}/plan/due/").page
    tables = page.css("table")
    assert [link.text_content() for link in tables[0].cssselect("td a")] == ["Late"]
    assert [link.text_content() for link in tables[1].cssselect("td a")] == ["Soon"]


def test_my_actions_are_the_ones_i_own(world, as_user):
    make_action(world, title="Bob's", owner=world.memberships.member)
    make_action(world, title="Alice's", owner=world.memberships.lead)
    make_action(world, title="Bob's, done", owner=world.memberships.member, status="done")
    page = as_user(world.member).get(f"/programmes/{world.programme.pk}/plan/mine/").page
    assert titles(page) == ["Bob's", "Bob's, done"]


def test_by_theme_groups_in_the_methods_order(world, as_user):
    make_action(world, title="Wellbeing one", theme="wellbeing")
    make_action(world, title="Culture one", theme="culture")
    page = as_user(world.viewer).get(f"/programmes/{world.programme.pk}/plan/themes/").page
    assert [h2.text_content() for h2 in page.css("main h2")][:3] == [
        "Organisational culture",
        "Leadership",
        "Workforce care, support and wellbeing",
    ]
    assert titles(page) == ["Culture one", "Wellbeing one"]


def test_the_overview_filters_and_pages_keep_the_filter(world, as_user):
    for number in range(55):
        make_action(world, title=f"Skills {number:02}", theme="skills", due_on=date(2027, 1, 1))
    make_action(world, title="Culture one", theme="culture")
    client = as_user(world.viewer)
    page = client.get(f"/programmes/{world.programme.pk}/plan/", {"theme": "skills"}).page
    assert len(titles(page)) == 50 and "Culture one" not in titles(page)
    next_link = page.css(".nhsuk-pagination__link--next")[0].get("href")
    assert next_link == "?page=2&theme=skills"
    second = client.get(f"/programmes/{world.programme.pk}/plan/{next_link}").page
    assert len(titles(second)) == 5
