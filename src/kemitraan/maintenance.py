"""Keeping the partnership alive: the guide's six techniques (part C), as checklists and practice.

Part C of the guide, *Teknik Mempertahankan Kemitraan*, names six techniques:
put every partner first; be humble and always ask for feedback; be patient with every
partner's temper; show the value only you bring; be active; surprise and exceed
expectations. Each is a checklist here (:data:`CHECKLISTS`): concrete items that can
be checked, in Indonesian and English, each with the guide's own sentence it comes
from. Some items are judged from the data (the interaction log, monitoring, the
parties' views); the rest are answered by the facilitator (:class:`ChecklistAnswer`).

The practice is an interaction log (:class:`Interaction`: a visit, a WhatsApp message,
a call, an e-mail, an event, a meeting, a workshop; who took part, which techniques it
served, the feedback asked for and whether it was acted on) and a touchpoint planner
(:func:`plan_touchpoints`) that proposes the next contacts per partner — a regular
cadence, Indonesian public holidays and the new year (the guide names *hari raya* and
*tahun baru*; dates from ``holidays``), the partner's own events, feedback requests,
appreciation, the monitoring dates and renewal talks well before the term ends — and
flags what is overdue; :func:`touchpoints_ical` exports them as an iCalendar file.
:func:`partner_health` gives, per partner and technique, a status with its reasons.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from pydantic import Field

from kemitraan._base import BilingualText, LabelledEnum, ValueModel
from kemitraan._types import NonEmptyStr, PartyId, ShortText
from kemitraan.conventions import date_long
from kemitraan.deviations import REPORT_EVERY, Deviation, DeviationKind, detect_deviations
from kemitraan.exceptions import InvalidArgumentError
from kemitraan.findings import Severity
from kemitraan.monitoring import HealthItem

if TYPE_CHECKING:
    from kemitraan.partnerships import Partnership

__all__ = [
    "CHECKLISTS",
    "ChecklistAnswer",
    "ChecklistItem",
    "HealthStatus",
    "Interaction",
    "InteractionKind",
    "PartnerEvent",
    "PartnerHealth",
    "PlannerSettings",
    "Technique",
    "TechniqueHealth",
    "Touchpoint",
    "TouchpointKind",
    "checklist_item",
    "partner_health",
    "plan_touchpoints",
    "touchpoints_ical",
]

bi = BilingualText.of


class Technique(LabelledEnum):
    """The six techniques of keeping a partnership (guide C), in the guide's order.

    >>> [t.number for t in Technique]
    [1, 2, 3, 4, 5, 6]
    """

    PARTNER_FIRST = "partner_first", "Selalu nomor satukan setiap mitra", "Put every partner first"
    HUMBLE = (
        "humble",
        "Bersikap rendah hati dan selalu minta masukan",
        "Be humble and always ask for feedback",
    )
    PATIENT = (
        "patient",
        "Bersikap sabar menghadapi berbagai perangai mitra",
        "Be patient with every partner's temper",
    )
    UNIQUE_VALUE = (
        "unique_value",
        "Tunjukkan nilai unik kepada mitra",
        "Show partners the value only you bring",
    )
    ACTIVE = "active", "Bersikap aktif", "Be active"
    SURPRISE = (
        "surprise",
        "Berikan kejutan dan lampaui ekspektasi",
        "Surprise and exceed expectations",
    )

    @property
    def number(self) -> int:
        """Its number in the guide (1–6)."""
        return list(Technique).index(self) + 1


class ChecklistItem(ValueModel):
    """One checkable item of a technique, and the guide's sentence it comes from.

    >>> checklist_item("humble.ask_every_partner").technique
    <Technique.HUMBLE: 'humble'>
    """

    code: ShortText
    """``technique.item``: stable, for answers and apps."""
    technique: Technique
    """The technique it belongs to."""
    text: BilingualText
    """What to check."""
    guide: NonEmptyStr
    """The guide's sentence (part C) the item comes from."""
    from_data: bool
    """Whether kemitraan judges it from the data; otherwise the facilitator answers it."""


def _item(
    code: str, technique: Technique, id_: str, en: str, guide: str, data: bool
) -> ChecklistItem:
    return ChecklistItem(
        code=code, technique=technique, text=bi(id_, en), guide=guide, from_data=data
    )


