"""Catching deviations early, from the plan, the obligations and the records (guide A.9).

Guide A.9: monitoring follows the progress "sehingga dapat dicegah terjadinya
penyimpangan (deviasi) dari tujuan yang ingin dicapai". :func:`detect_deviations`
reads the plan in force (the work plan, or the follow-up plan of a later cycle), the
agreement's obligations and the cycle's records, and reports on a given day:

- an activity past its end and not finished (a **schedule slip**), or past its start
  with nothing done (**not started**);
- an indicator whose latest value is behind the target pro-rated to the day it was
  measured, in the direction that is better (**indicator behind**);
- an activity that spent more than its budget (**budget overrun**);
- an obligation past its due date without evidence (**obligation overdue**);
- an activity under way, or an indicator, with no report for longer than the agreed
  monitoring frequency (**not reported**).

Each deviation has a severity (a warning, or an error past the critical threshold),
the party concerned, and the evidence in both languages. The thresholds are a
:class:`Thresholds`; the result is the same whatever order the records were added in.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from pydantic import Field

from kemitraan._base import BilingualText, LabelledEnum, ValueModel
from kemitraan.conventions import date_long, rupiah_digits
from kemitraan.findings import Severity
from kemitraan.obligations import ObligationState, obligation_status
from kemitraan.planning import Direction, Indicator, PlannedActivity
from kemitraan.provisions import MonitoringFrequency

if TYPE_CHECKING:
    from kemitraan.partnerships import Partnership

__all__ = [
    "Deviation",
    "DeviationKind",
    "Thresholds",
    "current_plan",
    "detect_deviations",
]

bi = BilingualText.of

REPORT_EVERY: Final = {
    MonitoringFrequency.MONTHLY: 31,
    MonitoringFrequency.QUARTERLY: 92,
    MonitoringFrequency.SEMESTER: 183,
    MonitoringFrequency.YEARLY: 366,
}
"""Days between reports, for each agreed monitoring frequency."""


class DeviationKind(LabelledEnum):
    """What kind of deviation.

    >>> DeviationKind.INDICATOR_BEHIND.label_id
    'Indikator di bawah target'
    """

    SCHEDULE_SLIP = "schedule_slip", "Jadwal kegiatan terlambat", "Schedule slip"
    NOT_STARTED = "not_started", "Kegiatan belum dimulai", "Activity not started"
    INDICATOR_BEHIND = "indicator_behind", "Indikator di bawah target", "Indicator behind target"
    BUDGET_OVERRUN = "budget_overrun", "Anggaran terlampaui", "Budget overrun"
    OBLIGATION_OVERDUE = "obligation_overdue", "Kewajiban lewat tenggat", "Obligation overdue"
    NOT_REPORTED = "not_reported", "Belum dilaporkan", "Not reported"


class Thresholds(ValueModel):
    """When a deviation is reported, and when it is critical (an error rather than a warning).

    >>> Thresholds().indicator_tolerance
    Decimal('0.10')
    """

    grace_days: int = Field(default=7, ge=0, le=365)
    """Days an activity may run past its end (or start late) before it is a deviation."""
    critical_days: int = Field(default=30, ge=0, le=3650)
    """Days late past which a slip, a late start or an overdue obligation is critical."""
    indicator_tolerance: Decimal = Field(default=Decimal("0.10"), ge=0, le=1)
    """How far behind the expected change an indicator may be, as a share of that change."""
    indicator_critical: Decimal = Field(default=Decimal("0.30"), ge=0, le=10)
    """The share past which it is critical."""
    budget_tolerance: Decimal = Field(default=Decimal("0.05"), ge=0, le=10)
    """How far past its budget an activity may spend, as a share of the budget."""
    budget_critical: Decimal = Field(default=Decimal("0.20"), ge=0, le=10)
    """The share past which it is critical."""
    report_every_days: int | None = Field(default=None, ge=1, le=3660)
    """Days without a report before an activity under way is unreported; by default from the
    agreement's monitoring frequency (quarterly: 92)."""


class Deviation(ValueModel):
    """One deviation: what, how serious, about what and whom, since when, and the evidence.

    >>> Deviation(kind=DeviationKind.BUDGET_OVERRUN, severity=Severity.WARNING,
    ...           subject="praktik", message=BilingualText.of("a", "b"),
    ...           evidence=BilingualText.of("c", "d")).kind.label_en
    'Budget overrun'
    """

    kind: DeviationKind
    """What kind."""
    severity: Severity
    """A warning, or an error when critical."""
    subject: str
    """The activity, indicator or obligation concerned (its id)."""
    party_id: str | None = None
    """The party concerned."""
    since: date | None = None
    """When it began (the end, start or due date missed; the measurement)."""
    expected: Decimal | None = None
    """What was expected (a percentage, a value, rupiah)."""
    actual: Decimal | None = None
    """What was found."""
    message: BilingualText
    """What is wrong."""
    evidence: BilingualText
    """What in the data shows it."""


