"""The iCalendar writer (RFC 5545): escaping, folding at 75 octets, CRLF."""

from datetime import UTC, date, datetime

from pathfinder.planning import ical


def unfold(body: str) -> list[str]:
    return body.replace("\r\n ", "").split("\r\n")


def test_text_is_escaped():
    assert ical.escape_text("a, b; c\\d\ne") == "a\\, b\\; c\\\\d\\ne"


def test_long_lines_fold_without_splitting_a_character():
    line = "SUMMARY:" + "é" * 100
    folded = ical.fold(line)
    pieces = folded.split("\r\n")
    assert all(len(piece.encode()) <= 75 for piece in pieces)
    assert all(piece.startswith(" ") for piece in pieces[1:])
    assert folded.replace("\r\n ", "") == line


def test_a_calendar_has_the_required_parts():
    body = ical.calendar(
        "Pathfinder: my actions",
        [ical.Event(uid="action-1@example.org", day=date(2027, 3, 31), summary="Due: Talk, plan; review")],
        stamp=datetime(2026, 11, 26, 9, 30, tzinfo=UTC),
    ).decode()
    assert body.endswith("\r\n") and "\n" not in body.replace("\r\n", "")
    lines = unfold(body)
    assert lines[:3] == ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Pathfinder//Plan//EN"]
    assert "UID:action-1@example.org" in lines
    assert "DTSTAMP:20261126T093000Z" in lines
    assert "DTSTART;VALUE=DATE:20270331" in lines and "DTEND;VALUE=DATE:20270401" in lines
    assert "SUMMARY:Due: Talk\\, plan\\; review" in lines
    assert lines[-2:] == ["END:VCALENDAR", ""]
