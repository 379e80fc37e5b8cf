"""The joint work plan (guide A.5) as sheets.

The plan, its objectives, its activities, its indicators and their targets.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from kemitraan.planning import (
    Direction,
    Indicator,
    Objective,
    ObjectiveLevel,
    PlannedActivity,
    Target,
    WorkPlan,
)
from kemitraan.spreadsheets._build import (
    ORPHANS,
    Origins,
    Table,
    children,
    flat,
    keyed,
    nested,
    validate,
    validate_row,
)
from kemitraan.spreadsheets._columns import SheetSpec, column
from kemitraan.spreadsheets._problems import Problems

__all__ = ["SHEETS", "read", "rows"]

_PARTY = ("ID pihak, mis. pkbm-harapan-bangsa", "A party's id, e.g. pkbm-harapan-bangsa")
_PARTIES = ("ID pihak, dipisah titik koma (;)", "Parties' ids, separated by semicolons (;)")
_OBJECTIVE = ("ID tujuan di lembar Tujuan", "An objective's id in sheet Objectives")

PLAN: Final = SheetSpec(
    "plan",
    ("Rencana", "Plan"),
    (
        column(
            "drawn_up_on",
            ("Tanggal disusun", "Drawn up on"),
            ("Tanggal rapat penyusunan", "The day it was drawn up"),
            "date",
            required=True,
        ),
        column(
            "participants",
            ("Pihak penyusun", "Drawn up by"),
            (
                "Semua pihak yang ikut menyusun (A.5); " + _PARTIES[0],
                "Every party that took part (A.5); " + _PARTIES[1],
            ),
            "ids",
            required=True,
            width=40,
        ),
        column(
            "notes",
            ("Aspirasi para pihak", "Aspirations"),
            (
                "Aspirasi dan kepentingan yang dibawa setiap pihak",
                "The aspirations and interests each party brought",
            ),
            width=50,
        ),
    ),
    ("Satu baris: rencana kerja bersama (A.5)", "One row: the joint work plan (A.5)"),
)

OBJECTIVES: Final = SheetSpec(
    "objectives",
    ("Tujuan", "Objectives"),
    (
        column("id", ("ID", "ID"), ("Pengenal pendek, mis. terampil", "A short id"), required=True),
        column(
            "level",
            ("Tingkat", "Level"),
            ("Tujuan umum, tujuan khusus atau keluaran", "Goal, purpose or output"),
            "enum",
            enum=ObjectiveLevel,
            required=True,
        ),
        column(
            "statement",
            ("Pernyataan", "Statement"),
            ("Yang hendak dicapai", "What is aimed at"),
            required=True,
            width=50,
        ),
        column(
            "serves",
            ("Mendukung", "Serves"),
            ("ID tujuan satu tingkat di atasnya", "The objective one level up"),
            width=20,
        ),
    ),
    ("Satu baris per tujuan", "One row per objective"),
)

ACTIVITIES: Final = SheetSpec(
    "activities",
    ("Kegiatan", "Activities"),
    (
        column(
            "id",
            ("ID", "ID"),
            ("Kosongkan agar dibuat dari nama", "Leave empty to make it from the name"),
            width=22,
        ),
        column(
            "name",
            ("Nama kegiatan", "Activity"),
            ("Yang akan dilakukan", "What will be done"),
            required=True,
            width=34,
        ),
        column("responsible", ("Penanggung jawab", "Responsible"), _PARTY, required=True, width=24),
        column("supporting", ("Pihak pendukung", "Supporting"), _PARTIES, "ids", width=24),
        column("period.start", ("Mulai", "Start"), ("Tanggal mulai", "First day"), "date"),
        column("period.end", ("Selesai", "End"), ("Tanggal selesai", "Last day"), "date"),
        column(
            "output", ("Hasil", "Output"), ("Yang dihasilkan", "What it should produce"), width=30
        ),
        column("objective", ("Tujuan", "Objective"), _OBJECTIVE),
        column(
            "budget",
            ("Anggaran (Rp)", "Budget (Rp)"),
            ("Biaya yang direncanakan", "What it may cost"),
            "rupiah",
        ),
        column(
            "fulfils",
            ("Memenuhi kewajiban", "Fulfils"),
            (
                "Kewajiban dalam kesepakatan yang dipenuhinya, satu per baris",
                "The agreement's obligations it fulfils, one per line",
            ),
            "lines",
            width=40,
        ),
    ),
    (
        "Satu baris per kegiatan, dengan penanggung jawabnya",
        "One row per activity, with the party responsible",
    ),
    frozen_columns=2,
)

INDICATORS: Final = SheetSpec(
    "indicators",
    ("Indikator", "Indicators"),
    (
        column(
            "id",
            ("ID", "ID"),
            ("Pengenal pendek, mis. tas-terjual", "A short id"),
            required=True,
            width=20,
        ),
        column(
            "name",
            ("Nama indikator", "Indicator"),
            ("Yang diukur", "What is measured"),
            required=True,
            width=34,
        ),
        column(
            "unit",
            ("Satuan", "Unit"),
            ("Mis. orang, buah, %", "E.g. people, pieces, %"),
            required=True,
            width=12,
        ),
        column(
            "baseline",
            ("Nilai awal", "Baseline"),
            ("Nilai saat mulai", "The value at the start"),
            "number",
            required=True,
        ),
        column(
            "baseline_on",
            ("Tanggal nilai awal", "Baseline date"),
            ("Kapan diukur", "When measured"),
            "date",
            required=True,
        ),
        column(
            "direction",
            ("Arah", "Direction"),
            ("Arah yang lebih baik", "Which way is better"),
            "enum",
            enum=Direction,
            width=24,
        ),
        column(
            "verification",
            ("Cara verifikasi", "Verification"),
            ("Dari mana nilainya diperoleh", "Where the value comes from"),
            required=True,
            width=30,
        ),
        column("objective", ("Tujuan", "Objective"), _OBJECTIVE),
        column("responsible", ("Pelapor", "Reported by"), _PARTY, width=24),
    ),
    (
        "Satu baris per indikator; targetnya di lembar Target",
        "One row per indicator; its targets in sheet Targets",
    ),
    frozen_columns=2,
)

TARGETS: Final = SheetSpec(
    "targets",
    ("Target", "Targets"),
    (
        column(
            "indicator",
            ("ID indikator", "Indicator id"),
            ("ID indikator di lembar Indikator", "The indicator's id in sheet Indicators"),
            required=True,
            link=True,
            width=20,
        ),
        column(
            "by", ("Tanggal", "By"), ("Kapan nilai target dicapai", "When"), "date", required=True
        ),
        column(
            "value",
            ("Nilai target", "Value"),
            ("Nilai yang dituju", "The value to reach"),
            "number",
            required=True,
        ),
    ),
    ("Satu baris per target, berurutan waktu", "One row per target, in time order"),
)

SHEETS: Final = (PLAN, OBJECTIVES, ACTIVITIES, INDICATORS, TARGETS)


def rows(plan: WorkPlan) -> dict[str, list[dict[str, Any]]]:
    """The plan's rows, sheet by sheet."""
    return {
        "plan": [flat(PLAN, plan)],
        "objectives": [flat(OBJECTIVES, objective) for objective in plan.objectives],
        "activities": [flat(ACTIVITIES, activity) for activity in plan.activities],
        "indicators": [flat(INDICATORS, indicator) for indicator in plan.indicators],
        "targets": [
            flat(TARGETS, target, indicator=indicator.id)
            for indicator in plan.indicators
            for target in indicator.targets
        ],
    }


