"""The frame of the report a Dinas reads: legal basis, aims and method, conclusions, annexes.

Each part is made from what the partnership records as of the report's day and claims
nothing more: the legal basis names the laws the programme stands on and the documents
the parties signed; the method names who monitored, how often, with which instruments and
data; the conclusions restate findings the report's own tables show; the recommendations
are those the parties decided; the annexes are the documents and records that exist.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Final

from kemitraan.conventions import date_long, in_text, party_label
from kemitraan.documents._report_learners import judged
from kemitraan.documents._report_money import citation, documents_as_of
from kemitraan.documents._wording import join, lower_first
from kemitraan.documents.meetings import meetings
from kemitraan.learners import pkw_outcomes
from kemitraan.programs import ProgramKind

if TYPE_CHECKING:
    from kemitraan.documents.report_context import IndicatorLine
    from kemitraan.monitoring import Decision, Evaluation
    from kemitraan.partnerships import Partnership

__all__ = [
    "aims",
    "annexes",
    "conclusions",
    "cover",
    "legal_basis",
    "method",
    "recommendations",
]

_LAWS: Final = (
    "Undang-Undang Nomor 20 Tahun 2003 tentang Sistem Pendidikan Nasional, Pasal 26 "
    "(pendidikan nonformal dan kursus)",
    "Peraturan Pemerintah Nomor 17 Tahun 2010 tentang Pengelolaan dan Penyelenggaraan "
    "Pendidikan, sebagaimana telah diubah dengan Peraturan Pemerintah Nomor 66 Tahun 2010",
    "Panduan Melakukan Kemitraan bagi satuan pendidikan nonformal",
)
_PKW: Final = "Petunjuk Teknis Bantuan Pemerintah Program Pendidikan Kecakapan Wirausaha (PKW)"


def legal_basis(p: Partnership, on: date) -> list[str]:
    """The laws the programme stands on and the agreements signed by ``on``."""
    found = list(_LAWS)
    agreements, addenda = documents_as_of(p, on)
    if p.program.kind is ProgramKind.PKW:
        # the technical guide the signed texts name (a PKS selling a grant's goods cites
        # it), else the one in force: the report does not invent a number or a year
        named = (d.trade.grant_rules for d in agreements if d.trade is not None)
        found.append(next((rules for rules in named if rules), f"{_PKW} yang berlaku"))
    found += [f"{citation(d)} tentang {d.subject}" for d in agreements]
    found += [citation(a) for a in addenda]
    return found


def aims() -> list[str]:
    """What monitoring and evaluation are for (guide A.9)."""
    return [
        "Mengetahui perkembangan pelaksanaan kegiatan kemitraan sesuai peran dan tanggung jawab "
        "masing-masing pihak, sehingga dapat dicegah terjadinya penyimpangan dari tujuan yang "
        "ingin dicapai (Panduan A.9).",
        "Menilai bersama kegiatan yang berjalan sesuai dan tidak sesuai rencana, tujuan yang "
        "tercapai dan belum tercapai, serta masalah yang menghambat dan penyebabnya (Panduan A.9).",
        "Menjadi dasar perbaikan dan keputusan melanjutkan kerja sama (Panduan A.10).",
    ]


def method(p: Partnership, cycle: int, on: date, indicators: list[IndicatorLine]) -> list[str]:
    """Who monitored, when and how: the team, the visits, the instruments, the data."""
    labels = {x.id: f"{party_label(i)} ({x.name})" for i, x in enumerate(p.parties)}
    visits = sorted(
        (r for r in p.monitoring if r.cycle == cycle and r.on <= on), key=lambda r: r.on
    )
    team = {pid for record in visits for pid in (record.by, *record.participants)}
    said = []
    if team:
        order = [x.id for x in p.parties]
        members = [
            labels.get(pid, pid)
            for pid in sorted(team, key=lambda x: (order.index(x) if x in order else 99, x))
        ]
        said.append(f"Tim monitoring: {', '.join(members)}.")
    if visits:
        days = ", ".join(date_long(r.on) for r in visits)
        said.append(f"Kunjungan monitoring {in_text(len(visits))} kali: {days}.")
    agreement = p.agreement
    if agreement is not None:
        said.append(
            "Frekuensi monitoring menurut kesepakatan: "
            f"{agreement.monitoring.frequency.label_id.lower()}."
        )
    # the instruments the records show were used: none the report cannot show results of
    instruments = [
        "catatan monitoring (kemajuan kegiatan, nilai indikator, realisasi dana, masalah dan "
        "solusi)"
    ]
    if any(e.views for e in p.evaluations if e.cycle == cycle and e.on <= on):
        instruments.append("lembar penilaian kesehatan kemitraan oleh setiap pihak")
    if any(a.on <= on for a in p.checklist):
        instruments.append("daftar periksa enam teknik pemeliharaan kemitraan")
    said.append(f"Instrumen: {join(instruments, 'dan')}.")
    sources = [i.verification for i in indicators]
    if sources:
        said.append(f"Sumber data indikator: {'; '.join(dict.fromkeys(sources))}.")
    done = sum(r.cycle == cycle and r.on <= on for r in p.implementation)
    said.append(
        f"Data lain: {done} catatan pelaksanaan kegiatan, daftar peserta didik "
        f"({sum(x.cycle == cycle for x in p.learners)} orang), dan dokumen kesepakatan."
    )
    return said


def conclusions(
    p: Partnership,
    cycle: int,
    on: date,
    indicators: list[IndicatorLine],
    evaluation: Evaluation | None,
    decision: Decision | None,
) -> list[str]:
    """What the report's tables show, restated: nothing they do not."""
    said = []
    if evaluation is not None:
        on_plan, off_plan = evaluation.activities_on_plan, evaluation.activities_off_plan
        said.append(
            f"{in_text(len(on_plan), first=True)} kegiatan berjalan sesuai rencana dan "
            f"{in_text(len(off_plan))} belum sesuai rencana, menurut evaluasi bersama "
            f"{date_long(evaluation.on)}."
        )
    reached = [i.name for i in indicators if i.status == "Tercapai"]
    if indicators:
        said.append(
            f"{in_text(len(reached), first=True)} dari {in_text(len(indicators))} indikator "
            "mencapai target "
            "yang disepakati per tanggal laporan."
        )
    wage = p.program.minimum_wage
    o = pkw_outcomes(p.learners, on=on, minimum_wage=wage, cycle=cycle)
    if o.enrolled:
        business = lower_first(judged(o, o.business_share, o.business_target, said=", {}"))
        said.append(
            f"Dari {in_text(o.enrolled)} peserta didik, {_how_many(o.started_business)} "
            "memulai usaha "
            f"(target {o.business_target * 100:.0f}%: {business})"
            + (
                f" dan {_how_many(o.earning_minimum_wage)} berpenghasilan sedikitnya UMK "
                f"(target {o.wage_target * 100:.0f}%: "
                f"{lower_first(judged(o, o.wage_share, o.wage_target, said=', {}'))})."
                if wage is not None
                else "."
            )
        )
    if decision is not None:
        said.append(
            ("Kerja sama dilanjutkan" if decision.continue_cooperation else "Kerja sama tidak "
             "dilanjutkan")
            + f" (keputusan {date_long(decision.on)}"
            + (f": {decision.reason})." if decision.reason else ").")
        )  # fmt: skip
    return said


