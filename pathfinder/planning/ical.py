"""iCalendar (RFC 5545) written by hand: a calendar of all-day events.

Small enough not to need a library: text is escaped (section 3.3.11), lines
end in CRLF and are folded at 75 octets without splitting a UTF-8 character
(section 3.1). No Django here.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

LINE_OCTETS = 75


@dataclass(frozen=True)
class Event:
    uid: str
    day: date
    summary: str
    description: str = ""


def escape_text(value: str) -> str:
    """Backslashes, semicolons and commas escaped; newlines as \\n."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line folded into CRLF-separated pieces of at most 75 octets;
    each continuation starts with a space (which counts towards its 75)."""
    pieces: list[str] = []
    current, size, limit = "", 0, LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size, limit = " ", 1, LINE_OCTETS
        current += char
        size += width
    pieces.append(current)
    return "\r\n".join(pieces)


def _day(value: date) -> str:
    return value.strftime("%Y%m%d")


def calendar(name: str, events: list[Event], *, stamp: datetime, product: str = "-//Pathfinder//Plan//EN") -> bytes:
    """The whole calendar as bytes, ready to send as text/calendar."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{product}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    stamped = stamp.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{stamped}",
            f"DTSTART;VALUE=DATE:{_day(event.day)}",
            f"DTEND;VALUE=DATE:{_day(event.day + timedelta(days=1))}",
            f"SUMMARY:{escape_text(event.summary)}",
            *([f"DESCRIPTION:{escape_text(event.description)}"] if event.description else []),
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return ("".join(fold(line) + "\r\n" for line in lines)).encode("utf-8")
