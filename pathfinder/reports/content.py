"""What a report says, as plain data: tables, series, charts and documents.

Callers build these from their own models; the renderers (`charts`, `exports`)
know nothing else. Cells may be str, int, float, Decimal, date or None.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

type Cell = str | int | float | Decimal | date | None


@dataclass
class Table:
    title: str
    columns: list[str]
    rows: list[list[Cell]]
    caption: str = ""
    # Indexes of columns that hold numbers: right-aligned in documents.
    numeric_columns: frozenset[int] = frozenset()
    # The first cell of each row names the row (as a chart's categories do).
    row_headers: bool = False
    # What documents show for a None cell; CSV and Excel leave the cell empty.
    empty_text: str = ""

    def __post_init__(self) -> None:
        for number, row in enumerate(self.rows, start=1):
            if len(row) != len(self.columns):
                raise ValueError(
                    f"Table {self.title!r}: row {number} has {len(row)} cells for {len(self.columns)} columns."
                )


@dataclass
class Series:
    name: str
    # None means no value: suppressed, not scored or not asked.
    values: list[float | None]


@dataclass
class Chart:
    kind: Literal["bars", "lines"]
    title: str
    categories: list[str]
    series: list[Series]
    # One plain-English sentence saying what the chart shows.
    summary: str
    min_value: float = 0
    max_value: float | None = None
    value_label: str = ""
    # The same data as a table. Left out, it is made from the categories and series,
    # so after construction `chart.table` is always a Table.
    table: Table | None = None
    # Added to every value shown on the chart, such as "%".
    value_suffix: str = ""
    # "money": values shown on the chart as pounds (£1,250 or £1,250.50).
    value_format: Literal["number", "money"] = "number"
    # The heading of the first column in the derived table.
    category_label: str = "Category"

    def __post_init__(self) -> None:
        if self.kind not in ("bars", "lines"):
            raise ValueError(f"Chart {self.title!r}: kind must be 'bars' or 'lines', not {self.kind!r}.")
        if not self.summary.strip():
            raise ValueError(f"Chart {self.title!r} needs a summary sentence.")
        for series in self.series:
            if len(series.values) != len(self.categories):
                raise ValueError(
                    f"Chart {self.title!r}: series {series.name!r} has {len(series.values)} values "
                    f"for {len(self.categories)} categories."
                )
        if self.table is None:
            self.table = self._derived_table()

    def _derived_table(self) -> Table:
        rows = [
            [category, *(series.values[index] for series in self.series)]
            for index, category in enumerate(self.categories)
        ]
        return Table(
            title=self.title,
            columns=[self.category_label, *(series.name for series in self.series)],
            rows=rows,
            numeric_columns=frozenset(range(1, len(self.series) + 1)),
            row_headers=True,
            empty_text="no value",
        )


@dataclass
class Heading:
    text: str
    level: int = 2

    def __post_init__(self) -> None:
        # Level 1 is the document's own title.
        if not 2 <= self.level <= 6:
            raise ValueError(f"Heading level must be 2 to 6, not {self.level}.")


@dataclass
class Paragraph:
    text: str


@dataclass
class BulletList:
    items: list[str]


type Block = Heading | Paragraph | Table | Chart | BulletList


@dataclass
class Document:
    title: str
    subtitle: str = ""
    blocks: list[Block] = field(default_factory=list)
    # Who the document is about or for, such as a service's name.
    author_label: str = ""
    generated_on: date | None = None
    # Bigger text and more space, for easy-read versions (PDF only).
    large_print: bool = False
