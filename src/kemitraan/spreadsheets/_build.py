"""From read cells to models: a sheet's rows parsed, nested into a model's data, validated.

Every problem is pinned to its cell: a cell that is not a value of its column, a column
missing or unknown, a row that refers to nothing, and each of pydantic's errors, whose
``loc`` is traced back through the rows the model was built from to the sheet, row and
column the value came from.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, TypeVar

from pydantic import BaseModel, ValidationError

from kemitraan._base import Language
from kemitraan._typed import plain_key
from kemitraan.parties import slug
from kemitraan.spreadsheets._columns import (
    Column,
    Refused,
    SheetSpec,
    fold,
    parse_value,
)
from kemitraan.spreadsheets._problems import Problems, pydantic_texts

__all__ = [
    "MAX_COLUMNS",
    "MAX_ROWS",
    "Origins",
    "Row",
    "Table",
    "Unevaluated",
    "letter",
    "nested",
    "parse_table",
    "sheet_key",
    "validate",
]

#: The most data rows a sheet (or CSV file) may hold.
MAX_ROWS: Final = 10_000
#: The columns of a sheet that are read; a value further right is not seen.
MAX_COLUMNS: Final = 64

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True, slots=True)
class Unevaluated:
    """A cell holding a formula with no saved result (never computed here)."""

    formula: str


def letter(index: int) -> str:
    """The letter of the column at ``index`` (1 is ``A``, 27 is ``AA``).

    >>> letter(1), letter(26), letter(27)
    ('A', 'Z', 'AA')
    """
    text = ""
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(65 + rest) + text
    return text


def sheet_key(name: str) -> str:
    """How a sheet's or CSV file's name is matched: ``Nilai Indikator`` is ``nilai-indikator``."""
    return slug(name)


@dataclass(slots=True)
class Row:
    """One data row of a sheet: its number in the sheet and its values, by column key."""

    number: int
    values: dict[str, Any] = field(default_factory=dict)
    refused: set[str] = field(default_factory=set)
    """The columns whose cell was refused (its problem is recorded already)."""

    def get(self, key: str) -> Any:
        """The value of column ``key``; ``None`` when empty."""
        return self.values.get(key)


@dataclass(slots=True)
class Table:
    """A sheet as read: its declaration, its name in the file, its columns' letters, its rows."""

    spec: SheetSpec
    name: str
    letters: dict[str, str]
    rows: list[Row] = field(default_factory=list)
    language: Language = "id"
    headers: dict[str, str] = field(default_factory=dict)
    """Each column's header as the file has it (problems name the column the user sees)."""

    def problem(
        self, problems: Problems, row: Row | int | None, key: str | None, rule: str, **context: Any
    ) -> None:
        """Record a problem in column ``key`` of ``row`` (a whole row when ``key`` is None)."""
        column = self.spec.column(key) if key is not None else None
        self.cell_problem(problems, row, column, rule, None, **context)

    def cell_problem(
        self,
        problems: Problems,
        row: Row | int | None,
        column: Column | None,
        rule: str,
        message: tuple[str, str] | None,
        **context: Any,
    ) -> None:
        """Record a problem in ``column`` of ``row``, with ``message`` or the rule's text."""
        number = row.number if isinstance(row, Row) else row
        letter_ = self.letters.get(column.key) if column is not None else None
        header = None
        if column is not None:
            header = self.headers.get(column.key) or column.title(self.language).rstrip(" *")
        problems.add(self.name, number, letter_, header, rule, message, **context)