T = Technique
CHECKLISTS: Final[dict[Technique, tuple[ChecklistItem, ...]]] = {
    T.PARTNER_FIRST: (
        _item(
            "partner_first.contact_every_partner",
            T.PARTNER_FIRST,
            "Setiap mitra, besar maupun kecil, dihubungi dalam jarak kontak yang disepakati.",
            "Every partner, large or small, is contacted within the agreed interval.",
            "Dengan selalu menomorsatukan setiap mitra yang kamu miliki, mereka pun akan "
            "mendapatkan rasa hormat, dihargai, dan merasa bahwa mereka adalah mitra yang "
            "penting untukmu.",
            True,
        ),
        _item(
            "partner_first.interests_first",
            T.PARTNER_FIRST,
            "Kepentingan mitra dibahas lebih dahulu dalam setiap pertemuan.",
            "The partner's interests come first in every meeting.",
            "Makanya, hati-hatilah dan selalu bersikap orisinil mengedepankan kepentingan "
            "pelanggan serta mitra bisnis.",
            False,
        ),
        _item(
            "partner_first.opportunity_anywhere",
            T.PARTNER_FIRST,
            "Mitra yang kecil atau baru dilayani sama baiknya, karena peluang dapat muncul "
            "dari mana saja.",
            "Small or new partners are served as well, because opportunity can come from anywhere.",
            "Kita tidak akan tahu siapa yang akan memegang peran untuk keputusan bisnis di masa "
            "depan, Karena itu, ingatlah bahwa peluang dapat muncul dari mana saja.",
            False,
        ),
    ),
    T.HUMBLE: (
        _item(
            "humble.ask_every_partner",
            T.HUMBLE,
            "Masukan diminta dari setiap mitra secara berkala; diam tidak dianggap puas.",
            "Feedback is asked of every partner regularly; silence is not taken as satisfaction.",
            "Jika mereka diam, belum tentu mereka pun sudah puas dengan kinerja kita.",
            True,
        ),
        _item(
            "humble.act_on_feedback",
            T.HUMBLE,
            "Setiap masukan atau keluhan mitra ditindaklanjuti.",
            "Every piece of feedback or complaint is acted on.",
            "kita harus bersikap rendah hati dan terbuka pada setiap masukan atau keluhan dari "
            "pelanggan atau mitra bisnis kita.",
            True,
        ),
        _item(
            "humble.feedback_event",
            T.HUMBLE,
            "Mitra diundang ke acara khusus untuk dimintai masukan.",
            "Partners are invited to a special event to give feedback.",
            "Bahkan, perusahaan besar tidak segan-segan untuk mengundang mitra bisnisnya untuk "
            "dimintai masukan terhadap produknya dalam suatu acara khusus.",
            True,
        ),
    ),
    T.PATIENT: (
        _item(
            "patient.problems_solved",
            T.PATIENT,
            "Masalah dengan mitra dicarikan solusi bersama, tidak dibiarkan menjadi permusuhan.",
            "Problems with a partner are solved together, never left to turn into hostility.",
            "Jangan sampai meledak dan malah menyebabkan permusuhan.",
            True,
        ),
        _item(
            "patient.professional",
            T.PATIENT,
            "Sikap profesional tetap dijaga terhadap mitra yang menuntut, kompetitif atau "
            "ingin tahu dapur usaha.",
            "Professional with partners who are demanding, competitive or too curious.",
            "Menghadapi hal tersebut, sebisa mungkin kamu harus bersikap sabar dan tunjukkan "
            "diri sebagai pribadi yang profesional.",
            False,
        ),
        _item(
            "patient.neutral_topics",
            T.PATIENT,
            "Pembicaraan yang menyinggung hal sensitif dialihkan ke topik netral.",
            "Talk that touches something sensitive is steered to neutral topics.",
            "Jika sudah menyinggung hal sensitif, kita bisa mulai mengalihkan perbincangan pada "
            "topik-topik netral untuk membuat mereka lupa sehingga kamu bisa menghindari "
            "perselisihan.",
            False,
        ),
    ),
    T.UNIQUE_VALUE: (
        _item(
            "unique_value.memorable_meeting",
            T.UNIQUE_VALUE,
            "Setiap pertemuan dengan mitra membawa sesuatu yang unik untuk diingat.",
            "Every meeting with a partner brings something unique to remember.",
            "Jadi, usahakan dalam setiap pertemuan yang kita hadiri bersama mitra bisnis, "
            "berikan sesuatu yang unik yang akan mereka ingat.",
            True,
        ),
        _item(
            "unique_value.product_workshop",
            T.UNIQUE_VALUE,
            "Workshop produk diadakan dengan fakta-fakta unik tentang produk dan pengalamannya.",
            "A product workshop is held, with unique facts about the product and experience.",
            "Seperti misalnya jika kamu memberikan workshop produk kepada pelangganmu, berikan "
            "fakta-fakta unik terhadap produk dan pengalaman perihal itu.",
            True,
        ),
        _item(
            "unique_value.business_issue",
            T.UNIQUE_VALUE,
            "Isu bisnis yang menarik dibawa ke pertemuan dengan pemasok, pengusaha atau investor.",
            "An interesting business issue is brought to meetings with suppliers or investors.",
            "Jika kamu bertemu dengan mitra bisnis di kalangan supplier, sesama pengusaha, "
            "ataupun investor, kamu bisa mengangkat isu bisnis yang menarik.",
            False,
        ),
    ),
    T.ACTIVE: (
        _item(
            "active.we_invite",
            T.ACTIVE,
            "Lembaga yang lebih sering mengajak bertemu, tidak menunggu diajak mitra.",
            "The institution invites more often than it waits to be invited.",
            "Jangan hanya mengandalkan mitra kita untuk mengajak bertemu, bersikaplah proaktif "
            "juga untuk mengajak mereka bergabung dalam suatu acara.",
            True,
        ),
        _item(
            "active.keep_in_touch",
            T.ACTIVE,
            "Bila tidak dapat bertemu, kontak dijaga lewat WhatsApp, e-mail atau media sosial.",
            "When a meeting is not possible, contact is kept by WhatsApp, e-mail or social media.",
            "Jika memang tidak mungkin bertemu secara tatap muka, kita bisa memelihara kemitraan "
            "dengan menjaga kontak melalui whatsapp, email, atau bentuk lain.",
            True,
        ),
        _item(
            "active.occasions",
            T.ACTIVE,
            "Hari raya, tahun baru dan peluncuran produk dipakai untuk menyapa mitra.",
            "Holidays, the new year and product launches are used to greet partners.",
            "Manfaatkanlah media sosial dan acara-acara khusus seperti peluncuran produk baru, "
            "hari raya, tahun baru, dan perayaan lain sebagai bahan obrolan.",
            True,
        ),
    ),
    T.SURPRISE: (
        _item(
            "surprise.new_ideas",
            T.SURPRISE,
            "Ide-ide baru yang segar disampaikan kepada mitra.",
            "Fresh new ideas are brought to partners.",
            "Dalam menjalin kemitraan dengan kita, kita bisa memberikan kejutan-kejutan yang "
            "akan melampaui ekspektasi mitramu.",
            True,
        ),
        _item(
            "surprise.new_opportunity",
            T.SURPRISE,
            "Peluang kemitraan baru di luar perjanjian ditawarkan kepada mitra.",
            "New opportunities beyond the agreement are offered to partners.",
            "Seperti contohnya ide-ide baru yang segar dan memberikan peluang untuk kemitraan "
            "baru yang berada di luar ekspektasi awal dari perjanjian kemitraan.",
            True,
        ),
        _item(
            "surprise.beyond_margin",
            T.SURPRISE,
            "Mitra menerima lebih dari timbal balik yang tertulis dalam perjanjian.",
            "Partners receive more than the return written in the agreement.",
            "Mitra yang kalian jalin memang sudah tertulis bahwa akan ada hubungan berupa timbal "
            "balik margin usaha yang kita jalankan. Namun, kita bisa saja memberikan lebih dari "
            "itu.",
            False,
        ),
    ),
}
"""Each technique's checklist, in the guide's order."""

