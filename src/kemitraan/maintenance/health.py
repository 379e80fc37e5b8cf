"""Partner health: per partner and technique, a status with its reasons.

Read from the interaction log, monitoring, the obligations, the partner's own view in
the cycle's evaluation and the facilitator's checklist answers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Final

from pydantic import Field

from kemitraan._base import BilingualText, LabelledEnum, ValueModel
from kemitraan._types import PartyId
from kemitraan.deviations import Deviation, DeviationKind, detect_deviations
from kemitraan.findings import Severity
from kemitraan.maintenance.interactions import ChecklistAnswer, Interaction, InteractionKind
from kemitraan.maintenance.techniques import CHECKLISTS, Technique
from kemitraan.maintenance.touchpoints import PlannerSettings, _greeted
from kemitraan.monitoring import HealthItem

if TYPE_CHECKING:
    from kemitraan.partnerships import Partnership

__all__ = ["HealthStatus", "PartnerHealth", "TechniqueHealth", "partner_health"]

bi = BilingualText.of


class HealthStatus(LabelledEnum):
    """How a partnership stands with a partner, on one technique or overall.

    >>> HealthStatus.AT_RISK.label_en
    'At risk'
    """

    GOOD = "good", "Baik", "Good"
    ATTENTION = "attention", "Perlu perhatian", "Needs attention"
    AT_RISK = "at_risk", "Berisiko", "At risk"


_WORST: Final = {HealthStatus.GOOD: 0, HealthStatus.ATTENTION: 1, HealthStatus.AT_RISK: 2}


class TechniqueHealth(ValueModel):
    """One technique, for one partner: its status and why.

    >>> TechniqueHealth(partner_id="kube", technique=Technique.ACTIVE,
    ...                 status=HealthStatus.GOOD).reasons
    []
    """

    partner_id: PartyId
    """The partner."""
    technique: Technique
    """The technique."""
    status: HealthStatus
    """Its status."""
    reasons: list[BilingualText] = Field(default_factory=list)
    """Why."""


class PartnerHealth(ValueModel):
    """A partner's overall health: the worst of its techniques, obligations and own view.

    >>> PartnerHealth(partner_id="kube", status=HealthStatus.GOOD).techniques
    []
    """

    partner_id: PartyId
    """The partner."""
    status: HealthStatus
    """Overall."""
    techniques: list[TechniqueHealth] = Field(default_factory=list)
    """Per technique."""
    reasons: list[BilingualText] = Field(default_factory=list)
    """What else weighs: overdue obligations, the partner's own view."""


def _worst(statuses: Iterable[HealthStatus]) -> HealthStatus:
    return max(statuses, key=_WORST.__getitem__, default=HealthStatus.GOOD)


