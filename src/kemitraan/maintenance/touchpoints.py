"""The touchpoint planner: the next contacts with each partner, and their iCalendar export.

:func:`plan_touchpoints` proposes the next contacts per partner — a regular cadence,
Indonesian public holidays and the new year (the guide names *hari raya* and *tahun
baru*; dates from ``holidays``), the partner's own events, feedback requests,
appreciation, the monitoring dates and renewal talks well before the term ends — and
flags what is overdue; :func:`touchpoints_ical` exports them as an iCalendar file.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING, Final

from pydantic import Field

from kemitraan._base import BilingualText, LabelledEnum, ValueModel
from kemitraan._types import PartyId, text_argument
from kemitraan.conventions import date_long
from kemitraan.deviations import REPORT_EVERY
from kemitraan.exceptions import InvalidArgumentError
from kemitraan.maintenance.interactions import PartnerEvent
from kemitraan.maintenance.techniques import Technique

if TYPE_CHECKING:
    from kemitraan.partnerships import Partnership

__all__ = [
    "PlannerSettings",
    "Touchpoint",
    "TouchpointKind",
    "plan_touchpoints",
    "touchpoints_ical",
]

bi = BilingualText.of


class TouchpointKind(LabelledEnum):
    """Why a touchpoint is proposed.

    >>> TouchpointKind.RENEWAL.label_id
    'Pembicaraan perpanjangan kerja sama'
    """

    CADENCE = "cadence", "Kontak rutin", "Regular contact"
    HOLIDAY = "holiday", "Ucapan hari raya", "Holiday greeting"
    NEW_YEAR = "new_year", "Ucapan tahun baru", "New year greeting"
    PARTNER_EVENT = "partner_event", "Acara mitra", "Partner's event"
    FEEDBACK = "feedback", "Meminta masukan", "Ask for feedback"
    APPRECIATION = "appreciation", "Apresiasi kepada mitra", "Appreciation"
    MONITORING = "monitoring", "Monitoring bersama", "Joint monitoring"
    RENEWAL = "renewal", "Pembicaraan perpanjangan kerja sama", "Renewal talks"


_TECHNIQUES: Final = {
    TouchpointKind.CADENCE: (Technique.PARTNER_FIRST, Technique.ACTIVE),
    TouchpointKind.HOLIDAY: (Technique.ACTIVE,),
    TouchpointKind.NEW_YEAR: (Technique.ACTIVE,),
    TouchpointKind.PARTNER_EVENT: (Technique.PARTNER_FIRST, Technique.ACTIVE),
    TouchpointKind.FEEDBACK: (Technique.HUMBLE,),
    TouchpointKind.APPRECIATION: (Technique.PARTNER_FIRST, Technique.SURPRISE),
    TouchpointKind.MONITORING: (Technique.ACTIVE,),
    TouchpointKind.RENEWAL: (Technique.PARTNER_FIRST, Technique.ACTIVE),
}


class Touchpoint(ValueModel):
    """A proposed contact with a partner: when, why, which techniques it serves.

    >>> Touchpoint(on=date(2026, 1, 1), partner_id="kube", kind=TouchpointKind.NEW_YEAR,
    ...            title=BilingualText.of("Ucapan tahun baru", "New year greeting")).overdue
    False
    """

    on: date
    """When."""
    partner_id: PartyId
    """With whom."""
    kind: TouchpointKind
    """Why."""
    title: BilingualText
    """What to do."""
    techniques: list[Technique] = Field(default_factory=list)
    """The techniques it serves."""
    overdue: bool = False
    """Whether its day has passed without the contact being made."""


class PlannerSettings(ValueModel):
    """How often to be in touch, and how far ahead of the term's end to talk about renewal.

    >>> PlannerSettings().cadence_days
    30
    """

    cadence_days: int = Field(default=30, ge=1, le=366)
    """Days between regular contacts with each partner."""
    feedback_every_days: int = Field(default=90, ge=1, le=732)
    """Days between requests for feedback."""
    appreciation_every_days: int = Field(default=180, ge=1, le=732)
    """Days between appreciations (a certificate, a mention, a visit to thank)."""
    renewal_lead_days: int = Field(default=90, ge=1, le=732)
    """Days before the term ends to start talking about renewal."""
    holidays: bool = True
    """Greet partners on Indonesian religious holidays and the new year."""


# The holidays the guide's "hari raya" and "tahun baru" mean, by their names in ``holidays``.
_GREETED: Final = ("Hari Raya", "Tahun Baru", "Nyepi")


@lru_cache(maxsize=64)
def _greeted(on: date) -> tuple[date, ...]:
    """The greeting days of the year up to ``on``."""
    return tuple(day for day, _, _ in _holidays(on - timedelta(days=365), on))


@lru_cache(maxsize=64)
def _holidays(start: date, end: date) -> list[tuple[date, str, str]]:
    import holidays

    years = range(start.year, end.year + 1)
    indonesian = holidays.country_holidays("ID", years=years, language="id")
    english = holidays.country_holidays("ID", years=years, language="en_US")
    found = []
    for day, name in sorted(indonesian.items()):
        if start <= day <= end and any(word in name for word in _GREETED):
            if name.startswith("Hari kedua"):
                continue
            found.append((day, str(name), str(english.get(day, name))))
    return found


@dataclass(frozen=True)
class _Log:
    """The interactions with one partner, in order."""

    contacts: list[date]
    feedback_asked: list[date]
    met: list[date]


def _log(partnership: Partnership, partner_id: str, on: date) -> _Log:
    # only the days are read: the order of one day's interactions does not count
    mine = sorted(
        (i for i in partnership.interactions if partner_id in i.partner_ids and i.on <= on),
        key=attrgetter("on"),
    )
    return _Log(
        contacts=[i.on for i in mine],
        feedback_asked=[i.on for i in mine if i.feedback_requested],
        met=[i.on for i in mine if i.kind.in_person],
    )


def _every(first: date, step: int, start: date, end: date) -> list[date]:
    days, day = [], first
    while day <= end:
        if day >= start:
            days.append(day)
        day += timedelta(days=step)
    return days


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

    A regular contact every ``cadence_days`` after the last one; a greeting on each
    religious holiday and the new year; each partner event (the partnership's and
    ``events``); a feedback request every ``feedback_every_days`` after the last one
    asked; an appreciation every ``appreciation_every_days``; the monitoring dates of
    the agreement's frequency; renewal talks ``renewal_lead_days`` before the agreement,
    or a signed PKS, ends (as amended). A touchpoint before ``on`` (today by default)
    with no contact made since is overdue (and is proposed even before ``start``).

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
    [('2025-12-20', 'cadence', True), ('2026-01-01', 'new_year', True),
     ('2026-01-19', 'cadence', False)]
    """
    s = settings or PlannerSettings()
    today = on or date.today()
    if start > end:
        raise InvalidArgumentError(
            f"the planning window starts ({start.isoformat()}) after it ends ({end.isoformat()})"
        )
    if start.year < 1900 or end.year > 2200:
        raise InvalidArgumentError("plan touchpoints between the years 1900 and 2200")
    partners = partnership.committed_partners
    found: list[Touchpoint] = []

    def add(day: date, partner: str, kind: TouchpointKind, id_: str, en: str) -> None:
        found.append(
            Touchpoint(
                on=day,
                partner_id=partner,
                kind=kind,
                title=bi(id_, en),
                techniques=list(_TECHNIQUES[kind]),
            )
        )

    holidays_ = _holidays(start, end) if s.holidays else []
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
    logs = {partner.id: _log(partnership, partner.id, today) for partner in partners}
    for partner in partners:
        log = logs[partner.id]
        last = log.contacts[-1] if log.contacts else start - timedelta(days=s.cadence_days)
        for day in _every(last + timedelta(days=s.cadence_days), s.cadence_days, start, end):
            add(
                day,
                partner.id,
                TouchpointKind.CADENCE,
                f"Kontak rutin dengan {partner.name}",
                f"Regular contact with {partner.name}",
            )
        if last + timedelta(days=s.cadence_days) < start:  # overdue from before the window
            add(
                last + timedelta(days=s.cadence_days),
                partner.id,
                TouchpointKind.CADENCE,
                f"Kontak rutin dengan {partner.name}",
                f"Regular contact with {partner.name}",
            )
        for day, name_id, name_en in holidays_:
            kind = TouchpointKind.NEW_YEAR if "Tahun Baru" in name_id else TouchpointKind.HOLIDAY
            add(
                day,
                partner.id,
                kind,
                f"Ucapan selamat {name_id} kepada {partner.name}",
                f"Greet {partner.name} on {name_en}",
            )
        for event in occasions:
            if event.partner_id == partner.id and start <= event.on <= end:
                add(
                    event.on,
                    partner.id,
                    TouchpointKind.PARTNER_EVENT,
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
                partner.id,
                TouchpointKind.FEEDBACK,
                f"Minta masukan dari {partner.name}",
                f"Ask {partner.name} for feedback",
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
                partner.id,
                TouchpointKind.APPRECIATION,
                f"Apresiasi kepada {partner.name}",
                f"Show {partner.name} appreciation",
            )
        if term is not None and every is not None:
            for day in _every(term.start + timedelta(days=every), every, start, end):
                add(
                    day,
                    partner.id,
                    TouchpointKind.MONITORING,
                    f"Monitoring bersama {partner.name}",
                    f"Joint monitoring with {partner.name}",
                )
        for text, ends in renewals:
            if partner.id not in text.party_ids:
                continue
            talk = ends - timedelta(days=s.renewal_lead_days)
            if start <= talk <= end:
                add(
                    talk,
                    partner.id,
                    TouchpointKind.RENEWAL,
                    f"Bicarakan perpanjangan {text.kind.label_id} dengan {partner.name} "
                    f"(berakhir {date_long(ends)})",
                    f"Talk renewal of the {text.kind.label_en} over with {partner.name} (it "
                    f"ends on {date_long(ends, 'en')})",
                )
    marked = []
    for touchpoint in found:
        log = logs[touchpoint.partner_id]
        # what makes a touchpoint: feedback asked for, a meeting for renewal talks and
        # monitoring, any contact for the rest
        made_by = {
            TouchpointKind.FEEDBACK: log.feedback_asked,
            TouchpointKind.RENEWAL: log.met,
            TouchpointKind.MONITORING: log.met,
        }.get(touchpoint.kind, log.contacts)
        made = any(touchpoint.on <= contact for contact in made_by)
        overdue = touchpoint.on < today and not made
        marked.append(touchpoint.model_copy(update={"overdue": overdue}))
    order = list(TouchpointKind)
    return sorted(
        {(t.on, t.partner_id, t.kind, t.title.indonesian): t for t in marked}.values(),
        key=lambda t: (t.on, t.partner_id, order.index(t.kind), t.title.indonesian),
    )


