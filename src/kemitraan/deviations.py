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
- an obligation past its due date and not fulfilled (**obligation overdue**): critical
  only when nothing shows it carried out, and its evidence cited when something does;
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
from functools import cache, lru_cache
from operator import itemgetter
from typing import TYPE_CHECKING, Final, NamedTuple, Self

from pydantic import Field, model_validator

from kemitraan._base import (
    BilingualText,
    LabelledEnum,
    Language,
    ValueModel,
    field_error,
)
from kemitraan._catalog import N_, Later, Worded, both, later
from kemitraan._given import SharedFields, shared
from kemitraan._results import made, text
from kemitraan.conventions import date_long, number_text, rupiah_digits
from kemitraan.findings import Severity
from kemitraan.obligations import ObligationState, _Records, _standing
from kemitraan.planning import Direction, Indicator, PlannedActivity
from kemitraan.provisions import MonitoringFrequency
from kemitraan.summary import current_plan

if TYPE_CHECKING:
    from kemitraan.partnerships import Partnership

__all__ = [
    "Deviation",
    "DeviationKind",
    "Thresholds",
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
    'Indikator tertinggal dari target'
    """

    SCHEDULE_SLIP = "schedule_slip", "Jadwal kegiatan terlambat", "Schedule slip"
    NOT_STARTED = "not_started", "Kegiatan belum dimulai", "Activity not started"
    INDICATOR_BEHIND = (
        "indicator_behind",
        "Indikator tertinggal dari target",
        "Indicator behind target",
    )
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

    @model_validator(mode="after")
    def _critical_past_tolerance(self) -> Self:
        for tolerance, critical in (
            ("indicator_tolerance", "indicator_critical"),
            ("budget_tolerance", "budget_critical"),
        ):
            if getattr(self, critical) < getattr(self, tolerance):
                raise field_error(
                    self,
                    (critical,),
                    "critical_below_tolerance",
                    "{critical} ({high}) is below {tolerance} ({low}): what is reported would "
                    "all be critical",
                    critical=critical,
                    tolerance=tolerance,
                    high=str(getattr(self, critical)),
                    low=str(getattr(self, tolerance)),
                )
        return self


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


_SAID: Final = ("kind", "severity", "subject", "party_id", "since", "message", "evidence")
_UNMEASURED: Final = shared(set(_SAID))
_EXPECTED: Final = shared({*_SAID, "expected"})
_MEASURED: Final = shared({*_SAID, "expected", "actual"})


class _Found(NamedTuple):
    """A deviation as the views compute it, before it is a :class:`Deviation`.

    The texts are said when read (:class:`~kemitraan._catalog.Later`); the model is made
    only for what is returned.
    """

    kind: DeviationKind
    severity: Severity
    subject: str
    party_id: str | None
    since: date
    message: Later | _Behind
    evidence: Later
    given: SharedFields = _UNMEASURED
    """The :class:`Deviation`'s given fields: with ``expected`` and ``actual`` as far as the
    kind states them (``_EXPECTED``, ``_MEASURED``)."""
    expected: Decimal | None = None
    actual: Decimal | None = None

    def model(self) -> Deviation:
        """The :class:`Deviation`, its texts said."""
        return made(
            Deviation,
            self.given,
            {
                "kind": self.kind,
                "severity": self.severity,
                "subject": self.subject,
                "party_id": self.party_id,
                "since": self.since,
                "expected": self.expected,
                "actual": self.actual,
                "message": text(*self.message.pair()),
                "evidence": text(*self.evidence.pair()),
            },
        )


@cache
def _default_thresholds() -> Thresholds:
    return Thresholds()


def _severity(amount: float | Decimal, critical: float | Decimal) -> Severity:
    return _ERROR if amount > critical else _WARNING


_ERROR: Final = Severity.ERROR
_WARNING: Final = Severity.WARNING
_ZERO: Final = Decimal(0)
_HUNDRED: Final = Decimal(100)


@lru_cache(maxsize=4096)
def _day(day: date) -> Worded:
    return Worded(date_long(day), date_long(day, "en"))


class _Facts(_Records):
    """The cycle's records up to the day judged, in a canonical order, as deviations read them.

    By the activity's id or name; of an indicator, the latest value.
    """

    def of(self, activity: PlannedActivity) -> tuple[list[tuple[date, Decimal]], list[date]]:
        """The progress seen and the days it was carried out, by the activity's id or name."""
        return _latest_last(self.progress, activity), self.done_days(activity)

    def done_days(self, activity: PlannedActivity) -> list[date]:
        """The days the activity was carried out (by its id or name), in order."""
        return sorted(self.done_on.get(activity.id, []) + self.done_on.get(activity.name, []))

    def last_progress_of(self, activity: PlannedActivity) -> tuple[date, Decimal] | None:
        """The progress last recorded for the activity (by its id or name): ``of``'s last."""
        return _last(self.last_progress, activity)

    def spent(self, activity: PlannedActivity) -> tuple[date, Decimal] | None:
        """The spending to date last recorded for the activity (by its id or name)."""
        return _last(self.last_spent, activity)

    def value(self, indicator: Indicator) -> tuple[date, Decimal] | None:
        """The indicator's latest value; of two on the same day, the worse one."""
        found = self.last_values.get(indicator.id)
        if found is None:
            return None
        last, same = found
        return last, min(same) if indicator.direction is Direction.HIGHER else max(same)


def _last(
    found: dict[str, tuple[date, Decimal]], activity: PlannedActivity
) -> tuple[date, Decimal] | None:
    """The last recorded for an activity under its id or its name, as in :func:`_latest_last`.

    Of one day, what was recorded under its name comes last.
    """
    by_id = found.get(activity.id)
    by_name = found.get(activity.name) if activity.name != activity.id else None
    if by_id is None or by_name is None:
        return by_id or by_name
    return by_name if by_name[0] >= by_id[0] else by_id


def _latest_last(
    found: dict[str, list[tuple[date, Decimal]]], activity: PlannedActivity
) -> list[tuple[date, Decimal]]:
    """What was recorded for an activity under its id or its name, oldest first.

    Records of one day keep their canonical order.
    """
    by_id = found.get(activity.id, [])
    by_name = found.get(activity.name, []) if activity.name != activity.id else []
    if by_id and by_name:
        return sorted(by_id + by_name, key=itemgetter(0))
    return list(by_id or by_name)  # one list, already by day


def _activities(
    activities: Iterable[PlannedActivity], facts: _Facts, on: date, t: Thresholds, every: int
) -> Iterator[_Found]:
    grace = timedelta(days=t.grace_days)
    last_progress, last_spent, done_on = facts.last_progress, facts.last_spent, facts.done_on
    for activity in activities:
        progress = _last(last_progress, activity)
        done = done_on.get(activity.id, []) + done_on.get(activity.name, [])
        percent = progress[1] if progress else _ZERO
        finished = percent >= 100
        spent = _last(last_spent, activity)
        started = bool(done) or percent > 0 or (spent is not None and spent[1] > 0)
        period = activity.period
        name = activity.name
        late_already = False
        if period is not None and not finished and period.end + grace < on:
            late = (on - period.end).days
            yield _Found(
                kind=DeviationKind.SCHEDULE_SLIP,
                severity=_severity(late, t.critical_days),
                subject=activity.id,
                party_id=activity.responsible,
                since=period.end,
                given=_MEASURED,
                expected=_HUNDRED,
                actual=percent,
                message=later(
                    N_("{name} was due to finish on {due}; {late} days late."),
                    name=name,
                    due=_day(period.end),
                    late=late,
                ),
                evidence=later(
                    N_("Last progress {percent}% ({when})."),
                    percent=percent,
                    when=_when(progress),
                ),
            )
            late_already = True
        if not late_already and period is not None and not started and period.start + grace < on:
            late = (on - period.start).days
            yield _Found(
                kind=DeviationKind.NOT_STARTED,
                severity=_severity(late, t.critical_days),
                subject=activity.id,
                party_id=activity.responsible,
                since=period.start,
                given=_MEASURED,
                actual=_ZERO,
                message=later(
                    N_("{name} was due to start on {due}; nothing done after {late} days."),
                    name=name,
                    due=_day(period.start),
                    late=late,
                ),
                evidence=later(N_("No implementation or progress recorded.")),
            )
            late_already = True
        under_way = period is None or period.start <= on
        if not late_already and started and under_way and not finished:
            last = max(([progress[0]] if progress else []) + done + ([spent[0]] if spent else []))
            silent = (on - last).days
            if silent > every:
                yield _Found(
                    kind=DeviationKind.NOT_REPORTED,
                    severity=Severity.WARNING,
                    subject=activity.id,
                    party_id=activity.responsible,
                    since=last,
                    message=later(
                        N_(
                            "{name} has not been reported for {silent} days (agreed: every "
                            "{every} days)."
                        ),
                        name=name,
                        silent=silent,
                        every=every,
                    ),
                    evidence=later(N_("Last report {day}."), day=_day(last)),
                )
        budget = activity.budget
        if budget is not None and spent is not None and spent[1] > budget:
            # a zero budget allows nothing: any spending is a critical overrun
            over = (spent[1] - budget) / budget if budget > 0 else Decimal("Infinity")
            if over > t.budget_tolerance:
                yield _Found(
                    kind=DeviationKind.BUDGET_OVERRUN,
                    severity=_severity(over, t.budget_critical),
                    subject=activity.id,
                    party_id=activity.responsible,
                    since=spent[0],
                    given=_MEASURED,
                    expected=budget,
                    actual=spent[1],
                    message=later(
                        N_("{name} spent {spent} of a budget of {budget}.")
                        if over.is_infinite()
                        else N_("{name} spent {spent} of a budget of {budget} ({share} over)."),
                        name=name,
                        spent=Worded(rupiah_digits(spent[1]), rupiah_digits(spent[1], "en")),
                        budget=Worded(rupiah_digits(budget), rupiah_digits(budget, "en")),
                        share="" if over.is_infinite() else _share(over),
                    ),
                    evidence=later(N_("Monitoring record of {day}."), day=_day(spent[0])),
                )


def _indicators(
    indicators: Iterable[Indicator], facts: _Facts, on: date, t: Thresholds, every: int
) -> Iterator[_Found]:
    for indicator in indicators:
        measured = facts.value(indicator)
        final = indicator.final
        if measured is None:
            due = (on - indicator.baseline_on).days > every
            if (due and indicator.expected(on) != indicator.baseline) or on > final.by:
                yield _unmeasured(indicator, indicator.baseline_on, on, never=True)
            continue
        when, value = measured
        reached = (
            value >= final.value
            if indicator.direction is Direction.HIGHER
            else value <= final.value
        )
        if not reached and (on - when).days > every:
            yield _unmeasured(indicator, when, on, never=False)
        # judged against the pace of the day it was measured, or the final target once due
        expected = indicator.expected(when) if on <= final.by else final.value
        change = abs(expected - indicator.baseline)
        # a flat indicator (hold the line) is judged on its own scale
        scale = change if change != 0 else max(abs(indicator.baseline), Decimal(1))
        short = expected - value if indicator.direction is Direction.HIGHER else value - expected
        behind = short / scale
        if behind > t.indicator_tolerance:
            yield _Found(
                kind=DeviationKind.INDICATOR_BEHIND,
                severity=_severity(behind, t.indicator_critical),
                subject=indicator.id,
                party_id=indicator.responsible,
                since=when,
                given=_MEASURED,
                expected=expected,
                actual=value,
                message=_Behind(indicator, value, when, on),
                evidence=later(
                    N_("Measured {day}; verified by: {verification}."),
                    day=_day(when),
                    verification=indicator.verification,
                ),
            )


class _Behind(NamedTuple):
    """What an indicator behind says (:func:`_behind`), said when read."""

    indicator: Indicator
    value: Decimal
    when: date
    on: date

    def pair(self) -> tuple[str, str]:
        return _behind(*self)


def _behind(indicator: Indicator, value: Decimal, when: date, on: date) -> tuple[str, str]:
    """What an indicator behind says: its value and the agreed target, never a made-up one.

    The target due by ``on`` when it is missed (what should be reached by then); else the
    next one, and that the pace is behind. The straight line detection judges
    the pace by is not presented as a target (no party agreed to it).
    """
    unit, places = indicator.unit, indicator.places
    due = indicator.milestone(on)
    missed = due is not None and not indicator.reached(value, due.value)
    ahead = [t for t in indicator.targets if t.by > on]
    target = due if missed or not ahead else ahead[0]
    assert target is not None  # behind with no target due: the first is ahead
    message = (
        N_("{name}: {value} (measured {when}); agreed target {target} by {by} ({direction}).")
        if missed
        else N_(
            "{name}: {value} (measured {when}); agreed target {target} by {by} ({direction}); "
            "progress is behind the pace needed to reach it."
        )
    )
    direction = indicator.direction
    return both(
        message,
        name=indicator.name,
        value=Worded(_num(value, unit), _num(value, unit, "en")),
        when=_day(when),
        target=Worded(
            _num(target.value, unit, "id", places), _num(target.value, unit, "en", places)
        ),
        by=_day(target.by),
        direction=Worded(direction.label("id").lower(), direction.label("en").lower()),
    )


def _unmeasured(indicator: Indicator, since: date, on: date, *, never: bool) -> _Found:
    days = (on - since).days
    if never:
        message = later(
            N_("Indicator {name} has not been measured since {day}."),
            name=indicator.name,
            day=_day(since),
        )
        evidence = later(N_("No value recorded."))
    else:
        message = later(
            N_("Indicator {name} has not been measured for {days} days."),
            name=indicator.name,
            days=days,
        )
        evidence = later(N_("Last measured {day}."), day=_day(since))
    return _Found(
        kind=DeviationKind.NOT_REPORTED,
        severity=Severity.WARNING,
        subject=indicator.id,
        party_id=indicator.responsible,
        since=since,
        given=_EXPECTED,
        expected=indicator.expected(on),
        message=message,
        evidence=evidence,
    )


def _obligations(
    partnership: Partnership,
    on: date,
    t: Thresholds,
    cycle: int,
    facts: _Facts,
) -> Iterator[_Found]:
    standing, _ = _standing(partnership, on=on, cycle=cycle, records=facts, overdue_only=True)
    for ob, state, days_overdue in standing:
        if state is not ObligationState.OVERDUE:
            continue
        assert ob.due is not None  # an overdue obligation has a due date
        linked = ", ".join(facts.names.get(a, a) for a in ob.activities) or "-"
        shown = facts.shown(ob)
        if shown:
            # carried out, not finished: late, never "without evidence"; a warning, since
            # the records show the party at work (guide A.9 asks to catch the slip, not
            # to accuse)
            count, (day, what) = shown
            severity = _WARNING
            said = N_(
                "Obligation \u201c{text}\u201d was due on {due}; {days} days over and not finished."
            )
            evidence = later(
                N_(
                    "Stated in {document}; linked activities: {linked}; {count} records of it "
                    "being carried out, the last on {day}: {what}."
                ),
                document=ob.document,
                linked=linked,
                count=count,
                day=_day(day),
                what=what,
            )
        else:
            severity = _severity(days_overdue, t.critical_days)
            said = N_(
                "Obligation \u201c{text}\u201d was due on {due}; {days} days over with no evidence."
            )
            evidence = later(
                N_("Stated in {document}; linked activities: {linked}."),
                document=ob.document,
                linked=linked,
            )
        message = later(said, text=ob.text, due=_day(ob.due), days=days_overdue)
        yield _Found(
            kind=DeviationKind.OBLIGATION_OVERDUE,
            severity=severity,
            subject=ob.id,
            party_id=ob.party_id,
            since=ob.due,
            message=message,
            evidence=evidence,
        )


def _when(progress: tuple[date, Decimal] | None) -> Worded:
    if progress is None:
        return Worded(*both(N_("not reported yet")))
    return _day(progress[0])


def _share(value: Decimal) -> str:
    return f"{(value * 100).quantize(_WHOLE)}%"


_WHOLE: Final = Decimal(1)


@lru_cache(maxsize=4096, typed=True)  # one lookup, not number_text's checks around its own
def _num(value: Decimal, unit: str, language: Language = "id", places: int | None = None) -> str:
    """A measured value with its unit: ``1.500 buah`` (``1,500 pieces``), ``12%``.

    With ``places``, rounded to the indicator's unit (bags come whole).
    """
    text = number_text(value, language, places=places)
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
    >>> from kemitraan.monitoring import Spending
    >>> from kemitraan.planning import Target
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
    return [found.model() for found in _found(partnership, on, thresholds, cycle)]


def _found(
    partnership: Partnership, on: date, thresholds: Thresholds | None, cycle: int | None
) -> list[_Found]:
    """What :func:`detect_deviations` returns, before it is made of models."""
    return _judged(partnership, on, thresholds, cycle)[0]


def _judged(
    partnership: Partnership,
    on: date,
    thresholds: Thresholds | None,
    cycle: int | None,
    *,
    obligations: bool = True,
) -> tuple[list[_Found], _Facts]:
    """What :func:`_found` returns, and the records it read.

    Without ``obligations``, the overdue obligations are left out (for a view that judges
    them on its own, or not at all).
    """
    cycle = partnership.cycle if cycle is None else cycle
    t = thresholds or _default_thresholds()
    every = t.report_every_days
    if every is None:
        agreement = partnership.agreement
        frequency = agreement.monitoring.frequency if agreement else MonitoringFrequency.QUARTERLY
        every = REPORT_EVERY[frequency]
    activities, indicators = current_plan(partnership, cycle)
    facts = _Facts(partnership, on, cycle, activities)
    found = [
        *_activities(activities, facts, on, t, every),
        *_indicators(indicators, facts, on, t, every),
        *(_obligations(partnership, on, t, cycle, facts) if obligations else ()),
    ]
    found.sort(key=lambda d: (_SEVERITY[d.severity], _ORDER[d.kind], d.subject))
    return found, facts
