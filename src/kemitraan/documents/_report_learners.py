"""The report's section on the learners: the PKW success measures on the report's day.

A PKW programme is judged by what its learners become (PKW technical guide 2017, as
reported: 75 % starting a business, 30 % earning at least the UMK within a year). The
report counts only what the roster records by its day (:func:`kemitraan.learners.pkw_outcomes`)
and claims nothing the roster does not show: without a roster the section says so, without
the programme's UMK the income measure is left unjudged.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from kemitraan.conventions import date_long, number_text, rupiah_digits
from kemitraan.documents.report_context import LearnerLine
from kemitraan.learners import PkwOutcomes, pkw_outcomes
from kemitraan.partnerships import Partnership

__all__ = ["judged", "learner_lines"]


def _share(part: int, whole: int) -> str:
    return f"{number_text(Decimal(part) * 100 / whole, places=0)}%" if whole else "-"


def judged(o: PkwOutcomes, share: Decimal, target: Decimal, *, said: str = " ({})") -> str:
    """``Tercapai``, or ``Belum tercapai`` with the day it is judged by while that is ahead.

    ``said`` places ``batas …`` after the status: in brackets in a table, after a comma
    in a sentence that is in brackets already.
    """
    if not o.enrolled:
        return "-"
    if share >= target:
        return "Tercapai"
    if o.due is None:  # nobody has finished the course: its year has not begun
        return "Belum dinilai" + said.format("kursus belum selesai")
    if o.still_due:  # "within a year": not missed before its end
        return "Belum tercapai" + said.format(f"batas {date_long(o.due)}")
    return "Belum tercapai"


def learner_lines(p: Partnership, cycle: int, on: date) -> tuple[list[LearnerLine], str]:
    """The measures as table rows, and the sentence that says what they rest on."""
    wage = p.program.minimum_wage
    o: PkwOutcomes = pkw_outcomes(p.learners, on=on, minimum_wage=wage, cycle=cycle)
    if not o.enrolled:
        return [], "Data peserta didik belum dicatat; ukuran keberhasilan PKW belum dapat dihitung."
    n = o.enrolled

    def line(measure: str, count: int, target: str = "-", status: str = "-") -> LearnerLine:
        return LearnerLine(
            measure=measure, count=str(count), share=_share(count, n), target=target, status=status
        )

    business_target = f"{number_text(o.business_target * 100, places=0)}%"
    wage_target = f"{number_text(o.wage_target * 100, places=0)}%"
    lines = [
        line("Peserta didik terdaftar", n),
        line("Menyelesaikan kursus", o.completed),
        line("Berhenti sebelum selesai", o.dropped_out),
        line("Kompeten dalam uji kompetensi", o.competent),
        line("Memperoleh sertifikat kompetensi", o.certified),
        line(
            "Memulai usaha",
            o.started_business,
            business_target,
            judged(o, o.business_share, o.business_target),
        ),
        line("— di antaranya memiliki NIB", o.with_nib),
        line("Bekerja", o.employed),
    ]
    if o.with_halal_certificate:  # counted where it applies (food); never a bare zero
        lines.insert(-1, line("— di antaranya bersertifikat halal", o.with_halal_certificate))
    if wage is not None:
        lines.append(
            line(
                f"Berpenghasilan sedikitnya UMK ({rupiah_digits(wage)} per bulan)",
                o.earning_minimum_wage,
                wage_target,
                judged(o, o.wage_share, o.wage_target),
            )
        )
    basis = (
        f"Dihitung dari daftar peserta didik tahun ke-{cycle} per {date_long(on)}: "
        f"{o.with_income} peserta didik dengan penghasilan tercatat pada tindak lanjut. "
        "Persentase terhadap peserta didik terdaftar; target menurut petunjuk teknis PKW."
    )
    if wage is None:
        basis += " UMK program belum dicatat, sehingga penghasilan belum dinilai."
    return lines, basis
