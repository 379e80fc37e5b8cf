"""The monitoring and evaluation report (*Laporan Monitoring dan Evaluasi*), guide A.8–A.11.

One cycle of a partnership, as the parties would read it at the evaluation meeting:
its identity; the plan against what was done (activities, schedule, progress, budget
and spending); the indicators against their targets; the deviations monitoring caught,
with their evidence, at each visit and on the day of the report; each party's
obligations; the problems met and the solutions agreed; the joint evaluation with each
party's own view and where the views diverge; the improvements and the decision; and
the follow-up. Tables where people would rather compare than read. It renders through
the same engine, sandbox and draft rules as the MoU (:func:`kemitraan.render_document`).

>>> import sys; sys.path.insert(0, "tests")
>>> from datetime import date
>>> from seed import at_stage
>>> from kemitraan import Stage
>>> p = at_stage(Stage.FOLLOW_UP, recorded=True)
>>> report = monitoring_report(p, on=date(2026, 2, 9))
>>> context = KIND.context(report, p)  # typed: kemitraan.documents.report_context
>>> context.title, len(context.activities), len(context.indicators)
('LAPORAN MONITORING DAN EVALUASI', 4, 4)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TypeVar

from pydantic import BaseModel

from kemitraan._base import BilingualText
from kemitraan._typed import plain_key
from kemitraan.actors import Role
from kemitraan.conventions import date_long, nip_text, number_text, party_label, rupiah_digits
from kemitraan.deviations import Deviation, DeviationKind, _Facts, detect_deviations
from kemitraan.documents._agreement import smart_quotes
from kemitraan.documents._registry import DocumentKind
from kemitraan.documents._report_frame import (
    aims,
    annexes,
    conclusions,
    cover,
    legal_basis,
    method,
    recommendations,
)
from kemitraan.documents._report_learners import learner_lines
from kemitraan.documents._report_money import (
    Spent,
    citation,
    documents_as_of,
    fund_kind,
    funds,
    reconciliation,
    signed_difference,
    spending,
    term_as_of,
    totals,
)
from kemitraan.documents.report_context import (
    ActionLine,
    ActivityLine,
    DeviationLine,
    DivergenceLine,
    FundLine,
    IdentityLine,
    IndicatorLine,
    MoneyLine,
    MonitoringReportContext,
    ObjectiveLine,
    ObligationLine,
    ProblemLine,
    ScoreLine,
)
from kemitraan.evaluation import divergences
from kemitraan.findings import Finding, Severity
from kemitraan.monitoring import Decision, Evaluation, HealthItem, MonitoringRecord, PartnerView
from kemitraan.obligations import obligation_status
from kemitraan.partnerships import Partnership
from kemitraan.planning import Direction, Indicator, PlannedActivity
from kemitraan.summary import current_plan

__all__ = ["KIND", "MonitoringReport", "ReportSigner", "monitoring_report"]


@dataclass(frozen=True)
class ReportSigner:
    """Someone who signs the report: who prepared it, or the Dinas officer who endorses it.

    >>> ReportSigner("Rina Marlina", "Pendamping Lembaga").nip is None
    True
    """

    name: str
    position: str
    nip: str | None = None
    rank: str | None = None
    """A civil servant's *pangkat/golongan* (``Pembina (IV/a)``), printed under the NIP."""


@dataclass(frozen=True)
class MonitoringReport:
    """What a monitoring and evaluation report covers: a partnership's cycle, up to a day.

    >>> from datetime import date
    >>> from kemitraan import Institution, Partnership, Program
    >>> p = Partnership(institution=Institution(name="PKBM A"),
    ...                 program=Program(name="PKW", objectives=["Mandiri"]))
    >>> monitoring_report(p, on=date(2026, 2, 9)).cycle
    1
    """

    partnership: Partnership
    cycle: int
    on: date
    place: str
    prepared_by: ReportSigner | None = None
    """The facilitator who prepared it; by default the last one the history names."""
    endorsed_by: ReportSigner | None = None
    """The Dinas officer (Penilik, Kabid PNF/PAUD-Dikmas) under *Mengetahui*; left to be
    filled in by hand when not given."""


