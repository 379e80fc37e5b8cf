"""Issue 19, the chain of addenda: a second addendum cites the first, and a number of its own.

A later addendum cites the text it amends "sebagaimana telah diubah dengan Adendum Pertama
Nomor … tanggal …" in its considerations and its closing; ``check()`` warns when an
addendum's number carries the month and year of the amended text instead of its own.
"""

from __future__ import annotations

from datetime import date

from docs_helpers import lines
from kemitraan import Agreement, Partnership, Stage, render_document
from kemitraan.amendments import TermChange
from kemitraan.provisions import Term
from seed import at_stage

_FIRST = (
    "Perjanjian Kerja Sama Nomor 006/PKBM-HB/III/2025, 03/KUBE-RL/III/2025 dan 018/KB/III/2025 "
    "tanggal 10 Maret 2025"
)
_AS_AMENDED = (
    ", sebagaimana telah diubah dengan Adendum Pertama Nomor 014/PKBM-HB/II/2026, "
    "02/KUBE-RL/II/2026 dan 031/KB/II/2026 tanggal 16 Februari 2026"
)


def _second() -> tuple[Partnership, Agreement]:
    partnership = at_stage(Stage.IMPLEMENTATION, cycle=2)  # the first addendum signed
    first = partnership.addenda[0]
    second = first.model_copy(
        update={
            "date": date(2027, 2, 15),
            "numbers": {pid: f"0{i}/ADD/II/2027" for i, pid in enumerate(first.party_ids, 1)},
            "amendments": [TermChange(term=Term(start=date(2025, 3, 10), end=date(2028, 3, 9)))],
            "subject": "Perpanjangan Jangka Waktu Kedua",
            "signatories": [
                s.model_copy(update={"signed_on": None, "signed_at": None})
                for s in first.signatories
            ],
        }
    )
    partnership.addenda.append(second)
    return partnership, second


def test_a_second_addendum_cites_the_first() -> None:
    partnership, second = _second()
    said = lines(render_document(second, partnership=partnership))
    assert said[:2] == ["ADENDUM KEDUA", "PERJANJIAN KERJA SAMA"]
    assert (
        f"a.\tbahwa PARA PIHAK telah menandatangani {_FIRST} tentang Pemasaran Tas Rajut Hasil "
        f"Praktik Peserta Didik PKW{_AS_AMENDED};"
    ) in said
    assert (
        f"(2)\tAdendum ini merupakan bagian yang tidak terpisahkan dari {_FIRST}{_AS_AMENDED}."
    ) in said


def test_the_first_addendum_cites_no_earlier_one() -> None:
    partnership = at_stage(Stage.IMPLEMENTATION, cycle=2)
    said = "\n".join(lines(render_document(partnership.addenda[0], partnership=partnership)))
    assert "sebagaimana telah diubah" not in said
    assert f"bagian yang tidak terpisahkan dari {_FIRST}." in said


def test_an_addendum_numbered_with_the_amended_texts_month_and_year_is_warned() -> None:
    partnership, second = _second()
    seed = partnership.addenda[0]  # the seed's numbers carry the addendum's own II/2026
    assert "addendum_number_dated_as_amended" not in [f.code for f in seed.check()]
    amended = {pid: n.replace("/II/2026", "/III/2025") for pid, n in seed.numbers.items()}
    first = seed.model_copy(update={"numbers": amended})
    found = [f for f in first.check() if f.code == "addendum_number_dated_as_amended"]
    assert len(found) == len(first.parties)
    assert {str(f.severity) for f in found} == {"warning"}
    assert "(III/2025), bukan bulan dan tahun adendum itu sendiri (II/2026)" in (
        found[0].message.indonesian
    )
    assert "(III/2025), not the addendum's own (II/2026)" in found[0].message.english
    # a number of its own month and year, or with no month and year, is not
    assert "addendum_number_dated_as_amended" not in [f.code for f in second.check()]
    bare = first.model_copy(update={"numbers": {pid: "ADD-1" for pid in first.party_ids}})
    assert "addendum_number_dated_as_amended" not in [f.code for f in bare.check()]