def parse_table(
    spec: SheetSpec,
    name: str,
    header: Sequence[Any],
    rows: Iterable[tuple[int, Sequence[Any]]],
    problems: Problems,
    language: Language,
    *,
    unescape: bool = False,
) -> Table:
    """Read a sheet: match its headers to ``spec``'s columns, then parse every cell.

    Headers are matched in either language, or as a sheet of one's own names them
    (:attr:`Column.titles`), case, spacing, punctuation and a trailing ``*`` aside, in any
    order; an optional column may be left out. ``unescape`` strips the ``'`` a CSV export puts
    before text that a spreadsheet would otherwise take for a formula.
    """
    titles = {title: column for column in spec.columns for title in column.read_as()}
    table = Table(spec, name, {}, language=language)
    positions: dict[int, Column] = {}
    unknown: set[int] = set()  # columns whose header is not known: reported once, there
    for index, raw in enumerate(header):
        if raw is None or not str(raw).strip():
            continue
        text = str(raw).strip().rstrip("*").strip()
        column = titles.get(plain_key(text))
        where = letter(index + 1)
        if column is None:
            unknown.add(index)
            known = ", ".join(c.title(language).rstrip(" *") for c in spec.columns)
            problems.add(name, 1, where, None, "unknown_column", value=text, known=known)
        elif column.key in table.letters:
            unknown.add(index)  # its cells are not read: the header's problem says why
            first = table.headers[column.key]
            if plain_key(first) == plain_key(text):
                problems.add(name, 1, where, None, "duplicate_column", value=text)
            else:  # two of the column's titles ("No HP" and "No WA")
                problems.add(name, 1, where, None, "same_column", value=text, first=first,
                             at=f"{table.letters[column.key]}1")  # fmt: skip
        else:
            positions[index] = column
            table.letters[column.key] = where
            table.headers[column.key] = text
    for column in spec.columns:
        if column.required and column.key not in table.letters:
            table.cell_problem(
                problems,
                1,
                column,
                "missing_column",
                None,
                value=column.title(language).rstrip(" *"),
            )
    count = 0
    for number, cells in rows:
        if all(raw is None or (isinstance(raw, str) and not raw.strip()) for raw in cells):
            continue
        count += 1
        if count > MAX_ROWS:
            problems.add(name, number, None, None, "too_many_rows", limit=MAX_ROWS)
            break
        if unknown:
            cells = [None if index in unknown else raw for index, raw in enumerate(cells)]
        table.rows.append(_row(table, positions, number, cells, problems, unescape=unescape))
    return table


def _row(
    table: Table,
    positions: Mapping[int, Column],
    number: int,
    cells: Sequence[Any],
    problems: Problems,
    *,
    unescape: bool,
) -> Row:
    row = Row(number)
    refused = row.refused
    for index, raw in enumerate(cells):
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            continue
        column = positions.get(index)
        if column is None:
            problems.add(table.name, number, letter(index + 1), None, "value_without_header")
            continue
        if isinstance(raw, Unevaluated):
            refused.add(column.key)
            table.cell_problem(
                problems, row, column, "formula_without_value", None, formula=raw.formula[:60]
            )
            continue
        if unescape and column.kind in ("text", "lines", "ids") and isinstance(raw, str):
            raw = raw.removeprefix("'")
        try:
            value = parse_value(column, raw, table.language)
        except Refused as refusal:
            refused.add(column.key)
            table.cell_problem(problems, row, column, refusal.rule, None, **refusal.context)
            continue
        if value is not None and value != []:
            row.values[column.key] = value
    for column in table.spec.columns:
        present = column.key in table.letters and column.key not in refused
        if column.required and present and column.key not in row.values:
            table.cell_problem(problems, row, column, "missing", ("wajib diisi", "is required"))
    return row


def nested(row: Row, spec: SheetSpec, **extra: Any) -> dict[str, Any]:
    """The row's values as a model's data: each at its column's path; ``extra`` added."""
    data: dict[str, Any] = {}
    for column in spec.columns:
        value = row.values.get(column.key)
        if column.path is None or value is None:
            continue
        target = data
        for part in column.path[:-1]:
            target = target.setdefault(part, {})
        target[column.path[-1]] = value
    for name, value in extra.items():
        data.setdefault(name, value)
    return data


Origins = dict[tuple[Any, ...], tuple[Table, Row]]
"""Where the parts of a model's data came from: a ``loc`` prefix → the table and row."""


def _locate(spec: SheetSpec, rest: tuple[Any, ...]) -> Column | None:
    """The column a ``loc`` (within one row's model) points at, if any."""
    best: Column | None = None
    for column in spec.columns:
        path = column.path
        if (
            path
            and rest[: len(path)] == path
            and (best is None or len(path) > len(best.path or ()))
        ):
            best = column
    if best is None and rest:
        best = next((c for c in spec.columns if c.path and c.path[: len(rest)] == rest), None)
    return best


def validate(
    model: type[M],
    data: Mapping[str, Any],
    origins: Origins,
    problems: Problems,
    unjudged: Collection[str] = (),
) -> M | None:
    """``model`` validated from ``data``; on errors, each is recorded at its cell.

    An error of a rule in ``unjudged`` is left out (the consequence of a problem recorded).
    """
    try:
        return model.model_validate(dict(data))
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            loc = tuple(error["loc"])
            prefix = max((p for p in origins if loc[: len(p)] == p), key=len, default=None)
            if prefix is None:
                continue  # nothing of the sheets: cannot happen when origins has ()
            table, row = origins[prefix]
            column = _locate(table.spec, loc[len(prefix) :])
            if (
                error["type"] == "default_factory_not_called"
                or error["type"] in unjudged
                or (column is not None and column.key in row.refused)
            ):
                continue  # the consequence of a problem recorded already
            table.cell_problem(problems, row, column, str(error["type"]), pydantic_texts(error))
        return None