def monitoring_report(
    partnership: Partnership,
    *,
    cycle: int | None = None,
    on: date | None = None,
    place: str | None = None,
    prepared_by: ReportSigner | None = None,
    endorsed_by: ReportSigner | None = None,
) -> MonitoringReport:
    """The report of ``cycle`` as of ``on``, for :func:`kemitraan.render_document`.

    By default the current cycle, today, at the agreement's place. It is signed by the
    facilitator who prepared it (``prepared_by``, else the last facilitator the history
    names) and the head of the institution, and endorsed (*Mengetahui*) by the Dinas
    officer ``endorsed_by``; a signer not known is a blank to fill in by hand.

    >>> from datetime import date
    >>> from kemitraan import Institution, Partnership, Program
    >>> p = Partnership(institution=Institution(name="PKBM A"),
    ...                 program=Program(name="PKW", objectives=["Mandiri"]))
    >>> monitoring_report(p, cycle=1, on=date(2026, 2, 9), place="Martapura").place
    'Martapura'
    """
    agreement = partnership.agreement
    day = on or date.today()
    return MonitoringReport(
        partnership=partnership,
        cycle=partnership.cycle if cycle is None else cycle,
        on=day,
        place=place or (agreement.place if agreement is not None else ""),
        prepared_by=prepared_by or _facilitator(partnership, day),
        endorsed_by=endorsed_by,
    )


def _facilitator(partnership: Partnership, on: date) -> ReportSigner | None:
    """The facilitator who last moved the partnership by ``on``, as the history names them."""
    for record in reversed(partnership.history):
        if record.actor_role is Role.FACILITATOR and record.at.date() <= on and record.actor:
            return ReportSigner(record.actor, Role.FACILITATOR.label_id)
    return None


def _money(value: Decimal | None) -> str:
    return rupiah_digits(value) if value is not None else "-"


def _num(value: Decimal | None, unit: str = "", places: int | None = None) -> str:
    """A measure with its unit (``18 orang``, ``20%``, ``1.500 buah``), or ``-``.

    With ``places``, rounded to the indicator's unit (bags come whole).
    """
    if value is None:
        return "-"
    text = number_text(value, places=places)
    return f"{text}{unit}" if unit == "%" else (f"{text} {unit}" if unit else text)


def _label(partnership: Partnership, party_id: str | None) -> str:
    if party_id is None:
        return "-"
    agreement = partnership.agreement
    if agreement is not None and party_id in agreement.party_ids:
        return f"{agreement.label_of(party_id)} ({agreement.party(party_id).name})"
    try:
        return partnership.party(party_id).name
    except KeyError:
        return party_id


def _severity(severity: Severity) -> str:
    return {Severity.ERROR: "Kritis", Severity.WARNING: "Perlu perhatian"}.get(severity, "Info")


_Dated = TypeVar("_Dated", bound=BaseModel)


def _latest(items: Iterable[_Dated], on: Callable[[_Dated], date]) -> _Dated | None:
    """The newest of ``items`` (ties broken by their JSON, so the choice is stable)."""
    return max(items, key=lambda item: (on(item), item.model_dump_json()), default=None)


def _on(record: Evaluation | Decision) -> date:
    return record.on


# -- the sections, in the order of the report -------------------------------------------


def _identity(report: MonitoringReport, records: int) -> list[IdentityLine]:
    """Who and what, as of the report's day: the documents signed and the term by then."""
    p, on = report.partnership, report.on
    agreements, addenda = documents_as_of(p, on)
    term = term_as_of(p, on) if agreements else None
    parties = "; ".join(f"{party_label(i)}: {party.name}" for i, party in enumerate(p.parties))
    institution = p.institution
    unit = institution.name + (f" (NPSN {institution.npsn})" if institution.npsn else "")
    if institution.operated_by:
        unit += f", diselenggarakan oleh {institution.operated_by}"
    if institution.operating_permit:
        unit += f"; izin operasional {institution.operating_permit}"
    documents = [f"{citation(d)} tentang {d.subject}" for d in agreements] + [
        citation(a) + (f" (mengubah {a.amends.kind.label_id})" if a.amends else "") for a in addenda
    ]
    rows = {
        "Program": p.program.title,
        "Lembaga": unit,
        "Para pihak": parties,
        "Kesepakatan": "; ".join(documents) or "Belum ada kesepakatan yang ditandatangani",
        "Jangka waktu": f"{date_long(term.start)} – {date_long(term.end)}" if term else "-",
        "Tahun kerja sama": str(report.cycle),
        "Keadaan per": date_long(on),
        "Catatan monitoring": f"{records} kali",
    }
    return [IdentityLine(label=label, value=value) for label, value in rows.items()]


