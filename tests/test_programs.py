"""Programmes: objectives, problems and needs, period and participants."""

from __future__ import annotations

from datetime import date

import pytest

from helpers import rejects
from kemitraan import ContributionKind, Period, Program, ProgramNeed
from kemitraan.programs import NeedKind, Participants, ProgramKind


def need(code: str) -> ProgramNeed:
    return ProgramNeed(
        code=code, description=f"Kebutuhan {code}", category=ContributionKind.INSTRUCTORS
    )


def test_program_holds_problems_and_needs() -> None:
    program = Program(
        name="Pembuatan Tas Rajut",
        kind=ProgramKind.PKW,
        objectives=["Mandiri berwirausaha"],
        needs=[
            need("instruktur"),
            ProgramNeed(code="pasar", description="Belum ada pasar", kind=NeedKind.PROBLEM),
        ],
        period=Period(start=date(2025, 4, 14), end=date(2025, 7, 31)),
        participants=Participants(count=20, target_group="Remaja putus sekolah"),
    )
    assert program.need("pasar").kind is NeedKind.PROBLEM
    assert program.need("instruktur").category is ContributionKind.INSTRUCTORS
    with pytest.raises(KeyError):
        program.need("tidak-ada")
    assert program.period is not None
    assert program.period.days == 109


@pytest.mark.parametrize(
    ("kind", "title"),
    [
        (ProgramKind.PKW, 'PKW "Menjahit"'),
        (ProgramKind.PKK, 'PKK "Menjahit"'),
        (ProgramKind.COURSE, "Menjahit"),
    ],
)
def test_title(kind: ProgramKind, title: str) -> None:
    assert Program(name="Menjahit", kind=kind, objectives=["x"]).title == title


@pytest.mark.parametrize(
    ("data", "loc", "rule"),
    [
        ({"objectives": []}, ("objectives",), "too_short"),
        ({"objectives": ["  "]}, ("objectives", 0), "string_too_short"),
        (
            {"needs": [{"code": "a", "description": "x"}, {"code": "a", "description": "y"}]},
            ("needs", 1, "code"),
            "duplicate_need_code",
        ),
        (
            {"needs": [{"code": "Bad Code", "description": "x"}]},
            ("needs", 0, "code"),
            "string_pattern_mismatch",
        ),
        (
            {"participants": {"count": 0, "target_group": "x"}},
            ("participants", "count"),
            "greater_than_equal",
        ),
        (
            {"period": {"start": "2025-07-31", "end": "2025-04-14"}},
            ("period", "end"),
            "end_before_start",
        ),
        ({"location": {"province": "Atlantis"}}, ("location", "province"), "unknown_province"),
    ],
)
def test_invalid_programs(data: dict[str, object], loc: tuple[str | int, ...], rule: str) -> None:
    base: dict[str, object] = {"name": "Menjahit", "objectives": ["x"]}
    rejects(lambda: Program.model_validate({**base, **data}), loc, rule)


def test_one_day_period() -> None:
    day = date(2025, 5, 1)
    assert Period(start=day, end=day).days == 1
    assert day in Period(start=day, end=day)