def read(tables: Mapping[str, Table], problems: Problems) -> WorkPlan | None:
    """The plan the sheets hold; ``None`` when it has problems (all recorded)."""
    table = tables["plan"]
    if not table.rows:
        for key in ("objectives", "activities", "indicators", "targets"):
            other = tables[key]
            if other.rows:
                problems.add(table.name, None, None, None, "rows_without_plan", value=other.name)
                return None
        return None
    for extra in table.rows[1:]:
        table.problem(problems, extra, None, "one_row_only")
    origins: Origins = {(): (table, table.rows[0])}
    objectives = _each(tables["objectives"], Objective, "objectives", origins, problems)
    activities = _each(tables["activities"], PlannedActivity, "activities", origins, problems)
    keyed(tables["objectives"], "id", problems)
    keyed(tables["activities"], "id", problems)
    keyed(tables["activities"], "name", problems)
    indicator_table, target_table = tables["indicators"], tables["targets"]
    by_id = keyed(indicator_table, "id", problems)
    targets = children(target_table, "indicator", (by_id,), indicator_table.name, problems)
    for orphan in targets.get(ORPHANS, []):
        validate_row(Target, TARGETS, target_table, orphan, problems)
    indicators: list[Indicator] = []
    for row in indicator_table.rows:
        own: Origins = {(): (indicator_table, row)}
        found: list[Target] = []
        for position, target_row in enumerate(targets.get(row.number, [])):
            own[("targets", position)] = (target_table, target_row)
            target = validate_row(Target, TARGETS, target_table, target_row, problems)
            if target is not None:
                found.append(target)
        if not targets.get(row.number) and row.get("id") is not None:
            indicator_table.problem(
                problems, row, "id", "no_targets", value=row.get("id"), target=target_table.name
            )
            continue
        index = len(indicators)
        origins.update({("indicators", index, *loc): where for loc, where in own.items()})
        indicator = validate(Indicator, nested(row, INDICATORS, targets=found), own, problems)
        if indicator is not None:
            indicators.append(indicator)
    if problems:
        return None
    data = nested(
        table.rows[0], PLAN, objectives=objectives, activities=activities, indicators=indicators
    )
    return validate(WorkPlan, data, origins, problems)


def _each(
    table: Table,
    model: type[Objective] | type[PlannedActivity],
    field: str,
    origins: Origins,
    problems: Problems,
) -> list[Any]:
    spec = OBJECTIVES if model is Objective else ACTIVITIES
    found: list[Any] = []
    for row in table.rows:
        origins[(field, len(found))] = (table, row)
        item = validate_row(model, spec, table, row, problems)
        if item is not None:
            found.append(item)
    return found