def _activities(
    p: Partnership, facts: _Facts, activities: list[PlannedActivity]
) -> list[ActivityLine]:
    rows = []
    for n, activity in enumerate(activities, 1):
        progress, done = facts.of(activity)
        percent = progress[-1][1] if progress else (Decimal(0) if not done else None)
        spent = facts.spent(activity)
        period = activity.period
        rows.append(
            ActivityLine(
                no=str(n),
                name=activity.name,
                responsible=_label(p, activity.responsible),
                schedule=f"{date_long(period.start)} – {date_long(period.end)}" if period else "-",
                progress=f"{_num(percent)}%" if percent is not None else "dilaksanakan",
                budget=_money(activity.budget),
                spent=_money(spent[1] if spent else None),
            )
        )
    return rows


def _money_lines(rows: list[Spent]) -> list[MoneyLine]:
    """Each activity's budget and spending, the difference and what it means; then the total."""
    lines = [
        MoneyLine(
            no=str(n),
            name=r.activity.name,
            budget=_money(r.budget),
            spent=_money(r.spent),
            difference=signed_difference(r.over),
            note=r.note(),
        )
        for n, r in enumerate(rows, 1)
    ]
    budget, spent = totals(rows)
    lines.append(
        MoneyLine(
            no="",
            name="JUMLAH",
            budget=rupiah_digits(budget),
            spent=rupiah_digits(spent),
            difference=signed_difference(spent - budget),
            note="",
        )
    )
    return lines


def _fund_lines(p: Partnership, on: date) -> list[FundLine]:
    return [
        FundLine(
            source=(
                _label(p, funding.source_party_id)
                if funding.source_party_id
                else funding.source_name or "-"
            ),
            kind=fund_kind(p, funding),
            amount=rupiah_digits(funding.amount),
            purpose=funding.purpose or "-",
            document=document.kind.label_id,
        )
        for funding, document in funds(p, on)
    ]


def _status(indicator: Indicator, last: tuple[date, Decimal] | None, on: date) -> str:
    """Where an indicator stands, judged in its own direction against the agreed targets."""
    if last is None:
        return "Belum diukur"
    if indicator.reached(last[1]):
        return "Tercapai"
    due = indicator.milestone(on)
    if due is None:
        return "Belum tercapai; target belum jatuh tempo"
    if indicator.reached(last[1], due.value):
        return f"Sesuai tonggak {date_long(due.by)}; target akhir belum tercapai"
    worse = "di bawah" if indicator.direction is Direction.HIGHER else "di atas"
    return f"Belum tercapai ({worse} target {date_long(due.by)})"


def _indicators(facts: _Facts, indicators: list[Indicator], on: date) -> list[IndicatorLine]:
    rows = []
    for indicator in indicators:
        last, unit, places = facts.value(indicator), indicator.unit, indicator.places
        due = indicator.milestone(on)
        rows.append(
            IndicatorLine(
                name=indicator.name,
                baseline=f"{_num(indicator.baseline, unit)} ({date_long(indicator.baseline_on)})",
                target="; ".join(
                    f"{_num(t.value, unit)} ({date_long(t.by)})" for t in indicator.targets
                ),
                expected=(
                    f"{_num(due.value, unit, places)} (tonggak {date_long(due.by)})"
                    if due
                    else "belum ada target yang jatuh tempo"
                ),
                actual=f"{_num(last[1], unit)} ({date_long(last[0])})" if last else "belum diukur",
                direction=indicator.direction.label_id,
                status=_status(indicator, last, on),
                verification=indicator.verification,
            )
        )
    return rows