def current_plan(
    partnership: Partnership, cycle: int | None = None
) -> tuple[list[PlannedActivity], list[Indicator]]:
    """The activities and indicators of ``cycle`` (by default the current one).

    A later cycle's follow-up plan, or the work plan.

    >>> from kemitraan import Institution, Partnership, Program
    >>> current_plan(Partnership(institution=Institution(name="PKBM A"),
    ...                          program=Program(name="PKW", objectives=["Mandiri"])))
    ([], [])
    """
    cycle = partnership.cycle if cycle is None else cycle
    if cycle > 1:
        plans = [f for f in partnership.follow_up_plans if f.for_cycle == cycle]
        if plans:
            latest = max(plans, key=lambda f: (f.drawn_up_on, f.model_dump_json()))
            return list(latest.activities), list(latest.indicators)
    plan = partnership.work_plan
    if plan is None:
        return [], []
    return list(plan.activities), list(plan.indicators)


def _severity(amount: float | Decimal, critical: float | Decimal) -> Severity:
    return Severity.ERROR if amount > critical else Severity.WARNING


class _Facts:
    """The cycle's records up to the day judged, in a canonical order."""

    def __init__(self, partnership: Partnership, on: date, cycle: int | None = None) -> None:
        cycle = partnership.cycle if cycle is None else cycle
        monitoring = sorted(
            (r for r in partnership.monitoring if r.cycle == cycle and r.on <= on),
            key=lambda r: (r.on, r.model_dump_json()),
        )
        implementation = sorted(
            (r for r in partnership.implementation if r.cycle == cycle and r.on <= on),
            key=lambda r: (r.on, r.model_dump_json()),
        )
        self.progress: dict[str, list[tuple[date, Decimal]]] = {}
        self.spent: dict[str, tuple[date, Decimal]] = {}
        self.values: dict[str, list[tuple[date, Decimal]]] = {}
        self.done_on: dict[str, list[date]] = {}
        for record in monitoring:
            for progress in record.progress:
                self.progress.setdefault(progress.activity, []).append(
                    (record.on, progress.percent)
                )
            for spending in record.spending:
                self.spent[spending.activity] = (record.on, spending.amount)
            for value in record.indicators:
                when = value.measured_on or record.on
                if when <= on:
                    self.values.setdefault(value.indicator, []).append((when, value.value))
        for values in self.values.values():
            values.sort()
        for done in implementation:
            self.done_on.setdefault(done.activity, []).append(done.on)

    def of(self, activity: PlannedActivity) -> tuple[list[tuple[date, Decimal]], list[date]]:
        """The progress seen and the days it was carried out, by the activity's id or name."""
        progress = sorted(self.progress.get(activity.id, []) + self.progress.get(activity.name, []))
        done = sorted(self.done_on.get(activity.id, []) + self.done_on.get(activity.name, []))
        return progress, done


