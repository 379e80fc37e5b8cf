"""Running and keeping the partnership: deviations, obligations, evaluation, the six techniques.

Table-driven through the public API: deviation detection at its thresholds and in both
directions of an indicator, obligations due and overdue, the evaluation derived from
records, diverging views, each technique's checklist, the touchpoint planner (cadence,
a year's holidays, the term's end, overdue) and its calendar; Hypothesis for the
order of records and for JSON.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from kemitraan import (
    ActivityProgress,
    Agreement,
    Evaluation,
    Exploration,
    ExplorationKind,
    ExplorationResponse,
    ImplementationRecord,
    Indicator,
    IndicatorValue,
    Institution,
    Interaction,
    InteractionKind,
    MonitoringRecord,
    Partner,
    PartnerKind,
    PartnerResponse,
    Partnership,
    PartnerView,
    PartyRole,
    Period,
    PlannedActivity,
    Program,
    Severity,
    Term,
    WorkPlan,
    detect_deviations,
    draft_evaluation,
    dump_json,
    load_json,
    obligation_status,
    partner_health,
    plan_touchpoints,
    touchpoints_ical,
)
from kemitraan.deviations import DeviationKind, Thresholds
from kemitraan.evaluation import divergences
from kemitraan.lifecycle import Stage
from kemitraan.maintenance import (
    CHECKLISTS,
    NATIONAL_DAYS,
    ChecklistAnswer,
    Observance,
    PartnerEvent,
    Technique,
)
from kemitraan.maintenance.health import HealthStatus
from kemitraan.maintenance.touchpoints import PlannerSettings, TouchpointKind
from kemitraan.monitoring import HealthItem, ProblemMet, Spending
from kemitraan.obligations import ObligationState, obligations_by_party
from kemitraan.planning import Direction, Target
from seed import at_stage

PKBM = Institution(name="PKBM Harapan Bangsa", id="pkbm")
SHOP = Partner(name="CV Kriya Banua", id="toko", kind=PartnerKind.BUSINESS)
KUBE = Partner(name="KUBE Rajut Lestari", id="kube", kind=PartnerKind.COMMUNITY_GROUP)


def _indicator(direction: Direction = Direction.HIGHER) -> Indicator:
    higher = direction is Direction.HIGHER
    return Indicator(
        id="nilai",
        name="Nilai",
        unit="buah",
        baseline=Decimal(0 if higher else 100),
        baseline_on=date(2025, 1, 1),
        targets=[Target(by=date(2025, 11, 1), value=Decimal(100 if higher else 0))],
        direction=direction,
        verification="Catatan",
        responsible="toko",
    )


def partnership(
    *,
    direction: Direction = Direction.HIGHER,
    records: list[MonitoringRecord] | None = None,
    done: list[ImplementationRecord] | None = None,
    due: dict[str, date] | None = None,
) -> Partnership:
    """Two parties, one activity (April–May, Rp100.000), one indicator (0 → 100 over 304 days)."""
    agreement = Agreement(
        parties=[PKBM, SHOP],
        subject="Pemasaran",
        place="Martapura",
        date=date(2025, 1, 1),
        term=Term(start=date(2025, 1, 1), end=date(2025, 12, 31)),
        roles=[
            PartyRole(party_id="pkbm", role="Produsen", responsibilities=["Memasok tas"]),
            PartyRole(
                party_id="toko",
                role="Pemasar",
                responsibilities=["Membeli tas"],
                due=due or {},
            ),
        ],
    )
    plan = WorkPlan(
        drawn_up_on=date(2024, 12, 1),
        participants=["pkbm", "toko"],
        activities=[
            PlannedActivity(
                name="Produksi",
                responsible="pkbm",
                period=Period(start=date(2025, 4, 1), end=date(2025, 5, 31)),
                budget=Decimal(100000),
                fulfils=["Memasok tas"],
            )
        ],
        indicators=[_indicator(direction)],
    )
    return Partnership(
        institution=PKBM,
        program=Program(name="PKW", objectives=["Mandiri"]),
        partners=[SHOP],
        explorations=[
            Exploration(
                on=date(2024, 11, 1),
                kind=ExplorationKind.AUDIENCE,
                partner_ids=["toko"],
                responses=[ExplorationResponse(partner_id="toko", response=PartnerResponse.AGREED)],
            )
        ],
        work_plan=plan,
        agreement=agreement,
        monitoring=records or [],
        implementation=done or [],
    )


def _record(on: date, **fields: Any) -> MonitoringRecord:
    return MonitoringRecord(cycle=1, on=on, by="pkbm", **fields)


def _kinds(p: Partnership, on: date) -> list[tuple[str, str]]:
    return [(d.kind.value, d.severity.value) for d in detect_deviations(p, on=on)]


# -- deviations at their thresholds ------------------------------------------------------------

# (why, records, day judged, the deviations expected)
CASES: list[tuple[str, list[MonitoringRecord], date, list[tuple[str, str]]]] = [
    ("nothing planned has started yet", [], date(2025, 4, 5), []),
    ("not started, within the 7 days' grace", [], date(2025, 4, 8), []),
    ("not started, a day past the grace", [], date(2025, 4, 9), [("not_started", "warning")]),
    ("not started, past 30 days: critical", [], date(2025, 5, 2), [("not_started", "error")]),
    (
        "finished on time",
        [
            _record(
                date(2025, 5, 30),
                progress=[ActivityProgress(activity="produksi", percent=Decimal(100))],
            )
        ],
        date(2025, 6, 30),
        [],
    ),
    (
        "past its end within the grace",
        [
            _record(
                date(2025, 5, 20),
                progress=[ActivityProgress(activity="produksi", percent=Decimal(80))],
            )
        ],
        date(2025, 6, 7),
        [],
    ),
    (
        "past its end and the grace",
        [
            _record(
                date(2025, 5, 20),
                progress=[ActivityProgress(activity="produksi", percent=Decimal(80))],
            )
        ],
        date(2025, 6, 8),
        [("schedule_slip", "warning")],
    ),
    (
        "a slip past 30 days is critical",
        [
            _record(
                date(2025, 5, 20),
                progress=[ActivityProgress(activity="produksi", percent=Decimal(80))],
            )
        ],
        date(2025, 7, 1),
        [("schedule_slip", "error")],
    ),
    (
        "under way and reported within 92 days",
        [
            _record(
                date(2025, 4, 2),
                progress=[ActivityProgress(activity="produksi", percent=Decimal(10))],
            )
        ],
        date(2025, 5, 31),
        [],
    ),
    (
        "spent 5% over budget: within tolerance",
        [
            _record(
                date(2025, 4, 30),
                progress=[ActivityProgress(activity="produksi", percent=Decimal(50))],
                spending=[Spending(activity="produksi", amount=Decimal(105000))],
            )
        ],
        date(2025, 5, 1),
        [],
    ),
    (
        "spent 6% over budget",
        [
            _record(
                date(2025, 4, 30),
                progress=[ActivityProgress(activity="produksi", percent=Decimal(50))],
                spending=[Spending(activity="produksi", amount=Decimal(106000))],
            )
        ],
        date(2025, 5, 1),
        [("budget_overrun", "warning")],
    ),
    (
        "spent 21% over budget: critical",
        [
            _record(
                date(2025, 4, 30),
                progress=[ActivityProgress(activity="produksi", percent=Decimal(50))],
                spending=[Spending(activity="Produksi", amount=Decimal(121000))],  # by its name
            )
        ],
        date(2025, 5, 1),
        [("budget_overrun", "error")],
    ),
]


@pytest.mark.parametrize(("why", "records", "on", "expected"), CASES, ids=[c[0] for c in CASES])
def test_activity_deviations_at_their_thresholds(
    why: str, records: list[MonitoringRecord], on: date, expected: list[tuple[str, str]]
) -> None:
    p = partnership(records=records)
    activity = ("schedule_slip", "not_started", "budget_overrun")
    found = [k for k in _kinds(p, on) if k[0] in activity]
    assert found == expected, why


# On 2025-06-11 (161 of 304 days) the expected value is 52.96: 10% behind is 47.66.
@pytest.mark.parametrize(
    ("direction", "value", "expected"),
    [
        (Direction.HIGHER, Decimal("48"), []),
        (Direction.HIGHER, Decimal("47"), [("indicator_behind", "warning")]),
        (Direction.HIGHER, Decimal("37"), [("indicator_behind", "error")]),
        (Direction.HIGHER, Decimal("90"), []),  # ahead is never a deviation
        # lower is better: expected 47.04, 10% of the change behind is 52.34
        (Direction.LOWER, Decimal("52"), []),
        (Direction.LOWER, Decimal("53"), [("indicator_behind", "warning")]),
        (Direction.LOWER, Decimal("63"), [("indicator_behind", "error")]),
        (Direction.LOWER, Decimal("10"), []),
    ],
)
def test_an_indicator_is_judged_in_its_direction(
    direction: Direction, value: Decimal, expected: list[tuple[str, str]]
) -> None:
    record = _record(
        date(2025, 6, 11),
        progress=[ActivityProgress(activity="produksi", percent=Decimal(100))],
        indicators=[IndicatorValue(indicator="nilai", value=value)],
    )
    p = partnership(direction=direction, records=[record])
    assert _kinds(p, date(2025, 6, 11)) == expected


@pytest.mark.parametrize(
    ("direction", "value", "on", "said"),
    [
        # a target due and missed: named, with its day; no value between targets
        (
            Direction.HIGHER,
            Decimal(60),
            date(2025, 11, 20),
            "target yang disepakati 100 buah pada 1 November 2025 (makin tinggi makin baik).",
        ),
        (
            Direction.LOWER,
            Decimal(12),
            date(2025, 11, 20),
            "target yang disepakati 0 buah pada 1 November 2025 (makin rendah makin baik).",
        ),
        # before the target: the agreed one ahead, and the pace behind it
        (
            Direction.HIGHER,
            Decimal(20),
            date(2025, 8, 1),
            "target yang disepakati 100 buah pada "
            "1 November 2025 (makin tinggi makin baik); kemajuannya tertinggal",
        ),
    ],
)
def test_an_indicator_behind_names_only_agreed_targets(
    direction: Direction, value: Decimal, on: date, said: str
) -> None:
    record = _record(
        on - timedelta(days=5),
        progress=[ActivityProgress(activity="produksi", percent=Decimal(100))],
        indicators=[IndicatorValue(indicator="nilai", value=value)],
    )
    p = partnership(direction=direction, records=[record])
    [found] = [d for d in detect_deviations(p, on=on) if d.kind is DeviationKind.INDICATOR_BEHIND]
    assert said in found.message.indonesian
    assert found.kind.label_id == "Indikator tertinggal dari target"
    assert "," not in found.message.indonesian.split("(diukur")[0]  # whole bags, no 92,21


def test_thresholds_are_configurable() -> None:
    record = _record(
        date(2025, 6, 11),
        progress=[ActivityProgress(activity="produksi", percent=Decimal(100))],
        indicators=[IndicatorValue(indicator="nilai", value=Decimal(47))],
    )
    p = partnership(records=[record])
    lenient = Thresholds(indicator_tolerance=Decimal("0.20"))
    assert detect_deviations(p, on=date(2025, 6, 11), thresholds=lenient) == []
    strict = Thresholds(indicator_tolerance=Decimal("0.01"), indicator_critical=Decimal("0.05"))
    found = detect_deviations(p, on=date(2025, 6, 11), thresholds=strict)
    assert [(d.severity, d.expected, d.actual) for d in found] == [
        (Severity.ERROR, Decimal("52.96"), Decimal(47))
    ]
    # the pace (52.96 by then) judges it; the message names only the agreed target
    assert "52,96" not in found[0].message.indonesian
    assert found[0].message.indonesian == (
        "Nilai: 47 buah (diukur 11 Juni 2025); target yang disepakati 100 buah pada "
        "1 November 2025 (makin tinggi makin baik); kemajuannya tertinggal dari laju yang "
        "diperlukan untuk mencapainya."
    )
    assert "agreed target 100 buah by 1 November 2025" in found[0].message.english


def test_unreported_work_and_indicators() -> None:
    started = _record(
        date(2025, 4, 2), progress=[ActivityProgress(activity="produksi", percent=Decimal(5))]
    )
    p = partnership(records=[started])
    # the activity is under way but silent for longer than the quarterly frequency (92 days)
    late = _kinds(p, date(2025, 5, 31))
    assert ("not_reported", "warning") in late  # the indicator, never measured since January
    silent = [d for d in detect_deviations(p, on=date(2025, 5, 31)) if d.subject == "nilai"]
    assert silent[0].kind is DeviationKind.NOT_REPORTED
    monthly = Thresholds(report_every_days=30)
    activity = [
        d
        for d in detect_deviations(p, on=date(2025, 5, 10), thresholds=monthly)
        if d.subject == "produksi"
    ]
    assert [d.kind for d in activity] == [DeviationKind.NOT_REPORTED]


# -- obligations ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "due", "evidence", "state", "late"),
    [
        (date(2025, 5, 1), date(2025, 6, 30), False, ObligationState.PENDING, 0),
        (date(2025, 6, 20), date(2025, 6, 30), False, ObligationState.DUE, 0),
        (date(2025, 6, 30), date(2025, 6, 30), False, ObligationState.DUE, 0),
        (date(2025, 7, 1), date(2025, 6, 30), False, ObligationState.OVERDUE, 1),
        (date(2025, 7, 1), date(2025, 6, 30), True, ObligationState.FULFILLED, 0),
        (date(2025, 7, 1), None, False, ObligationState.OPEN, 0),
    ],
)
def test_obligations_due_and_overdue(
    on: date, due: date | None, evidence: bool, state: ObligationState, late: int
) -> None:
    done = (
        [
            ImplementationRecord(
                cycle=1,
                on=date(2025, 6, 1),
                activity="Pembelian",
                party_ids=["toko"],
                fulfils=["Membeli tas"],
            )
        ]
        if evidence
        else []
    )
    p = partnership(due={"Membeli tas": due} if due else None, done=done)
    status = {s.obligation.id: s for s in obligation_status(p, on=on)}["toko/membeli-tas"]
    assert (status.state, status.days_overdue) == (state, late)
    assert bool(status.evidence) is evidence


def test_an_obligation_takes_its_due_date_from_its_activities_and_its_evidence_from_them() -> None:
    finished = _record(
        date(2025, 5, 30), progress=[ActivityProgress(activity="produksi", percent=Decimal(100))]
    )
    p = partnership(records=[finished])
    statuses = {s.obligation.id: s for s in obligation_status(p, on=date(2025, 6, 10))}
    supply = statuses["pkbm/memasok-tas"]
    assert supply.obligation.due == date(2025, 5, 31)
    assert supply.obligation.activities == ["produksi"]
    assert (supply.state, [e.what for e in supply.evidence]) == (
        ObligationState.FULFILLED,
        ["Produksi: selesai"],
    )
    without = partnership()
    overdue = {s.obligation.id: s for s in obligation_status(without, on=date(2025, 6, 10))}
    assert overdue["pkbm/memasok-tas"].state is ObligationState.OVERDUE
    counts = obligations_by_party(list(overdue.values()))
    assert counts["pkbm"][ObligationState.OVERDUE] == 1
    kinds = [d.kind for d in detect_deviations(without, on=date(2025, 6, 10))]
    assert DeviationKind.OBLIGATION_OVERDUE in kinds


# -- evaluation and views ------------------------------------------------------------------------


def test_the_evaluation_is_derived_from_the_records() -> None:
    records = [
        _record(
            date(2025, 5, 20),
            progress=[ActivityProgress(activity="produksi", percent=Decimal(60))],
            problems=[ProblemMet(problem="Tali lepas", cause="Sambungan tidak seragam")],
        ),
        _record(
            date(2025, 11, 1),
            indicators=[IndicatorValue(indicator="nilai", value=Decimal(100))],
            problems=[ProblemMet(problem="Bahan terlambat")],  # no cause yet: for the parties
        ),
    ]
    p = partnership(records=records)
    draft = draft_evaluation(p, on=date(2025, 12, 1))
    assert draft.activities_off_plan == ["Produksi"]  # it slipped
    assert draft.objectives_met == ["Nilai"]
    assert [(o.problem, o.cause) for o in draft.obstacles] == [
        ("Tali lepas", "Sambungan tidak seragam")
    ]
    assert draft.participants == ["pkbm"]


@pytest.mark.parametrize(
    ("scores", "at_least", "expected"),
    [
        ({"a": 5, "b": 5}, 2, []),
        ({"a": 5, "b": 4}, 2, []),
        ({"a": 5, "b": 3}, 2, [(2, ["b"])]),
        ({"a": 5, "b": 1, "c": 1}, 2, [(4, ["b", "c"])]),
        ({"a": 5, "b": 4}, 1, [(1, ["b"])]),
        ({"a": 3}, 1, []),  # one view diverges from nothing
    ],
)
def test_diverging_views(
    scores: dict[str, int], at_least: int, expected: list[tuple[int, list[str]]]
) -> None:
    views = [
        PartnerView(party_id=pid, on=date(2026, 1, 20), scores={HealthItem.TRUST: score})
        for pid, score in scores.items()
    ]
    assert [(d.spread, d.lowest) for d in divergences(views, at_least=at_least)] == expected


def test_views_count_as_taking_part_and_are_given_once() -> None:
    with pytest.raises(ValueError, match="duplicate_view"):
        Evaluation(
            cycle=1,
            on=date(2026, 1, 20),
            participants=["pkbm"],
            views=[
                PartnerView(party_id="toko", on=date(2026, 1, 20), scores={HealthItem.TRUST: 3}),
                PartnerView(party_id="toko", on=date(2026, 1, 20), scores={HealthItem.TRUST: 4}),
            ],
        )
    with pytest.raises(ValueError, match="Paling banyak 5"):
        PartnerView(party_id="toko", on=date(2026, 1, 20), scores={HealthItem.TRUST: 6})


# -- the six techniques ---------------------------------------------------------------------------


def test_each_technique_has_a_checklist_from_the_guide() -> None:
    guide = (
        __import__("pathlib").Path(__file__).parent.parent.parent
        / "shared"
        / "seed"
        / "panduan-melakukan-kemitraan.txt"
    )
    # the guide's text as one line, with its words broken at line ends joined again
    text = " ".join(guide.read_text("utf-8").split()).replace("- ", "-") if guide.exists() else None
    assert list(CHECKLISTS) == list(Technique)
    for technique, items in CHECKLISTS.items():
        assert len(items) >= 3, technique
        for item in items:
            assert item.code.startswith(f"{technique.value}.")
            assert item.technique is technique
            assert item.text.indonesian
            assert item.text.english
            if text is not None:  # every item quotes the guide's own sentence
                assert " ".join(item.guide.split()) in text, item.code
    codes = [item.code for items in CHECKLISTS.values() for item in items]
    assert len(codes) == len(set(codes))


def _with_log(*interactions: Interaction, **fields: Any) -> Partnership:
    return partnership().model_copy(update={"interactions": list(interactions), **fields})


# (why, the log, the technique, the status expected on 2025-06-01)
HEALTH: list[tuple[str, list[Interaction], Technique, HealthStatus]] = [
    ("never contacted", [], Technique.PARTNER_FIRST, HealthStatus.AT_RISK),
    (
        "contacted within the cadence",
        [Interaction(on=date(2025, 5, 20), kind=InteractionKind.VISIT, partner_ids=["toko"])],
        Technique.PARTNER_FIRST,
        HealthStatus.GOOD,
    ),
    (
        "last contact 45 days ago",
        [Interaction(on=date(2025, 4, 17), kind=InteractionKind.PHONE, partner_ids=["toko"])],
        Technique.PARTNER_FIRST,
        HealthStatus.ATTENTION,
    ),
    (
        "never asked for feedback",
        [Interaction(on=date(2025, 5, 20), kind=InteractionKind.VISIT, partner_ids=["toko"])],
        Technique.HUMBLE,
        HealthStatus.AT_RISK,
    ),
    (
        "feedback not acted on",
        [
            Interaction(
                on=date(2025, 5, 20),
                kind=InteractionKind.VISIT,
                partner_ids=["toko"],
                feedback_requested=True,
                feedback="Harga terlalu tinggi",
                acted_on=False,
            )
        ],
        Technique.HUMBLE,
        HealthStatus.AT_RISK,
    ),
    (
        "the partner invites more than we do",
        [
            Interaction(
                on=date(2025, 5, d),
                kind=InteractionKind.MEETING,
                partner_ids=["toko"],
                initiated_by="toko",
            )
            for d in (1, 10, 20)
        ],
        Technique.ACTIVE,
        HealthStatus.ATTENTION,
    ),
    (
        "a workshop showed unique value",
        [Interaction(on=date(2025, 5, 20), kind=InteractionKind.WORKSHOP, partner_ids=["toko"])],
        Technique.UNIQUE_VALUE,
        HealthStatus.GOOD,
    ),
    (
        "a new opportunity offered",
        [
            Interaction(
                on=date(2025, 5, 20),
                kind=InteractionKind.MEETING,
                partner_ids=["toko"],
                opportunity="Pameran UMKM",
            )
        ],
        Technique.SURPRISE,
        HealthStatus.GOOD,
    ),
    ("nothing new offered", [], Technique.SURPRISE, HealthStatus.ATTENTION),
]


@pytest.mark.parametrize(("why", "log", "technique", "status"), HEALTH, ids=[h[0] for h in HEALTH])
def test_technique_health(
    why: str, log: list[Interaction], technique: Technique, status: HealthStatus
) -> None:
    health = partner_health(_with_log(*log), on=date(2025, 6, 1))
    found = {t.technique: t for t in health[0].techniques}[technique]
    assert found.status is status, why
    assert bool(found.reasons) is (status is not HealthStatus.GOOD)


def test_an_answer_not_done_and_an_unhappy_view_need_attention() -> None:
    p = _with_log(
        Interaction(on=date(2025, 5, 20), kind=InteractionKind.WORKSHOP, partner_ids=["toko"]),
        checklist=[
            ChecklistAnswer(
                item="patient.professional", partner_id="toko", on=date(2025, 5, 21), done=False
            )
        ],
        evaluations=[
            Evaluation(
                cycle=1,
                on=date(2025, 5, 25),
                participants=["pkbm", "toko"],
                views=[
                    PartnerView(
                        party_id="toko", on=date(2025, 5, 25), scores={HealthItem.BENEFIT: 2}
                    )
                ],
            )
        ],
    )
    health = partner_health(p, on=date(2025, 6, 1))[0]
    patient = {t.technique: t for t in health.techniques}[Technique.PATIENT]
    assert patient.status is HealthStatus.ATTENTION
    assert any("Belum terpenuhi" in r.indonesian for r in patient.reasons)
    assert any("memperoleh manfaat" in r.indonesian for r in health.reasons)


# -- the planner and its calendar -----------------------------------------------------------------


def _planned(p: Partnership, **kwargs: Any) -> list[tuple[str, str, bool]]:
    return [(t.on.isoformat(), t.kind.value, t.overdue) for t in plan_touchpoints(p, **kwargs)]


def test_the_planner_follows_the_cadence_and_flags_what_is_overdue() -> None:
    p = _with_log(
        Interaction(
            on=date(2025, 9, 1),
            kind=InteractionKind.VISIT,
            partner_ids=["toko"],
            feedback_requested=True,
        )
    )
    quiet = PlannerSettings(holidays=False, appreciation_every_days=366)
    found = _planned(
        p, start=date(2025, 10, 2), end=date(2025, 11, 15), on=date(2025, 10, 10), settings=quiet
    )
    assert found == [
        ("2025-10-01", "cadence", True),  # a month after the visit, before the window: overdue
        ("2025-10-02", "renewal", True),  # 90 days before the term ends
        ("2025-10-06", "monitoring", True),  # quarterly from the term's start: Saturday 4th
        ("2025-11-05", "cadence", False),  # a month after the last planned contact
    ]
    # once a contact is made, what came before it is no longer overdue
    p.interactions.append(
        Interaction(on=date(2025, 10, 8), kind=InteractionKind.WHATSAPP, partner_ids=["toko"])
    )
    again = _planned(
        p, start=date(2025, 10, 2), end=date(2025, 11, 15), on=date(2025, 10, 10), settings=quiet
    )
    assert ("2025-11-07", "cadence", False) in again
    assert ("2025-10-01", "cadence", True) not in again


OB = Observance


@pytest.mark.parametrize(
    ("observances", "year", "greetings"),
    [
        ([], 2026, {"2026-01-01", "2026-08-17"}),  # national days only
        ([OB.IDUL_FITRI, OB.IDUL_ADHA, OB.ISLAMIC_NEW_YEAR], 2026,
         {"2026-01-01", "2026-03-21", "2026-05-27", "2026-06-16", "2026-08-17"}),
        ([OB.CHRISTMAS, OB.EASTER], 2026, {"2026-01-01", "2026-04-05", "2026-08-17", "2026-12-25"}),
        ([OB.NYEPI, OB.WAISAK, OB.IMLEK], 2025,
         {"2025-01-01", "2025-01-29", "2025-03-29", "2025-05-12", "2025-08-17"}),
        ([OB.MAULID, OB.ISRA_MIKRAJ], 2026,
         {"2026-01-01", "2026-01-16", "2026-08-17", "2026-08-25"}),
    ],
)  # fmt: skip
def test_the_planner_greets_each_partner_on_its_own_days(
    observances: list[Observance], year: int, greetings: set[str]
) -> None:
    p = _with_log(partners=[SHOP.model_copy(update={"observances": observances})])
    on_the_day = PlannerSettings(
        cadence_days=366, feedback_every_days=732, appreciation_every_days=732,
        greet_on_the_day=True,
    )  # fmt: skip
    found = plan_touchpoints(
        p, start=date(year, 1, 1), end=date(year, 12, 31), on=date(year, 1, 1), settings=on_the_day
    )
    assert {t.on.isoformat() for t in found if t.observances} == greetings
    assert {o for t in found for o in t.observances} == {*observances, *NATIONAL_DAYS}


def test_the_planner_proposes_renewal_talks_before_the_term_ends_and_partner_events() -> None:
    p = _with_log(
        partner_events=[PartnerEvent(partner_id="toko", on=date(2025, 8, 20), name="Peluncuran")]
    )
    found = plan_touchpoints(p, start=date(2025, 1, 1), end=date(2025, 12, 31), on=date(2025, 1, 1))
    renewal = [t for t in found if t.kind is TouchpointKind.RENEWAL]
    assert [t.on for t in renewal] == [date(2025, 12, 31) - timedelta(days=90)]
    assert "Nota Kesepahaman dengan CV Kriya Banua (berakhir 31 Desember 2025)" in (
        renewal[0].title.indonesian
    )
    assert [t.on for t in found if t.kind is TouchpointKind.PARTNER_EVENT] == [date(2025, 8, 20)]
    assert all(t.techniques for t in found)


def test_the_calendar_parses_back() -> None:
    from icalendar import Calendar

    p = _with_log(
        partner_events=[PartnerEvent(partner_id="toko", on=date(2025, 8, 20), name="Peluncuran")]
    )
    found = plan_touchpoints(p, start=date(2025, 1, 1), end=date(2025, 12, 31), on=date(2025, 6, 1))
    data = touchpoints_ical(found, stamp=datetime(2025, 6, 1, tzinfo=UTC))
    assert data == touchpoints_ical(found, stamp=datetime(2025, 6, 1, tzinfo=UTC))
    events = [c for c in Calendar.from_ical(data).walk() if c.name == "VEVENT"]
    assert len(events) == len(found)
    starts = {(e.decoded("dtstart"), str(e.get("categories").to_ical(), "utf-8")) for e in events}
    assert (date(2025, 8, 15), "Ucapan hari nasional") in starts  # 17 Agustus, a Sunday
    assert (date(2025, 10, 2), "Pembicaraan perpanjangan kerja sama") in starts
    assert any(kind == "Kontak rutin" for _, kind in starts)
    assert len({e.get("uid") for e in events}) == len(events)
    overdue = [e for e in events if "TERLAMBAT" in str(e.get("description"))]
    assert len(overdue) == sum(t.overdue for t in found) > 0


# -- invariants ------------------------------------------------------------------------------------

RECORDS = [
    _record(
        date(2025, 4, 20),
        progress=[ActivityProgress(activity="produksi", percent=Decimal(30))],
        spending=[Spending(activity="produksi", amount=Decimal(60000))],
    ),
    _record(date(2025, 5, 10), indicators=[IndicatorValue(indicator="nilai", value=Decimal(20))]),
    _record(
        date(2025, 5, 10),
        progress=[ActivityProgress(activity="produksi", percent=Decimal(70))],
        problems=[ProblemMet(problem="Bahan terlambat", party_id="toko")],
    ),
    _record(
        date(2025, 6, 15),
        spending=[Spending(activity="produksi", amount=Decimal(125000))],
        indicators=[IndicatorValue(indicator="nilai", value=Decimal(35))],
    ),
]
LOG = [
    Interaction(on=date(2025, 5, 2), kind=InteractionKind.VISIT, partner_ids=["toko"],
                feedback_requested=True),
    Interaction(on=date(2025, 5, 2), kind=InteractionKind.WHATSAPP, partner_ids=["toko"],
                initiated_by="toko"),
    Interaction(on=date(2025, 6, 1), kind=InteractionKind.WORKSHOP, partner_ids=["toko"],
                initiated_by="pkbm"),
]  # fmt: skip


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    order=st.permutations(range(len(RECORDS))),
    log=st.permutations(range(len(LOG))),
    day=st.dates(min_value=date(2025, 4, 1), max_value=date(2026, 1, 31)),
)
def test_records_in_any_order_give_the_same_deviations_and_health(
    order: list[int], log: list[int], day: date
) -> None:
    ours = partnership(records=RECORDS).model_copy(update={"interactions": LOG})
    shuffled = partnership(records=[RECORDS[i] for i in order]).model_copy(
        update={"interactions": [LOG[i] for i in log]}
    )
    assert detect_deviations(ours, on=day) == detect_deviations(shuffled, on=day)
    assert partner_health(ours, on=day) == partner_health(shuffled, on=day)
    assert draft_evaluation(ours, on=day) == draft_evaluation(shuffled, on=day)


def _values(draw: Callable[..., Any]) -> Any:
    return draw


@settings(deadline=None)
@given(
    percent=st.decimals(min_value=0, max_value=100, places=2),
    value=st.decimals(min_value=-(10**6), max_value=10**6, places=2),
    amount=st.decimals(min_value=0, max_value=10**12, places=2),
    # any text a model keeps: no null character, no lone surrogate (tests/test_bounded_input.py)
    problem=st.text(
        st.characters(exclude_characters="\x00", exclude_categories=["Cs"]),
        min_size=1,
        max_size=40,
    ).filter(lambda t: t.strip()),
    resolved=st.booleans(),
)
def test_nothing_in_a_record_is_lost_through_json(
    percent: Decimal, value: Decimal, amount: Decimal, problem: str, resolved: bool
) -> None:
    record = _record(
        date(2025, 5, 1),
        participants=["toko"],
        progress=[ActivityProgress(activity="produksi", percent=percent, note="catatan")],
        indicators=[IndicatorValue(indicator="nilai", value=value, measured_on=date(2025, 4, 30))],
        spending=[Spending(activity="produksi", amount=amount)],
        problems=[ProblemMet(problem=problem, party_id="toko", cause="sebab", solution="jalan",
                             resolved=resolved)],
    )  # fmt: skip
    p = partnership(records=[record])
    loaded = load_json(Partnership, dump_json(p))
    assert loaded.monitoring == p.monitoring
    assert json.loads(dump_json(loaded)) == json.loads(dump_json(p))


# -- the seed case's report and calendar ----------------------------------------------------------


def test_the_seed_writes_its_report_and_calendar(tmp_path: Any) -> None:
    import shutil
    import subprocess

    from icalendar import Calendar

    from docs_helpers import text
    from kemitraan import to_pdf
    from seed import example

    example().main(tmp_path)
    report = text((tmp_path / "laporan-monev.docx").read_bytes())
    assert report.startswith("LAPORAN MONITORING DAN EVALUASI\nKEMITRAAN PROGRAM PKW")
    assert "15 Juli 2025\nKritis\nIndikator tertinggal dari rencana" in report  # caught in July
    assert "Tali tas mudah lepas sehingga tas ditolak" in report
    assert "Teratasi" in report  # ... and solved by October
    assert "Kontribusi setiap pihak seimbang\n3\nPIHAK KEDUA (KUBE Rajut Lestari)" in report
    assert "Kerja sama dilanjutkan pada tahun berikutnya." in report
    events = [
        c
        for c in Calendar.from_ical((tmp_path / "touchpoints.ics").read_bytes()).walk()
        if c.name == "VEVENT"
    ]
    summaries = [str(e.get("summary")) for e in events]
    assert any(s.startswith("Ucapan selamat Hari Raya Idul Fitri") for s in summaries)
    assert any(s.startswith("Bicarakan perpanjangan Perjanjian Kerja Sama") for s in summaries)
    assert any("Peluncuran koleksi tas rajut Banua" in s for s in summaries)
    if shutil.which("soffice") and shutil.which("pdftotext"):
        pdf = to_pdf(tmp_path / "laporan-monev.docx")
        said = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "CAPAIAN INDIKATOR" in said
        assert "EVALUASI BERSAMA" in said


# -- what an independent review found -------------------------------------------------------------


def test_spending_under_the_id_and_the_name_is_one_activitys() -> None:
    records = [
        _record(date(2025, 4, 10), spending=[Spending(activity="produksi", amount=Decimal(50000))]),
        _record(
            date(2025, 5, 10), spending=[Spending(activity="Produksi", amount=Decimal(200000))]
        ),
    ]
    kinds = _kinds(partnership(records=records), date(2025, 5, 11))
    assert ("budget_overrun", "error") in kinds
    assert ("not_started", "warning") not in kinds  # money spent: it has started


def _flat(direction: Direction) -> Indicator:
    return Indicator(
        id="nilai", name="Putus sekolah", unit="orang", baseline=Decimal(0),
        baseline_on=date(2025, 1, 1), targets=[Target(by=date(2025, 11, 1), value=Decimal(0))],
        direction=direction, verification="Absensi",
    )  # fmt: skip


def test_an_indicator_that_should_hold_still_is_judged() -> None:
    p = partnership(direction=Direction.LOWER)
    plan = p.work_plan
    assert plan is not None
    p.work_plan = plan.model_copy(update={"indicators": [_flat(Direction.LOWER)]})
    p.monitoring.append(
        _record(date(2025, 6, 1), indicators=[IndicatorValue(indicator="nilai", value=Decimal(15))])
    )
    assert ("indicator_behind", "error") in _kinds(p, date(2025, 6, 1))


def test_an_indicator_no_longer_measured_and_a_missed_final_target_are_reported() -> None:
    early = _record(
        date(2025, 1, 10), indicators=[IndicatorValue(indicator="nilai", value=Decimal(3))]
    )
    p = partnership(records=[early])
    late = {d.kind for d in detect_deviations(p, on=date(2025, 12, 31)) if d.subject == "nilai"}
    assert late == {DeviationKind.NOT_REPORTED, DeviationKind.INDICATOR_BEHIND}


def test_two_values_of_one_day_count_as_the_worse() -> None:
    same = [
        _record(date(2025, 6, 11), indicators=[IndicatorValue(indicator="nilai", value=Decimal(v))])
        for v in (90, 30)
    ]
    for order in (same, same[::-1]):
        p = partnership(records=order)
        assert ("indicator_behind", "error") in _kinds(p, date(2025, 6, 11))


def test_thresholds_refuse_a_critical_level_below_the_tolerance() -> None:
    with pytest.raises(ValueError, match="critical_below_tolerance"):
        Thresholds(indicator_tolerance=Decimal("0.9"), indicator_critical=Decimal("0.1"))


@pytest.mark.parametrize(
    ("edit", "code"),
    [
        (lambda p: p.monitoring.append(_record(date(2025, 5, 1), progress=[
            ActivityProgress(activity="produksii", percent=Decimal(100))])), "unknown_activity"),
        (lambda p: p.monitoring.append(_record(date(2025, 5, 1), indicators=[
            IndicatorValue(indicator="nilaii", value=Decimal(1))])), "unknown_indicator"),
        (lambda p: p.monitoring.append(MonitoringRecord(cycle=1, on=date(2025, 5, 1), by="orang",
                                                        findings="x")), "unknown_party"),
        (lambda p: p.interactions.append(Interaction(on=date(2025, 5, 1),
            kind=InteractionKind.VISIT, partner_ids=["hantu"])), "unknown_party"),
        (lambda p: p.checklist.append(ChecklistAnswer(item="nope.x", partner_id="toko",
            on=date(2025, 5, 1), done=True)), "unknown_checklist_item"),
        (lambda p: p.evaluations.append(Evaluation(cycle=1, on=date(2025, 5, 1),
            participants=["pkbm"], views=[PartnerView(party_id="hantu", on=date(2025, 5, 1),
            scores={HealthItem.TRUST: 3})])), "unknown_party"),
    ],
)  # fmt: skip
def test_records_that_name_what_does_not_exist_are_refused(
    edit: Callable[[Partnership], None], code: str
) -> None:
    p = partnership()
    before = dump_json(p)
    with pytest.raises(ValueError, match=code):
        edit(p)
    assert dump_json(p) == before


def test_an_activity_may_not_be_named_like_another_activitys_id() -> None:
    with pytest.raises(ValueError, match="activity_name_is_an_id"):
        WorkPlan(
            drawn_up_on=date(2025, 1, 1),
            participants=["pkbm"],
            activities=[
                PlannedActivity(name="kemas", id="label", responsible="pkbm"),
                PlannedActivity(name="Kemas", id="kemas", responsible="pkbm"),
            ],
        )


def test_the_planner_refuses_a_window_that_ends_before_it_starts() -> None:
    from kemitraan import InvalidArgumentError

    with pytest.raises(InvalidArgumentError, match=r"dimulai \(1 Juni 2025\) setelah berakhir"):
        plan_touchpoints(partnership(), start=date(2025, 6, 1), end=date(2025, 5, 1))
    with pytest.raises(InvalidArgumentError, match="1900 dan 2200"):
        plan_touchpoints(partnership(), start=date(1, 1, 1), end=date(2025, 5, 1))


def test_appreciation_follows_the_cooperation_not_the_window() -> None:
    p = _with_log()
    windows = [(date(2025, 1, 1), date(2025, 12, 31)), (date(2025, 6, 1), date(2025, 12, 31))]
    found = [
        {t.on for t in plan_touchpoints(p, start=a, end=b, on=a)
         if TouchpointKind.APPRECIATION in (t.kind, *t.also) and t.on >= date(2025, 6, 1)}
        for a, b in windows
    ]  # fmt: skip
    # 180 days apart from the term's start: 30 June, and 27 December, a Saturday
    assert found[0] == found[1] == {date(2025, 6, 30), date(2025, 12, 29)}


def test_a_whatsapp_message_does_not_hold_the_renewal_talk() -> None:
    p = _with_log(
        Interaction(on=date(2025, 10, 20), kind=InteractionKind.WHATSAPP, partner_ids=["toko"])
    )
    talk = [
        t for t in plan_touchpoints(p, start=date(2025, 9, 1), end=date(2025, 12, 31),
                                    on=date(2025, 11, 1))
        if t.kind is TouchpointKind.RENEWAL
    ]  # fmt: skip
    assert [t.overdue for t in talk] == [True]


def test_an_obligation_under_way_is_not_yet_fulfilled() -> None:
    started = _record(
        date(2025, 4, 20), progress=[ActivityProgress(activity="produksi", percent=Decimal(40))]
    )
    done_then_reopened = [
        _record(date(2025, 5, 1), progress=[ActivityProgress(activity="produksi",
                                                             percent=Decimal(100))]),
        _record(date(2025, 5, 20), progress=[ActivityProgress(activity="produksi",
                                                              percent=Decimal(60))]),
    ]  # fmt: skip
    for records, on, state in (
        ([started], date(2025, 5, 1), ObligationState.IN_PROGRESS),
        ([started], date(2025, 6, 10), ObligationState.OVERDUE),
        (done_then_reopened, date(2025, 5, 25), ObligationState.IN_PROGRESS),
    ):
        p = partnership(records=records)
        found = {s.obligation.id: s.state for s in obligation_status(p, on=on)}
        assert found["pkbm/memasok-tas"] is state


def test_health_reads_the_partners_deviations() -> None:
    p = partnership(records=[_record(date(2025, 6, 11), indicators=[
        IndicatorValue(indicator="nilai", value=Decimal(10))])])  # fmt: skip
    p.interactions.append(
        Interaction(on=date(2025, 6, 5), kind=InteractionKind.WORKSHOP, partner_ids=["toko"])
    )
    health = partner_health(p, on=date(2025, 6, 11))[0]
    assert health.status is HealthStatus.AT_RISK
    assert any("Nilai" in r.indonesian for r in health.reasons)


# -- what the views keep however fast they get (issue 16) -----------------------------------------


def test_progress_under_the_id_and_the_name_on_one_day_reads_the_same_in_either_order() -> None:
    one_day = [
        _record(date(2025, 5, 20), progress=[ActivityProgress(activity="produksi",
                                                              percent=Decimal(100))]),
        _record(date(2025, 5, 20), progress=[ActivityProgress(activity="Produksi",
                                                              percent=Decimal(40))]),
    ]  # fmt: skip
    seen = [partnership(records=order) for order in (one_day, one_day[::-1])]
    for on in (date(2025, 5, 25), date(2025, 7, 1)):
        assert detect_deviations(seen[0], on=on) == detect_deviations(seen[1], on=on)
        assert obligation_status(seen[0], on=on) == obligation_status(seen[1], on=on)


def test_an_activity_fulfils_an_obligation_named_by_its_id() -> None:
    p = partnership()
    plan = p.work_plan
    assert plan is not None
    activity = plan.activities[0].model_copy(update={"fulfils": ["toko/membeli-tas"]})
    p.work_plan = plan.model_copy(update={"activities": [activity]})
    found = {s.obligation.id: s.obligation for s in obligation_status(p, on=date(2025, 7, 1))}
    assert found["toko/membeli-tas"].activities == ["produksi"]
    assert found["toko/membeli-tas"].due == date(2025, 5, 31)  # when the activity ends
    assert found["pkbm/memasok-tas"].activities == []


def test_a_contact_with_two_partners_counts_for_each() -> None:
    p = partnership().model_copy(
        update={
            "partners": [SHOP, KUBE],
            "explorations": [
                Exploration(on=date(2024, 11, 1), kind=ExplorationKind.AUDIENCE,
                            partner_ids=["toko", "kube"], responses=[
                                ExplorationResponse(partner_id=pid,
                                                    response=PartnerResponse.AGREED)
                                for pid in ("toko", "kube")])
            ],
            "interactions": [
                Interaction(on=date(2025, 6, 1), kind=InteractionKind.MEETING,
                            partner_ids=["toko", "kube"], feedback_requested=True)
            ],
        }
    )  # fmt: skip
    health = {h.partner_id: h for h in partner_health(p, on=date(2025, 6, 10))}
    assert set(health) == {"toko", "kube"}
    for partner in health.values():
        first = partner.techniques[0]
        assert (first.technique, first.status) == (Technique.PARTNER_FIRST, HealthStatus.GOOD)


# -- every meeting counts as a contact (issue 18) ------------------------------------------


def _last_contact_reasons(p: Partnership, on: date) -> dict[str, list[str]]:
    return {
        h.partner_id: [
            t.indonesian
            for technique in h.techniques
            for t in technique.reasons
            if "Kontak terakhir" in t.indonesian or "Belum pernah dihubungi" in t.indonesian
        ]
        for h in partner_health(p, on=on)
    }


def test_on_renewal_day_the_seed_partners_met_this_year_are_not_out_of_touch() -> None:
    # CV Kriya Banua sat in the joint evaluation and signed the addendum weeks before; the
    # interaction log alone said "Kontak terakhir 202 hari lalu" for all three.
    p = at_stage(Stage.FOLLOW_UP, recorded=True)
    found = _last_contact_reasons(p, date(2026, 3, 9))
    # The joint evaluation of 26 January 2026 was the last meeting: 42 days, not 202.
    assert found == {
        partner.id: ["Kontak terakhir 42 hari lalu."] * 2 for partner in p.committed_partners
    }


def test_a_partner_met_only_outside_the_interaction_log_has_been_contacted() -> None:
    # Met at the audience, the signing and the monitoring visits, never in the log: it was
    # "Belum pernah dihubungi".
    p = at_stage(Stage.FOLLOW_UP, recorded=True)
    data = json.loads(dump_json(p))
    data["interactions"] = []
    loaded = load_json(Partnership, data)
    found = _last_contact_reasons(loaded, date(2026, 3, 9))
    # The joint evaluation of 26 January 2026, 42 days before: not "never".
    assert found == {
        partner.id: ["Kontak terakhir 42 hari lalu."] * 2 for partner in loaded.committed_partners
    }
    late = _last_contact_reasons(loaded, date(2027, 12, 1))  # long after the last meeting
    assert all(found == ["Kontak terakhir 674 hari lalu."] * 2 for found in late.values())


def test_the_views_results_are_the_models_validation_makes() -> None:
    # deviations and health make their results without validating them again
    # (kemitraan._results); this holds them to what pydantic's validation makes, slot by
    # slot, so that a pydantic that adds or changes a slot is caught here
    import pickle

    from kemitraan import detect_deviations, partner_health
    from kemitraan.deviations import Deviation
    from kemitraan.maintenance.health import PartnerHealth

    p = at_stage(Stage.IMPROVEMENT, recorded=True)
    on = date(2026, 2, 9)
    made = [*detect_deviations(p, on=on), *partner_health(p, on=on)]
    assert made
    for result in made:
        kind = type(result)
        assert kind in (Deviation, PartnerHealth)
        validated = kind.model_validate(result.model_dump(exclude_unset=True))
        assert result == validated
        assert result.__getstate__() == validated.__getstate__()
        assert pickle.loads(pickle.dumps(result)) == result
        assert result.model_dump_json() == validated.model_dump_json()
        for inner, again in zip(
            getattr(result, "techniques", ()), getattr(validated, "techniques", ()), strict=True
        ):
            assert inner.__getstate__() == again.__getstate__()
