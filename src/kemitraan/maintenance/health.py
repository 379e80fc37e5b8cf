"""Partner health: per partner and technique, a status with its reasons.

Read from the interaction log, monitoring, the obligations, the partner's own view in
the cycle's evaluation and the facilitator's checklist answers.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import cache, lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING, Final

from pydantic import Field, TypeAdapter

from kemitraan._base import BilingualText, LabelledEnum, ValueModel
from kemitraan._types import PartyId
from kemitraan.deviations import DeviationKind, _Found, _judged
from kemitraan.findings import Severity
from kemitraan.maintenance.interactions import ChecklistAnswer, Interaction, InteractionKind
from kemitraan.maintenance.techniques import CHECKLISTS, Technique
from kemitraan.maintenance.touchpoints import PlannerSettings, _greeted
from kemitraan.monitoring import HealthItem
from kemitraan.obligations import _canonical

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
    worst = HealthStatus.GOOD
    for status in statuses:
        if status is not worst and _WORST[status] > _WORST[worst]:
            worst = status
    return worst


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
    cycle = partnership.cycle
    overdue: dict[str, int] = {}
    troubles: dict[str, list[_Found]] = {}
    found, facts = _judged(partnership, on, None, None)
    for deviation in found:
        if deviation.party_id is None:
            continue
        if deviation.kind is DeviationKind.OBLIGATION_OVERDUE:
            overdue[deviation.party_id] = overdue.get(deviation.party_id, 0) + 1
        else:
            troubles.setdefault(deviation.party_id, []).append(deviation)
    views = {
        v.party_id: v
        for e in _canonical(e for e in partnership.evaluations if e.cycle == cycle and e.on <= on)
        for v in e.views
    }
    # one pass over each record list; what health reads of a partner's log is days and
    # counts, so the order of one day's interactions does not count
    logs: dict[str, list[Interaction]] = {}
    for interaction in partnership.interactions:
        if interaction.on <= on:
            ids = interaction.partner_ids
            for pid in ids if len(ids) == 1 else set(ids):
                logs.setdefault(pid, []).append(interaction)
    unresolved: dict[str | None, int] = {}
    for record in facts.monitored:  # the cycle's up to the day
        for problem in record.problems:
            if not problem.resolved:
                unresolved[problem.party_id] = unresolved.get(problem.party_id, 0) + 1
    answered: dict[str, list[ChecklistAnswer]] = {}
    for answer in partnership.checklist:
        if answer.on <= on:
            answered.setdefault(answer.partner_id, []).append(answer)
    result = []
    for partner in partnership.committed_partners:
        mine = sorted(logs.get(partner.id, ()), key=attrgetter("on"))
        problems = unresolved.get(partner.id, 0)
        answers = {a.item: a for a in _canonical(answered.get(partner.id, ()))}
        techniques, status = _techniques(partner.id, mine, problems, answers, on, s)
        reasons: list[_Reason] = []
        if overdue.get(partner.id):
            reasons.append(
                _text(
                    f"{overdue[partner.id]} kewajiban lewat tenggat.",
                    f"{overdue[partner.id]} obligation(s) overdue.",
                )
            )
        view = views.get(partner.id)
        low = [item for item, score in (view.scores.items() if view else ()) if score <= 2]
        if low:
            reasons.append(
                _text(
                    "Penilaian mitra sendiri rendah: "
                    + ", ".join(i.label_id.lower() for i in HealthItem.in_order(low))
                    + ".",
                    "The partner's own view is low on: "
                    + ", ".join(i.label_en.lower() for i in HealthItem.in_order(low))
                    + ".",
                )
            )
        mine_off = troubles.get(partner.id, [])
        reasons += [_text(*deviation.message) for deviation in mine_off]
        critical = any(d.severity is Severity.ERROR for d in mine_off)
        extra = (
            HealthStatus.AT_RISK
            if overdue.get(partner.id) or critical
            else (HealthStatus.ATTENTION if low or mine_off else HealthStatus.GOOD)
        )
        result.append(
            {
                "partner_id": partner.id,
                "status": _worst([extra, status]),
                "techniques": techniques,
                "reasons": reasons,
            }
        )
    return _healths().validate_python(result)


_Reason = BilingualText | dict[str, str]
"""A reason as :func:`partner_health` gathers it: a shared text, or the fields of a new one."""


def _text(indonesian: str, english: str) -> dict[str, str]:
    return {"indonesian": indonesian, "english": english}


@cache
def _healths() -> TypeAdapter[list[PartnerHealth]]:
    # One validation in pydantic-core makes every result of a call: faster than making
    # them one by one (validated or trusted). The library's sentences begin and end with
    # words, so validation keeps them as they are.
    return TypeAdapter(list[PartnerHealth])


# The reasons that say no number: one value each, shared by every result that gives them.
_NEVER_CONTACTED: Final = bi("Belum pernah dihubungi.", "Never contacted.")
_INVITED_BY_PARTNER: Final = bi(
    "Mitra lebih sering mengajak daripada lembaga.",
    "The partner invites more often than the institution.",
)
_NEVER_ASKED: Final = bi(
    "Belum pernah dimintai masukan; diam belum tentu puas.",
    "Never asked for feedback; silence is not satisfaction.",
)
_NO_FEEDBACK_EVENT: Final = bi(
    "Belum ada acara atau pertemuan khusus untuk meminta masukan dalam setahun.",
    "No event or meeting held to ask for feedback in the past year.",
)
_ONLY_IN_PERSON: Final = bi(
    "Belum ada kontak lewat WhatsApp, telepon, e-mail atau media sosial dalam setahun.",
    "No contact by WhatsApp, phone, e-mail or social media in the past year.",
)
_NOT_GREETED: Final = bi(
    "Hari raya dan tahun baru belum dipakai untuk menyapa mitra dalam setahun.",
    "Holidays and the new year have not been used to greet the partner this year.",
)
_NO_UNIQUE_VALUE: Final = bi(
    "Belum ada pertemuan yang membawa nilai unik dalam setahun.",
    "No meeting brought unique value in the past year.",
)
_NO_SURPRISE: Final = bi(
    "Belum ada ide atau peluang baru yang ditawarkan dalam setahun.",
    "No new idea or opportunity offered in the past year.",
)
_FEEDBACK_KINDS: Final = (InteractionKind.EVENT, InteractionKind.WORKSHOP, InteractionKind.MEETING)
_IN_PERSON: Final = frozenset(kind for kind in InteractionKind if kind.in_person)
_TECHNIQUES: Final = tuple(Technique)


@lru_cache(maxsize=64)
def _greeting_days(on: date) -> frozenset[date]:
    """The days within three days of a greeting day of the year up to ``on``."""
    return frozenset(day + timedelta(days=k) for day in _greeted(on) for k in range(-3, 4))


def _techniques(
    partner: str,
    log: list[Interaction],
    problems: int,
    answers: dict[str, ChecklistAnswer],
    on: date,
    s: PlannerSettings,
) -> tuple[list[dict[str, object]], HealthStatus]:
    """Each technique's health for one partner (its fields) in the guide's order, and the worst.

    From the partner's log, by day.
    """
    flags: dict[Technique, list[tuple[HealthStatus, _Reason]]] = {t: [] for t in _TECHNIQUES}
    last = log[-1].on if log else None

    # partner first, and active: how long since the last contact
    contact: tuple[HealthStatus, _Reason] | None = None
    if last is None:
        contact = (HealthStatus.AT_RISK, _NEVER_CONTACTED)
    elif (on - last).days > s.cadence_days:
        days = (on - last).days
        level = HealthStatus.AT_RISK if days > 2 * s.cadence_days else HealthStatus.ATTENTION
        contact = (
            level,
            _text(f"Kontak terakhir {days} hari lalu.", f"Last contact {days} days ago."),
        )
    if contact is not None:
        flags[Technique.PARTNER_FIRST].append(contact)
        flags[Technique.ACTIVE].append(contact)

    # what the log shows, in one pass: feedback asked and acted on, and the past year's
    # contacts (who invited, how, on a holiday, what they served)
    recent = ours = theirs = ignored = 0
    asked: date | None = None
    remote = greeted = feedback_event = unique = surprise = False
    greeting: frozenset[date] | None = None
    for i in log:
        if i.feedback_requested:
            asked = i.on
        if i.feedback is not None and i.acted_on is False:
            ignored += 1
        if (on - i.on).days > 365:
            continue
        if greeting is None:
            greeting = _greeting_days(on)
        recent += 1
        kind = i.kind
        if i.initiated_by == partner:
            theirs += 1
        elif i.initiated_by is not None:
            ours += 1
        remote = remote or kind not in _IN_PERSON
        greeted = greeted or i.on in greeting
        feedback_event = feedback_event or (i.feedback_requested and kind in _FEEDBACK_KINDS)
        served = i.techniques
        unique = unique or Technique.UNIQUE_VALUE in served or kind is InteractionKind.WORKSHOP
        surprise = surprise or Technique.SURPRISE in served or bool(i.opportunity)

    active = flags[Technique.ACTIVE]
    if recent:
        if theirs > ours:
            active.append((HealthStatus.ATTENTION, _INVITED_BY_PARTNER))
        if not remote:
            active.append((HealthStatus.ATTENTION, _ONLY_IN_PERSON))
        if not greeted:
            active.append((HealthStatus.ATTENTION, _NOT_GREETED))

    humble = flags[Technique.HUMBLE]
    if asked is None:
        humble.append((HealthStatus.AT_RISK, _NEVER_ASKED))
    elif (on - asked).days > s.feedback_every_days:
        days = (on - asked).days
        humble.append(
            (
                HealthStatus.ATTENTION,
                _text(
                    f"Masukan terakhir diminta {days} hari lalu.",
                    f"Feedback last asked {days} days ago.",
                ),
            )
        )
    if ignored:
        humble.append(
            (
                HealthStatus.AT_RISK,
                _text(
                    f"{ignored} masukan belum ditindaklanjuti.",
                    f"{ignored} piece(s) of feedback not acted on.",
                ),
            )
        )
    if not feedback_event:
        humble.append((HealthStatus.ATTENTION, _NO_FEEDBACK_EVENT))

    if problems:
        flags[Technique.PATIENT].append(
            (
                HealthStatus.ATTENTION,
                _text(
                    f"{problems} masalah dengan mitra belum terselesaikan.",
                    f"{problems} problem(s) with the partner unresolved.",
                ),
            )
        )
    if not unique:
        flags[Technique.UNIQUE_VALUE].append((HealthStatus.ATTENTION, _NO_UNIQUE_VALUE))
    if not surprise:
        flags[Technique.SURPRISE].append((HealthStatus.ATTENTION, _NO_SURPRISE))

    result: list[dict[str, object]] = []
    worst = HealthStatus.GOOD
    for technique, found in flags.items():
        if answers:
            for item in CHECKLISTS[technique]:
                answer = answers.get(item.code)
                if answer is not None and not answer.done:
                    found.append(
                        (
                            HealthStatus.ATTENTION,
                            _text(
                                f"Belum terpenuhi: {item.text.indonesian}",
                                f"Not met: {item.text.english}",
                            ),
                        )
                    )
        status = _worst(level for level, _ in found)
        worst = _worst([worst, status])
        result.append(
            {
                "partner_id": partner,
                "technique": technique,
                "status": status,
                "reasons": [reason for _, reason in found],
            }
        )
    return result, worst
