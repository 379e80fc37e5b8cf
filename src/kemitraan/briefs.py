"""Short plain text for WhatsApp: what was agreed, what is due next, when we meet.

Updates to partners go by WhatsApp. :func:`partner_brief` and :func:`partnership_brief`
give a few plain sentences a facilitator can paste: no tables, no markup, dates in words,
parties by name, at most :data:`MAX_BRIEF` characters, in Indonesian unless English is
asked for.

>>> from datetime import date
>>> from kemitraan import Institution, Partnership, Program
>>> p = Partnership(institution=Institution(name="PKBM Harapan Bangsa"),
...                 program=Program(name="Pembuatan Tas Rajut", objectives=["Mandiri"]))
>>> print(partnership_brief(p, on=date(2025, 1, 6)))  # doctest: +NORMALIZE_WHITESPACE
Pembuatan Tas Rajut – PKBM Harapan Bangsa, belum ada mitra. Tahap: 1. Identifikasi atau
pemetaan objek mitra. Berikutnya: Petakan sedikitnya satu calon mitra beserta jenis dan
wilayahnya.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Final

from kemitraan._base import in_language
from kemitraan._catalog import current_language
from kemitraan.conventions import date_long
from kemitraan.exceptions import UnknownPartyError
from kemitraan.maintenance.touchpoints import Touchpoint, plan_touchpoints
from kemitraan.obligations import ObligationState, ObligationStatus, obligation_status

if TYPE_CHECKING:
    from kemitraan._base import Language
    from kemitraan.partnerships import Partnership

__all__ = ["MAX_BRIEF", "partner_brief", "partnership_brief"]

MAX_BRIEF: Final = 400
"""The longest a brief runs, in characters (a WhatsApp message read at a glance)."""

_AHEAD: Final = timedelta(days=120)  # how far ahead the next meeting is looked for
_OPEN_STATES: Final = (
    ObligationState.OVERDUE,
    ObligationState.DUE,
    ObligationState.IN_PROGRESS,
    ObligationState.PENDING,
    ObligationState.OPEN,
)


def _fitted(sentences: list[str]) -> str:
    """The sentences that fit in :data:`MAX_BRIEF`, in order.

    One that does not fit is left out; the first is cut with "…" if it alone is too long.
    """
    text = ""
    for sentence in sentences:
        joined = f"{text} {sentence}".strip()
        if len(joined) <= MAX_BRIEF:
            text = joined
        elif not text:
            text = sentence[: MAX_BRIEF - 1].rstrip() + "…"
    return text


def _next_meeting(
    touchpoints: list[Touchpoint], partner_id: str | None, on: date
) -> Touchpoint | None:
    ahead = [
        t for t in touchpoints if t.on >= on and (partner_id is None or t.partner_id == partner_id)
    ]
    return min(ahead, key=lambda t: (t.on, t.partner_id), default=None)


def _next_due(statuses: list[ObligationStatus], party_id: str | None) -> ObligationStatus | None:
    """The most pressing open obligation: overdue first, then by due date."""
    open_ = [
        s
        for s in statuses
        if s.state in _OPEN_STATES and (party_id is None or s.obligation.party_id == party_id)
    ]
    return min(
        open_,
        key=lambda s: (_OPEN_STATES.index(s.state), s.obligation.due or date.max, s.obligation.id),
        default=None,
    )


def _due_sentence(
    status: ObligationStatus, names: dict[str, str], language: Language, *, with_name: bool
) -> str:
    ob = status.obligation
    when = f", {date_long(ob.due, language)}" if ob.due is not None else ""
    state = status.state.label(language).lower()
    who = f"{names.get(ob.party_id, ob.party_id)} – " if with_name else ""
    return in_language(
        language,
        f"Berikutnya: {who}{ob.text.rstrip('.')} ({state}{when}).",
        f"Next: {who}{ob.text.rstrip('.')} ({state}{when}).",
    )


def _meeting_sentence(
    touchpoint: Touchpoint, names: dict[str, str], language: Language, *, with_name: bool
) -> str:
    title = touchpoint.title.indonesian if language == "id" else touchpoint.title.english
    who = f" dengan {names.get(touchpoint.partner_id, '')}" if with_name else ""
    who_en = f" with {names.get(touchpoint.partner_id, '')}" if with_name else ""
    day = date_long(touchpoint.on, language)
    return in_language(
        language,
        f"Bertemu lagi: {day}{who}, {title.rstrip('.')}.",
        f"We meet next: {day}{who_en}, {title.rstrip('.')}.",
    )


def _plan(partnership: Partnership, on: date) -> list[Touchpoint]:
    if not partnership.committed_partners:
        return []
    return plan_touchpoints(partnership, start=on, end=on + _AHEAD, on=on)


def partner_brief(
    partnership: Partnership, partner_id: str, *, on: date, language: Language | None = None
) -> str:
    """A few sentences for one partner: what it agreed to, what is due next, when we meet.

    In ``language``, or the language in force (:mod:`kemitraan.messages`): Indonesian
    unless set otherwise.

    Raises:
        UnknownPartyError: the partnership has no such partner.
    """
    language = language or current_language()
    partner = next((p for p in partnership.partners if p.id == partner_id), None)
    if partner is None:
        raise UnknownPartyError(partner_id, [p.id for p in partnership.partners])
    names = {party.id: party.name for party in (partnership.institution, *partnership.partners)}
    program, institution = partnership.program.name, partnership.institution.name
    sentences = [
        in_language(
            language,
            f"{partner.name} – kemitraan {program} dengan {institution}.",
            f"{partner.name} – the {program} partnership with {institution}.",
        )
    ]
    agreement = partnership.as_amended()
    role = (
        next((r for r in agreement.roles if r.party_id == partner_id), None) if agreement else None
    )
    if role is not None:
        first = role.responsibilities[0].rstrip(".") if role.responsibilities else ""
        more = len(role.responsibilities) > 1
        sentences.append(
            in_language(
                language,
                f"Disepakati: {role.role}"
                + (f" – {first}" if first else "")
                + (", dan lainnya." if more else "."),
                f"Agreed: {role.role}"
                + (f" – {first}" if first else "")
                + (", and more." if more else "."),
            )
        )
    due = _next_due(obligation_status(partnership, on=on), partner_id) if role else None
    if due is not None:
        sentences.append(_due_sentence(due, names, language, with_name=False))
    meeting = _next_meeting(_plan(partnership, on), partner_id, on)
    if meeting is not None:
        sentences.append(_meeting_sentence(meeting, names, language, with_name=False))
    return _fitted(sentences)


def partnership_brief(
    partnership: Partnership, *, on: date, language: Language | None = None
) -> str:
    """A few sentences on the whole partnership: who, where it stands, what is next.

    In ``language``, or the language in force (Indonesian unless set otherwise).
    """
    language = language or current_language()
    names = {party.id: party.name for party in (partnership.institution, *partnership.partners)}
    partners = partnership.committed_partners or partnership.partners
    program, institution = partnership.program.name, partnership.institution.name
    listed = "; ".join(p.name for p in partners[:3]) + ("; …" if len(partners) > 3 else "")
    count = len(partners)
    with_whom = (
        in_language(
            language, f"dengan {count} mitra ({listed})", f"with {count} partner(s) ({listed})"
        )
        if partners
        else in_language(language, "belum ada mitra", "no partner yet")
    )
    stage = partnership.stage
    label = stage.label(language)
    title = label if stage.number is None else f"{stage.number}. {label}"
    year = (
        in_language(language, f", tahun ke-{partnership.cycle}", f", year {partnership.cycle}")
        if partnership.cycle > 1
        else ""
    )
    sentences = [
        f"{program} – {institution}, {with_whom}.",
        in_language(language, f"Tahap: {title}{year}.", f"Step: {title}{year}."),
    ]
    term = partnership.effective_term
    if term is not None:
        sentences.append(
            in_language(
                language,
                f"Kerja sama berlaku s.d. {date_long(term.end, language)}.",
                f"The cooperation runs until {date_long(term.end, language)}.",
            )
        )
    unmet = partnership.unmet_requirements() if not stage.is_terminal else []
    due = _next_due(obligation_status(partnership, on=on), None) if partnership.agreement else None
    if due is not None and (stage.number or 0) >= 8:
        sentences.append(_due_sentence(due, names, language, with_name=True))
    elif unmet:
        message = unmet[0].message.indonesian if language == "id" else unmet[0].message.english
        sentences.append(in_language(language, f"Berikutnya: {message}", f"Next: {message}"))
    meeting = _next_meeting(_plan(partnership, on), None, on)
    if meeting is not None:
        sentences.append(_meeting_sentence(meeting, names, language, with_name=True))
    return _fitted(sentences)
