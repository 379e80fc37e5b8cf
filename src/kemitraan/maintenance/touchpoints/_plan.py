"""The planner: what is due with each partner, placed on working days, within capacity."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache, partial
from typing import TYPE_CHECKING

from kemitraan._base import BilingualText
from kemitraan._catalog import N_, Worded, both
from kemitraan.conventions import date_long
from kemitraan.deviations import REPORT_EVERY
from kemitraan.exceptions import InvalidArgumentError
from kemitraan.maintenance.interactions import PartnerEvent
from kemitraan.maintenance.observances import NATIONAL_DAYS, Observance, days_off, observance_days
from kemitraan.maintenance.techniques import Technique
from kemitraan.maintenance.touchpoints._model import (
    _PRIORITY,
    _TECHNIQUES,
    PlannerSettings,
    Touchpoint,
    TouchpointKind,
)

if TYPE_CHECKING:
    from kemitraan.parties import Partner
    from kemitraan.partnerships import Partnership

__all__ = ["plan_touchpoints"]

bi = BilingualText.of


@lru_cache(maxsize=64)
def _greeted(on: date) -> tuple[date, ...]:
    """The observances' days of the year up to ``on``, any partner's."""
    return tuple(day for day, _ in observance_days(on - timedelta(days=365), on))


@lru_cache(maxsize=512)
def _off(year: int) -> frozenset[date]:
    return days_off(date(year, 1, 1), date(year, 12, 31))


def _working(day: date) -> bool:
    """Whether ``day`` is a working day: Monday to Friday, no holiday nor *cuti bersama*."""
    return day.weekday() < 5 and day not in _off(day.year)


def _shifted(day: date, step: int) -> date:
    while not _working(day):
        day += timedelta(days=step)
    return day


def _placed(
    day: date, kind: TouchpointKind, start: date, end: date, greet_on_the_day: bool
) -> tuple[date, date | None] | None:
    """The working day of a touchpoint due on ``day`` and the day it moved from, if it did.

    What the partner set stays; a greeting goes to the working day before its holiday,
    anything else to the one after; what was due in the window stays in it (moved the
    other way if need be, and dropped when the window holds no working day).
    """
    if kind.fixed or (kind.greeting and greet_on_the_day) or _working(day):
        return day, None
    step = -1 if kind.greeting else 1
    moved = _shifted(day, step)
    if start <= day <= end and not start <= moved <= end:
        moved = _shifted(day, -step)
        if not start <= moved <= end:
            return None
    return moved, day


@dataclass(frozen=True)
class _Log:
    """The contacts with one partner, in order."""

    contacts: list[date]
    feedback_asked: list[date]
    met: list[date]


def _meetings(partnership: Partnership) -> Iterator[tuple[date, Iterable[str]]]:
    """Every meeting the partnership records outside the interaction log, and who met.

    The guide keeps a partnership alive by meeting (C, *tiada kesan tanpa kehadiran kita*):
    an audience or a visit of the exploration (A.4), an activity carried out together (A.8),
    a monitoring visit or a joint evaluation the partner took part in (A.9), a signature
    (A.7), a partner's event or invitation attended (C.4).
    """
    for e in partnership.explorations:
        yield e.on, e.partner_ids
    for r in partnership.implementation:
        yield r.on, r.party_ids
    for m in partnership.monitoring:
        yield m.on, m.parties
    for evaluation in partnership.evaluations:
        yield evaluation.on, evaluation.participants
    for h in partnership.history:
        if h.party_id is not None and h.move.is_signing:
            yield h.at.date(), (h.party_id,)
    for event in partnership.partner_events:
        if event.attended:
            yield event.on, (event.partner_id,)


def _logs(partnership: Partnership, partners: set[str], on: date) -> dict[str, _Log]:
    # only the days are read: the order of one day's interactions does not count
    logs = {pid: _Log([], [], []) for pid in partners}
    for i in partnership.interactions:
        if i.on > on:
            continue
        for pid in set(i.partner_ids) & partners:
            logs[pid].contacts.append(i.on)
            if i.feedback_requested:
                logs[pid].feedback_asked.append(i.on)
            if i.kind.in_person:
                logs[pid].met.append(i.on)
    for day, ids in _meetings(partnership):
        if day <= on:
            for pid in set(ids) & partners:
                logs[pid].contacts.append(day)
                logs[pid].met.append(day)
    for log in logs.values():
        log.contacts.sort()
        log.feedback_asked.sort()
        log.met.sort()
    return logs


def _every(first: date, step: int, start: date, end: date) -> list[date]:
    days, day = [], first
    while day <= end:
        if day >= start:
            days.append(day)
        day += timedelta(days=step)
    return days


def _fold(host: Touchpoint, other: Touchpoint) -> Touchpoint:
    """``host``, serving ``other``'s purpose too."""
    techniques = set(host.techniques) | set(other.techniques)
    return host.model_copy(
        update={
            "also": [*host.also, other.kind, *other.also],
            "observances": [*host.observances, *other.observances],
            "techniques": [t for t in Technique if t in techniques],
            "title": bi(
                f"{host.title.indonesian}; {other.title.indonesian}",
                f"{host.title.english}; {other.title.english}",
            ),
        }
    )