def _indicator_kind(d: Deviation, indicator: Indicator, day: date) -> str:
    """An indicator behind, in the indicator's own direction: below or above its target.

    Before a target is due, the pace is behind the plan (the message names the agreed
    target, :func:`kemitraan.detect_deviations` says it).
    """
    due = indicator.milestone(day)
    if due is None or (d.actual is not None and indicator.reached(d.actual, due.value)):
        return "Indikator tertinggal dari rencana"
    worse = "di bawah" if indicator.direction is Direction.HIGHER else "di atas"
    return f"Indikator {worse} target"


def _deviations(
    report: MonitoringReport, records: list[MonitoringRecord], names: dict[str, str]
) -> list[DeviationLine]:
    """The deviations detected on each day of monitoring, and on the day of the report."""
    p = report.partnership
    _, indicators = current_plan(p, report.cycle)
    by_id = {i.id: i for i in indicators}
    rows = []
    for day in sorted({r.on for r in records} | {report.on}):
        for d in detect_deviations(p, on=day, cycle=report.cycle):
            kind, message = d.kind.label_id, d.message.indonesian
            party = _label(p, d.party_id)
            indicator = by_id.get(d.subject)
            if indicator is not None and d.kind is DeviationKind.INDICATOR_BEHIND:
                kind = _indicator_kind(d, indicator, day)
            if indicator is not None and d.party_id is not None:
                party += " — pelapor data"  # who reports it, not who is to blame
            rows.append(
                DeviationLine(
                    on=date_long(day),
                    severity=_severity(d.severity),
                    kind=kind,
                    message=message,
                    evidence=_named(d.evidence.indonesian, names),
                    party=party,
                )
            )
    return rows


def _named(text: str, names: dict[str, str]) -> str:
    """``text`` with the plan's activity ids written as their names."""
    for key, name in names.items():
        text = re.sub(rf"(?<![\w-]){re.escape(key)}(?![\w-])", name, text)
    return text


def _obligations(report: MonitoringReport) -> list[ObligationLine]:
    p = report.partnership
    return [
        ObligationLine(
            document=s.obligation.document.split(" tentang ", 1)[0],
            party=_label(p, s.obligation.party_id),
            text=s.obligation.text,
            due=date_long(s.obligation.due) if s.obligation.due else "-",
            state=s.state.label_id,
            evidence="; ".join(f"{date_long(e.on)}: {e.what}" for e in s.evidence) or "-",
        )
        for s in obligation_status(p, on=report.on, cycle=report.cycle)
    ]


def _objectives(
    p: Partnership, facts: _Facts, indicators: list[Indicator], evaluation: Evaluation | None
) -> list[ObjectiveLine]:
    """Each objective the evaluation judged, with the measured data behind the judgement.

    The conclusion speaks of the indicators, not of the whole statement: an objective
    that says more than its indicators measure is not declared achieved by them.
    """
    if evaluation is None:
        return []
    plan = p.work_plan
    statements = {o.id: o.statement for o in plan.objectives} if plan is not None else {}
    measured: dict[str, list[str]] = {}
    names: dict[str, list[str]] = {}
    for indicator in indicators:
        name = statements.get(indicator.objective or "", indicator.name)
        last = facts.value(indicator)
        unit = indicator.unit
        value = f"{_num(last[1], unit)} ({date_long(last[0])})" if last else "belum diukur"
        names.setdefault(name, []).append(indicator.name)
        measured.setdefault(name, []).append(
            f"{indicator.name}: {value}; target {_num(indicator.final.value, unit)}"
        )
    rows = []
    for statement, met in [(m, True) for m in evaluation.objectives_met] + [
        (u, False) for u in evaluation.objectives_unmet
    ]:
        data = measured.get(statement)
        if data is None:
            conclusion = (
                "Dinyatakan tercapai oleh evaluasi bersama; tidak ada indikator yang mengukurnya"
                if met
                else "Belum tercapai menurut evaluasi bersama"
            )
        else:
            # the claim is the indicators' only: what the statement says beyond them
            # (a halal certificate no indicator counts) is not declared achieved
            conclusion = (
                f"Target tercapai untuk yang diukur: {', '.join(names[statement])}"
                if met
                else "Indikatornya belum semua mencapai target"
            )
        rows.append(
            ObjectiveLine(objective=statement, data="; ".join(data or ["-"]), conclusion=conclusion)
        )
    return rows


