"""Partner health: per partner and technique, a status with its reasons.

Read from the interaction log, monitoring, the obligations, the partner's own view in
the cycle's evaluation and the facilitator's checklist answers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Final

from pydantic import Field

from kemitraan._base import BilingualText, LabelledEnum, ValueModel
from kemitraan._catalog import N_, Worded, both
from kemitraan._containers import FrozenList
from kemitraan._given import shared
from kemitraan._results import made, text
from kemitraan._types import PartyId
from kemitraan.deviations import _Found, _judged
from kemitraan.exceptions import InvalidDeclarationError
from kemitraan.findings import Hit, Rule, RuleBook, Severity
from kemitraan.maintenance.interactions import ChecklistAnswer, Interaction, InteractionKind
from kemitraan.maintenance.techniques import CHECKLISTS, Technique, checklist_item
from kemitraan.maintenance.touchpoints._model import PlannerSettings
from kemitraan.maintenance.touchpoints._plan import _greeted, _meetings as _met
from kemitraan.monitoring import HealthItem, ProblemMet
from kemitraan.obligations import ObligationState, _canonical, _standing

if TYPE_CHECKING:
    from kemitraan.partnerships import Partnership

__all__ = ["HEALTH_RULES", "HealthStatus", "PartnerHealth", "TechniqueHealth", "partner_health"]

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
    """What else weighs: overdue obligations, the partner's own view (each technique's
    reasons are its own; :attr:`why` gives them all)."""

    @property
    def why(self) -> list[BilingualText]:
        """Every reason behind :attr:`status`, each once: these, then each technique's.

        >>> late = BilingualText(indonesian="Terlambat.", english="Late.")
        >>> health = PartnerHealth(partner_id="kube", status=HealthStatus.ATTENTION,
        ...     techniques=[TechniqueHealth(partner_id="kube", technique=Technique.HUMBLE,
        ...         status=HealthStatus.ATTENTION, reasons=[late])])
        >>> health.reasons, [r.indonesian for r in health.why]
        ([], ['Terlambat.'])
        """
        found: dict[tuple[str, str], BilingualText] = {}
        for reason in [*self.reasons, *(r for t in self.techniques for r in t.reasons)]:
            found.setdefault((reason.indonesian, reason.english), reason)
        return list(found.values())


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
    # the deviations that concern a party; of the overdue obligations, only how many
    # (their evidence and sentences are never read here)
    troubles: dict[str, list[_Found]] = {}
    found, facts = _judged(partnership, on, None, cycle, obligations=False)
    for deviation in found:
        if deviation.party_id is not None:
            troubles.setdefault(deviation.party_id, []).append(deviation)
    overdue: dict[str, int] = {}
    standing, _ = _standing(partnership, on=on, cycle=cycle, records=facts, overdue_only=True)
    for duty, state, _ in standing:
        if state is ObligationState.OVERDUE:
            overdue[duty.party_id] = overdue.get(duty.party_id, 0) + 1
    views = {
        v.party_id: v
        for e in _canonical(e for e in partnership.evaluations if e.cycle == cycle and e.on <= on)
        for v in e.views
    }
    partners = partnership.committed_partners
    ids = {partner.id for partner in partners}
    contacts = _contacts(partnership.interactions, ids, on)
    _meetings(partnership, ids, contacts, on)
    unresolved: dict[str | None, int] = {}
    for record in facts.monitored:  # the cycle's up to the day
        met: list[ProblemMet] = record.__dict__["problems"]  # read as _Records reads lists
        for problem in met:
            if not problem.resolved:
                unresolved[problem.party_id] = unresolved.get(problem.party_id, 0) + 1
    answered: dict[str, list[ChecklistAnswer]] = {}
    for answer in partnership.checklist:
        if answer.on <= on:
            answered.setdefault(answer.partner_id, []).append(answer)
    result: list[PartnerHealth] = []
    for partner in partners:
        problems = unresolved.get(partner.id, 0)
        mine = answered.get(partner.id)
        answers = {a.item: a for a in _canonical(mine)} if mine else {}
        techniques, status = _techniques(
            partner.id, contacts.get(partner.id) or _Contacts(), problems, answers, on, s
        )
        reasons: list[BilingualText] = []
        if overdue.get(partner.id):
            reasons.append(
                text(*both(N_("{count} obligation(s) overdue."), count=overdue[partner.id]))
            )
        view = views.get(partner.id)
        low = [item for item, score in (view.scores.items() if view else ()) if score <= 2]
        if low:
            items = HealthItem.in_order(low)
            said = Worded(
                ", ".join(i.label_id.lower() for i in items),
                ", ".join(i.label_en.lower() for i in items),
            )
            reasons.append(
                text(*both(N_("The partner's own view is low on: {items}."), items=said))
            )
        mine_off = troubles.get(partner.id, [])
        reasons += [text(*deviation.message.pair()) for deviation in mine_off]
        critical = any(d.severity is Severity.ERROR for d in mine_off)
        extra = (
            HealthStatus.AT_RISK
            if overdue.get(partner.id) or critical
            else (HealthStatus.ATTENTION if low or mine_off else HealthStatus.GOOD)
        )
        result.append(
            made(
                PartnerHealth,
                _PARTNER_FIELDS,
                {
                    "partner_id": partner.id,
                    "status": _worst([extra, status]),
                    "techniques": techniques,
                    "reasons": reasons or _NO_REASONS,
                },
            )
        )
    return result


_PARTNER_FIELDS: Final = shared({"partner_id", "status", "techniques", "reasons"})
_TECHNIQUE_FIELDS: Final = shared({"partner_id", "technique", "status", "reasons"})
"""The given fields of each result: all of them."""
_NO_REASONS: Final = FrozenList()
"""The reasons of a technique or partner that has none: one empty list, never edited, that
every such result holds (results are kept by the thousand over a portfolio)."""
_NO_REASONS._field = "reasons"


@cache
def _default_settings() -> PlannerSettings:
    return PlannerSettings()


_FEEDBACK_KINDS: Final = (InteractionKind.EVENT, InteractionKind.WORKSHOP, InteractionKind.MEETING)
_IN_PERSON: Final = frozenset(kind for kind in InteractionKind if kind.in_person)
# members read in the per-interaction loop (reading an enum's member costs a lookup)
_UNIQUE_VALUE: Final = Technique.UNIQUE_VALUE
_SURPRISE: Final = Technique.SURPRISE
_WORKSHOP: Final = InteractionKind.WORKSHOP
_TECHNIQUES: Final = tuple(Technique)
_YEAR: Final = timedelta(days=365)


def _year_before(on: date) -> date:
    """The first day of the year up to ``on``: a day is within it when 365 days or fewer before."""
    return on - _YEAR if on.year > 1 else date.min  # every day before one of year 1 is


@lru_cache(maxsize=64)
def _greeting_days(on: date) -> frozenset[date]:
    """The days from a week before to three days after a greeting day of the year up to ``on``.

    A week before: the planner sends a greeting on the working day before its holiday,
    which *cuti bersama* can put days ahead (Idul Fitri 2026, a Saturday, is greeted on
    the Tuesday before).
    """
    return frozenset(day + timedelta(days=k) for day in _greeted(on) for k in range(-7, 4))


class _Contacts:
    """What a partner's log shows: days, counts, whether something happened.

    Nothing here depends on the order of the log.
    """

    __slots__ = (
        "asked",
        "feedback_event",
        "first",
        "greeted",
        "ignored",
        "last",
        "missed",
        "ours",
        "recent",
        "remote",
        "surprise",
        "theirs",
        "unique",
    )

    def __init__(self) -> None:
        self.last: date | None = None  # the last contact
        self.first: date | None = None  # the first contact
        self.asked: date | None = None  # the last request for feedback
        self.ignored = 0  # feedback given and not acted on
        self.missed = 0  # the past year's invitations not attended
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
    year_ago = _year_before(on)  # the past year: this day or after (one subtraction a call)
    for i in interactions:
        day = i.on
        if day > on:
            continue
        # the contact's lists read from its fields: through their attributes (which wrap
        # them, kemitraan._containers) they cost more than this loop (never changed here)
        fields = i.__dict__
        ids: list[str] = fields["partner_ids"]
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
        recent = day >= year_ago
        if recent:
            if greeting is None:
                greeting = _greeting_days(on)
            kind, served, by = i.kind, fields["techniques"], i.initiated_by
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
            if c.first is None or day < c.first:
                c.first = day
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


def _meetings(
    partnership: Partnership, partners: set[str], found: dict[str, _Contacts], on: date
) -> None:
    """Count every other meeting the partnership records as a contact, in person.

    The guide keeps a partnership alive by meeting (C, *tiada kesan tanpa kehadiran kita*):
    an audience or a visit of the exploration (A.4), an activity carried out together (A.8),
    a monitoring visit or a joint evaluation the partner took part in (A.9), a signature
    (A.7), a partner's event or invitation attended (C.4) — not only what the interaction
    log holds. An invitation received is the partner asking (C.5), and one whose day
    passed without the institution there is missed.
    """
    year_ago = _year_before(on)
    for day, ids in _met(partnership):
        if day > on:
            continue
        recent = day >= year_ago
        for pid in ids:
            if pid not in partners:
                continue
            c = found.get(pid)
            if c is None:
                c = found[pid] = _Contacts()
            if c.last is None or day > c.last:
                c.last = day
            if c.first is None or day < c.first:
                c.first = day
            if recent:
                c.recent += 1
    for event in partnership.partner_events:
        if not event.invited or event.partner_id not in partners or event.on > on:
            continue
        if event.on >= year_ago:
            c = found.get(event.partner_id)
            if c is None:
                c = found[event.partner_id] = _Contacts()
            c.theirs += 1
            if event.on < on and not event.attended:
                c.missed += 1


@dataclass(frozen=True, slots=True)
class _Judged:
    """What the checklist's data-judged items read of one partner, on one day."""

    log: _Contacts
    problems: int
    on: date
    settings: PlannerSettings