def _rank(t: Touchpoint) -> tuple[int, date, str]:
    return _PRIORITY[t.kind], t.on, t.title.indonesian


def _same_day_folded(found: list[Touchpoint]) -> list[Touchpoint]:
    """One contact per partner and day: the most pressing, serving the others' purposes."""
    days: dict[tuple[str, date], list[Touchpoint]] = {}
    for t in found:
        days.setdefault((t.partner_id, t.on), []).append(t)
    folded = []
    for same in days.values():
        host, *others = sorted(same, key=_rank)
        for other in others:
            host = _fold(host, other)
        folded.append(host)
    return folded


def _within_capacity(found: list[Touchpoint], capacity: int) -> list[Touchpoint]:
    """At most ``capacity`` touchpoints per partner and calendar month.

    Beyond it, the least pressing (the latest of the lowest priority) is folded into the
    nearest of the month's other contacts: one the institution set and not a greeting if
    there is one, else any the institution set, else any.
    """
    months: dict[tuple[str, int, int], list[Touchpoint]] = {}
    for t in found:
        months.setdefault((t.partner_id, t.on.year, t.on.month), []).append(t)
    kept: list[Touchpoint] = []
    for month in months.values():
        while len(month) > capacity:
            least = max(month, key=_rank)
            month.remove(least)
            hosts = (
                [t for t in month if not t.kind.fixed and not t.kind.greeting]
                or [t for t in month if not t.kind.fixed]
                or month
            )
            host = min(hosts, key=lambda t: (abs((t.on - least.on).days), t.on, _rank(t)))
            month[month.index(host)] = _fold(host, least)
        kept += month
    return kept