def partner_health(
    partnership: Partnership, *, on: date, settings: PlannerSettings | None = None
) -> list[PartnerHealth]:
    """For each committed partner, the health of each technique and overall, on ``on``.

    From the interaction log (how recent, who invited, feedback asked and acted on, in
    person or remote, on holidays, techniques served), monitoring (problems left unsolved,
    the deviations that concern the partner), the obligations (overdue ones), the
    partner's own view in the cycle's evaluation, and the facilitator's checklist answers
    (an item answered "not done" needs attention).

    >>> from kemitraan import (Institution, Interaction, InteractionKind, Partner, PartnerKind,
    ...     Partnership, Program, Exploration, ExplorationKind, ExplorationResponse,
    ...     PartnerResponse)
    >>> shop = Partner(name="Toko B", kind=PartnerKind.BUSINESS)
    >>> p = Partnership(institution=Institution(name="PKBM A"), partners=[shop],
    ...     program=Program(name="PKW", objectives=["Mandiri"]),
    ...     explorations=[Exploration(on=date(2025, 2, 1), kind=ExplorationKind.AUDIENCE,
    ...         partner_ids=[shop.id], responses=[ExplorationResponse(
    ...             partner_id=shop.id, response=PartnerResponse.AGREED)])],
    ...     interactions=[Interaction(on=date(2025, 11, 20), kind=InteractionKind.VISIT,
    ...         partner_ids=[shop.id], feedback_requested=True)])
    >>> [(t.technique.value, t.status.value)
    ...  for t in partner_health(p, on=date(2025, 12, 1))[0].techniques][:3]
    [('partner_first', 'good'), ('humble', 'attention'), ('patient', 'good')]
    """
    s = settings or PlannerSettings()
    overdue: dict[str, int] = {}
    troubles: dict[str, list[Deviation]] = {}
    for deviation in detect_deviations(partnership, on=on):
        if deviation.party_id is None:
            continue
        if deviation.kind is DeviationKind.OBLIGATION_OVERDUE:
            overdue[deviation.party_id] = overdue.get(deviation.party_id, 0) + 1
        else:
            troubles.setdefault(deviation.party_id, []).append(deviation)
    views = {
        v.party_id: v
        for e in sorted(partnership.evaluations, key=lambda e: (e.on, e.model_dump_json()))
        if e.cycle == partnership.cycle and e.on <= on
        for v in e.views
    }
    result = []
    for partner in partnership.committed_partners:
        mine = sorted(
            (i for i in partnership.interactions if partner.id in i.partner_ids and i.on <= on),
            key=lambda i: (i.on, i.model_dump_json()),
        )
        problems = [
            p
            for r in partnership.monitoring
            if r.cycle == partnership.cycle and r.on <= on
            for p in r.problems
            if p.party_id == partner.id and not p.resolved
        ]
        answers = {
            a.item: a
            for a in sorted(partnership.checklist, key=lambda a: (a.on, a.model_dump_json()))
            if a.partner_id == partner.id and a.on <= on
        }
        techniques = [
            _technique(technique, partner.id, mine, problems, answers, on, s)
            for technique in Technique
        ]
        reasons = []
        if overdue.get(partner.id):
            reasons.append(
                bi(
                    f"{overdue[partner.id]} kewajiban lewat tenggat.",
                    f"{overdue[partner.id]} obligation(s) overdue.",
                )
            )
        view = views.get(partner.id)
        low = [item for item, score in (view.scores.items() if view else ()) if score <= 2]
        if low:
            reasons.append(
                bi(
                    "Penilaian mitra sendiri rendah: "
                    + ", ".join(i.label_id.lower() for i in HealthItem.in_order(low))
                    + ".",
                    "The partner's own view is low on: "
                    + ", ".join(i.label_en.lower() for i in HealthItem.in_order(low))
                    + ".",
                )
            )
        mine_off = troubles.get(partner.id, [])
        reasons += [deviation.message for deviation in mine_off]
        critical = any(d.severity is Severity.ERROR for d in mine_off)
        extra = (
            HealthStatus.AT_RISK
            if overdue.get(partner.id) or critical
            else (HealthStatus.ATTENTION if low or mine_off else HealthStatus.GOOD)
        )
        status = _worst([extra, *(t.status for t in techniques)])
        result.append(
            PartnerHealth(
                partner_id=partner.id, status=status, techniques=techniques, reasons=reasons
            )
        )
    return result