_ITEMS: Final = {item.code: item for items in CHECKLISTS.values() for item in items}


def checklist_item(code: str) -> ChecklistItem:
    """The checklist item ``code``.

    Raises:
        NotFoundError: no item has that code.

    >>> checklist_item("active.keep_in_touch").text.english
    'When a meeting is not possible, contact is kept by WhatsApp, e-mail or social media.'
    """
    from kemitraan.exceptions import NotFoundError

    try:
        return _ITEMS[code]
    except KeyError:
        raise NotFoundError(code, sorted(_ITEMS), what="checklist item") from None


class InteractionKind(LabelledEnum):
    """How the institution and a partner were in touch.

    >>> InteractionKind.WHATSAPP.label_id
    'Pesan WhatsApp'
    """

    VISIT = "visit", "Kunjungan", "Visit"
    MEETING = "meeting", "Pertemuan", "Meeting"
    WORKSHOP = "workshop", "Workshop", "Workshop"
    EVENT = "event", "Acara", "Event"
    WHATSAPP = "whatsapp", "Pesan WhatsApp", "WhatsApp message"
    PHONE = "phone", "Telepon", "Phone call"
    EMAIL = "email", "E-mail", "E-mail"
    SOCIAL_MEDIA = "social_media", "Media sosial", "Social media"

    @property
    def in_person(self) -> bool:
        """Whether the parties met."""
        return self in (
            InteractionKind.VISIT,
            InteractionKind.MEETING,
            InteractionKind.WORKSHOP,
            InteractionKind.EVENT,
        )


