"""The money and the documents of a monitoring report, as of its day (guide A.8–A.9).

Every activity's budget against what was spent, overruns flagged however small (a
deviation waits for a tolerance; a report states the rupiah), the totals, the sources
of funds the signed documents name, and the funds reconciled with the spending. Only
what was signed on or before the report's day counts: an addendum signed later does
not change the term or the financing of an earlier report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Final

from kemitraan.agreements import Agreement
from kemitraan.conventions import date_long, number_text, rupiah_digits
from kemitraan.deviations import _Facts
from kemitraan.partnerships import Partnership
from kemitraan.planning import PlannedActivity
from kemitraan.provisions import Funding, Term

_ZERO: Final = Decimal(0)
_GRANT: Final = re.compile(r"\b(bantuan|hibah|apbn|apbd|dak|bop|bansos)\b", re.IGNORECASE)


def signed_by(document: Agreement, on: date) -> date | None:
    """The day ``document`` was signed by its last party, if every party had signed by ``on``."""
    days = [s.signed_on for s in document.signatories]
    if not days or any(d is None for d in days):
        return None
    last = max(d for d in days if d is not None)
    return last if last <= on else None


def documents_as_of(p: Partnership, on: date) -> tuple[list[Agreement], list[Agreement]]:
    """The agreements (the MoU and its PKS) and the addenda in force on ``on``, in order.

    A document counts once every party signed it on or before ``on``.
    """
    held = [d for d in (p.agreement, *p.cooperation_agreements) if d is not None]
    agreements = [d for d in held if signed_by(d, on) is not None]
    addenda = sorted(
        (a for a in p.signed_addenda() if signed_by(a, on) is not None),
        key=lambda a: (a.date, a.digest()),
    )
    return agreements, addenda


def term_as_of(p: Partnership, on: date) -> Term | None:
    """The agreement's term on ``on``: as the addenda signed by then amend it."""
    agreement = p.agreement
    if agreement is None:
        return None
    _, addenda = documents_as_of(p, on)
    return agreement.amended_by(addenda).term


def citation(document: Agreement) -> str:
    """``Nota Kesepahaman Nomor 001/…, 002/… tanggal 10 Maret 2025``."""
    numbers = ", ".join(document.numbers.values())
    return (
        f"{document.kind.label_id}"
        + (f" Nomor {numbers}" if numbers else "")
        + f" tanggal {date_long(document.date)}"
    )


@dataclass(frozen=True)
class Spent:
    """One activity's money: its budget, the spending last recorded, and the difference."""

    activity: PlannedActivity
    budget: Decimal | None
    spent: Decimal | None

    @property
    def over(self) -> Decimal | None:
        """What was spent past the budget (positive), or left of it (negative)."""
        if self.budget is None or self.spent is None:
            return None
        return self.spent - self.budget

    def note(self) -> str:
        """What the difference means: ``MELEBIHI ANGGARAN (3,3%)``, ``Di bawah anggaran``, …."""
        over = self.over
        if self.budget is None:
            return "Tanpa anggaran dalam rencana kerja" + ("; ada realisasi" if self.spent else "")
        if self.spent is None:
            return "Belum ada realisasi tercatat"
        assert over is not None
        if over > 0:
            share = f" ({number_text(over * 100 / self.budget, places=1)}%)" if self.budget else ""
            return f"MELEBIHI ANGGARAN{share}"
        if over < 0:
            return "Di bawah anggaran"
        return "Sesuai anggaran"


def spending(facts: _Facts, activities: Iterable[PlannedActivity]) -> list[Spent]:
    """Each activity's budget and the spending to date last recorded for it."""
    rows = []
    for activity in activities:
        last = facts.spent(activity)
        rows.append(Spent(activity, activity.budget, last[1] if last else None))
    return rows


def totals(rows: list[Spent]) -> tuple[Decimal, Decimal]:
    """The budget and the spending of every activity together."""
    budget = sum((r.budget or _ZERO for r in rows), _ZERO)
    spent = sum((r.spent or _ZERO for r in rows), _ZERO)
    return budget, spent


def signed_difference(value: Decimal | None) -> str:
    """``+Rp1.000.000,00`` over, ``-Rp200.000,00`` under, ``Rp0,00``, or ``-``."""
    if value is None:
        return "-"
    if value > 0:
        return "+" + rupiah_digits(value)
    if value < 0:
        return "\u2212" + rupiah_digits(-value)
    return rupiah_digits(value)


def funds(p: Partnership, on: date) -> list[tuple[Funding, Agreement]]:
    """The sources of funds the documents in force on ``on`` name, as amended by then.

    A PKS that repeats its MoU's source and amount counts once.
    """
    agreements, addenda = documents_as_of(p, on)
    found: list[tuple[Funding, Agreement]] = []
    seen: set[tuple[str | None, str | None, Decimal]] = set()
    for document in agreements:
        for funding in document.amended_by(addenda).financing:
            key = (funding.source_party_id, funding.source_name, funding.amount)
            if key not in seen:
                seen.add(key)
                found.append((funding, document))
    return found


def fund_kind(p: Partnership, funding: Funding) -> str:
    """Whose money: the institution's, a partner's, a government grant, or another source."""
    if funding.source_party_id is not None:
        return "Lembaga" if funding.source_party_id == p.institution.id else "Mitra"
    if funding.source_name and _GRANT.search(funding.source_name):
        return "Bantuan pemerintah"
    return "Sumber lain di luar para pihak"


def reconciliation(
    p: Partnership, on: date, rows: list[Spent], found: list[tuple[Funding, Agreement]]
) -> list[str]:
    """The funds set against the plan's budget and the spending recorded, in sentences."""
    budget, spent = totals(rows)
    available = sum((f.amount for f, _ in found), _ZERO)
    lines = [
        f"Jumlah anggaran kegiatan dalam rencana kerja: {rupiah_digits(budget)}; jumlah "
        f"realisasi sampai {date_long(on)}: {rupiah_digits(spent)} "
        f"(selisih {signed_difference(spent - budget)}).",
    ]
    over = [r for r in rows if (r.over or _ZERO) > 0]
    for r in over:
        assert r.budget is not None
        assert r.spent is not None
        lines.append(
            f"Kegiatan {r.activity.name} melebihi anggaran: {rupiah_digits(r.budget)} "
            f"dianggarkan, {rupiah_digits(r.spent)} direalisasikan."
        )
    if not found:
        lines.append("Kesepakatan yang berlaku tidak mencatat sumber dana.")
        return lines
    grants = [f for f, _ in found if fund_kind(p, f) == "Bantuan pemerintah"]
    granted = sum((f.amount for f in grants), _ZERO)
    lines.append(
        f"Dana menurut kesepakatan: {rupiah_digits(available)}"
        + (f", di antaranya bantuan pemerintah {rupiah_digits(granted)}" if grants else "")
        + f"; direalisasikan {rupiah_digits(spent)}, "
        + (
            f"kekurangan dana {rupiah_digits(spent - available)}."
            if spent > available
            else f"sisa dana {rupiah_digits(available - spent)}."
        )
    )
    if budget < available:
        lines.append(
            f"Dana sebesar {rupiah_digits(available - budget)} belum dianggarkan pada "
            "kegiatan mana pun dalam rencana kerja."
        )
    lines.append(
        "Rencana kerja tidak mencatat sumber dana setiap kegiatan, sehingga realisasi "
        "dibandingkan dengan seluruh dana yang tercatat dalam kesepakatan."
    )
    return lines
