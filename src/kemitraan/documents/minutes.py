"""The berita acara (minutes) of a meeting the records show, kind ``minutes``.

In the conventional Indonesian form: the title and number; "Pada hari ini, <weekday>,
tanggal <date in words> …, bertempat di …, telah dilaksanakan …, yang dihadiri oleh:";
the parties present (with the person where the record names one: the signatories of a
signing); what was discussed and decided, from the record itself (an exploration's
responses, the work plan's activities, the documents signed, a visit's findings,
progress, problems and solutions, the evaluation's results and every party's view);
the attachments the record carries; the closing sentence; a signature block per party
present. A berita acara without a place is a draft: give the place
(:func:`~kemitraan.documents.meetings.meeting`, ``place=``).

>>> import sys; sys.path.insert(0, "tests")
>>> from seed import at_stage
>>> from kemitraan import Stage, render_document
>>> from kemitraan.documents.meetings import meeting
>>> p = at_stage(Stage.IMPROVEMENT, recorded=True)
>>> m = meeting(p, p.evaluations[0], place="Aula PKBM Harapan Bangsa", time="09.00 WITA")
>>> context = KIND.context(Minutes(m), p)
>>> context.about, context.opening[:60]
('RAPAT EVALUASI BERSAMA KEMITRAAN', 'Pada hari ini, Senin, tanggal dua puluh enam, bulan Januari,')
>>> render_document(Minutes(m))[:2]
b'PK'
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from kemitraan._base import BilingualText
from kemitraan.agreements import Agreement
from kemitraan.authority import Representative
from kemitraan.conventions import date_long, nip_text, number_text, opening_date
from kemitraan.documents._agreement import smart_quotes
from kemitraan.documents._registry import DocumentKind
from kemitraan.documents._report_money import citation
from kemitraan.documents.meetings import Meeting, MeetingKind
from kemitraan.documents.minutes_context import (
    AttendeeLine,
    MinutesContext,
    MinutesSection,
    SignaturePair,
)
from kemitraan.exploration import Exploration
from kemitraan.findings import Finding, Severity
from kemitraan.monitoring import Evaluation, MonitoringRecord
from kemitraan.partnerships import Partnership
from kemitraan.planning import WorkPlan
from kemitraan.provisions import Signatory

__all__ = ["KIND", "Minutes"]

BLANK = "." * 30
"""A dotted blank, filled in by hand where the record does not say."""
CLOSING = (
    "Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya."
)


@dataclass(frozen=True)
class Minutes:
    """The berita acara of a meeting, for :func:`kemitraan.render_document`.

    >>> from datetime import date
    >>> from kemitraan import Institution, Partnership, Program
    >>> from kemitraan.documents.meetings import MeetingKind
    >>> p = Partnership(institution=Institution(name="PKBM A", id="pkbm"),
    ...                 program=Program(name="PKW", objectives=["Mandiri"]))
    >>> Minutes(Meeting(p, MeetingKind.MONITORING, None, date(2025, 5, 30), ("pkbm",))).meeting.on
    datetime.date(2025, 5, 30)
    """

    meeting: Meeting


def labelled(meeting: Meeting, party_id: str) -> tuple[str, str]:
    """A party's label and name: ``("PIHAK KEDUA", "KUBE Rajut Lestari")``, or its name alone.

    The label once an agreement names it (the one signed, or the partnership's).
    """
    p = meeting.partnership
    agreement = meeting.record if isinstance(meeting.record, Agreement) else p.agreement
    try:
        name = p.party(party_id).name
    except KeyError:
        name = party_id
    early = meeting.kind in (MeetingKind.EXPLORATION, MeetingKind.COORDINATION)
    if agreement is not None and not early and party_id in agreement.party_ids:
        return agreement.label_of(party_id), agreement.party(party_id).name
    return name, ""


def _person(meeting: Meeting, party_id: str) -> Signatory | Representative | None:
    """The signatory of a signing, else the party's representative where it has one."""
    if isinstance(meeting.record, Agreement):
        signatory = meeting.record.signatory_of(party_id)
        if signatory is not None:
            return signatory
    try:
        return meeting.partnership.party(party_id).representative
    except KeyError:
        return None


def signer(meeting: Meeting, party_id: str) -> tuple[str, str]:
    """Who signs for a party, and their position; a dotted blank where none is known."""
    person = _person(meeting, party_id)
    if person is None:
        return f"({BLANK})", ""
    return person.name, person.position


def _credentials(meeting: Meeting, party_id: str) -> tuple[str, str]:
    """The signer's ``NIP …`` line and *pangkat/golongan*, where they are a civil servant."""
    person = _person(meeting, party_id)
    if person is None:
        return "", ""
    return (f"NIP {nip_text(person.nip)}" if person.nip else ""), person.rank or ""


def program_name(p: Partnership) -> str:
    """``PKW Pembuatan Tas Rajut``: the programme's kind, by its acronym, and its name."""
    label = p.program.kind.label_id
    acronym = label[label.find("(") + 1 : label.find(")")] if "(" in label else ""
    return f"{acronym} {p.program.name}".strip()


def program_line(p: Partnership) -> str:
    """``PROGRAM PKW PEMBUATAN TAS RAJUT``."""
    return f"PROGRAM {program_name(p)}".upper()


def _attendees(meeting: Meeting) -> list[AttendeeLine]:
    lines = []
    for no, party_id in enumerate(meeting.party_ids, 1):
        label, name = labelled(meeting, party_id)
        person = ""
        if isinstance(meeting.record, Agreement):
            signatory = meeting.record.signatory_of(party_id)
            if signatory is not None:
                person = f"diwakili oleh {signatory.name}, {signatory.position}"
        lines.append(
            AttendeeLine(no=f"{no}.", party=f"{label} ({name})" if name else label, person=person)
        )
    return lines


def _named(meeting: Meeting, party_id: str | None) -> str:
    if party_id is None:
        return ""
    label, name = labelled(meeting, party_id)
    return f"{label} ({name})" if name else label


def _exploration(meeting: Meeting, record: Exploration) -> list[MinutesSection]:
    p = meeting.partnership
    discussed = record.summary or (
        f"{record.kind.label_id} tentang Program {program_name(p)} oleh {p.institution.name} "
        "kepada calon mitra."
    )
    responses = [
        f"{_named(meeting, r.partner_id)}: {r.response.label_id}"
        + (f" ({r.note})" if r.note else "")
        for r in record.responses
    ]
    return [
        MinutesSection(heading="Pokok pembahasan", points=[discussed]),
        MinutesSection(heading="Tanggapan calon mitra", points=responses),
    ]


def _period(activity_period: object) -> str:
    start, end = getattr(activity_period, "start", None), getattr(activity_period, "end", None)
    if start is None:
        return ""
    return f", {date_long(start)} – {date_long(end)}" if end else f", mulai {date_long(start)}"


def _amount(value: Decimal, unit: str) -> str:
    return f"{number_text(value)} {unit}".strip()


def _coordination(meeting: Meeting, plan: WorkPlan) -> list[MinutesSection]:
    activities = [
        f"{a.name} — penanggung jawab {_named(meeting, a.responsible)}{_period(a.period)}"
        for a in plan.activities
    ]
    indicators = [
        f"{i.name}: "
        + "; ".join(f"{_amount(t.value, i.unit)} pada {date_long(t.by)}" for t in i.targets)
        for i in plan.indicators
    ]
    return [
        MinutesSection(
            heading="Tujuan yang disepakati", points=[o.statement for o in plan.objectives]
        ),
        MinutesSection(heading="Kegiatan yang disepakati", points=activities),
        MinutesSection(heading="Indikator dan target", points=indicators),
        MinutesSection(heading="Catatan", points=[plan.notes] if plan.notes else []),
    ]


def _signing(meeting: Meeting, document: Agreement) -> list[MinutesSection]:
    p = meeting.partnership
    signed = {
        r.party_id
        for r in p.history
        if r.party_id is not None and r.digest is not None and r.digest.endswith(document.digest())
    }
    signers = []
    for party_id in document.party_ids:
        signatory = document.signatory_of(party_id)
        who = f"{signatory.name}, {signatory.position}" if signatory else BLANK
        state = "telah menandatangani" if party_id in signed else "belum menandatangani"
        signers.append(f"{who}, untuk dan atas nama {_named(meeting, party_id)}: {state}")
    return [
        MinutesSection(
            heading="Dokumen yang ditandatangani",
            points=[f"{citation(document)} tentang {document.subject}"],
        ),
        MinutesSection(heading="Penandatangan", points=signers),
    ]


def _monitoring(meeting: Meeting, record: MonitoringRecord) -> list[MinutesSection]:
    plan = meeting.partnership.work_plan
    activities = {a.id: a.name for a in plan.activities} if plan else {}
    indicators = {i.id: i for i in plan.indicators} if plan else {}
    progress = [
        f"{activities.get(g.activity, g.activity)}: {number_text(g.percent)}%"
        + (f" ({g.note})" if g.note else "")
        for g in record.progress
    ]
    values = []
    for v in record.indicators:
        indicator = indicators.get(v.indicator)
        name, unit = (indicator.name, indicator.unit) if indicator else (v.indicator, "")
        when = f" (diukur {date_long(v.measured_on)})" if v.measured_on else ""
        values.append(f"{name}: {_amount(v.value, unit)}{when}")
    problems = [
        f"{m.problem}"
        + (f" (penyebab: {m.cause})" if m.cause else "")
        + (f"; pemecahan: {m.solution}" if m.solution else "")
        + ("; sudah teratasi" if m.resolved else "; belum teratasi")
        for m in record.problems
    ]
    return [
        MinutesSection(heading="Temuan", points=[record.findings] if record.findings else []),
        MinutesSection(heading="Kemajuan kegiatan", points=progress),
        MinutesSection(heading="Capaian indikator", points=values),
        MinutesSection(heading="Masalah dan pemecahannya", points=problems),
        MinutesSection(heading="Penyimpangan dari rencana", points=list(record.deviations)),
        MinutesSection(heading="Pemecahan yang disepakati", points=list(record.solutions)),
    ]


def _evaluation(meeting: Meeting, record: Evaluation) -> list[MinutesSection]:
    p = meeting.partnership
    views = []
    for view in record.views:
        mean = Decimal(sum(view.scores.values())) / len(view.scores)
        # a comment stays with the item it is about and the score given to it, so it is not
        # read as the item's own statement ("… seimbang: “Beban produksi dirasa berat”")
        comments = "; ".join(
            f"butir “{item.label_id}” diberi nilai {view.scores[item]}, dengan catatan “{text}”"
            if item in view.scores
            else f"butir “{item.label_id}”: “{text}”"
            for item, text in view.comments.items()
        )
        views.append(
            f"{_named(meeting, view.party_id)}: nilai rata-rata {number_text(mean, places=1)} "
            f"dari 5" + (f"; {comments}" if comments else "")
        )
    decided = [
        d
        for d in p.decisions
        if d.cycle == record.cycle and d.on == record.on  # decided in the same meeting
    ]
    decisions = [
        ("Kerja sama dilanjutkan" if d.continue_cooperation else "Kerja sama tidak dilanjutkan")
        + (f": {d.reason}" if d.reason else "")
        for d in decided
    ] + [f"Perbaikan: {i}" for d in decided for i in d.improvements]
    return [
        MinutesSection(heading="Kegiatan sesuai rencana", points=list(record.activities_on_plan)),
        MinutesSection(
            heading="Kegiatan belum sesuai rencana", points=list(record.activities_off_plan)
        ),
        MinutesSection(heading="Tujuan yang tercapai", points=list(record.objectives_met)),
        MinutesSection(heading="Tujuan yang belum tercapai", points=list(record.objectives_unmet)),
        MinutesSection(
            heading="Hambatan dan penyebabnya",
            points=[f"{o.problem} (penyebab: {o.cause})" for o in record.obstacles],
        ),
        MinutesSection(heading="Pandangan para pihak", points=views),
        MinutesSection(heading="Keputusan", points=decisions),
    ]


def _sections(meeting: Meeting) -> list[MinutesSection]:
    record = meeting.record
    if isinstance(record, Exploration):
        found = _exploration(meeting, record)
    elif isinstance(record, WorkPlan):
        found = _coordination(meeting, record)
    elif isinstance(record, Agreement):
        found = _signing(meeting, record)
    elif isinstance(record, MonitoringRecord):
        found = _monitoring(meeting, record)
    elif isinstance(record, Evaluation):
        found = _evaluation(meeting, record)
    else:
        found = []
    return [
        MinutesSection(heading=s.heading, points=[smart_quotes(i) for i in s.points])
        for s in found
        if s.points
    ]


def attachments_line(meeting: Meeting) -> str:
    """``Lampiran: Foto kegiatan (3 berkas); Daftar hadir (1 berkas)``, or empty."""
    groups = Counter(a.caption or a.name for a in meeting.attachments)
    if not groups:
        return ""
    return "Lampiran: " + "; ".join(f"{what} ({n} berkas)" for what, n in groups.items())


def signature_pairs(meeting: Meeting) -> list[SignaturePair]:
    """The parties present, two signature columns a row."""
    columns = []
    for party_id in meeting.party_ids:
        label, name = labelled(meeting, party_id)
        person, position = signer(meeting, party_id)
        columns.append((label, name, position, person, *_credentials(meeting, party_id)))
    pairs = []
    none = ("",) * 6
    for left, right in zip(columns[::2], [*columns[1::2], none], strict=False):
        pairs.append(
            SignaturePair(
                left_label=left[0],
                left_party=left[1],
                left_position=left[2],
                left_name=left[3],
                left_nip=left[4],
                left_rank=left[5],
                right_label=right[0],
                right_party=right[1],
                right_position=right[2],
                right_name=right[3],
                right_nip=right[4],
                right_rank=right[5],
            )
        )
    return pairs


def _context(minutes: Minutes, _owner: Partnership | None) -> MinutesContext:
    m = minutes.meeting
    p = m.partnership
    when = f"pukul {m.time}, " if m.time else ""
    opening = (
        f"Pada hari ini, {opening_date(m.on)} ({m.on:%d-%m-%Y}), {when}bertempat di "
        f"{m.place or BLANK}, telah dilaksanakan {m.title} dalam rangka kemitraan Program "
        f"{program_name(p)} pada {p.institution.name}, yang dihadiri oleh:"
    )
    return MinutesContext(
        title="BERITA ACARA",
        about=m.title.upper(),
        program=program_line(p),
        number=f"Nomor: {m.number}" if m.number else "",
        opening=smart_quotes(opening),
        attendees=_attendees(m),
        sections=_sections(m),
        attachments=attachments_line(m),
        closing=CLOSING,
        place=m.signed_in or BLANK,
        date=date_long(m.on),
        signatures=signature_pairs(m),
    )


def _check(minutes: Minutes) -> list[Finding]:
    if minutes.meeting.place:
        return []
    return [
        Finding(
            code="minutes_without_place",
            severity=Severity.ERROR,
            message=BilingualText.of(
                "Berita acara menyebut tempat rapat; catatan ini tidak memuatnya: berikan place=.",
                "Minutes state where the meeting was held; the record does not: give place=.",
            ),
            basis="Kelaziman berita acara",
        )
    ]


def _subject(source: object) -> tuple[Minutes, Partnership] | None:
    if isinstance(source, Minutes):
        return source, source.meeting.partnership
    return None


KIND = DocumentKind(
    name="minutes",
    title=BilingualText.of("Berita Acara", "Minutes"),
    template="berita-acara.docx",
    layout="minutes",
    subject=_subject,
    context=_context,
    check=_check,
)
"""The registry entry."""
