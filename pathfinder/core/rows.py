"""Rows read with a fixed SQL statement, turned into Python values exactly as
the ORM would turn them.

A few reads happen on (nearly) every request: the session, the person's
roles, the survey behind an answer link. The ORM works out their SQL afresh
each time (about half a millisecond each here), although it never changes;
these reads send a statement written once instead. What comes back still goes
through the engine's and each field's own conversions (dates on SQLite,
encrypted fields), so the values are those the ORM would give; each such read
has a test holding it to the ORM's answer on both engines."""

from django.db import connections


class Statement:
    """SQL that `write(connection)` writes once for each database engine
    (table and column names quoted as that engine quotes them)."""

    def __init__(self, write):
        self._write = write
        self._by_vendor: dict[str, str] = {}

    def sql(self, connection) -> str:
        if connection.vendor not in self._by_vendor:
            self._by_vendor[connection.vendor] = self._write(connection)
        return self._by_vendor[connection.vendor]


def column(connection, model, name: str) -> str:
    """A model field's column, quoted for the connection's engine."""
    return connection.ops.quote_name(model._meta.get_field(name).column)


def table(connection, model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


class Converted:
    """Converts rows whose first columns are `columns` of `model` (attnames:
    `programme_id` for a foreign key), for each database engine in turn."""

    def __init__(self, model, columns: tuple[str, ...]):
        self.model = model
        self.columns = columns
        self._by_vendor: dict[str, list] = {}

    def _converters(self, connection) -> list[tuple[int, list]]:
        found = []
        for index, column in enumerate(self.columns):
            field = self.model._meta.get_field(column.removesuffix("_id") if column.endswith("_id") else column)
            expression = field.get_col(self.model._meta.db_table)
            converters = connection.ops.get_db_converters(expression) + field.get_db_converters(connection)
            if converters:
                found.append((index, [(converter, expression) for converter in converters]))
        return found

    def values(self, row, using: str = "default") -> list:
        """The row's first len(columns) values, converted."""
        connection = connections[using]
        if connection.vendor not in self._by_vendor:
            self._by_vendor[connection.vendor] = self._converters(connection)
        values = list(row[: len(self.columns)])
        for index, converters in self._by_vendor[connection.vendor]:
            for converter, expression in converters:
                values[index] = converter(values[index], expression, connection)
        return values

    def instance(self, row, using: str = "default"):
        """A model instance with only these columns loaded (any other is read
        from the database if asked for, as with .only())."""
        return self.model.from_db(using, self.columns, self.values(row, using))