HEALTH_RULES: Final[RuleBook[_Judged]] = RuleBook()
"""The checklist items judged from the data (``from_data``), each declared as a rule: its
code is the item's (or extends it), its basis the technique's place in the guide's part C,
an error means at risk and a warning needs attention."""
rule = HEALTH_RULES.rule
_ALSO: Final = {"partner_first.contact_every_partner": (Technique.ACTIVE,)}
"""A rule that counts for a technique besides its own (being in touch is also being active)."""


@rule(
    "partner_first.contact_every_partner.never",
    basis="Panduan C.1",
    summary="Every partner, large or small, is contacted.",
    english=N_("Never contacted."),
)
def _never_contacted(j: _Judged) -> Iterator[Hit]:
    if j.log.last is None:
        yield Hit()


@rule(
    "partner_first.contact_every_partner",
    basis="Panduan C.1",
    summary="Every partner is contacted within the agreed interval (at risk past twice it).",
    english=N_("Last contact {days} days ago."),
)
def _last_contact(j: _Judged) -> Iterator[Hit]:
    if j.log.last is not None and (days := (j.on - j.log.last).days) > j.settings.cadence_days:
        grave = days > 2 * j.settings.cadence_days
        yield Hit(values={"days": days}, severity=None if grave else Severity.WARNING)