class Interaction(ValueModel):
    """A contact with one or more partners: what, who, which techniques, what feedback.

    >>> Interaction(on=date(2025, 5, 6), kind=InteractionKind.VISIT,
    ...             partner_ids=["cv-kriya-banua"], feedback_requested=True).feedback_requested
    True
    """

    on: date
    """When."""
    kind: InteractionKind
    """How."""
    partner_ids: list[PartyId] = Field(min_length=1)
    """The partners in touch."""
    people: list[ShortText] = Field(default_factory=list)
    """Who took part, by name."""
    initiated_by: PartyId | None = None
    """Who asked for it (the institution, or a partner)."""
    techniques: list[Technique] = Field(default_factory=list)
    """The techniques it served."""
    summary: NonEmptyStr | None = None
    """What it was about."""
    feedback_requested: bool = False
    """Whether the partner was asked for feedback."""
    feedback: NonEmptyStr | None = None
    """The feedback or complaint received."""
    acted_on: bool | None = None
    """Whether the feedback was acted on (``None`` while undecided)."""
    opportunity: NonEmptyStr | None = None
    """A new opportunity offered, beyond the agreement."""


class ChecklistAnswer(ValueModel):
    """The facilitator's answer to a checklist item, for a partner.

    >>> ChecklistAnswer(item="patient.professional", partner_id="kube",
    ...                 on=date(2025, 9, 1), done=True).done
    True
    """

    item: ShortText
    """The item's code (:data:`CHECKLISTS`)."""
    partner_id: PartyId
    """The partner."""
    on: date
    """When it was answered."""
    done: bool
    """Whether it holds."""
    note: NonEmptyStr | None = None
    """Why, or what was done."""


class PartnerEvent(ValueModel):
    """A partner's own occasion worth a touchpoint: a product launch, an anniversary.

    >>> PartnerEvent(partner_id="cv-kriya-banua", on=date(2025, 8, 20),
    ...              name="Peluncuran koleksi tas rajut").name
    'Peluncuran koleksi tas rajut'
    """

    partner_id: PartyId
    """Whose."""
    on: date
    """When."""
    name: ShortText
    """What."""


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
    mine = sorted(
        (i for i in partnership.interactions if partner_id in i.partner_ids and i.on <= on),
        key=lambda i: (i.on, i.model_dump_json()),
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


def touchpoints_ical(
    touchpoints: Iterable[Touchpoint], *, name: str = "Kemitraan", stamp: datetime | None = None
) -> bytes:
    """The touchpoints as an iCalendar file (all-day events), for any calendar app.

    Each event's UID is derived from its content, so exporting again updates the same
    events; ``stamp`` (now by default) is each event's DTSTAMP.

    >>> ics = touchpoints_ical([Touchpoint(on=date(2026, 1, 1), partner_id="kube",
    ...     kind=TouchpointKind.NEW_YEAR, title=BilingualText.of("Ucapan", "Greeting"))],
    ...     stamp=datetime(2025, 12, 1, tzinfo=UTC))
    >>> b"BEGIN:VEVENT" in ics, b"DTSTART;VALUE=DATE:20260101" in ics
    (True, True)
    """
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//kemitraan//touchpoints//ID")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    when = stamp or datetime.now(UTC)
    for touchpoint in touchpoints:
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
        event.add("summary", touchpoint.title.indonesian)
        techniques = ", ".join(t.label_id for t in touchpoint.techniques)
        event.add(
            "description",
            f"{touchpoint.kind.label_id}. {touchpoint.title.english}."
            + (f" Teknik: {techniques}." if techniques else "")
            + (" TERLAMBAT." if touchpoint.overdue else ""),
        )
        event.add("categories", [touchpoint.kind.label_id])
        calendar.add_component(event)
    return bytes(calendar.to_ical())


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