def _problems(records: list[MonitoringRecord]) -> list[ProblemLine]:
    return [
        ProblemLine(
            on=date_long(r.on),
            problem=m.problem,
            cause=m.cause or "-",
            solution=m.solution or "-",
            state="Teratasi" if m.resolved else "Belum teratasi",
        )
        for r in records
        for m in r.problems
    ]


def _obstacles(evaluation: Evaluation | None, records: list[MonitoringRecord]) -> list[str]:
    """The evaluation's obstacles, each with what monitoring last recorded of it before then.

    A problem the evaluation still names after a monitoring visit recorded it resolved
    reads, to the Dinas, as a contradiction unless the report says so: "tercatat teratasi
    pada monitoring 31 Oktober 2025" (the evaluation may rightly keep it, as a lesson or a
    risk to guard against).
    """
    if evaluation is None:
        return []
    lines = []
    for obstacle in evaluation.obstacles:
        key = plain_key(obstacle.problem)
        # each day monitoring recorded this problem, up to the evaluation: resolved only
        # if every record of it that day (by any party, of any party) says so
        days: dict[date, bool] = {}
        for record in records:
            for met in record.problems:
                if record.on <= evaluation.on and plain_key(met.problem) == key:
                    days[record.on] = days.get(record.on, True) and met.resolved
        state = ""
        if days:
            last = max(days)
            said = "teratasi" if days[last] else "belum teratasi"
            state = f"; tercatat {said} pada monitoring {date_long(last)}"
        lines.append(f"{obstacle.problem} (penyebab: {obstacle.cause}{state})")
    return lines


def _scored(views: list[PartnerView]) -> list[ScoreLine]:
    """Each item of health any party scored, with every voter's score."""
    return [
        ScoreLine(item=item.label_id, scores=[str(v.scores.get(item, "-")) for v in views])
        for item in HealthItem
        if any(item in v.scores for v in views)
    ]


def _divergences(p: Partnership, views: list[PartnerView]) -> list[DivergenceLine]:
    return [
        DivergenceLine(
            item=d.item.label_id,
            spread=str(d.spread),
            lowest=", ".join(_label(p, pid) for pid in d.lowest),
            comments="; ".join(
                f"{_label(p, v.party_id)}: {v.comments[d.item]}"
                for v in views
                if d.item in v.comments
            )
            or "-",
        )
        for d in divergences(views)
    ]


def _actions(p: Partnership, decision: Decision | None) -> list[ActionLine]:
    return [
        ActionLine(
            action=a.action,
            owner=_label(p, a.owner),
            addresses="; ".join(a.addresses) or "-",
            due=date_long(a.due) if a.due else "-",
        )
        for a in (decision.actions if decision else [])
    ]


def _decided(decision: Decision | None) -> str:
    """The decision in a sentence or two (guide A.10)."""
    if decision is None:
        return "Belum diputuskan."
    continued = (
        "Kerja sama dilanjutkan pada tahun berikutnya."
        if decision.continue_cooperation
        else "Kerja sama tidak dilanjutkan."
    )
    return continued + (f" Alasan: {decision.reason}." if decision.reason else "")


