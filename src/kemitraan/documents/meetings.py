"""The meetings a partnership's records show, for its berita acara and daftar hadir.

Every meeting the lifecycle records is one :class:`Meeting`: an audience or
presentation (guide A.4, :class:`~kemitraan.Exploration`), the coordination that drew
up the work plan with its participants (A.5), each signing (A.7: the agreement, a PKS,
an addendum, with its signatories), each monitoring visit with its participants (A.9)
and the joint evaluation (A.9–A.10). What a record does not hold — the place of an
evaluation, the hour, the number of the berita acara — is given by the caller, never
made up: :func:`meeting` takes it as an argument.

>>> import sys; sys.path.insert(0, "tests")
>>> from seed import at_stage
>>> from kemitraan import Stage
>>> p = at_stage(Stage.IMPROVEMENT, recorded=True)
>>> [(m.kind.value, str(m.on)) for m in meetings(p)][1:4]
[('exploration', '2025-02-19'), ('coordination', '2025-02-24'), ('signing', '2025-03-10')]
>>> evaluation = meeting(p, p.evaluations[0], place="Aula PKBM Harapan Bangsa", time="09.00 WITA")
>>> evaluation.title, evaluation.party_ids[0]
('Rapat Evaluasi Bersama Kemitraan', 'pkbm-harapan-bangsa')
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TypeAlias

from kemitraan._base import LabelledEnum
from kemitraan._catalog import N_
from kemitraan.agreements import Agreement
from kemitraan.attachments import Attachment
from kemitraan.exceptions import InvalidArgumentError
from kemitraan.exploration import Exploration
from kemitraan.monitoring import Evaluation, MonitoringRecord
from kemitraan.partnerships import Partnership
from kemitraan.planning import WorkPlan

__all__ = ["Meeting", "MeetingKind", "MeetingRecord", "meeting", "meetings"]

MeetingRecord: TypeAlias = Exploration | WorkPlan | Agreement | MonitoringRecord | Evaluation
"""A record that shows a meeting."""


class MeetingKind(LabelledEnum):
    """The meetings the guide's steps hold.

    >>> MeetingKind.EVALUATION.label_id
    'Rapat Evaluasi Bersama Kemitraan'
    """

    EXPLORATION = "exploration", "Audiensi dan Presentasi Program", "Audience and presentation"
    COORDINATION = (
        "coordination",
        "Rapat Koordinasi Penyusunan Rencana Kerja",
        "Work plan coordination meeting",
    )
    SIGNING = "signing", "Penandatanganan Kesepakatan Kerja Sama", "Signing of the agreement"
    MONITORING = "monitoring", "Kunjungan Monitoring Kemitraan", "Monitoring visit"
    EVALUATION = "evaluation", "Rapat Evaluasi Bersama Kemitraan", "Joint evaluation meeting"


@dataclass(frozen=True)
class Meeting:
    """One meeting a record shows, with what the caller adds (place, time, number).

    >>> from kemitraan import Institution, Partnership, Program
    >>> p = Partnership(institution=Institution(name="PKBM A", id="pkbm"),
    ...                 program=Program(name="PKW", objectives=["Mandiri"]))
    >>> Meeting(p, MeetingKind.MONITORING, None, date(2025, 5, 30), ("pkbm",)).place
    ''
    """

    partnership: Partnership
    kind: MeetingKind
    record: MeetingRecord | None
    """The record it comes from."""
    on: date
    party_ids: tuple[str, ...]
    """The parties present, the institution first."""
    place: str = ""
    """Where; empty when neither the record nor the caller says."""
    time: str = ""
    """When in the day (``09.00 WITA``), as the caller gives it."""
    number: str = ""
    """The berita acara's number, as the caller gives it."""
    town: str = ""
    """The town its papers are signed in, as the caller gives it (see :attr:`signed_in`)."""

    @property
    def signed_in(self) -> str:
        """The town above the signatures: ``Martapura``, in ``Martapura, 26 Januari 2026``.

        A berita acara or a daftar hadir is dated in a town, not in a hall: the town
        given; else the town the partnership's agreement was signed in; else the last part
        of a place written ``hall, town``; else the place.

        >>> from kemitraan import Institution, Partnership, Program
        >>> p = Partnership(institution=Institution(name="PKBM A", id="pkbm"),
        ...                 program=Program(name="PKW", objectives=["Mandiri"]))
        >>> held = Meeting(p, MeetingKind.EVALUATION, None, date(2026, 1, 26), ("pkbm",),
        ...                place="Aula PKBM A, Martapura")
        >>> held.signed_in
        'Martapura'
        """
        if self.town:
            return self.town
        agreement = self.partnership.agreement
        if agreement is not None and agreement.place:
            return agreement.place  # known, where the last part of a place may be a street
        hall, comma, town = self.place.rpartition(",")
        if comma and hall.strip() and town.strip():
            return town.strip()
        return self.place

    @property
    def title(self) -> str:
        """What the meeting was: ``Audiensi``, ``Rapat Evaluasi Bersama Kemitraan``."""
        if isinstance(self.record, Exploration):
            return self.record.kind.label_id
        if isinstance(self.record, Agreement):
            return f"Penandatanganan {self.record.kind.label_id}"
        return self.kind.label_id

    @property
    def attachments(self) -> list[Attachment]:
        """The evidence files its record carries."""
        return list(getattr(self.record, "attachments", []))


