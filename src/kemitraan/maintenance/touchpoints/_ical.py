"""The plan as an iCalendar file, with a reminder on every event."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import UTC, datetime, time, timedelta
from typing import Final

from kemitraan._base import Language, in_language
from kemitraan._types import text_argument
from kemitraan.exceptions import InvalidArgumentError
from kemitraan.maintenance.touchpoints._model import Touchpoint

__all__ = ["touchpoints_ical"]


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
        raise InvalidArgumentError.saying(
            "{argument}: iCalendar text cannot hold the control character {character} "
            "(at position {position})",
            argument=argument,
            character=f"U+{ord(found.group()):04X}",
            position=found.start(),
            rule="control_character",
        )
    return value.translate(_LINE_BREAKS)


def touchpoints_ical(
    touchpoints: Iterable[Touchpoint],
    *,
    name: str = "Kemitraan",
    stamp: datetime | None = None,
    remind_days_before: int | None = 1,
    remind_at: time = time(8, 0),
    language: Language = "id",
) -> bytes:
    """The touchpoints as an iCalendar file (all-day events), for any calendar app.

    Each event's UID is derived from its content, so exporting again updates the same
    events; ``stamp`` (now by default) is each event's DTSTAMP. Each event has a reminder
    (``VALARM``) ``remind_days_before`` days before, at ``remind_at`` (the day before at
    8:00 by default; ``None`` for none). The summary is in ``language`` (Indonesian by
    default), the description gives the kind, the other language's title, the unique
    value to bring, the techniques, and whether the touchpoint is overdue. Every text is
    escaped as iCalendar text (a line break in ``name`` or a title stays inside its
    property).

    >>> from datetime import date
    >>> from kemitraan._base import BilingualText
    >>> from kemitraan.maintenance.touchpoints import TouchpointKind
    >>> ics = touchpoints_ical([Touchpoint(on=date(2026, 1, 1), partner_id="kube",
    ...     kind=TouchpointKind.NEW_YEAR, title=BilingualText.of("Ucapan", "Greeting"))],
    ...     stamp=datetime(2025, 12, 1, tzinfo=UTC))
    >>> b"DTSTART;VALUE=DATE:20260101" in ics, b"TRIGGER:-PT16H" in ics
    (True, True)

    Raises:
        InvalidArgumentError: ``name`` or a touchpoint's text holds what iCalendar text
            cannot (a control character other than a tab or a line break, the null
            character, a lone surrogate), the message names which; or the reminder is
            asked more than 30 days ahead.
    """
    from icalendar import Alarm, Calendar, Event, vText

    if remind_days_before is not None and not 0 <= remind_days_before <= 30:
        raise InvalidArgumentError.saying(
            "{argument}: {value} is not between 0 and 30 days",
            argument="remind_days_before",
            value=remind_days_before,
        )
    calendar = Calendar()
    calendar.add("prodid", "-//kemitraan//touchpoints//ID")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", vText(_ical_text(name, "name")))
    when = stamp or datetime.now(UTC)
    english = language == "en"
    # an all-day event starts at midnight: the reminder counts from there
    trigger = (
        None
        if remind_days_before is None
        else timedelta(days=-remind_days_before, hours=remind_at.hour, minutes=remind_at.minute)
    )
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
        indonesian = _ical_text(touchpoint.title.indonesian, f"{where}.title.indonesian")
        other = _ical_text(touchpoint.title.english, f"{where}.title.english")
        if english:
            indonesian, other = other, indonesian
        summary = indonesian
        event.add("summary", vText(summary))
        techniques = ", ".join(t.label(language) for t in touchpoint.techniques)
        bring = (
            _ical_text(touchpoint.unique_value, f"{where}.unique_value")
            if touchpoint.unique_value
            else None
        )
        event.add(
            "description",
            vText(
                f"{touchpoint.kind.label(language)}. {other}."
                + (
                    in_language(language, f" Nilai unik: {bring}", f" Unique value: {bring}")
                    if bring
                    else ""
                )
                + (
                    in_language(language, f" Teknik: {techniques}.", f" Techniques: {techniques}.")
                    if techniques
                    else ""
                )
                + (in_language(language, " TERLAMBAT.", " OVERDUE.") if touchpoint.overdue else "")
            ),
        )
        event.add("categories", [touchpoint.kind.label(language)])  # the library's label
        if trigger is not None:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", vText(summary))
            alarm.add("trigger", trigger)
            event.add_component(alarm)
        calendar.add_component(event)
    return bytes(calendar.to_ical())
