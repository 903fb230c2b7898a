"""Issue 9.7 attacks: a spread (how many people gave each answer, and names
beside scores) is shown only when at least three people other than the viewer
have submitted; drafts never count, on the page or in a download."""

import csv
import io

import openpyxl

from pathfinder.assessments import services
from pathfinder.assessments.tests.conftest import answer_all
from pathfinder.testing.factories import MembershipFactory


def rater(world, name):
    return MembershipFactory(service=world.service, role="group_member", user__full_name=name).user


def draft_all(round_, user, value, evidence=""):
    """Answers saved but never submitted."""
    row = round_.raters.get(user=user)
    definition = round_.instrument_version.parsed
    services.save_answers(
        row,
        {item.code: services.Answer(value=value, evidence=evidence) for item in definition.items},
        version=row.version,
    )


def a_round(world, builtin, raters):
    return services.open_round(
        programme=world.programme,
        instrument_version=builtin,
        kind="baseline",
        title="Baseline",
        raters=raters,
        by=world.lead,
    )


def to_consensus(round_, world):
    services.start_consensus(round_, version=round_.version, by=world.lead)
    round_.refresh_from_db()


def agree_page(world, round_, as_user):
    return as_user(world.lead).get(f"/assessment-rounds/{round_.pk}/agree/culture/").page


def test_it_hides_the_spread_from_a_viewer_who_is_one_of_three_submitters(world, builtin, as_user):
    third = rater(world, "Gail Third")
    round_ = a_round(world, builtin, [world.lead, world.member, third])
    answer_all(round_, world.lead, 2)
    answer_all(round_, world.member, 4, evidence="Seen in supervision notes")
    answer_all(round_, third, 4)
    to_consensus(round_, world)
    page = agree_page(world, round_, as_user)
    text = page.text()
    assert not page.css("table.pf-spread")
    assert "gave a score" not in text and "Who said what" not in text
    assert "Seen in supervision notes" not in text
    assert "at least 3 people other than you" in text


def test_it_shows_the_spread_and_names_when_three_others_submitted(world, builtin, as_user):
    others = [world.member, rater(world, "Gail Third"), rater(world, "Hana Fourth")]
    round_ = a_round(world, builtin, [world.lead, *others])
    answer_all(round_, world.lead, 2)
    for person in others:
        answer_all(round_, person, 4, evidence="Seen in supervision notes" if person == world.member else "")
    to_consensus(round_, world)
    page = agree_page(world, round_, as_user)
    text = page.text()
    assert page.css("table.pf-spread")
    assert "4 gave a score" in text
    assert "Bob Member (in place across the service)" in text
    assert "Bob Member: Seen in supervision notes" in text


def test_a_draft_never_contributes_to_a_spread_or_a_count(world, builtin, as_user):
    submitted = [world.member, rater(world, "Gail Third"), rater(world, "Hana Fourth")]
    drafter = rater(world, "Dee Draft")
    round_ = a_round(world, builtin, [world.lead, *submitted, drafter])
    for person in submitted:
        answer_all(round_, person, 4)
    draft_all(round_, drafter, 1, evidence="Draft thoughts only")
    to_consensus(round_, world)
    text = agree_page(world, round_, as_user).text()
    assert "3 gave a score" in text
    assert "Dee Draft" not in text and "Draft thoughts only" not in text
    assert "Views differ" not in text  # the draft's 1 would make them differ by 3


def test_drafts_do_not_lift_a_small_group_over_the_line(world, builtin, as_user):
    submitted = [world.member, rater(world, "Gail Third")]
    drafters = [rater(world, f"Draft {n}") for n in range(5)]
    round_ = a_round(world, builtin, [world.lead, *submitted, *drafters])
    for person in submitted:
        answer_all(round_, person, 4)
    for person in drafters:
        draft_all(round_, person, 2)
    to_consensus(round_, world)
    page = agree_page(world, round_, as_user)
    assert not page.css("table.pf-spread")


def test_an_export_of_two_submitted_and_five_drafts_shows_no_spread(world, builtin, as_user):
    submitted = [world.member, rater(world, "Gail Third")]
    drafters = [rater(world, f"Draft {n}") for n in range(5)]
    round_ = a_round(world, builtin, [*submitted, *drafters])
    for person in submitted:
        answer_all(round_, person, 4)
    for person in drafters:
        draft_all(round_, person, 2)
    to_consensus(round_, world)
    client = as_user(world.lead)
    rows = list(
        csv.reader(io.StringIO(client.get(f"/assessment-rounds/{round_.pk}/download.csv").content.decode("utf-8-sig")))
    )
    header, first = rows[0], rows[1]
    for label in ("Not in place", "Partly in place", "In place across the service"):
        if label in header:
            assert first[header.index(label)] in {"", "not shown"}
    workbook = openpyxl.load_workbook(io.BytesIO(client.get(f"/assessment-rounds/{round_.pk}/download.xlsx").content))
    sheet = workbook.worksheets[1]
    values = [cell.value for cell in next(sheet.iter_rows(min_row=1, max_row=1))]
    counts = [cell.value for cell in next(sheet.iter_rows(min_row=2, max_row=2))]
    column = values.index("In place across the service")
    assert counts[column] in {None, "", "not shown"}


def test_an_export_counts_only_submitted_ratings(world, builtin, as_user):
    submitted = [world.member, rater(world, "Gail Third"), rater(world, "Hana Fourth")]
    drafter = rater(world, "Dee Draft")
    round_ = a_round(world, builtin, [*submitted, drafter])
    for person in submitted:
        answer_all(round_, person, 4)
    draft_all(round_, drafter, 4)
    to_consensus(round_, world)
    body = as_user(world.lead).get(f"/assessment-rounds/{round_.pk}/download.csv").content.decode("utf-8-sig")
    header, first = list(csv.reader(io.StringIO(body)))[:2]
    assert first[header.index("In place across the service")] == "3"