def _present(partnership: Partnership, ids: list[str]) -> tuple[str, ...]:
    """The institution first, then the others in the agreement's order, each once.

    PIHAK KEDUA before PIHAK KETIGA; those the agreement does not name after them.
    """
    order = partnership.agreement.party_ids if partnership.agreement is not None else []
    rank = {party_id: no for no, party_id in enumerate(order)}
    others = sorted(dict.fromkeys(ids), key=lambda i: rank.get(i, len(order)))
    return tuple(dict.fromkeys([partnership.institution.id, *others]))


def _facts(
    partnership: Partnership, record: MeetingRecord
) -> tuple[MeetingKind, date, tuple[str, ...], str]:
    if isinstance(record, Exploration):
        return (
            MeetingKind.EXPLORATION,
            record.on,
            _present(partnership, record.partner_ids),
            (record.place or ""),
        )
    if isinstance(record, WorkPlan):
        return (
            MeetingKind.COORDINATION,
            record.drawn_up_on,
            _present(partnership, record.participants),
            "",
        )
    if isinstance(record, Agreement):
        return (
            MeetingKind.SIGNING,
            record.date,
            _present(partnership, record.party_ids),
            (record.place),
        )
    if isinstance(record, MonitoringRecord):
        return (
            MeetingKind.MONITORING,
            record.on,
            _present(partnership, [record.by, *record.participants]),
            "",
        )
    if isinstance(record, Evaluation):
        return MeetingKind.EVALUATION, record.on, _present(partnership, record.participants), ""
    raise InvalidArgumentError.saying(
        N_("{argument} must be a record of a meeting (an exploration, the work plan, an "
           "agreement, a monitoring record or an evaluation), not {value}"),
        argument="record",
        value=type(record).__name__,
    )  # fmt: skip


def meeting(
    partnership: Partnership,
    record: MeetingRecord,
    *,
    place: str | None = None,
    time: str | None = None,
    number: str | None = None,
    town: str | None = None,
) -> Meeting:
    """The meeting ``record`` shows, with the place, time and number the record lacks.

    Args:
        partnership: The partnership the record belongs to.
        record: An exploration, the work plan, an agreement (MoU, PKS, addendum), a
            monitoring record or an evaluation.
        place: Where it was held; by default the record's own place (an exploration's,
            an agreement's), else none.
        time: When in the day: ``09.00 WITA``.
        number: The berita acara's number.
        town: The town its papers are signed in; by default :attr:`Meeting.signed_in`
            finds it.

    Raises:
        InvalidArgumentError: ``record`` is not a record of a meeting.

    >>> import sys; sys.path.insert(0, "tests")
    >>> from seed import at_stage
    >>> from kemitraan import Stage
    >>> p = at_stage(Stage.IMPLEMENTATION, recorded=True)
    >>> meeting(p, p.agreement).place, meeting(p, p.work_plan).party_ids[-1]
    ('Martapura', 'diskopukmnaker-banjar')
    """
    kind, on, present, recorded_place = _facts(partnership, record)
    return Meeting(
        partnership=partnership,
        kind=kind,
        record=record,
        on=on,
        party_ids=present,
        place=(place if place is not None else recorded_place).strip(),
        time=(time or "").strip(),
        number=(number or "").strip(),
        town=(town or "").strip(),
    )


def meetings(partnership: Partnership) -> list[Meeting]:
    """Every meeting the partnership's records show, in the order they were held.

    >>> from kemitraan import Institution, Partnership, Program
    >>> meetings(Partnership(institution=Institution(name="PKBM A"),
    ...                      program=Program(name="PKW", objectives=["Mandiri"])))
    []
    """
    records: list[MeetingRecord] = [*partnership.explorations]
    if partnership.work_plan is not None:
        records.append(partnership.work_plan)
    agreements = [partnership.agreement] if partnership.agreement is not None else []
    records += [a for a in [*agreements, *partnership.cooperation_agreements, *partnership.addenda]]
    records += [*partnership.monitoring, *partnership.evaluations]
    found = [meeting(partnership, r) for r in records]
    return sorted(found, key=lambda m: m.on)  # stable: same-day meetings keep their order