def _context(report: MonitoringReport, _owner: Partnership | None) -> MonitoringReportContext:
    p, cycle, on = report.partnership, report.cycle, report.on
    activities, indicators = current_plan(p, cycle)
    facts = _Facts(p, on, cycle)
    records = sorted(
        (r for r in p.monitoring if r.cycle == cycle and r.on <= on),
        key=lambda r: (r.on, r.model_dump_json()),
    )
    evaluation = _latest((e for e in p.evaluations if e.cycle == cycle and e.on <= on), _on)
    decision = _latest((d for d in p.decisions if d.cycle == cycle and d.on <= on), _on)
    plan = _latest(
        (f for f in p.follow_up_plans if f.for_cycle == cycle + 1 and f.drawn_up_on <= on),
        lambda f: f.drawn_up_on,
    )
    views = evaluation.views if evaluation else []
    labels = {x.id: party_label(i) for i, x in enumerate(p.parties)}
    names = {a.id: a.name for a in activities if a.id != a.name}
    caught = _deviations(report, records, names)
    representative = p.institution.representative
    spent = spending(facts, activities)
    found = funds(p, on)
    context = MonitoringReportContext(
        title="LAPORAN MONITORING DAN EVALUASI",
        about=f"KEMITRAAN PROGRAM {p.program.title.upper()}",
        cycle=f"TAHUN KE-{cycle}",
        institution=p.institution.name.upper(),
        place=report.place,
        date=date_long(on),
        cover=cover(p, on),
        legal_basis=legal_basis(p, on),
        aims=aims(),
        method=method(p, cycle, on, lines := _indicators(facts, indicators, on)),
        identity=_identity(report, len(records)),
        activities=_activities(p, facts, activities),
        money=_money_lines(spent),
        funds=_fund_lines(p, on),
        reconciliation=reconciliation(p, on, spent, found),
        indicators=lines,
        learners=(learners := learner_lines(p, cycle, on))[0],
        learners_basis=learners[1],
        deviations=caught,
        deviations_now=[c for c in caught if c.on == date_long(on)],
        obligations=_obligations(report),
        problems=_problems(records),
        on_plan=evaluation.activities_on_plan if evaluation else [],
        off_plan=evaluation.activities_off_plan if evaluation else [],
        met=evaluation.objectives_met if evaluation else [],
        unmet=evaluation.objectives_unmet if evaluation else [],
        objectives=_objectives(p, facts, indicators, evaluation),
        obstacles=_obstacles(evaluation, records),
        voters=[labels.get(v.party_id, v.party_id) for v in views],
        scored=_scored(views),
        divergences=_divergences(p, views),
        actions=_actions(p, decision),
        decision=_decided(decision),
        lessons=plan.lessons if plan else [],
        carried=plan.carried_forward if plan else [],
        next_activities=[
            f"{a.name} — {_label(p, a.responsible)}" for a in (plan.activities if plan else [])
        ],
        conclusions=conclusions(p, cycle, on, lines, evaluation, decision),
        recommendations=recommendations(decision),
        annexes=annexes(p, cycle, on),
        signer_label="Ketua / Pimpinan Lembaga",
        signer_position=representative.position if representative else "",
        signer=representative.name if representative else "",
        preparer_position=report.prepared_by.position if report.prepared_by else "Pendamping",
        preparer=report.prepared_by.name if report.prepared_by else _BLANK,
        endorser_position=(report.endorsed_by.position if report.endorsed_by else _OFFICER),
        endorser=report.endorsed_by.name if report.endorsed_by else _BLANK,
        endorser_nip=(
            "NIP " + nip_text(report.endorsed_by.nip)
            if report.endorsed_by and report.endorsed_by.nip
            else ("NIP " + _BLANK_NIP if report.endorsed_by is None else "")
        ),
        endorser_rank=(report.endorsed_by.rank or "") if report.endorsed_by else "",
    )
    # typographic quotes in every text (a programme's title, a party's words)
    return MonitoringReportContext.model_validate(_quoted(context.model_dump()))


_BLANK = "(" + "." * 40 + ")"
_BLANK_NIP = "." * 30
_OFFICER = "Penilik / Kepala Bidang Pendidikan Nonformal Dinas Pendidikan"


def _quoted(value: object) -> object:
    if isinstance(value, str):
        return smart_quotes(value)
    if isinstance(value, list):
        return [_quoted(v) for v in value]
    if isinstance(value, dict):
        return {k: _quoted(v) for k, v in value.items()}
    return value


def _check(report: MonitoringReport) -> list[Finding]:
    if report.partnership.work_plan is None:
        return [
            Finding(
                code="report_without_plan",
                severity=Severity.ERROR,
                message=BilingualText.of(
                    "Laporan monitoring membutuhkan rencana kerja (A.5).",
                    "A monitoring report needs the work plan (A.5).",
                ),
                basis="Panduan A.5, A.9",
            )
        ]
    return []


def _subject(source: object) -> tuple[MonitoringReport, Partnership] | None:
    if isinstance(source, MonitoringReport):
        return source, source.partnership
    return None


KIND = DocumentKind(
    name="me_report",
    title=BilingualText.of("Laporan Monitoring dan Evaluasi", "Monitoring and evaluation report"),
    template="me_report.docx",
    layout="report",
    subject=_subject,
    context=_context,
    check=_check,
)
"""The registry entry."""