def keyed(
    table: Table | None,
    key: str,
    problems: Problems,
    value: Callable[[Row], Any] | None = None,
) -> dict[Any, Row]:
    """The rows of ``table`` by their value in column ``key``; every repeat is a problem."""
    found: dict[Any, Row] = {}
    if table is None:
        return found
    for row in table.rows:
        item = value(row) if value is not None else row.get(key)
        if item is None:
            continue
        folded = fold(item) if isinstance(item, str) else item
        if folded in found:
            table.problem(
                problems,
                row,
                key,
                "duplicate_key",
                value=item,
                other=found[folded].number,
            )
        else:
            found[folded] = row
    return found


def resolve(reference: Any, *indexes: Mapping[Any, Row]) -> Row | None:
    """The row ``reference`` names in the first index that knows it (ids before names)."""
    folded = fold(reference) if isinstance(reference, str) else reference
    for index in indexes:
        if folded in index:
            return index[folded]
    return None


def children(
    table: Table | None,
    link: str,
    parents: Sequence[Mapping[Any, Row]],
    parent_sheet: str,
    problems: Problems,
) -> dict[int, list[Row]]:
    """The rows of ``table`` grouped by the parent row (its number) column ``link`` names.

    A row naming no parent is a problem, and goes under :data:`ORPHANS`, so that its own
    cells are still checked.
    """
    grouped: dict[int, list[Row]] = {}
    if table is None:
        return grouped
    for row in table.rows:
        reference = row.get(link)
        if reference is None:
            continue  # reported as missing already
        parent = resolve(reference, *parents)
        if parent is None:
            table.problem(
                problems,
                row,
                link,
                "unknown_reference",
                value=reference,
                target=parent_sheet,
            )
            grouped.setdefault(ORPHANS, []).append(row)
            continue
        grouped.setdefault(parent.number, []).append(row)
    return grouped


ORPHANS: Final = 0
"""Where :func:`children` puts the rows that name no parent (no row has number 0)."""


def flat(spec: SheetSpec, model: Any, **links: Any) -> dict[str, Any]:
    """``model``'s values by column key (each read along its column's path); links given."""
    row: dict[str, Any] = {}
    for column in spec.columns:
        if column.path is None:
            row[column.key] = links.get(column.key)
            continue
        value = model
        for part in column.path:
            value = getattr(value, part, None)
        row[column.key] = value
    return row


def validate_row(
    model: type[M], spec: SheetSpec, table: Table, row: Row, problems: Problems, **extra: Any
) -> M | None:
    """The model one row holds (``extra`` added to its data); ``None`` when it has problems."""
    return validate(model, nested(row, spec, **extra), {(): (table, row)}, problems)


def with_children(
    tables: Mapping[str, Table],
    spec: SheetSpec,
    model: type[M],
    key: str,
    link: str,
    kids: Mapping[str, tuple[str, SheetSpec, type[Any]]],
    problems: Problems,
    presence: Collection[str] = (),
) -> list[M] | None:
    """The models of sheet ``spec``, each with the rows of its child sheets as list fields.

    A row of sheet ``spec`` is named by its value in column ``key``; each child sheet
    (``kids``: its key → the model's list field, its spec and its item model) names its
    parent in column ``link``. ``None`` when any row has problems (all recorded).
    ``presence`` names the model's rules that judge whether its child rows are there.
    """
    table = tables[spec.key]
    parents = keyed(table, key, problems)
    grouped = {
        name: children(tables[name], link, (parents,), table.name, problems) for name in kids
    }
    for name, (_, kid, item_model) in kids.items():
        for orphan in grouped[name].get(ORPHANS, []):
            validate_row(item_model, kid, tables[name], orphan, problems)
    found: list[M] = []
    for row in table.rows:
        own: Origins = {(): (table, row)}
        data = nested(row, spec)
        whole = True  # every child row read
        for name, (into, kid, item_model) in kids.items():
            items: list[Any] = []
            for child in grouped[name].get(row.number, []):
                item = validate_row(item_model, kid, tables[name], child, problems)
                if item is None or child.refused:
                    whole = False  # its problem is recorded at its own cell
                    continue
                own[(into, len(items))] = (tables[name], child)  # where its errors point
                items.append(item)
            data[into] = items
        # a row that lost a child row is not told it has none (a consequence, said already)
        made = validate(model, data, own, problems, () if whole else presence)
        if made is not None:
            found.append(made)
    return None if problems else found