def plan_touchpoints(
    partnership: Partnership,
    *,
    start: date,
    end: date,
    on: date | None = None,
    settings: PlannerSettings | None = None,
    events: Iterable[PartnerEvent] = (),
) -> list[Touchpoint]:
    """The touchpoints proposed for each committed partner between ``start`` and ``end``.

    What is proposed, per partner:

    - a greeting on each of its observances (``Partner.observances``) and on the
      national days (Tahun Baru Masehi, 17 Agustus) — a partner with no observances
      recorded is greeted on the national days only: the guide greets on *hari raya*
      and *tahun baru* (C.5: *manfaatkanlah … hari raya, tahun baru, dan perayaan lain
      sebagai bahan obrolan*), and whose *hari raya* it is, is the partner's;
    - each partner event (the partnership's and ``events``), and attending each
      invitation received (C.4: *ibarat undangan, maka tiada kesan tanpa kehadiran kita*);
    - a feedback request every ``feedback_every_days`` after the last one asked, an
      appreciation every ``appreciation_every_days`` from the start of the cooperation,
      the monitoring dates of the agreement's frequency, and renewal talks
      ``renewal_lead_days`` before the agreement, or a signed PKS, ends (as amended);
    - a regular contact wherever the rest, and the contacts and meetings recorded,
      leave a gap longer than ``cadence_days``.

    Every touchpoint falls on a working day (Monday to Friday, not a public holiday nor
    *cuti bersama*): a greeting on a day off moves to the working day before its holiday
    (sent ahead, *selamat menyambut …*; ``greet_on_the_day`` keeps it on the day),
    anything else to the working day after; what the partner set (an event, an
    invitation) stays on its day. Touchpoints of one partner and day become one contact,
    and a month with more than ``contacts_per_month`` with a partner folds the least
    pressing into the month's others (:attr:`Touchpoint.also`), the same way every time.
    Non-greetings carry the partner's recorded ``unique_value``. A touchpoint before
    ``on`` (today by default) with no contact made since is overdue (and is proposed
    even before ``start``).

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
    >>> plan = plan_touchpoints(p, start=date(2026, 1, 1), end=date(2026, 1, 31),
    ...                         on=date(2026, 1, 5))
    >>> [(t.on.isoformat(), t.kind.value, t.overdue) for t in plan]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('2025-12-22', 'cadence', True), ('2026-01-02', 'new_year', True)]
    """
    s = settings or PlannerSettings()
    today = on or date.today()
    if start > end:
        raise InvalidArgumentError.saying(
            "the planning window starts ({start}) after it ends ({end})",
            start=partial(date_long, start),
            end=partial(date_long, end),
        )
    if start.year < 1900 or end.year > 2200:
        raise InvalidArgumentError.saying("plan touchpoints between the years 1900 and 2200")
    partners = partnership.committed_partners
    found: list[Touchpoint] = []

    def add(
        day: date,
        partner: Partner,
        kind: TouchpointKind,
        id_: str,
        en: str,
        observance: Observance | None = None,
    ) -> None:
        placed = _placed(day, kind, start, end, s.greet_on_the_day)
        if placed is None:
            return
        when, moved_from = placed
        techniques = set(_TECHNIQUES[kind])
        bring = None if kind.greeting else partner.unique_value
        if bring is not None:
            techniques.add(Technique.UNIQUE_VALUE)
        found.append(
            Touchpoint(
                on=when,
                partner_id=partner.id,
                kind=kind,
                title=bi(id_, en),
                techniques=[t for t in Technique if t in techniques],
                observances=[] if observance is None else [observance],
                moved_from=moved_from,
                unique_value=bring,
            )
        )

    observed = observance_days(start, end) if s.holidays else ()
    term = partnership.effective_term
    agreement = partnership.agreement
    every = REPORT_EVERY[agreement.monitoring.frequency] if agreement else None
    occasions = [*partnership.partner_events, *events]
    # renewal talks before the agreement, and each signed PKS, ends (as amended)
    renewals = []
    for text in (partnership.agreement, *partnership.cooperation_agreements):
        if text is None or (
            text is not partnership.agreement
            and set(partnership.signatures(text)) < set(text.party_ids)
        ):
            continue
        amended = partnership.as_amended(text)
        if amended is not None and amended.term is not None:
            renewals.append((text, amended.term.end))
    logs = _logs(partnership, {partner.id for partner in partners}, today)
    for partner in partners:
        log = logs[partner.id]
        keeps = NATIONAL_DAYS | set(partner.observances)
        for day, observance in observed:
            if observance in keeps:
                kind = _greeting_kind(observance)
                add(day, partner, kind, *_greeting(observance, partner, day), observance)
        for event in occasions:
            if event.partner_id == partner.id and start <= event.on <= end:
                kind = TouchpointKind.INVITATION if event.invited else TouchpointKind.PARTNER_EVENT
                add(
                    event.on,
                    partner,
                    kind,
                    f"{event.name} ({partner.name})",
                    f"{event.name} ({partner.name})",
                )
        asked = (
            log.feedback_asked[-1]
            if log.feedback_asked
            else start - timedelta(days=s.feedback_every_days)
        )
        for day in _every(
            asked + timedelta(days=s.feedback_every_days), s.feedback_every_days, start, end
        ):
            add(
                day,
                partner,
                TouchpointKind.FEEDBACK,
                *both(N_("Ask {partner} for feedback"), partner=partner.name),
            )
        # appreciation every so often from the start of the cooperation, whatever the window
        since = term.start if term is not None else start
        for day in _every(
            since + timedelta(days=s.appreciation_every_days),
            s.appreciation_every_days,
            start,
            end,
        ):
            add(
                day,
                partner,
                TouchpointKind.APPRECIATION,
                *both(N_("Show {partner} appreciation"), partner=partner.name),
            )
        if term is not None and every is not None:
            for day in _every(term.start + timedelta(days=every), every, start, end):
                add(
                    day,
                    partner,
                    TouchpointKind.MONITORING,
                    *both(N_("Joint monitoring with {partner}"), partner=partner.name),
                )
        for text, ends in renewals:
            if partner.id not in text.party_ids:
                continue
            talk = ends - timedelta(days=s.renewal_lead_days)
            if start <= talk <= end:
                add(
                    talk,
                    partner,
                    TouchpointKind.RENEWAL,
                    *both(
                        N_("Talk renewal of the {text} over with {partner} (it ends on {ends})"),
                        text=Worded(text.kind.label_id, text.kind.label_en),
                        partner=partner.name,
                        ends=Worded(date_long(ends), date_long(ends, "en")),
                    ),
                )
        # a regular contact wherever the rest leave a gap longer than the cadence
        planned = sorted(t.on for t in found if t.partner_id == partner.id)
        last = log.contacts[-1] if log.contacts else start - timedelta(days=s.cadence_days)
        while (due := last + timedelta(days=s.cadence_days)) <= end:
            between = [day for day in planned if last < day <= due]
            if between:
                last = between[-1]
                continue
            placed = _placed(due, TouchpointKind.CADENCE, start, end, s.greet_on_the_day)
            if due < start and (today <= due or (placed and today <= placed[0] < start)):
                # due before the window, and not yet (on its day or on the working day it
                # moves to): not this plan's
                last = due
                continue
            before = len(found)
            add(
                due,
                partner,
                TouchpointKind.CADENCE,
                *both(N_("Regular contact with {partner}"), partner=partner.name),
            )
            if len(found) == before:  # no working day left in the window
                break
            # one overdue contact stands for the gap before the window: it is made now; one
            # moved back before its day (the window's end) still counts from its day
            last = max(found[-1].on, start if due < start else due)
    marked = []
    for touchpoint in found:
        log = logs[touchpoint.partner_id]
        # what makes a touchpoint: feedback asked for, a meeting for renewal talks and
        # monitoring, being there for an invitation, any contact for the rest
        made_by = {
            TouchpointKind.FEEDBACK: log.feedback_asked,
            TouchpointKind.RENEWAL: log.met,
            TouchpointKind.MONITORING: log.met,
            TouchpointKind.INVITATION: _attended(occasions, touchpoint),
        }.get(touchpoint.kind, log.contacts)
        made = any(touchpoint.on <= contact for contact in made_by)
        overdue = touchpoint.on < today and not made
        marked.append(touchpoint.model_copy(update={"overdue": overdue}))
    unique = {(t.on, t.partner_id, t.kind, t.title.indonesian): t for t in marked}
    kept = _within_capacity(_same_day_folded(list(unique.values())), s.contacts_per_month)
    order = list(TouchpointKind)
    return sorted(kept, key=lambda t: (t.on, t.partner_id, order.index(t.kind), t.title.indonesian))


def _attended(events: list[PartnerEvent], touchpoint: Touchpoint) -> list[date]:
    return [
        e.on
        for e in events
        if e.attended and e.partner_id == touchpoint.partner_id and e.on == touchpoint.on
    ]


def _greeting_kind(observance: Observance) -> TouchpointKind:
    if observance is Observance.INDEPENDENCE_DAY:
        return TouchpointKind.NATIONAL_DAY
    if "Tahun Baru" in observance.label_id:
        return TouchpointKind.NEW_YEAR
    return TouchpointKind.HOLIDAY


def _greeting(observance: Observance, partner: Partner, day: date) -> tuple[str, str]:
    return both(
        N_("Greet {partner} on {observance} ({day})"),
        partner=partner.name,
        observance=Worded(observance.label_id, observance.label_en),
        day=Worded(date_long(day), date_long(day, "en")),
    )
