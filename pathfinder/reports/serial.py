"""A Document as JSON and back, so it can wait in the database for a
background task to render it, and so its exact content can be hashed.

Only the types in `content` are written; reading refuses anything else.
"""

import json
from dataclasses import fields
from datetime import date
from decimal import Decimal

from pathfinder.reports.content import BulletList, Chart, Document, Heading, Paragraph, Series, Table

_BLOCKS = {cls.__name__: cls for cls in (Heading, Paragraph, BulletList, Table, Chart)}


def _cell(value):
    # bool is an int, but no report cell is ever a bool: refused like any unknown type.
    if value is None or isinstance(value, str | float) or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    raise TypeError(f"A report cell cannot hold {type(value).__name__}.")


def _uncell(value):
    if isinstance(value, dict) and value.keys() == {"decimal"}:
        return Decimal(value["decimal"])
    if isinstance(value, dict) and value.keys() == {"date"}:
        return date.fromisoformat(value["date"])
    return value


def _table(table: Table) -> dict:
    return {
        "title": table.title,
        "columns": list(table.columns),
        "rows": [[_cell(cell) for cell in row] for row in table.rows],
        "caption": table.caption,
        "numeric_columns": sorted(table.numeric_columns),
        "row_headers": table.row_headers,
        "empty_text": table.empty_text,
    }


def _untable(data: dict) -> Table:
    return Table(
        title=data["title"],
        columns=data["columns"],
        rows=[[_uncell(cell) for cell in row] for row in data["rows"]],
        caption=data["caption"],
        numeric_columns=frozenset(data["numeric_columns"]),
        row_headers=data["row_headers"],
        empty_text=data["empty_text"],
    )


def _block(block) -> dict:
    name = type(block).__name__
    if name not in _BLOCKS:
        raise TypeError(f"A document cannot hold a {name}.")
    if isinstance(block, Table):
        return {"type": name, **_table(block)}
    if isinstance(block, Chart):
        data = {f.name: getattr(block, f.name) for f in fields(Chart) if f.name not in {"series", "table"}}
        data["categories"] = list(block.categories)
        data["min_value"], data["max_value"] = _cell(block.min_value), _cell(block.max_value)
        data["series"] = [{"name": s.name, "values": [_cell(v) for v in s.values]} for s in block.series]
        data["table"] = _table(block.table)
        return {"type": name, **data}
    return {"type": name, **{f.name: getattr(block, f.name) for f in fields(block)}}


def _unblock(data: dict):
    data = dict(data)
    cls = _BLOCKS[data.pop("type")]
    if cls is Table:
        return _untable(data)
    if cls is Chart:
        data["min_value"], data["max_value"] = _uncell(data["min_value"]), _uncell(data["max_value"])
        data["series"] = [Series(s["name"], [_uncell(v) for v in s["values"]]) for s in data["series"]]
        data["table"] = _untable(data["table"])
    return cls(**data)


def to_json(document: Document) -> str:
    """The document as canonical JSON: the same content always gives the same text."""
    data = {
        "title": document.title,
        "subtitle": document.subtitle,
        "author_label": document.author_label,
        "generated_on": document.generated_on.isoformat() if document.generated_on else None,
        "large_print": document.large_print,
        "blocks": [_block(block) for block in document.blocks],
    }
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def from_json(text: str) -> Document:
    data = json.loads(text)
    return Document(
        title=data["title"],
        subtitle=data["subtitle"],
        author_label=data["author_label"],
        generated_on=date.fromisoformat(data["generated_on"]) if data["generated_on"] else None,
        large_print=data["large_print"],
        blocks=[_unblock(block) for block in data["blocks"]],
    )