def _how_many(count: int) -> str:
    """``empat belas`` (memulai usaha), or ``belum ada yang`` where nobody has."""
    return in_text(count) if count else "belum ada yang"


def recommendations(decision: Decision | None) -> list[str]:
    """The improvements the parties decided on (the report proposes none of its own)."""
    if decision is None:
        return []
    said = [*decision.improvements, *(a.action for a in decision.actions)]
    # one recommendation once: an improvement that an action restates in more words
    # ("Standar mutu sambungan tali" and "… dan pelatihan ulang instruktur") is the action
    folded = [text.casefold() for text in said]
    return [
        text
        for index, text in enumerate(said)
        if folded[index] not in folded[:index]
        and not any(folded[index] in other and folded[index] != other for other in folded)
    ]


def annexes(p: Partnership, cycle: int, on: date) -> list[str]:
    """The documents and records that exist to attach: agreements, minutes, evidence."""
    agreements, addenda = documents_as_of(p, on)
    found = [f"Salinan {citation(d)}" for d in [*agreements, *addenda]]
    start = min((r.on for r in p.monitoring if r.cycle == cycle), default=on)
    for held in meetings(p):
        if held.on <= on and (held.kind.value in ("monitoring", "evaluation") or held.on >= start):
            found.append(f"Berita acara dan daftar hadir {held.title} ({date_long(held.on)})")
    files = sum(len(r.attachments) for r in p.implementation if r.cycle == cycle and r.on <= on)
    files += sum(len(r.attachments) for r in p.monitoring if r.cycle == cycle and r.on <= on)
    files += sum(len(e.attachments) for e in p.evaluations if e.cycle == cycle and e.on <= on)
    files += sum(len(i.attachments) for i in p.interactions if start <= i.on <= on)
    if files:
        found.append(f"Dokumentasi kegiatan ({files} berkas)")
    return found


def cover(p: Partnership, on: date) -> list[str]:
    """The cover's lines under the title: who reports, its numbers, where, and the year."""
    unit = p.institution
    lines = ["Disusun oleh:", unit.name]
    if unit.npsn:
        lines.append(f"NPSN {unit.npsn}")
    if unit.operated_by:
        lines.append(f"diselenggarakan oleh {unit.operated_by}")
    if unit.operating_permit:
        lines.append(f"Izin operasional {unit.operating_permit}")
    if unit.address:
        lines.append(unit.address)
    region = unit.region
    if region is not None:
        lines.append(", ".join(x for x in (region.regency, region.province) if x))
    lines.append(str(on.year))
    return lines