def _technique(
    technique: Technique,
    partner: str,
    log: list[Interaction],
    problems: Sequence[object],
    answers: dict[str, ChecklistAnswer],
    on: date,
    s: PlannerSettings,
) -> TechniqueHealth:
    reasons: list[BilingualText] = []
    status = HealthStatus.GOOD
    last = log[-1].on if log else None
    recent = [i for i in log if (on - i.on).days <= 365]

    def flag(level: HealthStatus, id_: str, en: str) -> None:
        nonlocal status
        status = _worst([status, level])
        reasons.append(bi(id_, en))

    if technique is Technique.PARTNER_FIRST or technique is Technique.ACTIVE:
        if last is None:
            flag(HealthStatus.AT_RISK, "Belum pernah dihubungi.", "Never contacted.")
        elif (on - last).days > 2 * s.cadence_days:
            flag(
                HealthStatus.AT_RISK,
                f"Kontak terakhir {(on - last).days} hari lalu.",
                f"Last contact {(on - last).days} days ago.",
            )
        elif (on - last).days > s.cadence_days:
            flag(
                HealthStatus.ATTENTION,
                f"Kontak terakhir {(on - last).days} hari lalu.",
                f"Last contact {(on - last).days} days ago.",
            )
    if technique is Technique.ACTIVE and recent:
        ours = sum(1 for i in recent if i.initiated_by is not None and i.initiated_by != partner)
        theirs = sum(1 for i in recent if i.initiated_by == partner)
        if theirs > ours:
            flag(
                HealthStatus.ATTENTION,
                "Mitra lebih sering mengajak daripada lembaga.",
                "The partner invites more often than the institution.",
            )
    if technique is Technique.HUMBLE:
        asked = [i.on for i in log if i.feedback_requested]
        if not asked:
            flag(
                HealthStatus.AT_RISK,
                "Belum pernah dimintai masukan; diam belum tentu puas.",
                "Never asked for feedback; silence is not satisfaction.",
            )
        elif (on - asked[-1]).days > s.feedback_every_days:
            flag(
                HealthStatus.ATTENTION,
                f"Masukan terakhir diminta {(on - asked[-1]).days} hari lalu.",
                f"Feedback last asked {(on - asked[-1]).days} days ago.",
            )
        ignored = [i for i in log if i.feedback is not None and i.acted_on is False]
        if ignored:
            flag(
                HealthStatus.AT_RISK,
                f"{len(ignored)} masukan belum ditindaklanjuti.",
                f"{len(ignored)} piece(s) of feedback not acted on.",
            )
    if technique is Technique.HUMBLE:
        events = [
            i
            for i in recent
            if i.feedback_requested
            and i.kind in (InteractionKind.EVENT, InteractionKind.WORKSHOP, InteractionKind.MEETING)
        ]
        if not events:
            flag(
                HealthStatus.ATTENTION,
                "Belum ada acara atau pertemuan khusus untuk meminta masukan dalam setahun.",
                "No event or meeting held to ask for feedback in the past year.",
            )
    if technique is Technique.ACTIVE and recent:
        if all(i.kind.in_person for i in recent):
            flag(
                HealthStatus.ATTENTION,
                "Belum ada kontak lewat WhatsApp, telepon, e-mail atau media sosial dalam setahun.",
                "No contact by WhatsApp, phone, e-mail or social media in the past year.",
            )
        greeted = _greeted(on)
        if not any(abs((i.on - day).days) <= 3 for i in recent for day in greeted):
            flag(
                HealthStatus.ATTENTION,
                "Hari raya dan tahun baru belum dipakai untuk menyapa mitra dalam setahun.",
                "Holidays and the new year have not been used to greet the partner this year.",
            )
    if technique is Technique.PATIENT and problems:
        flag(
            HealthStatus.ATTENTION,
            f"{len(problems)} masalah dengan mitra belum terselesaikan.",
            f"{len(problems)} problem(s) with the partner unresolved.",
        )
    if technique is Technique.UNIQUE_VALUE:
        served = [
            i
            for i in recent
            if Technique.UNIQUE_VALUE in i.techniques or i.kind is InteractionKind.WORKSHOP
        ]
        if not served:
            flag(
                HealthStatus.ATTENTION,
                "Belum ada pertemuan yang membawa nilai unik dalam setahun.",
                "No meeting brought unique value in the past year.",
            )
    if technique is Technique.SURPRISE:
        served = [i for i in recent if Technique.SURPRISE in i.techniques or i.opportunity]
        if not served:
            flag(
                HealthStatus.ATTENTION,
                "Belum ada ide atau peluang baru yang ditawarkan dalam setahun.",
                "No new idea or opportunity offered in the past year.",
            )
    for item in CHECKLISTS[technique]:
        answer = answers.get(item.code)
        if answer is not None and not answer.done:
            flag(
                HealthStatus.ATTENTION,
                f"Belum terpenuhi: {item.text.indonesian}",
                f"Not met: {item.text.english}",
            )
    return TechniqueHealth(partner_id=partner, technique=technique, status=status, reasons=reasons)
