"""Every input bounded at the model, every refusal typed (issue 17, point 4).

Each attack tried on the library is a row here: a calendar name that injects an event
(under ``python -O`` too), text no database or Parquet file stores (a lone surrogate, the
null character) on every route that makes a model, a year no part of the stack can
compute with (an MoU ending in year 1, a move dated in year 0 in UTC), a line of a JSON
Lines file too long to read, a published JSON Schema whose defaults its own rules refuse,
and records naming a party the partnership does not have.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings, strategies as st
from pydantic import ValidationError

import kemitraan
from kemitraan import (
    InvalidArgumentError,
    InvalidDataError,
    Partner,
    PartnerKind,
    Partnership,
    Period,
    Program,
    Stage,
    Term,
    dump_json,
    load_json,
)
from kemitraan._base import (
    FIRST_DAY,
    LAST_DAY,
    BilingualText,
    _Model,
    day_rule,
    instant_rule,
    text_rule,
)
from kemitraan._types import day_argument, instant_argument, text_argument
from kemitraan.analysis import Portfolio, portfolio as portfolio_module
from kemitraan.lifecycle import AuditRecord, Move
from kemitraan.maintenance.interactions import Interaction, InteractionKind
from kemitraan.maintenance.touchpoints import Touchpoint, TouchpointKind, touchpoints_ical
from kemitraan.planning import PlannedActivity, Target, WorkPlan
from kemitraan.summary import renewal_due
from seed import at_stage

ROOT = Path(__file__).resolve().parent.parent
STAMP = datetime(2025, 12, 1, tzinfo=UTC)


def _errors(caught: pytest.ExceptionInfo[Any]) -> list[tuple[tuple[Any, ...], str]]:
    """(where, rule) of each error a ValidationError or an InvalidDataError carries."""
    error = caught.value
    found = error.errors() if isinstance(error, ValidationError) else error.errors
    return [(tuple(e["loc"]), e["type"]) for e in found]


# -- 1. calendar injection ----------------------------------------------------------------

INJECTED = "X\r\nBEGIN:VEVENT\r\nSUMMARY:Disusupkan\r\nEND:VEVENT"


def _touchpoint(indonesian: str = "Ucapan", english: str = "Greeting") -> Touchpoint:
    return Touchpoint(
        on=date(2026, 1, 1),
        partner_id="kube",
        kind=TouchpointKind.NEW_YEAR,
        title=BilingualText(indonesian=indonesian, english=english),
    )


def _line_breaks_as_lf(text: str) -> str:
    for line_break in ("\r\n", "\r", "\u2028", "\u2029", "\x85"):
        text = text.replace(line_break, "\n")
    return text


def _events(ics: bytes) -> list[Any]:
    from icalendar import Calendar

    return [c for c in Calendar.from_ical(ics).walk() if c.name == "VEVENT"]


@pytest.mark.parametrize(
    ("name", "indonesian", "english"),
    [
        (INJECTED, "Ucapan", "Greeting"),
        ("X\nEND:VCALENDAR\nBEGIN:VCALENDAR", "Ucapan", "Greeting"),
        ("X\rBEGIN:VEVENT", "Ucapan", "Greeting"),
        ("X\u2028BEGIN:VEVENT\u2029END:VEVENT\x85", "Ucapan", "Greeting"),
        ("Kemitraan", "Ucapan\r\nBEGIN:VALARM\r\nACTION:AUDIO\r\nEND:VALARM", "Greeting"),
        ("Kemitraan", "Ucapan", "Greeting\nATTENDEE:mailto:mallory@example.id"),
        ("Kemitraan", "Ucapan; a, b \\ c", "Greeting\u2028BEGIN:VEVENT"),
    ],
    ids=["crlf", "lf", "cr", "unicode line breaks", "summary", "description", "separators"],
)
def test_text_cannot_inject_into_a_calendar(name: str, indonesian: str, english: str) -> None:
    ics = touchpoints_ical([_touchpoint(indonesian, english)], name=name, stamp=STAMP)
    lines = ics.split(b"\r\n")
    assert lines.count(b"BEGIN:VEVENT") == 1
    assert lines.count(b"BEGIN:VCALENDAR") == 1
    assert lines.count(b"BEGIN:VALARM") == 1  # the event's own reminder, nothing injected
    assert not any(
        line.startswith((b"ATTENDEE", b"ACTION:AUDIO", b"SUMMARY:Disusupkan")) for line in lines
    )
    for raw in (b"\r", b"\n", "\u2028".encode(), "\u2029".encode(), "\x85".encode()):
        assert all(raw not in line for line in lines)
    # each text comes back whole, its line breaks as iCalendar's escaped one (RFC 5545
    # 3.3.11); a reader takes X-WR-CALNAME, which it does not know, as it is written
    escaped = _line_breaks_as_lf(name).replace("\n", "\\n").encode()
    assert b"X-WR-CALNAME:" + escaped in lines
    (event,) = _events(ics)
    assert str(event["summary"]) == _line_breaks_as_lf(indonesian)
    assert _line_breaks_as_lf(english) in str(event["description"])


@pytest.mark.parametrize(
    ("build", "argument"),
    [
        (lambda: touchpoints_ical([], name="X\x0bBEGIN:VEVENT"), "name"),
        (lambda: touchpoints_ical([], name="X\x1b[2J"), "name"),
        (lambda: touchpoints_ical([], name="X\x00"), "name"),
        (lambda: touchpoints_ical([], name="X\ud800"), "name"),
        (
            lambda: touchpoints_ical([_touchpoint(), _touchpoint("Ucap\x0can")], stamp=STAMP),
            "touchpoints[1].title.indonesian",
        ),
        (
            lambda: touchpoints_ical([_touchpoint(english="Greeting\x7f")], stamp=STAMP),
            "touchpoints[0].title.english",
        ),
    ],
    ids=["vertical tab", "escape", "null", "surrogate", "form feed in a title", "delete"],
)
def test_what_calendar_text_cannot_hold_is_refused_naming_the_argument(
    build: Callable[[], bytes], argument: str
) -> None:
    with pytest.raises(InvalidArgumentError, match=rf"^{re.escape(argument)}: "):
        build()


def test_no_injected_event_under_python_optimised() -> None:
    # icalendar refuses a raw line break with an assert, which python -O removes: the
    # file then carried the injected event. Escaped, there is nothing for it to catch.
    script = (
        "import sys\n"
        "from datetime import UTC, date, datetime\n"
        "from kemitraan._base import BilingualText\n"
        "from kemitraan.maintenance.touchpoints import Touchpoint, TouchpointKind, "
        "touchpoints_ical\n"
        "assert False, 'asserts are on'\n"
    )
    run = subprocess.run(
        [sys.executable, "-O", "-c", script], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr  # the interpreter really runs without asserts
    script = (
        "import sys\n"
        "from datetime import UTC, date, datetime\n"
        "from kemitraan._base import BilingualText\n"
        "from kemitraan.maintenance.touchpoints import Touchpoint, TouchpointKind, "
        "touchpoints_ical\n"
        "tp = Touchpoint(on=date(2026, 1, 1), partner_id='kube', kind=TouchpointKind.NEW_YEAR,\n"
        "    title=BilingualText(indonesian='Ucapan\\r\\nBEGIN:VEVENT', english='Greeting'))\n"
        f"name = {INJECTED!r}\n"
        "ics = touchpoints_ical([tp], name=name, stamp=datetime(2025, 12, 1, tzinfo=UTC))\n"
        "sys.stdout.buffer.write(ics)\n"
    )
    made = subprocess.run([sys.executable, "-O", "-c", script], capture_output=True, check=False)
    assert made.returncode == 0, made.stderr.decode()
    lines = made.stdout.split(b"\r\n")
    assert lines.count(b"BEGIN:VEVENT") == 1
    assert not any(line.startswith(b"SUMMARY:Disusupkan") for line in lines)
    assert len(_events(made.stdout)) == 1


# -- 2. text every database and pyarrow accept ---------------------------------------------

BAD_TEXT = {"null_character": "PKBM\x00A", "lone_surrogate": "x\ud800"}


def _program() -> Program:
    return Program(name="PKW", objectives=["Mandiri", "Terampil"])


def _assign(value: str) -> Program:
    program = _program()
    program.name = value
    return program


def _append(value: str) -> Program:
    program = _program()
    program.objectives.append(value)
    return program


def _set_item(value: str) -> Program:
    program = _program()
    program.objectives[1] = value
    return program


def _partner_data(value: str) -> dict[str, Any]:
    return {"name": "Toko B", "id": value, "kind": "business"}


ROUTES: dict[str, tuple[Callable[[str], object], tuple[Any, ...]]] = {
    "constructor, a name": (
        lambda v: Partner(name=v, id="toko-b", kind=PartnerKind.BUSINESS),
        ("name",),
    ),
    "constructor, an id": (
        lambda v: Partner(name="Toko B", id=v, kind=PartnerKind.BUSINESS),
        ("id",),
    ),
    "model_validate": (lambda v: Partner.model_validate(_partner_data(v)), ("id",)),
    "model_copy(update=...)": (
        lambda v: Partner(name="Toko B", kind=PartnerKind.BUSINESS).model_copy(update={"name": v}),
        ("name",),
    ),
    "model_construct": (
        lambda v: Program.model_construct(name=v, objectives=["Mandiri"]),
        ("name",),
    ),
    "assignment": (_assign, ("name",)),
    "list append": (_append, ("objectives", 2)),
    "list item set": (_set_item, ("objectives", 1)),
    "a partnership's id": (
        lambda v: Partnership(
            id=v, institution=at_stage(Stage.MAPPING).institution, program=_program()
        ),
        ("id",),
    ),
    "a list in a record": (
        lambda v: Interaction(
            on=date(2025, 5, 6),
            kind=InteractionKind.VISIT,
            partner_ids=["toko-b"],
            people=["Rina", v],
        ),
        ("people", 1),
    ),
}


@pytest.mark.parametrize("rule", list(BAD_TEXT))
@pytest.mark.parametrize("route", list(ROUTES))
def test_text_no_store_holds_is_refused_on_every_route(route: str, rule: str) -> None:
    build, where = ROUTES[route]
    with pytest.raises(ValidationError) as caught:
        build(BAD_TEXT[rule])
    assert _errors(caught) == [(where, rule)]


@pytest.mark.parametrize("rule", list(BAD_TEXT))
def test_a_refused_edit_changes_nothing(rule: str) -> None:
    program = _program()
    before = program.model_dump_json()
    edits: list[Callable[[], object]] = [
        lambda: setattr(program, "name", BAD_TEXT[rule]),
        lambda: program.objectives.append(BAD_TEXT[rule]),
        lambda: program.objectives.insert(0, BAD_TEXT[rule]),
        lambda: program.objectives.extend(["Baik", BAD_TEXT[rule]]),
    ]
    for edit in edits:
        with pytest.raises(ValidationError):
            edit()
        assert program.model_dump_json() == before


@pytest.mark.parametrize(
    ("path", "rule"),
    [
        (("institution", "name"), "null_character"),
        (("institution", "name"), "lone_surrogate"),
        (("program", "objectives", 0), "null_character"),
        (("partners", 0, "id"), "lone_surrogate"),
        (("history", 0, "actor"), "null_character"),
        (("id",), "lone_surrogate"),
    ],
)
def test_stored_text_no_store_holds_is_refused_on_load(
    path: tuple[str | int, ...], rule: str
) -> None:
    data = json.loads(dump_json(at_stage(Stage.EXPLORATION)))
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = BAD_TEXT[rule]
    with pytest.raises(InvalidDataError) as caught:
        load_json(Partnership, data)  # the parsed dict, as json.loads gives it
    assert _errors(caught)[0] == (path, rule)
    with pytest.raises(ValidationError):
        Partnership.model_validate(data)
    # As JSON text: a null character reaches the field; a lone surrogate's escape is
    # refused by the JSON parser itself (json_invalid, with its line and column).
    expected = path if rule == "null_character" else ()
    with pytest.raises(InvalidDataError) as caught:
        load_json(Partnership, json.dumps(data))
    assert _errors(caught)[0] == (expected, rule if expected else "json_invalid")
    with pytest.raises(ValidationError) as refused:
        Partnership.model_validate_json(json.dumps(data))
    assert _errors(refused)[0] == (expected, rule if expected else "json_invalid")


def _schemas(node: Any) -> Iterator[tuple[dict[str, Any], dict[str, Any] | None]]:
    """Every core schema in ``node`` with the schema that holds it (serialisers left out)."""
    stack: list[tuple[Any, dict[str, Any] | None]] = [(node, None)]
    while stack:
        item, parent = stack.pop()
        if isinstance(item, list):
            stack.extend((value, parent) for value in item)
        elif isinstance(item, dict):
            holder = parent
            if isinstance(item.get("type"), str):
                yield item, parent
                holder = item
            stack.extend(
                (value, holder)
                for key, value in item.items()
                if key not in ("serialization", "metadata", "default")
            )


def _models() -> list[type[_Model]]:
    import importlib
    import pkgutil

    for info in pkgutil.walk_packages(kemitraan.__path__, "kemitraan."):
        if info.name.startswith(("kemitraan.documents", "kemitraan.store")):
            continue
        try:
            importlib.import_module(info.name)
        except ImportError:  # an optional extra
            continue
    found, todo = [], list(_Model.__subclasses__())
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if (
            cls.__module__.startswith("kemitraan")
            and not cls.__pydantic_generic_metadata__["parameters"]
        ):
            found.append(cls)
    return sorted(set(found), key=lambda c: f"{c.__module__}.{c.__qualname__}")


def test_every_text_day_and_instant_of_every_model_is_bounded() -> None:
    # A model-wide rule, not an annotation per field: a new field cannot forget it.
    rules = {"str": text_rule, "date": day_rule, "datetime": instant_rule}
    models = _models()
    assert len(models) > 80
    for model in models:
        model.model_rebuild()
        holders = {id(s): p for s, p in _schemas(model.__pydantic_core_schema__)}
        for schema, parent in _schemas(model.__pydantic_core_schema__):
            if schema["type"] in rules:
                function = (parent or {}).get("function", {}).get("function")
                assert function is not None, (model, schema)
                name = function.__name__
                if name == "_day_before":  # a day as a person types it, then the day's rule
                    assert parent is not None
                    outer = (holders[id(parent)] or {}).get("function", {}).get("function")
                    name = outer.__name__ if outer is not None else name
                assert name in ("_text_before", rules[schema["type"]].__name__), (model, schema)


@settings(deadline=None)
@given(st.text(st.characters(exclude_categories=()), min_size=1, max_size=12))
def test_text_a_model_keeps_is_text_every_store_keeps(value: str) -> None:
    if "\x00" in value or any("\ud800" <= c <= "\udfff" for c in value):
        with pytest.raises(ValidationError) as caught:
            BilingualText(indonesian=value, english="x")
        assert {rule for _, rule in _errors(caught)} <= {"null_character", "lone_surrogate"}
    else:
        kept = BilingualText(indonesian=value, english="x").indonesian
        kept.encode("utf-8")  # what SQLite, PostgreSQL and pyarrow write


def test_the_rules_are_there_for_arguments_too() -> None:
    assert text_argument("PKBM A", "name") == "PKBM A"
    with pytest.raises(InvalidArgumentError, match=r"^institution: ") as refused:
        text_argument("x\udfff", "institution")
    assert refused.value.rule == "lone_surrogate"
    assert day_argument(LAST_DAY, "on") == LAST_DAY
    with pytest.raises(InvalidArgumentError, match=r"^on: ") as refused:
        day_argument(date(1, 1, 1), "on")
    assert refused.value.rule == "day_out_of_range"


# -- 3. years the whole stack can store -----------------------------------------------------

YEAR_ZERO_IN_UTC = datetime(1, 1, 1, 0, 30, tzinfo=timezone(timedelta(hours=1)))
AFTER_THE_LAST_DAY_IN_UTC = datetime(2200, 12, 31, 23, 0, tzinfo=timezone(timedelta(hours=-5)))


@pytest.mark.parametrize(
    ("build", "where"),
    [
        (lambda d: Term(start=date(2025, 1, 1), end=d), ("end",)),
        (lambda d: Period(start=d, end=date(2025, 1, 1)), ("start",)),
        (lambda d: Target(by=d, value=Decimal(1)), ("by",)),
        (
            lambda d: Interaction(on=d, kind=InteractionKind.VISIT, partner_ids=["toko"]),
            ("on",),
        ),
        (
            lambda d: WorkPlan(
                drawn_up_on=d,
                participants=["pkbm"],
                activities=[PlannedActivity(name="Produksi", responsible="pkbm")],
            ),
            ("drawn_up_on",),
        ),
    ],
    ids=["an MoU's term", "a period", "a target", "an interaction", "a work plan"],
)
@pytest.mark.parametrize(
    "day",
    [date(1, 1, 1), date(1899, 12, 31), date(2201, 1, 1), date(9999, 12, 31)],
    ids=str,
)
def test_a_day_outside_the_years_the_stack_keeps_is_refused(
    build: Callable[[date], object], where: tuple[str, ...], day: date
) -> None:
    with pytest.raises(ValidationError) as caught:
        build(day)
    assert (where, "day_out_of_range") in _errors(caught)


def test_an_mou_term_in_year_1_is_refused_on_load_not_in_the_store() -> None:
    # It loaded, then Store.save and Portfolio raised OverflowError computing the
    # renewal date 90 days before year 1.
    data = json.loads(dump_json(at_stage(Stage.SIGNING)))
    data["agreement"]["term"] = {"start": "0001-01-01", "end": "0001-03-01"}
    with pytest.raises(InvalidDataError) as caught:
        load_json(Partnership, data)
    assert (("agreement", "term", "start"), "day_out_of_range") in _errors(caught)
    assert (("agreement", "term", "end"), "day_out_of_range") in _errors(caught)


def test_the_first_and_last_days_go_through_the_whole_stack(tmp_path: Path) -> None:
    from kemitraan.store import Store

    for start, end in ((FIRST_DAY, date(1901, 1, 1)), (date(2199, 1, 1), LAST_DAY)):
        data = json.loads(dump_json(at_stage(Stage.SIGNING)))
        data["agreement"]["term"] = {"start": start.isoformat(), "end": end.isoformat()}
        partnership = load_json(Partnership, data)
        assert renewal_due(end, 732) is not None  # the longest lead any reader takes
        store = Store(f"sqlite:///{tmp_path / f'{start.year}.db'}")
        store.save(partnership, version=0)
        loaded = store.load(partnership.id).partnership
        assert loaded.agreement == partnership.agreement
        frame = Portfolio.from_partnerships([loaded], on=date(2025, 6, 1))
        assert frame.frame["term_end"].iloc[0].date() == end
        frame.to_parquet(tmp_path / str(start.year))


@pytest.mark.parametrize(
    "at",
    [
        YEAR_ZERO_IN_UTC,
        datetime(1899, 12, 31, 23, 59, tzinfo=UTC),
        datetime(1900, 1, 1, 0, 30, tzinfo=timezone(timedelta(hours=1))),
        AFTER_THE_LAST_DAY_IN_UTC,
        datetime(9999, 12, 31, 23, 59, tzinfo=UTC),
    ],
    ids=str,
)
def test_an_instant_outside_the_years_in_utc_is_refused(at: datetime) -> None:
    with pytest.raises(ValidationError) as caught:
        AuditRecord(
            from_stage=Stage.MAPPING, to_stage=Stage.GATHERING, move=Move.ADVANCE, at=at, cycle=1
        )
    assert _errors(caught) == [(("at",), "instant_out_of_range")]
    with pytest.raises(InvalidArgumentError, match=r"^at: ") as refused:
        instant_argument(at, "at")
    assert refused.value.rule == "instant_out_of_range"


def test_the_first_and_last_instants_are_kept() -> None:
    first = datetime(1900, 1, 1, 7, 0, tzinfo=timezone(timedelta(hours=7)))  # 00:00 UTC
    last = datetime(2200, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)
    for at in (first, last):
        record = AuditRecord(
            from_stage=Stage.MAPPING, to_stage=Stage.GATHERING, move=Move.ADVANCE, at=at, cycle=1
        )
        assert record.at.astimezone(UTC).year in (1900, 2200)


def test_a_move_dated_in_year_0_in_utc_is_refused_and_changes_nothing() -> None:
    # The web example answered 500: the move was taken, its UTC value is in year 0.
    partnership = at_stage(Stage.MAPPING, recorded=True)
    before = dump_json(partnership)
    with pytest.raises(InvalidArgumentError) as refused:
        partnership.advance(at=YEAR_ZERO_IN_UTC)
    assert refused.value.rule == "instant_out_of_range"
    assert dump_json(partnership) == before


def test_a_stored_move_dated_in_year_0_in_utc_is_refused_on_load() -> None:
    data = json.loads(dump_json(at_stage(Stage.ANALYSIS)))
    data["history"][0]["at"] = YEAR_ZERO_IN_UTC.isoformat()
    with pytest.raises(InvalidDataError) as caught:
        load_json(Partnership, data)
    assert _errors(caught)[0] == (("history", 0, "at"), "instant_out_of_range")


@settings(deadline=None)
@given(
    st.datetimes(
        min_value=datetime(1, 1, 2),
        max_value=datetime(9999, 12, 30),
        timezones=st.builds(
            timezone, st.timedeltas(min_value=timedelta(hours=-23), max_value=timedelta(hours=23))
        ),
    )
)
def test_an_instant_a_model_keeps_converts_to_utc_within_the_years(at: datetime) -> None:
    offset = at.utcoffset()
    assert offset is not None
    in_utc = (at.replace(tzinfo=None) - offset).date()  # what Python may not convert
    if not FIRST_DAY <= in_utc <= LAST_DAY:
        with pytest.raises(ValidationError):
            AuditRecord(
                from_stage=Stage.MAPPING,
                to_stage=Stage.GATHERING,
                move=Move.ADVANCE,
                at=at,
                cycle=1,
            )
    else:
        record = AuditRecord(
            from_stage=Stage.MAPPING, to_stage=Stage.GATHERING, move=Move.ADVANCE, at=at, cycle=1
        )
        assert record.at.astimezone(UTC).date() == in_utc


@settings(deadline=None)
@given(st.dates(), st.integers(min_value=0, max_value=732))
def test_a_day_a_model_keeps_leaves_room_for_every_renewal_lead(day: date, lead: int) -> None:
    if not FIRST_DAY <= day <= LAST_DAY:
        with pytest.raises(ValidationError) as caught:
            Period(start=day, end=day)
        assert {rule for _, rule in _errors(caught)} == {"day_out_of_range"}
    else:
        period = Period(start=day, end=day)
        assert renewal_due(period.end, lead) is not None  # no OverflowError in any reader


# -- 4. unbounded lines in the portfolio reader ---------------------------------------------


def _jsonl(tmp_path: Path, *lines: bytes) -> Path:
    path = tmp_path / "portfolio.jsonl"
    path.write_bytes(b"".join(lines))
    return path


def test_a_line_longer_than_the_bound_is_refused_naming_its_number(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(portfolio_module, "MAX_LINE_BYTES", 1024)
    stored = dump_json(at_stage(Stage.MAPPING), indent=None).encode()
    short = json.dumps({"id": "p", "stage": "mapping"}).encode()
    path = _jsonl(tmp_path, short + b"\n", b"\n", short + b"\r\n", b'{"id": "' + b"x" * 10_000)
    with pytest.raises(InvalidDataError) as caught:
        Portfolio.read_jsonl(path, on=date(2025, 6, 1))
    assert _errors(caught) == [((), "line_too_long")]
    assert "baris 4" in str(caught.value)
    assert len(stored) > 1024  # a whole partnership is refused at this bound too
    with pytest.raises(InvalidDataError, match="baris 1"):
        Portfolio.read_jsonl(_jsonl(tmp_path, stored + b"\n"), on=date(2025, 6, 1))


def test_a_line_as_long_as_the_bound_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    line = json.dumps({"id": "p", "stage": "mapping"}).encode()
    monkeypatch.setattr(portfolio_module, "MAX_LINE_BYTES", len(line))
    path = _jsonl(tmp_path, line + b"\r\n", line + b"\n", line)
    frame = Portfolio.read_jsonl(path, on=date(2025, 6, 1)).frame
    assert list(frame["id"]) == ["p", "p", "p"]


class _Endless:
    """A file whose one line never ends, and how much of it was read."""

    def __init__(self) -> None:
        self.read = 0

    def __enter__(self) -> _Endless:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def readline(self, size: int = -1) -> bytes:
        assert 0 < size < 10 * 1024 * 1024  # a bounded read, never the whole line
        self.read += size
        return b"x" * size


def test_a_1_gb_line_is_not_read_into_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    endless = _Endless()
    monkeypatch.setattr(portfolio_module, "MAX_LINE_BYTES", 4096)
    monkeypatch.setattr(Path, "open", lambda self, mode="r": endless)
    with pytest.raises(InvalidDataError, match="baris 1"):
        Portfolio.read_jsonl("huge.jsonl", on=date(2025, 6, 1))
    assert endless.read <= 4096 + 2


def test_a_file_larger_than_the_bound_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(portfolio_module, "MAX_DOCUMENT_BYTES", 100)
    (tmp_path / "p.json").write_text(json.dumps({"id": "p", "note": "x" * 200}))
    with pytest.raises(InvalidDataError) as caught:
        Portfolio.read_json_dir(tmp_path, on=date(2025, 6, 1))
    assert _errors(caught) == [((), "file_too_large")]


@pytest.mark.parametrize(
    ("edit", "rule"),
    [
        (lambda d: d.__setitem__("id", "x\ud800"), "lone_surrogate"),
        (lambda d: d["institution"].__setitem__("name", "PKBM\x00"), "null_character"),
        (lambda d: d["program"].__setitem__("name", "\udc80PKW"), "lone_surrogate"),
        (lambda d: d["agreement"]["term"].__setitem__("end", "0001-03-01"), "day_out_of_range"),
        (
            lambda d: d["history"][-1].__setitem__("at", YEAR_ZERO_IN_UTC.isoformat()),
            "instant_out_of_range",
        ),
    ],
    ids=["a surrogate id", "a null in a name", "a surrogate name", "year 1", "year 0 in UTC"],
)
@pytest.mark.parametrize("reader", ["read_jsonl", "read_json_dir", "from_rows"])
def test_the_fast_readers_refuse_what_no_model_holds(
    tmp_path: Path, reader: str, edit: Callable[[dict[str, Any]], None], rule: str
) -> None:
    # Before: UnicodeEncodeError from pyarrow, OverflowError computing the renewal date.
    data = json.loads(dump_json(at_stage(Stage.SIGNING)))
    edit(data)
    text = json.dumps(data)  # ASCII: the surrogate as an escape, as json.dumps writes it
    (tmp_path / "p.json").write_text(text)
    (tmp_path / "p.jsonl").write_text(text + "\n")
    read: dict[str, Callable[[], Portfolio]] = {
        "read_jsonl": lambda: Portfolio.read_jsonl(tmp_path / "p.jsonl", on=date(2025, 6, 1)),
        "read_json_dir": lambda: Portfolio.read_json_dir(tmp_path, on=date(2025, 6, 1)),
        "from_rows": lambda: Portfolio.from_rows([json.loads(text)], on=date(2025, 6, 1)),
    }
    with pytest.raises(InvalidDataError) as caught:
        read[reader]().to_parquet(tmp_path / "out")
    assert _errors(caught) == [((), rule)]


@pytest.mark.parametrize("lead", [-1, 733, 10**9, True, 1.5])
def test_a_renewal_lead_out_of_range_is_refused(lead: Any) -> None:
    with pytest.raises(InvalidArgumentError, match="renewal_lead_days"):
        Portfolio.from_rows([], renewal_lead_days=lead)


# -- 5. published schemas valid, defaults included -------------------------------------------

SCHEMAS = sorted((ROOT / "docs" / "schemas").glob("*.json"))


def _defaults(node: Any, where: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        if "default" in node:
            yield where, node
        for key, value in node.items():
            if key not in ("default", "const", "enum", "examples"):
                yield from _defaults(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _defaults(value, f"{where}/{index}")


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_every_published_schema_is_valid_and_so_are_its_defaults(path: Path) -> None:
    from jsonschema import Draft202012Validator

    schema = json.loads(path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)  # against the draft 2020-12 meta-schema
    checked = 0
    for where, node in _defaults(schema):
        subschema = {k: v for k, v in node.items() if k != "default"}
        validator = Draft202012Validator(
            {**subschema, "$defs": schema.get("$defs", {})},
            format_checker=Draft202012Validator.FORMAT_CHECKER,
        )
        errors = [e.message for e in validator.iter_errors(node["default"])]
        assert not errors, (where, node["default"], errors)
        checked += 1
    assert checked > 0 or path.name == "candidate-register.json"


def test_a_planned_activity_publishes_no_default_id_and_still_makes_one() -> None:
    schema = PlannedActivity.model_json_schema()
    assert "default" not in schema["properties"]["id"]
    assert schema["required"] == ["name", "responsible"]
    made = PlannedActivity(name="Pelatihan teknik rajut", responsible="kube")
    assert made.id == "pelatihan-teknik-rajut"
    # stored JSON of every age loads: no id, an empty one (the old default), null, an id
    for stored in ({}, {"id": ""}, {"id": None}, {"id": "pelatihan-teknik-rajut"}):
        loaded = PlannedActivity.model_validate(
            {"name": "Pelatihan teknik rajut", "responsible": "kube", **stored}
        )
        assert loaded == made
    assert PlannedActivity(name="x" * 500, responsible="kube").id == "x" * 64


# -- 6. records naming strangers -----------------------------------------------------------

STRANGERS: dict[str, tuple[Callable[[dict[str, Any]], None], tuple[Any, ...]]] = {
    "implementation[0].party_ids": (
        lambda d: d["implementation"][0]["party_ids"].append("orang-asing"),
        ("implementation", 0, "party_ids"),
    ),
    "implementation[0].party_ids, only a stranger": (
        lambda d: d["implementation"][0].__setitem__("party_ids", ["orang-asing"]),
        ("implementation", 0, "party_ids", 0),
    ),
    "evaluations[].participants": (
        lambda d: d["evaluations"][0]["participants"].append("orang-asing"),
        ("evaluations", 0, "participants"),
    ),
    "decisions[].decided_by": (
        lambda d: d["decisions"][0]["decided_by"].append("orang-asing"),
        ("decisions", 0, "decided_by"),
    ),
    "decisions[].actions[].owner": (
        lambda d: d["decisions"][0]["actions"][0].__setitem__("owner", "orang-asing"),
        ("decisions", 0, "actions", 0, "owner"),
    ),
}


def _followed_up() -> dict[str, Any]:
    return dict(json.loads(dump_json(at_stage(Stage.FOLLOW_UP, recorded=True))))


@pytest.mark.parametrize("record", list(STRANGERS))
def test_a_stored_record_naming_a_stranger_is_refused_on_load(record: str) -> None:
    edit, where = STRANGERS[record]
    data = _followed_up()
    edit(data)
    with pytest.raises(InvalidDataError) as caught:
        load_json(Partnership, data)
    found = _errors(caught)
    assert [rule for _, rule in found] == ["unknown_party"], found
    assert found[0][0][: len(where)] == where
    with pytest.raises(InvalidDataError):
        load_json(Partnership, json.dumps(data))


@pytest.mark.parametrize("record", list(STRANGERS))
def test_a_record_naming_a_stranger_is_refused_on_construction(record: str) -> None:
    edit, where = STRANGERS[record]
    data = _followed_up()
    edit(data)
    with pytest.raises(ValidationError) as caught:
        Partnership(**data)
    assert [(loc[: len(where)], rule) for loc, rule in _errors(caught)] == [
        (where, "unknown_party")
    ]


@pytest.mark.parametrize(
    ("field", "edit"),
    [
        ("implementation", lambda r: r.model_copy(update={"party_ids": ["orang-asing"]})),
        ("evaluations", lambda r: r.model_copy(update={"participants": ["orang-asing"]})),
        ("decisions", lambda r: r.model_copy(update={"decided_by": ["orang-asing"]})),
    ],
)
def test_a_record_naming_a_stranger_is_refused_when_added(
    field: str, edit: Callable[[Any], Any]
) -> None:
    partnership = at_stage(Stage.FOLLOW_UP, recorded=True)
    records = getattr(partnership, field)
    before = dump_json(partnership)
    with pytest.raises(ValidationError) as caught:
        records.append(edit(records[0]))
    assert "unknown_party" in {rule for _, rule in _errors(caught)}
    with pytest.raises(ValidationError):
        setattr(partnership, field, [*records, edit(records[0])])
    assert dump_json(partnership) == before


# -- a number typed with one thousands separator ------------------------------------------------


def _activity(**fields: Any) -> Any:
    from kemitraan import PlannedActivity

    return PlannedActivity(name="Pelatihan", responsible="pkbm", **fields)


@pytest.mark.parametrize("typed", ["1.500", "300.000", " 1.200 ", "999.999"])
def test_a_number_typed_with_one_thousands_separator_is_refused_not_misread(typed: str) -> None:
    # the facilitator's review: "1.500" became Rp1,5 and "300.000" 300, silently
    with pytest.raises(ValidationError) as caught:
        _activity(budget=typed)
    (error,) = caught.value.errors()
    assert error["type"] == "ambiguous_number"
    assert error["loc"] == ("budget",)
    assert "dapat dibaca dua cara" in error["msg"]
    with pytest.raises(ValidationError):
        _activity().model_copy(update={"budget": typed})  # a copy's update: the same rule
    program = Program(name="PKW", objectives=["Mandiri"])
    with pytest.raises(ValidationError):
        program.minimum_wage = typed  # type: ignore[assignment]  # an assignment: the same
    assert program.minimum_wage is None


@pytest.mark.parametrize(
    ("typed", "read"),
    [("1500", Decimal(1500)), ("1.5", Decimal("1.5")), ("0.500", Decimal("0.5")),
     ("12.25", Decimal("12.25")), ("1.5000", Decimal("1.5")),
     # as a person types them (a facilitator's review: each was refused)
     ("Rp 1.500.000", Decimal(1500000)), ("Rp1.500.000,00", Decimal(1500000)),
     ("Rp 750.000", Decimal(750000)), ("1.500.000", Decimal(1500000)),
     ("1.700.000,25", Decimal("1700000.25")), ("12,5", Decimal("12.5")),
     ("3,5 juta", Decimal(3500000)), ("750 rb", Decimal(750000)), ("1,700,000", Decimal(1700000))],
)  # fmt: skip
def test_a_number_that_reads_one_way_is_read(typed: str, read: Decimal) -> None:
    assert _activity(budget=typed).budget == read


@pytest.mark.parametrize(
    ("typed", "rule"),
    [
        ("+1.500", "ambiguous_number"),  # a sign does not get past the rule
        ("1,500 rb", "ambiguous_number"),  # 1500 thousand, or one and a half?
        ("12,500 rb", "ambiguous_number"),
        ("1.500 000", "decimal_parsing"),  # a space inside is not read past
        ("Rp 1.500 000", "decimal_parsing"),
        ("1 500.000", "decimal_parsing"),
        ("99999999999999999999999 juta", "less_than"),  # a refusal, not a crash
        ("1,99999999999999999999999999999 juta", "decimal_max_places"),  # not rounded
    ],
)
def test_a_number_an_attacker_types_is_refused_not_misread(typed: str, rule: str) -> None:
    # an attacker's review of the reader: each of these was read wrong, rounded or crashed
    with pytest.raises(ValidationError) as caught:
        _activity(budget=typed)
    assert [e["type"] for e in caught.value.errors()] == [rule]


@pytest.mark.parametrize(
    ("typed", "read"),
    [("Rp +1.500", Decimal(1500)), ("Rp -1.000", Decimal(-1000)), ("-3 juta", Decimal(-3000000)),
     ("-1.500.000", Decimal(-1500000)), ("1 500 000", Decimal(1500000)),
     ("1 500 000,50", Decimal("1500000.50"))],
)  # fmt: skip
def test_a_signed_or_spaced_number_is_read_whole(typed: str, read: Decimal) -> None:
    from kemitraan.monitoring import IndicatorValue

    assert IndicatorValue(indicator="i", value=typed).value == read  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("2025-03-10", date(2025, 3, 10)),
        ("10/03/2025", date(2025, 3, 10)),  # the day first, as Indonesians write it
        ("2025/03/10", date(2025, 3, 10)),
        ("3 Maret 2025", date(2025, 3, 3)),
        ("Senin, 10 Maret 2025", date(2025, 3, 10)),
        ("5 Agu 2025", date(2025, 8, 5)),
        ("14 April 2025", date(2025, 4, 14)),
        ("Jum'at, 14 Maret 2025", date(2025, 3, 14)),
        ("10 Nopember 2025", date(2025, 11, 10)),  # the older spelling
    ],
)
def test_a_day_typed_in_code_is_read_as_a_person_writes_it(typed: str, read: date) -> None:
    # a facilitator's review: "3 Maret 2025" was refused
    made = Interaction(on=typed, kind=InteractionKind.VISIT, partner_ids=["x"])  # type: ignore[arg-type]
    assert made.on == read


@pytest.mark.parametrize(
    "typed",
    [
        "30 Februari 2025",
        "kemarin",
        "13/13/2025",
        "10 Maret",
        "Selasa, 10 Maret 2025",  # 10 March 2025 is a Monday: the text is wrong somewhere
        "Foo, 10 Maret 2025",
    ],
)
def test_a_day_no_reading_gives_is_refused_in_the_fields_words(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Interaction(on=typed, kind=InteractionKind.VISIT, partner_ids=["x"])  # type: ignore[arg-type]
    (error,) = caught.value.errors()
    assert error["loc"] == ("on",)
    assert "Tanggal ditulis TTTT-BB-HH" in error["msg"]


def test_a_day_in_json_is_read_as_json_writes_it() -> None:
    data = Interaction(on=date(2025, 3, 10), kind=InteractionKind.VISIT, partner_ids=["x"])
    text = data.model_dump_json().replace("2025-03-10", "10/03/2025")
    with pytest.raises(ValidationError):
        Interaction.model_validate_json(text)


@pytest.mark.parametrize("typed", ["Rp 1.5.0", "1,5,0", "satu juta", "Rp"])
def test_a_number_no_reading_gives_is_refused_in_the_fields_words(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        _activity(budget=typed)
    (error,) = caught.value.errors()
    assert (error["loc"], error["type"]) == (("budget",), "decimal_parsing")
    assert "Harus berupa angka" in error["msg"]


@settings(max_examples=300)
@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=0, max_value=10**12, places=2))
def test_a_decimal_written_as_python_writes_it_reads_back(number: Decimal) -> None:
    # str() of a budget has at most two places: never a thousands group to be mistaken
    assert _activity(budget=str(number)).budget == number
    assert _activity(budget=f"Rp {number}").budget == number


def test_what_the_library_wrote_loads_as_written() -> None:
    from kemitraan import PlannedActivity

    made = _activity(budget=Decimal("1.500"))  # a Decimal given in code: no ambiguity
    text = dump_json(made)
    assert '"budget":"1.500"' in text.replace(" ", "")
    for loaded in (
        load_json(PlannedActivity, text),
        load_json(PlannedActivity, json.loads(text)),
        PlannedActivity.model_validate_json(text),
    ):
        assert loaded.budget == Decimal("1.5")