@rule(
    "active.we_invite",
    basis="Panduan C.5",
    summary="The institution invites more often than it waits to be invited.",
    english=N_("The partner invites more often than the institution."),
    severity=Severity.WARNING,
)
def _invited_by_partner(j: _Judged) -> Iterator[Hit]:
    if j.log.recent and j.log.theirs > j.log.ours:
        yield Hit()


@rule(
    "active.keep_in_touch",
    basis="Panduan C.5",
    summary="When a meeting is not possible, contact is kept by WhatsApp, e-mail or social media.",
    english=N_("No contact by WhatsApp, phone, e-mail or social media in the past year."),
    severity=Severity.WARNING,
)
def _only_in_person(j: _Judged) -> Iterator[Hit]:
    if j.log.recent and not j.log.remote:
        yield Hit()


@rule(
    "active.occasions",
    basis="Panduan C.5",
    summary="Holidays and the new year are used to greet partners.",
    english=N_("Holidays and the new year have not been used to greet the partner this year."),
    severity=Severity.WARNING,
)
def _not_greeted(j: _Judged) -> Iterator[Hit]:
    if j.log.recent and not j.log.greeted:
        yield Hit()


@rule(
    "humble.ask_every_partner.never",
    basis="Panduan C.2",
    summary=(
        "Feedback is asked of every partner; silence is not taken as satisfaction (at risk "
        "once the feedback interval has passed since the first contact)."
    ),
    english=N_("Never asked for feedback; silence is not satisfaction."),
)
def _never_asked(j: _Judged) -> Iterator[Hit]:
    # C.2 asks for feedback but sets no day by which: within the interval after the first
    # contact, a partner not yet asked needs attention, not rescue
    if j.log.asked is None:
        first = j.log.first
        young = first is not None and (j.on - first).days <= j.settings.feedback_every_days
        yield Hit(severity=Severity.WARNING if young else None)