def _activities(
    activities: Iterable[PlannedActivity], facts: _Facts, on: date, t: Thresholds, every: int
) -> Iterator[Deviation]:
    grace = timedelta(days=t.grace_days)
    for activity in activities:
        progress, done = facts.of(activity)
        percent = progress[-1][1] if progress else Decimal(0)
        finished = percent >= 100
        started = bool(done) or percent > 0
        period = activity.period
        name = activity.name
        late_already = False
        if period is not None and not finished and period.end + grace < on:
            late = (on - period.end).days
            yield Deviation(
                kind=DeviationKind.SCHEDULE_SLIP,
                severity=_severity(late, t.critical_days),
                subject=activity.id,
                party_id=activity.responsible,
                since=period.end,
                expected=Decimal(100),
                actual=percent,
                message=bi(
                    f"{name} seharusnya selesai {date_long(period.end)}; terlambat {late} hari.",
                    f"{name} was due to finish on {date_long(period.end, 'en')}; {late} days late.",
                ),
                evidence=bi(
                    f"Kemajuan terakhir {percent}% ({_when(progress)}).",
                    f"Last progress {percent}% ({_when(progress, 'en')}).",
                ),
            )
            late_already = True
        if not late_already and period is not None and not started and period.start + grace < on:
            late = (on - period.start).days
            yield Deviation(
                kind=DeviationKind.NOT_STARTED,
                severity=_severity(late, t.critical_days),
                subject=activity.id,
                party_id=activity.responsible,
                since=period.start,
                expected=None,
                actual=Decimal(0),
                message=bi(
                    f"{name} seharusnya dimulai {date_long(period.start)}; belum ada "
                    f"pelaksanaan setelah {late} hari.",
                    f"{name} was due to start on {date_long(period.start, 'en')}; nothing done "
                    f"after {late} days.",
                ),
                evidence=bi(
                    "Tidak ada catatan pelaksanaan atau kemajuan.",
                    "No implementation or progress recorded.",
                ),
            )
            late_already = True
        under_way = period is None or period.start <= on
        if not late_already and started and under_way and not finished:
            last = max([d for d, _ in progress] + done)
            silent = (on - last).days
            if silent > every:
                yield Deviation(
                    kind=DeviationKind.NOT_REPORTED,
                    severity=Severity.WARNING,
                    subject=activity.id,
                    party_id=activity.responsible,
                    since=last,
                    message=bi(
                        f"{name} belum dilaporkan selama {silent} hari (disepakati setiap "
                        f"{every} hari).",
                        f"{name} has not been reported for {silent} days (agreed: every "
                        f"{every} days).",
                    ),
                    evidence=bi(
                        f"Laporan terakhir {date_long(last)}.",
                        f"Last report {date_long(last, 'en')}.",
                    ),
                )
        budget = activity.budget
        spent = facts.spent.get(activity.id) or facts.spent.get(activity.name)
        if budget is not None and spent is not None and budget > 0:
            over = (spent[1] - budget) / budget
            if over > t.budget_tolerance:
                yield Deviation(
                    kind=DeviationKind.BUDGET_OVERRUN,
                    severity=_severity(over, t.budget_critical),
                    subject=activity.id,
                    party_id=activity.responsible,
                    since=spent[0],
                    expected=budget,
                    actual=spent[1],
                    message=bi(
                        f"{name} menghabiskan {rupiah_digits(spent[1])} dari anggaran "
                        f"{rupiah_digits(budget)} ({_share(over)} di atas).",
                        f"{name} spent {rupiah_digits(spent[1], 'en')} of a budget of "
                        f"{rupiah_digits(budget, 'en')} ({_share(over)} over).",
                    ),
                    evidence=bi(
                        f"Catatan monitoring {date_long(spent[0])}.",
                        f"Monitoring record of {date_long(spent[0], 'en')}.",
                    ),
                )


def _indicators(
    indicators: Iterable[Indicator], facts: _Facts, on: date, t: Thresholds, every: int
) -> Iterator[Deviation]:
    for indicator in indicators:
        values = facts.values.get(indicator.id, [])
        if not values:
            if (on - indicator.baseline_on).days > every and indicator.expected(
                on
            ) != indicator.baseline:
                yield Deviation(
                    kind=DeviationKind.NOT_REPORTED,
                    severity=Severity.WARNING,
                    subject=indicator.id,
                    party_id=indicator.responsible,
                    since=indicator.baseline_on,
                    expected=indicator.expected(on),
                    message=bi(
                        f"Indikator {indicator.name} belum pernah diukur sejak "
                        f"{date_long(indicator.baseline_on)}.",
                        f"Indicator {indicator.name} has not been measured since "
                        f"{date_long(indicator.baseline_on, 'en')}.",
                    ),
                    evidence=bi("Tidak ada nilai tercatat.", "No value recorded."),
                )
            continue
        when, value = values[-1]
        expected = indicator.expected(when)
        change = abs(expected - indicator.baseline)
        if change == 0:
            continue
        short = expected - value if indicator.direction is Direction.HIGHER else value - expected
        behind = short / change
        if behind > t.indicator_tolerance:
            yield Deviation(
                kind=DeviationKind.INDICATOR_BEHIND,
                severity=_severity(behind, t.indicator_critical),
                subject=indicator.id,
                party_id=indicator.responsible,
                since=when,
                expected=expected,
                actual=value,
                message=bi(
                    f"{indicator.name}: {_num(value, indicator.unit)}, target pada "
                    f"{date_long(when)} {_num(expected, indicator.unit)} ({_share(behind)} dari "
                    "perubahan yang diharapkan tertinggal).",
                    f"{indicator.name}: {_num(value, indicator.unit, 'en')}, target on "
                    f"{date_long(when, 'en')} {_num(expected, indicator.unit, 'en')} "
                    f"({_share(behind)} of the expected change behind).",
                ),
                evidence=bi(
                    f"Diukur {date_long(when)}; verifikasi: {indicator.verification}.",
                    f"Measured {date_long(when, 'en')}; verified by: {indicator.verification}.",
                ),
            )


