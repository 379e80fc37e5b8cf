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
>>> context = KIND.context(report, p)
>>> context["title"], len(context["activities"]), len(context["indicators"])
('LAPORAN MONITORING DAN EVALUASI', 4, 4)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from kemitraan._base import BilingualText
from kemitraan.conventions import date_long, party_label, rupiah_digits
from kemitraan.deviations import _Facts, detect_deviations
from kemitraan.documents._registry import DocumentKind
from kemitraan.evaluation import divergences, indicator_reached
from kemitraan.findings import Finding, Severity
from kemitraan.monitoring import HealthItem
from kemitraan.obligations import obligation_status
from kemitraan.partnerships import Partnership
from kemitraan.summary import current_plan

__all__ = ["KIND", "MonitoringReport", "monitoring_report"]


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


def monitoring_report(
    partnership: Partnership,
    *,
    cycle: int | None = None,
    on: date | None = None,
    place: str | None = None,
) -> MonitoringReport:
    """The report of ``cycle`` as of ``on``, for :func:`kemitraan.render_document`.

    By default the current cycle, today, at the agreement's place.

    >>> from datetime import date
    >>> from kemitraan import Institution, Partnership, Program
    >>> p = Partnership(institution=Institution(name="PKBM A"),
    ...                 program=Program(name="PKW", objectives=["Mandiri"]))
    >>> monitoring_report(p, cycle=1, on=date(2026, 2, 9), place="Martapura").place
    'Martapura'
    """
    agreement = partnership.agreement
    return MonitoringReport(
        partnership=partnership,
        cycle=partnership.cycle if cycle is None else cycle,
        on=on or date.today(),
        place=place or (agreement.place if agreement is not None else ""),
    )


def _money(value: Decimal | None) -> str:
    return rupiah_digits(value) if value is not None else "-"


def _num(value: Decimal | None, unit: str = "") -> str:
    if value is None:
        return "-"
    text = format(value.normalize(), "f").replace(".", ",")
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