@rule(
    "humble.ask_every_partner",
    basis="Panduan C.2",
    summary="Feedback is asked of every partner regularly.",
    english=N_("Feedback last asked {days} days ago."),
    severity=Severity.WARNING,
)
def _asked_long_ago(j: _Judged) -> Iterator[Hit]:
    asked = j.log.asked
    if asked is not None and (days := (j.on - asked).days) > j.settings.feedback_every_days:
        yield Hit(values={"days": days})


@rule(
    "humble.act_on_feedback",
    basis="Panduan C.2",
    summary="Every piece of feedback or complaint is acted on.",
    english=N_("{ignored} piece(s) of feedback not acted on."),
)
def _feedback_ignored(j: _Judged) -> Iterator[Hit]:
    if j.log.ignored:
        yield Hit(values={"ignored": j.log.ignored})


@rule(
    "humble.feedback_event",
    basis="Panduan C.2",
    summary="Partners are invited to a special event to give feedback.",
    english=N_("No event or meeting held to ask for feedback in the past year."),
    severity=Severity.WARNING,
)
def _no_feedback_event(j: _Judged) -> Iterator[Hit]:
    if not j.log.feedback_event:
        yield Hit()


@rule(
    "patient.problems_solved",
    basis="Panduan C.3",
    summary="Problems with a partner are solved together, never left to turn into hostility.",
    english=N_("{problems} problem(s) with the partner unresolved."),
    severity=Severity.WARNING,
)
def _problems_open(j: _Judged) -> Iterator[Hit]:
    if j.problems:
        yield Hit(values={"problems": j.problems})


@rule(
    "unique_value.memorable_meeting",
    basis="Panduan C.4",
    summary="Meetings with a partner bring something unique (a product workshop counts).",
    english=N_("No meeting brought unique value in the past year."),
    severity=Severity.WARNING,
)
def _no_unique_value(j: _Judged) -> Iterator[Hit]:
    if not j.log.unique:
        yield Hit()


@rule(
    "unique_value.attend_invitations",
    basis="Panduan C.4",
    summary="The institution attends the events its partners invite it to.",
    english=N_("{missed} invitation(s) from the partner not attended in the past year."),
    severity=Severity.WARNING,
)
def _invitations_missed(j: _Judged) -> Iterator[Hit]:
    if j.log.missed:
        yield Hit(values={"missed": j.log.missed})


