"""A table becomes a CSV file that reads back the same."""

import csv
import io

from pathfinder.reports.exports import csv_bytes
from pathfinder.reports.tests.conftest import actions_table


def test_it_starts_with_a_byte_order_mark_for_excel():
    assert csv_bytes(actions_table()).startswith(b"\xef\xbb\xbf")


def test_it_round_trips_through_the_csv_module():
    rows = list(csv.reader(io.StringIO(csv_bytes(actions_table()).decode("utf-8-sig"), newline="")))

    assert rows == [
        ["Action", "Owner", "Due", "Cost (£)"],
        ["Review the waiting-room signage", "Alice Lead", "2026-10-01", "1250.50"],
        ["Train reception staff", "Bob Member", "2026-11-15", "800"],
        ["Agree a feedback process", "", "", ""],
    ]


def test_it_keeps_commas_quotes_and_line_breaks_inside_a_cell():
    table = actions_table(rows=[['She said "yes, later"\nthen left', "A, B", None, 1]])
    rows = list(csv.reader(io.StringIO(csv_bytes(table).decode("utf-8-sig"), newline="")))
    assert rows[1] == ['She said "yes, later"\nthen left', "A, B", "", "1"]


def test_it_quotes_a_formula_in_the_header_too():
    table = actions_table(columns=["=cmd", "Owner", "Due", "Cost"])
    header = next(csv.reader(io.StringIO(csv_bytes(table).decode("utf-8-sig"))))
    assert header[0] == "'=cmd"
