"""The first draft, drawn from records (pure Python)."""

from datetime import date

from pathfinder.learning import draft
from pathfinder.learning.draft import ActionLine, DecisionLine, FindingLine, MeasureLine

THEMES = [("wellbeing", "Workforce wellbeing"), ("policies", "Policies and processes")]


def test_each_kind_of_record_goes_to_its_part():
    built = draft.build(
        programme_name="Lochmore programme",
        themes=THEMES,
        findings=[
            FindingLine("wellbeing", "barrier", "Supervision is\n cancelled when   busy."),
            FindingLine("wellbeing", "gap", "No reflective practice."),
            FindingLine("wellbeing", "strength", "Managers check in after hard days."),
            FindingLine("policies", "priority", "Stop asking people to retell their story."),
            FindingLine("policies", "idea", "A shared assessment form."),
            FindingLine("policies", "feedback", "Feedback is not a part."),
            FindingLine("budgets", "barrier", "A theme the report does not take."),
        ],
        actions=[
            ActionLine("wellbeing", "Protect reflective practice", done=True),
            ActionLine("policies", "Rewrite the assessment form", done=False, due_on=date(2027, 3, 31)),
        ],
        measures=[
            MeasureLine("wellbeing", "Staff feeling supported", "improving", "The latest point is improving."),
            MeasureLine("policies", "Stigmatising terms", "concern", "The latest point is a concern."),
            MeasureLine("policies", "Training", "no_significant_change", "No significant change."),
        ],
    )
    wellbeing, policies = built.sections["wellbeing"], built.sections["policies"]
    assert wellbeing["challenges"] == "- Supervision is cancelled when busy.\n- No reflective practice."
    assert wellbeing["enablers"] == (
        "- Managers check in after hard days.\n- Done: Protect reflective practice.\n"
        "- Staff feeling supported: The latest point is improving."
    )
    assert policies["recommendations"] == (
        "- Stop asking people to retell their story.\n- A shared assessment form.\n"
        "- Planned: Rewrite the assessment form, due March 2027."
    )
    assert policies["challenges"] == "- Stigmatising terms: The latest point is a concern."
    assert "Feedback is not a part" not in str(built.sections)
    assert set(built.sections) == {"wellbeing", "policies"}


def test_a_long_part_is_cut_with_a_count():
    findings = [FindingLine("wellbeing", "barrier", f"Barrier {n}") for n in range(draft.MAX_LINES + 3)]
    text = draft.build(programme_name="P", themes=THEMES, findings=findings).sections["wellbeing"]["challenges"]
    assert text.count("\n") == draft.MAX_LINES
    assert text.endswith("- And 3 more in Pathfinder.")


def test_decisions_go_in_the_introduction_by_date():
    built = draft.build(
        programme_name="Lochmore programme",
        themes=THEMES,
        decisions=[
            DecisionLine(date(2026, 11, 3), "Fund two places on the Safety and Stabilisation course."),
            DecisionLine(date(2026, 10, 6), "Meet monthly."),
            DecisionLine(date(2026, 10, 20), "   "),
        ],
    )
    assert built.introduction.startswith("What Lochmore programme has learned so far")
    assert built.introduction.endswith(
        "- 6 October 2026: Meet monthly.\n- 3 November 2026: Fund two places on the Safety and Stabilisation course."
    )


def test_nothing_recorded_gives_empty_parts():
    built = draft.build(programme_name="P", themes=THEMES)
    assert built.sections == {t: {"challenges": "", "enablers": "", "recommendations": ""} for t, _ in THEMES}
    assert "Decisions" not in built.introduction


def test_blocks_read_bullets_and_paragraphs():
    text = "First line\ncontinues here.\n\n- one\n-   two\n- \nAfter the list.\n\n\n- three"
    assert draft.blocks(text) == [
        ("paragraph", ["First line continues here."]),
        ("bullets", ["one", "two"]),
        ("paragraph", ["After the list."]),
        ("bullets", ["three"]),
    ]
    assert draft.blocks("") == []
