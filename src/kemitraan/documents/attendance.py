"""The daftar hadir (attendance list) of a meeting the records show, kind ``attendance``.

A form signed on paper: the title, the meeting, its day, date, time and place, and a
table — No, Nama, Lembaga/Instansi, Jabatan, Tanda Tangan — with a row for each party
present (its representative's name and position where known) and blank rows for
whoever else comes; the signature cells stay empty. At the foot the head of the
institution certifies it.

>>> import sys; sys.path.insert(0, "tests")
>>> from seed import at_stage
>>> from kemitraan import Stage
>>> from kemitraan.documents.meetings import meeting
>>> p = at_stage(Stage.IMPROVEMENT, recorded=True)
>>> m = meeting(p, p.evaluations[0], place="Aula PKBM Harapan Bangsa")
>>> rows = KIND.context(AttendanceList(m), p).rows
>>> len(rows), rows[0].name, rows[-1].institution
(9, 'Hj. Siti Aminah, S.Pd.', '')
"""

from __future__ import annotations

from dataclasses import dataclass

from kemitraan._base import BilingualText
from kemitraan._catalog import N_
from kemitraan.conventions import date_long, weekday
from kemitraan.documents._registry import DocumentKind
from kemitraan.documents.meetings import Meeting
from kemitraan.documents.minutes import BLANK, program_line, signer
from kemitraan.documents.minutes_context import AttendanceContext, AttendanceRow
from kemitraan.exceptions import InvalidArgumentError
from kemitraan.findings import Finding
from kemitraan.partnerships import Partnership

__all__ = ["KIND", "AttendanceList"]

MAX_BLANK_ROWS = 200


@dataclass(frozen=True)
class AttendanceList:
    """The daftar hadir of a meeting, with ``blank_rows`` rows left for others who come.

    >>> from datetime import date
    >>> from kemitraan import Institution, Partnership, Program
    >>> from kemitraan.documents.meetings import MeetingKind
    >>> p = Partnership(institution=Institution(name="PKBM A", id="pkbm"),
    ...                 program=Program(name="PKW", objectives=["Mandiri"]))
    >>> held = Meeting(p, MeetingKind.EVALUATION, None, date(2026, 1, 26), ("pkbm",))
    >>> AttendanceList(held).blank_rows
    5
    """

    meeting: Meeting
    blank_rows: int = 5

    def __post_init__(self) -> None:
        rows = self.blank_rows
        if isinstance(rows, bool) or not isinstance(rows, int) or not 0 <= rows <= MAX_BLANK_ROWS:
            raise InvalidArgumentError.saying(
                N_("{argument} must be a whole number from {least} to {most}, not {value}"),
                argument="blank_rows",
                least=0,
                most=MAX_BLANK_ROWS,
                value=self.blank_rows,
            )


def _rows(attendance: AttendanceList) -> list[AttendanceRow]:
    m = attendance.meeting
    rows = []
    for party_id in m.party_ids:
        try:
            institution = m.partnership.party(party_id).name
        except KeyError:
            institution = party_id
        name, position = signer(m, party_id)
        rows.append(
            AttendanceRow(
                no="",
                name="" if name.startswith("(") else name,  # no dotted blank in a table cell
                institution=institution,
                position=position,
            )
        )
    rows += [AttendanceRow(no="", name="", institution="", position="")] * attendance.blank_rows
    return [row.model_copy(update={"no": str(no)}) for no, row in enumerate(rows, 1)]


def _context(attendance: AttendanceList, _owner: Partnership | None) -> AttendanceContext:
    m = attendance.meeting
    p = m.partnership
    head = p.institution.representative
    return AttendanceContext(
        title="DAFTAR HADIR",
        meeting=m.title.upper(),
        program=program_line(p),
        day=weekday(m.on),
        date=date_long(m.on),
        time=f"{m.time} – selesai" if m.time else BLANK,
        place=m.place or BLANK,
        signed_in=m.signed_in or BLANK,
        rows=_rows(attendance),
        signer_position=head.position if head else f"Ketua {p.institution.name}",
        signer=head.name if head else f"({BLANK})",
    )


def _check(_attendance: AttendanceList) -> list[Finding]:
    return []  # a form to fill in by hand: a blank place or time is filled on paper


def _subject(source: object) -> tuple[AttendanceList, Partnership] | None:
    if isinstance(source, AttendanceList):
        return source, source.meeting.partnership
    return None


KIND = DocumentKind(
    name="attendance",
    title=BilingualText.of("Daftar Hadir", "Attendance list"),
    template="daftar-hadir.docx",
    layout="attendance",
    subject=_subject,
    context=_context,
    check=_check,
)
"""The registry entry."""