def _obligations(
    partnership: Partnership, on: date, t: Thresholds, cycle: int
) -> Iterator[Deviation]:
    for status in obligation_status(partnership, on=on, cycle=cycle):
        if status.state is not ObligationState.OVERDUE:
            continue
        ob = status.obligation
        assert ob.due is not None  # an overdue obligation has a due date
        yield Deviation(
            kind=DeviationKind.OBLIGATION_OVERDUE,
            severity=_severity(status.days_overdue, t.critical_days),
            subject=ob.id,
            party_id=ob.party_id,
            since=ob.due,
            message=bi(
                f"Kewajiban \u201c{ob.text}\u201d jatuh tempo {date_long(ob.due)}; lewat "
                f"{status.days_overdue} hari tanpa bukti pelaksanaan.",
                f"Obligation \u201c{ob.text}\u201d was due on {date_long(ob.due, 'en')}; "
                f"{status.days_overdue} days over with no evidence.",
            ),
            evidence=bi(
                f"Tercantum dalam {ob.document}; kegiatan terkait: "
                f"{', '.join(ob.activities) or '-'}.",
                f"Stated in {ob.document}; linked activities: {', '.join(ob.activities) or '-'}.",
            ),
        )


def _when(progress: list[tuple[date, Decimal]], language: str = "id") -> str:
    if not progress:
        return "belum dilaporkan" if language == "id" else "not reported yet"
    return date_long(progress[-1][0], language)


def _share(value: Decimal) -> str:
    return f"{(value * 100).quantize(Decimal('1'))}%"


def _num(value: Decimal, unit: str, language: str = "id") -> str:
    """A measured value with its unit: ``92,21 buah`` (``92.21 pieces``), ``12%``."""
    text = format(value.normalize(), "f")
    if language == "id":
        text = text.replace(".", ",")
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


_ORDER: Final = {kind: index for index, kind in enumerate(DeviationKind)}
_SEVERITY: Final = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def detect_deviations(
    partnership: Partnership,
    *,
    on: date,
    thresholds: Thresholds | None = None,
    cycle: int | None = None,
) -> list[Deviation]:
    """Every deviation on ``on``: critical ones first, then by kind and subject.

    Args:
        partnership: The partnership, with its plan and the cycle's records.
        on: The day judged; records after it do not count.
        thresholds: When to report and when it is critical; :class:`Thresholds` by default.
        cycle: The cycle judged (the current one by default).

    >>> from datetime import date
    >>> from decimal import Decimal
    >>> from kemitraan import *
    >>> pkbm, shop = Institution(name="PKBM A"), Partner(name="Toko B", kind=PartnerKind.BUSINESS)
    >>> plan = WorkPlan(drawn_up_on=date(2025, 3, 1), participants=[pkbm.id, shop.id],
    ...     activities=[PlannedActivity(name="Produksi", responsible=pkbm.id, budget=Decimal(100),
    ...         period=Period(start=date(2025, 4, 1), end=date(2025, 5, 31)))],
    ...     indicators=[Indicator(id="terjual", name="Tas terjual", unit="buah",
    ...         baseline=Decimal(0), baseline_on=date(2025, 4, 1),
    ...         targets=[Target(by=date(2025, 6, 30), value=Decimal(90))],
    ...         verification="Nota", responsible=shop.id)])
    >>> p = Partnership(institution=pkbm, program=Program(name="PKW", objectives=["Mandiri"]),
    ...                 partners=[shop], work_plan=plan)
    >>> p.monitoring.append(MonitoringRecord(cycle=1, on=date(2025, 5, 31), by=pkbm.id,
    ...     progress=[ActivityProgress(activity="produksi", percent=Decimal(60))],
    ...     indicators=[IndicatorValue(indicator="terjual", value=Decimal(20))],
    ...     spending=[Spending(activity="produksi", amount=Decimal(130))]))
    >>> [(d.kind.value, d.severity.value, d.subject)
    ...  for d in detect_deviations(p, on=date(2025, 6, 15))]  # doctest: +NORMALIZE_WHITESPACE
    [('indicator_behind', 'error', 'terjual'), ('budget_overrun', 'error', 'produksi'),
     ('schedule_slip', 'warning', 'produksi')]
    """
    cycle = partnership.cycle if cycle is None else cycle
    t = thresholds or Thresholds()
    every = t.report_every_days
    if every is None:
        agreement = partnership.agreement
        frequency = agreement.monitoring.frequency if agreement else MonitoringFrequency.QUARTERLY
        every = REPORT_EVERY[frequency]
    activities, indicators = current_plan(partnership, cycle)
    facts = _Facts(partnership, on, cycle)
    found = [
        *_activities(activities, facts, on, t, every),
        *_indicators(indicators, facts, on, t, every),
        *_obligations(partnership, on, t, cycle),
    ]
    return sorted(found, key=lambda d: (_SEVERITY[d.severity], _ORDER[d.kind], d.subject))