@rule(
    "surprise.new_opportunity",
    basis="Panduan C.6",
    summary="New ideas or opportunities beyond the agreement are offered to partners.",
    english=N_("No new idea or opportunity offered in the past year."),
    severity=Severity.WARNING,
)
def _no_surprise(j: _Judged) -> Iterator[Hit]:
    if not j.log.surprise:
        yield Hit()


def _declared() -> list[tuple[Rule[_Judged], tuple[Technique, ...]]]:
    """Each rule and the techniques it counts for (a bad declaration fails at import)."""
    found: list[tuple[Rule[_Judged], tuple[Technique, ...]]] = []
    for declared in HEALTH_RULES:
        item = declared.code.removesuffix(".never")
        if not checklist_item(item).from_data:
            raise InvalidDeclarationError.saying(
                "{rule}: {item} is not judged from data", rule=declared.code, item=item
            )
        found.append((declared, (Technique(item.split(".")[0]), *_ALSO.get(item, ()))))
    return found


_RULES: Final = _declared()


@cache
def _said_rules() -> list[
    tuple[Rule[_Judged], tuple[Technique, ...], BilingualText | None, str, str]
]:
    """Each rule, its techniques, its message when it names no value, and its templates.

    Said from the catalogs once, on the first call (the import reads no catalog); a
    message that names no value is one text every result that gives it shares.
    """
    found: list[tuple[Rule[_Judged], tuple[Technique, ...], BilingualText | None, str, str]] = []
    for declared, techniques in _RULES:
        indonesian, english = declared.texts()
        fixed = "{" not in indonesian + english
        message = text(indonesian, english) if fixed else None
        found.append((declared, techniques, message, indonesian, english))
    return found


_STATUS: Final = {Severity.ERROR: HealthStatus.AT_RISK, Severity.WARNING: HealthStatus.ATTENTION}
_GOOD: Final = HealthStatus.GOOD


def _techniques(
    partner: str,
    log: _Contacts,
    problems: int,
    answers: dict[str, ChecklistAnswer],
    on: date,
    s: PlannerSettings,
) -> tuple[list[TechniqueHealth], HealthStatus]:
    """Each technique's health for one partner in the guide's order, and the worst."""
    # each technique's reasons and worst level, for the techniques that have any (most
    # have none: no list is made for them)
    reasons: dict[Technique, list[BilingualText]] = {}
    levels: dict[Technique, HealthStatus] = {}
    judged = _Judged(log, problems, on, s)
    for declared, techniques, fixed, indonesian, english in _said_rules():
        for hit in declared.check(judged):
            level = _STATUS[hit.severity or declared.severity]
            reason = fixed or text(
                indonesian.format_map(hit.values), english.format_map(hit.values)
            )
            for technique in techniques:
                reasons.setdefault(technique, []).append(reason)
                if _WORST[level] > _WORST[levels.get(technique, _GOOD)]:
                    levels[technique] = level
    if answers:
        for technique in _TECHNIQUES:
            for item in CHECKLISTS[technique]:
                answer = answers.get(item.code)
                if answer is not None and not answer.done:
                    said = both(
                        N_("Not met: {item}"), item=Worded(item.text.indonesian, item.text.english)
                    )
                    reasons.setdefault(technique, []).append(text(*said))
                    if levels.get(technique, _GOOD) is _GOOD:
                        levels[technique] = HealthStatus.ATTENTION

    result: list[TechniqueHealth] = []
    worst = _GOOD
    for technique in _TECHNIQUES:
        status = levels.get(technique, _GOOD)
        if status is not _GOOD and _WORST[status] > _WORST[worst]:
            worst = status
        result.append(
            made(
                TechniqueHealth,
                _TECHNIQUE_FIELDS,
                {
                    "partner_id": partner,
                    "technique": technique,
                    "status": status,
                    "reasons": reasons.get(technique, _NO_REASONS),
                },
            )
        )
    return result, worst
