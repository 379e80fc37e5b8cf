"""The planner's vocabulary: why a touchpoint is proposed, the touchpoint, the settings."""

from __future__ import annotations

from datetime import date
from typing import Final

from pydantic import Field

from kemitraan._base import BilingualText, LabelledEnum, ValueModel
from kemitraan._types import NonEmptyStr, PartyId
from kemitraan.maintenance.observances import Observance
from kemitraan.maintenance.techniques import Technique

__all__ = ["PlannerSettings", "Touchpoint", "TouchpointKind"]


class TouchpointKind(LabelledEnum):
    """Why a touchpoint is proposed.

    >>> TouchpointKind.RENEWAL.label_id
    'Pembicaraan perpanjangan kerja sama'
    """

    CADENCE = "cadence", "Kontak rutin", "Regular contact"
    HOLIDAY = "holiday", "Ucapan hari raya", "Holiday greeting"
    NEW_YEAR = "new_year", "Ucapan tahun baru", "New year greeting"
    NATIONAL_DAY = "national_day", "Ucapan hari nasional", "National day greeting"
    PARTNER_EVENT = "partner_event", "Acara mitra", "Partner's event"
    INVITATION = "invitation", "Memenuhi undangan mitra", "Attend the partner's invitation"
    FEEDBACK = "feedback", "Meminta masukan", "Ask for feedback"
    APPRECIATION = "appreciation", "Apresiasi kepada mitra", "Appreciation"
    MONITORING = "monitoring", "Monitoring bersama", "Joint monitoring"
    RENEWAL = "renewal", "Pembicaraan perpanjangan kerja sama", "Renewal talks"

    @property
    def greeting(self) -> bool:
        """Whether it is a greeting on an observance (a message, not a visit)."""
        return self in _GREETINGS

    @property
    def fixed(self) -> bool:
        """Whether the partner set its day (an event, an invitation): it never moves."""
        return self in (TouchpointKind.PARTNER_EVENT, TouchpointKind.INVITATION)


_GREETINGS: Final = frozenset(
    {TouchpointKind.HOLIDAY, TouchpointKind.NEW_YEAR, TouchpointKind.NATIONAL_DAY}
)
# What gives way first when a month holds more than the facilitator can keep: the last
# here. What the partner set comes first, then what the agreement needs, then greetings.
_PRIORITY: Final = {
    kind: rank
    for rank, kind in enumerate(
        (
            TouchpointKind.INVITATION,
            TouchpointKind.PARTNER_EVENT,
            TouchpointKind.RENEWAL,
            TouchpointKind.MONITORING,
            TouchpointKind.NATIONAL_DAY,
            TouchpointKind.NEW_YEAR,
            TouchpointKind.HOLIDAY,
            TouchpointKind.FEEDBACK,
            TouchpointKind.APPRECIATION,
            TouchpointKind.CADENCE,
        )
    )
}
_TECHNIQUES: Final = {
    TouchpointKind.CADENCE: (Technique.PARTNER_FIRST, Technique.ACTIVE),
    TouchpointKind.HOLIDAY: (Technique.ACTIVE,),
    TouchpointKind.NEW_YEAR: (Technique.ACTIVE,),
    TouchpointKind.NATIONAL_DAY: (Technique.ACTIVE,),
    TouchpointKind.PARTNER_EVENT: (Technique.PARTNER_FIRST, Technique.ACTIVE),
    # guide C.4: "ibarat undangan, maka tiada kesan tanpa kehadiran kita"
    TouchpointKind.INVITATION: (Technique.PARTNER_FIRST, Technique.UNIQUE_VALUE),
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
    observances: list[Observance] = Field(default_factory=list)
    """The days it greets the partner on (a greeting's, and any greeting folded into it)."""
    moved_from: date | None = None
    """The day it fell on, when that was a weekend or a day off and it moved to a working
    day (a greeting to the working day before its holiday, anything else to the one after)."""
    also: list[TouchpointKind] = Field(default_factory=list)
    """The other purposes this contact serves: touchpoints of the same day, or of a month
    over the facilitator's capacity, folded into it (their titles follow its own)."""
    unique_value: NonEmptyStr | None = None
    """What to bring to show the institution's unique value to the partner (its recorded
    ``unique_value``, guide C.4), on every touchpoint but a greeting."""


class PlannerSettings(ValueModel):
    """How often to be in touch, how much a facilitator can keep, when to talk renewal.

    >>> PlannerSettings().cadence_days, PlannerSettings().contacts_per_month
    (30, 3)
    """

    cadence_days: int = Field(default=30, ge=1, le=366)
    """The longest gap between contacts with a partner: a regular contact fills a longer one."""
    feedback_every_days: int = Field(default=90, ge=1, le=732)
    """Days between requests for feedback."""
    appreciation_every_days: int = Field(default=180, ge=1, le=732)
    """Days between appreciations (a certificate, a mention, a visit to thank)."""
    renewal_lead_days: int = Field(default=90, ge=1, le=732)
    """Days before the term ends to start talking about renewal."""
    holidays: bool = True
    """Greet partners on their observances and on the national days."""
    contacts_per_month: int = Field(default=3, ge=1, le=31)
    """The most touchpoints with one partner in a calendar month: beyond it, the least
    pressing are folded into another of the month's contacts."""
    greet_on_the_day: bool = False
    """Send greetings on the holiday itself, weekend or not (a message from a phone);
    by default a greeting is sent on the last working day before its holiday."""
