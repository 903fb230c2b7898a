"""The one rule for whether a date makes sense. Plain Python: no Django.

Every date a person types goes through `check` (the shared date field in
core.forms calls it), so a slip such as 1900 for 2026, a voucher "given"
next month or a due date after the plan has ended is refused with a message
that names the date and says what to type instead.

- Any date: not before EARLIEST and not more than YEARS_AHEAD years from today.
- `not_future`: something that has already happened (received, approved,
  given, completed) is today or earlier.
- `latest`: a date that must fall on or before another one, such as a due
  date and the plan's last day; `latest_what` says what that day is.
- `earliest`: a date that must fall on or after another one, such as a
  document's next review and the date of its current version.
"""

from dataclasses import dataclass
from datetime import date

EARLIEST = date(2000, 1, 1)
YEARS_AHEAD = 10


class DateProblem(ValueError):
    """The date is a real date but does not make sense here. str() is the message."""


@dataclass(frozen=True)
class Limit:
    """A day a date may not pass, and what that day is, in words that follow
    "after" or "before": for example Limit(date(2029, 8, 31), "the plan ends")
    as the latest, or Limit(date(2026, 4, 1), "the version date") as the earliest."""

    day: date
    what: str


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def latest_allowed(today: date) -> date:
    try:
        return today.replace(year=today.year + YEARS_AHEAD)
    except ValueError:  # 29 February
        return today.replace(year=today.year + YEARS_AHEAD, day=28)


def check(
    value: date,
    *,
    what: str,
    today: date,
    not_future: bool = False,
    latest: Limit | None = None,
    earliest: Limit | None = None,
) -> None:
    """Raise DateProblem if `value` does not make sense. `what` names the date
    in the message ("the due date")."""
    if value < EARLIEST:
        raise DateProblem(
            f"Check the year: the {what} is in {value.year}. Enter a date from {EARLIEST.year} onwards, "
            "for example 2027-03-31."
        )
    if not_future and value > today:
        raise DateProblem(
            f"The {what} cannot be in the future. Enter today's date ({long_date(today)}) or an earlier one."
        )
    if value > latest_allowed(today):
        raise DateProblem(
            f"Check the year: the {what} is in {value.year}, more than {YEARS_AHEAD} years from now. "
            "Enter a nearer date."
        )
    if latest is not None and value > latest.day:
        raise DateProblem(
            f"The {what} is after {latest.what} ({long_date(latest.day)}). "
            f"Enter {long_date(latest.day)} or an earlier date."
        )
    if earliest is not None and value < earliest.day:
        raise DateProblem(
            f"The {what} is before {earliest.what} ({long_date(earliest.day)}). "
            f"Enter {long_date(earliest.day)} or a later date."
        )


def has_happened(value: date | None, *, today: date) -> bool:
    """A dated event has happened once its day has come. No date: we cannot tell, so yes."""
    return value is None or value <= today
