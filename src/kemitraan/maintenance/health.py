"""Partner health: per partner and technique, a status with its reasons.

Read from the interaction log, monitoring, the obligations, the partner's own view in
the cycle's evaluation and the facilitator's checklist answers.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import cache, lru_cache
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
    s = settings or _default_settings()
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
    partners = partnership.committed_partners
    contacts = _contacts(partnership.interactions, {partner.id for partner in partners}, on)
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
    for partner in partners:
        problems = unresolved.get(partner.id, 0)
        mine = answered.get(partner.id)
        answers = {a.item: a for a in _canonical(mine)} if mine else {}
        techniques, status = _techniques(
            partner.id, contacts.get(partner.id) or _Contacts(), problems, answers, on, s
        )
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
def _default_settings() -> PlannerSettings:
    return PlannerSettings()


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
# members read in the per-interaction loop (reading an enum's member costs a lookup)
_UNIQUE_VALUE: Final = Technique.UNIQUE_VALUE
_SURPRISE: Final = Technique.SURPRISE
_WORKSHOP: Final = InteractionKind.WORKSHOP
_TECHNIQUES: Final = tuple(Technique)


@lru_cache(maxsize=64)
def _greeting_days(on: date) -> frozenset[date]:
    """The days within three days of a greeting day of the year up to ``on``."""
    return frozenset(day + timedelta(days=k) for day in _greeted(on) for k in range(-3, 4))


class _Contacts:
    """What a partner's log shows: days, counts, whether something happened.

    Nothing here depends on the order of the log.
    """

    __slots__ = (
        "asked",
        "feedback_event",
        "greeted",
        "ignored",
        "last",
        "ours",
        "recent",
        "remote",
        "surprise",
        "theirs",
        "unique",
    )

    def __init__(self) -> None:
        self.last: date | None = None  # the last contact
        self.asked: date | None = None  # the last request for feedback
        self.ignored = 0  # feedback given and not acted on
        # the past year's contacts: how many, who invited, whether any was remote, on a
        # holiday, a feedback event, of unique value, a surprise
        self.recent = self.ours = self.theirs = 0
        self.remote = self.greeted = self.feedback_event = self.unique = self.surprise = False


def _contacts(
    interactions: Iterable[Interaction], partners: set[str], on: date
) -> dict[str, _Contacts]:
    """What the interaction log up to ``on`` shows for each of ``partners``, in one pass."""
    found: dict[str, _Contacts] = {}
    greeting: frozenset[date] | None = None
    unique_value, surprise_, workshop = _UNIQUE_VALUE, _SURPRISE, _WORKSHOP
    for i in interactions:
        day = i.on
        if day > on:
            continue
        ids = i.partner_ids
        if len(ids) == 1:
            if ids[0] not in partners:
                continue
            mine: Iterable[str] = ids
        else:
            mine = [pid for pid in set(ids) if pid in partners]
            if not mine:
                continue
        asked = i.feedback_requested
        ignored = i.feedback is not None and i.acted_on is False
        recent = (on - day).days <= 365
        if recent:
            if greeting is None:
                greeting = _greeting_days(on)
            kind, served, by = i.kind, i.techniques, i.initiated_by
            remote = kind not in _IN_PERSON
            greeted = day in greeting
            feedback_event = asked and kind in _FEEDBACK_KINDS
            unique = kind is workshop or unique_value in served
            surprise = surprise_ in served or bool(i.opportunity)
        for pid in mine:
            c = found.get(pid)
            if c is None:
                c = found[pid] = _Contacts()
            if c.last is None or day > c.last:
                c.last = day
            if asked and (c.asked is None or day > c.asked):
                c.asked = day
            if ignored:
                c.ignored += 1
            if recent:
                c.recent += 1
                if by == pid:
                    c.theirs += 1
                elif by is not None:
                    c.ours += 1
                c.remote = c.remote or remote
                c.greeted = c.greeted or greeted
                c.feedback_event = c.feedback_event or feedback_event
                c.unique = c.unique or unique
                c.surprise = c.surprise or surprise
    return found


def _techniques(
    partner: str,
    log: _Contacts,
    problems: int,
    answers: dict[str, ChecklistAnswer],
    on: date,
    s: PlannerSettings,
) -> tuple[list[dict[str, object]], HealthStatus]:
    """Each technique's health for one partner (its fields) in the guide's order, and the worst."""
    flags: dict[Technique, list[tuple[HealthStatus, _Reason]]] = {t: [] for t in _TECHNIQUES}

    # partner first, and active: how long since the last contact
    contact: tuple[HealthStatus, _Reason] | None = None
    if log.last is None:
        contact = (HealthStatus.AT_RISK, _NEVER_CONTACTED)
    elif (on - log.last).days > s.cadence_days:
        days = (on - log.last).days
        level = HealthStatus.AT_RISK if days > 2 * s.cadence_days else HealthStatus.ATTENTION
        contact = (
            level,
            _text(f"Kontak terakhir {days} hari lalu.", f"Last contact {days} days ago."),
        )
    if contact is not None:
        flags[Technique.PARTNER_FIRST].append(contact)
        flags[Technique.ACTIVE].append(contact)
    asked, ignored = log.asked, log.ignored

    active = flags[Technique.ACTIVE]
    if log.recent:
        if log.theirs > log.ours:
            active.append((HealthStatus.ATTENTION, _INVITED_BY_PARTNER))
        if not log.remote:
            active.append((HealthStatus.ATTENTION, _ONLY_IN_PERSON))
        if not log.greeted:
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
    if not log.feedback_event:
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
    if not log.unique:
        flags[Technique.UNIQUE_VALUE].append((HealthStatus.ATTENTION, _NO_UNIQUE_VALUE))
    if not log.surprise:
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
        if _WORST[status] > _WORST[worst]:
            worst = status
        result.append(
            {
                "partner_id": partner,
                "technique": technique,
                "status": status,
                "reasons": [reason for _, reason in found],
            }
        )
    return result, worst