# Line breaks some readers split lines at besides CR and LF (Python's str.splitlines
# does): written as iCalendar's escaped line break, as CR and LF are, never raw.
_LINE_BREAKS: Final = str.maketrans(dict.fromkeys("\x85\u2028\u2029", "\n"))
# What iCalendar TEXT cannot carry (RFC 5545 3.3.11): control characters but the tab and
# the line breaks icalendar escapes.
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _ical_text(value: str, argument: str) -> str:
    r"""``value`` ready to be an iCalendar TEXT value, or refused naming ``argument``.

    icalendar escapes the text of a TEXT property (line breaks, ``;``, ``,``, ``\``) but
    not of a property it does not know (``X-WR-CALNAME``), whose raw line break it
    refuses with an ``assert`` that ``python -O`` removes: so every value is given to it
    as ``vText`` and checked here first, whatever the interpreter's flags.
    """
    text_argument(value, argument)
    found = _CONTROL.search(value)
    if found is not None:
        raise InvalidArgumentError(
            f"{argument}: iCalendar text cannot hold the control character "
            f"U+{ord(found.group()):04X} (at position {found.start()}) [control_character]"
        )
    return value.translate(_LINE_BREAKS)


def touchpoints_ical(
    touchpoints: Iterable[Touchpoint], *, name: str = "Kemitraan", stamp: datetime | None = None
) -> bytes:
    """The touchpoints as an iCalendar file (all-day events), for any calendar app.

    Each event's UID is derived from its content, so exporting again updates the same
    events; ``stamp`` (now by default) is each event's DTSTAMP. Every text is escaped
    as iCalendar text (a line break in ``name`` or a title stays inside its property).

    >>> ics = touchpoints_ical([Touchpoint(on=date(2026, 1, 1), partner_id="kube",
    ...     kind=TouchpointKind.NEW_YEAR, title=BilingualText.of("Ucapan", "Greeting"))],
    ...     stamp=datetime(2025, 12, 1, tzinfo=UTC))
    >>> b"BEGIN:VEVENT" in ics, b"DTSTART;VALUE=DATE:20260101" in ics
    (True, True)

    Raises:
        InvalidArgumentError: ``name`` or a touchpoint's text holds what iCalendar text
            cannot (a control character other than a tab or a line break, the null
            character, a lone surrogate); the message names which.
    """
    from icalendar import Calendar, Event, vText

    calendar = Calendar()
    calendar.add("prodid", "-//kemitraan//touchpoints//ID")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", vText(_ical_text(name, "name")))
    when = stamp or datetime.now(UTC)
    for index, touchpoint in enumerate(touchpoints):
        where = f"touchpoints[{index}]"
        event = Event()
        key = "|".join(
            (
                str(touchpoint.on),
                touchpoint.partner_id,
                touchpoint.kind.value,
                touchpoint.title.indonesian,
            )
        )
        event.add("uid", hashlib.sha256(key.encode()).hexdigest()[:32] + "@kemitraan")
        event.add("dtstamp", when)
        event.add("dtstart", touchpoint.on)
        event.add("dtend", touchpoint.on + timedelta(days=1))
        event.add(
            "summary", vText(_ical_text(touchpoint.title.indonesian, f"{where}.title.indonesian"))
        )
        techniques = ", ".join(t.label_id for t in touchpoint.techniques)
        english = _ical_text(touchpoint.title.english, f"{where}.title.english")
        event.add(
            "description",
            vText(
                f"{touchpoint.kind.label_id}. {english}."
                + (f" Teknik: {techniques}." if techniques else "")
                + (" TERLAMBAT." if touchpoint.overdue else "")
            ),
        )
        event.add("categories", [touchpoint.kind.label_id])  # the library's label
        calendar.add_component(event)
    return bytes(calendar.to_ical())