def _context(report: MonitoringReport, _owner: Partnership | None) -> dict[str, Any]:
    p, cycle, on = report.partnership, report.cycle, report.on
    activities, indicators = current_plan(p, cycle)
    facts = _Facts(p, on, cycle)
    agreement = p.agreement
    records = sorted(
        (r for r in p.monitoring if r.cycle == cycle and r.on <= on),
        key=lambda r: (r.on, r.model_dump_json()),
    )
    rows = []
    for n, activity in enumerate(activities, 1):
        progress, done = facts.of(activity)
        percent = progress[-1][1] if progress else (Decimal(0) if not done else None)
        spent = facts.spent(activity)
        period = activity.period
        rows.append(
            {
                "no": str(n),
                "name": activity.name,
                "responsible": _label(p, activity.responsible),
                "schedule": (
                    f"{date_long(period.start)} – {date_long(period.end)}" if period else "-"
                ),
                "progress": f"{_num(percent)}%" if percent is not None else "dilaksanakan",
                "budget": _money(activity.budget),
                "spent": _money(spent[1] if spent else None),
            }
        )
    measured = []
    for indicator in indicators:
        last = facts.value(indicator)
        measured.append(
            {
                "name": indicator.name,
                "baseline": f"{_num(indicator.baseline, indicator.unit)} "
                f"({date_long(indicator.baseline_on)})",
                "target": "; ".join(
                    f"{_num(t.value, indicator.unit)} ({date_long(t.by)})"
                    for t in indicator.targets
                ),
                "actual": f"{_num(last[1], indicator.unit)} ({date_long(last[0])})"
                if last
                else "belum diukur",
                "direction": indicator.direction.label_id,
                "status": (
                    "Tercapai"
                    if last and indicator_reached(indicator, last[1])
                    else "Belum tercapai"
                ),
                "verification": indicator.verification,
            }
        )
    caught = []
    days = sorted({r.on for r in records} | {on})
    for day in days:
        for d in detect_deviations(p, on=day, cycle=cycle):
            caught.append(
                {
                    "on": date_long(day),
                    "severity": _severity(d.severity),
                    "kind": d.kind.label_id,
                    "message": d.message.indonesian,
                    "evidence": d.evidence.indonesian,
                    "party": _label(p, d.party_id),
                }
            )
    now = [c for c in caught if c["on"] == date_long(on)]
    obligations = [
        {
            "document": s.obligation.document.split(" tentang ", 1)[0],
            "party": _label(p, s.obligation.party_id),
            "text": s.obligation.text,
            "due": date_long(s.obligation.due) if s.obligation.due else "-",
            "state": s.state.label_id,
            "evidence": "; ".join(f"{date_long(e.on)}: {e.what}" for e in s.evidence) or "-",
        }
        for s in obligation_status(p, on=on, cycle=cycle)
    ]
    problems = [
        {
            "on": date_long(r.on),
            "problem": m.problem,
            "cause": m.cause or "-",
            "solution": m.solution or "-",
            "state": "Teratasi" if m.resolved else "Belum teratasi",
        }
        for r in records
        for m in r.problems
    ]
    evaluations = [e for e in p.evaluations if e.cycle == cycle and e.on <= on]
    evaluation = (
        max(evaluations, key=lambda e: (e.on, e.model_dump_json())) if evaluations else None
    )
    views = evaluation.views if evaluation else []
    party_names = {x.id: party_label(i) for i, x in enumerate(p.parties)}
    voters = [party_names.get(v.party_id, v.party_id) for v in views]
    scored = [
        {
            "item": item.label_id,
            "scores": [str(v.scores.get(item, "-")) for v in views],
        }
        for item in HealthItem
        if any(item in v.scores for v in views)
    ]
    wide = [
        {
            "item": d.item.label_id,
            "spread": str(d.spread),
            "lowest": ", ".join(_label(p, pid) for pid in d.lowest),
            "comments": "; ".join(
                f"{_label(p, v.party_id)}: {v.comments[d.item]}"
                for v in views
                if d.item in v.comments
            )
            or "-",
        }
        for d in divergences(views)
    ]
    decisions = [d for d in p.decisions if d.cycle == cycle and d.on <= on]
    decision = max(decisions, key=lambda d: (d.on, d.model_dump_json())) if decisions else None
    plans = [f for f in p.follow_up_plans if f.for_cycle == cycle + 1 and f.drawn_up_on <= on]
    plan = max(plans, key=lambda f: (f.drawn_up_on, f.model_dump_json())) if plans else None
    parties = p.parties
    return {
        "kind": "me_report",
        "draft": False,
        "title": "LAPORAN MONITORING DAN EVALUASI",
        "about": f"KEMITRAAN PROGRAM {p.program.title.upper()}",
        "cycle": f"TAHUN KE-{cycle}",
        "institution": p.institution.name.upper(),
        "place": report.place,
        "date": date_long(on),
        "identity": [
            {"label": "Program", "value": p.program.title},
            {"label": "Lembaga", "value": p.institution.name},
            {
                "label": "Para pihak",
                "value": "; ".join(
                    f"{party_label(i)}: {party.name}" for i, party in enumerate(parties)
                ),
            },
            {
                "label": "Kesepakatan",
                "value": (
                    f"{agreement.kind.label_id} tanggal {date_long(agreement.date)} tentang "
                    f"{agreement.subject}"
                    if agreement
                    else "-"
                ),
            },
            {
                "label": "Jangka waktu",
                "value": (
                    f"{date_long(term.start)} – {date_long(term.end)}"
                    if (term := p.effective_term)
                    else "-"
                ),
            },
            {"label": "Tahun kerja sama", "value": str(cycle)},
            {"label": "Keadaan per", "value": date_long(on)},
            {"label": "Catatan monitoring", "value": f"{len(records)} kali"},
        ],
        "activities": rows,
        "indicators": measured,
        "deviations": caught,
        "deviations_now": now,
        "obligations": obligations,
        "problems": problems,
        "on_plan": evaluation.activities_on_plan if evaluation else [],
        "off_plan": evaluation.activities_off_plan if evaluation else [],
        "met": evaluation.objectives_met if evaluation else [],
        "unmet": evaluation.objectives_unmet if evaluation else [],
        "obstacles": [f"{o.problem} (penyebab: {o.cause})" for o in evaluation.obstacles]
        if evaluation
        else [],
        "voters": voters,
        "scored": scored,
        "divergences": wide,
        "actions": [
            {
                "action": a.action,
                "owner": _label(p, a.owner),
                "addresses": "; ".join(a.addresses) or "-",
                "due": date_long(a.due) if a.due else "-",
            }
            for a in (decision.actions if decision else [])
        ],
        "decision": (
            (
                "Kerja sama dilanjutkan pada tahun berikutnya."
                if decision.continue_cooperation
                else "Kerja sama tidak dilanjutkan."
            )
            + (f" Alasan: {decision.reason}." if decision.reason else "")
            if decision
            else "Belum diputuskan."
        ),
        "lessons": plan.lessons if plan else [],
        "carried": plan.carried_forward if plan else [],
        "next_activities": [
            f"{a.name} — {_label(p, a.responsible)}" for a in (plan.activities if plan else [])
        ],
        "signer_label": "Ketua / Pimpinan Lembaga",
        "signer_position": (
            p.institution.representative.position if p.institution.representative else ""
        ),
        "signer": p.institution.representative.name if p.institution.representative else "",
    }


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
