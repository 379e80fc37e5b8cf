"""Issue 19.3: the consolidated text (naskah terpadu) of an MoU or PKS as its addenda amend it.

Written once, in the original's form, as amended; each article an addendum changed, reworded,
inserted or deleted is marked by that addendum; nothing is signed, and the closing says what
binds. Read back with python-docx and, where LibreOffice is installed, through the PDF text.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from docs_helpers import lines
from kemitraan import Agreement, InvalidArgumentError, Partnership, Stage, render_document
from kemitraan.amendments import ArticleChange, ArticleDeletion, ArticleInsertion, TermChange
from kemitraan.documents.consolidated import consolidated
from kemitraan.provisions import Term
from seed import at_stage

_FIRST = (
    "sebagaimana telah diubah dengan Adendum Pertama Nomor 014/PKBM-HB/II/2026, "
    "02/KUBE-RL/II/2026 dan 031/KB/II/2026 tanggal 16 Februari 2026"
)
_BY = (
    "diubah dengan Adendum Pertama Nomor 014/PKBM-HB/II/2026, 02/KUBE-RL/II/2026 "
    "dan 031/KB/II/2026 tanggal 16 Februari 2026.)"
)
_NOTE = f"(D{_BY[1:]}"


def _articles(said: list[str]) -> dict[str, list[str]]:
    """Each article's lines, by its heading (``Pasal 5``)."""
    found: dict[str, list[str]] = {}
    current = None
    for line in said:
        if re.fullmatch(r"Pasal \d+[A-Z]?", line):
            current = line
            found[current] = []
        elif current is not None and line.strip():
            found[current].append(line)
    return found


@pytest.fixture(scope="module")
def amended() -> Partnership:
    return at_stage(Stage.IMPLEMENTATION, cycle=2)  # the seed's PKS and its signed addendum


def test_the_seed_pks_as_amended_marks_what_the_addendum_changed(amended: Partnership) -> None:
    said = lines(render_document(consolidated(amended, amended.cooperation_agreements[0])))
    # what it is, said before anything else: nobody signs a naskah terpadu
    assert said[:3] == [
        "SALINAN UNTUK DIBACA — TIDAK UNTUK DITANDATANGANI",
        "NASKAH TERPADU PERJANJIAN KERJA SAMA",
        _FIRST,
    ]
    articles = _articles(said)
    pattern = next(a for a in articles.values() if a[0] == "POLA KEMITRAAN")
    term = next(a for a in articles.values() if a[0] == "JANGKA WAKTU")
    # the note follows the ayat the addendum changed (Pasal 5 ayat (3), Pasal 12 ayat (1)),
    # not the article's last line, which it did not change
    volume = pattern.index(f"(Ayat (3) {_BY}")
    assert pattern[volume - 1].startswith("(3)")
    assert "300 (tiga ratus) buah per bulan" in pattern[volume - 1]
    end = term.index(f"(Ayat (1) {_BY}")
    assert term[end - 1].startswith("(1)")
    assert "9 Maret 2027" in term[end - 1]
    unchanged = [a for a in articles.values() if a[0] not in ("POLA KEMITRAAN", "JANGKA WAKTU")]
    assert unchanged
    assert all(_BY not in line for a in unchanged for line in a)
    closing = next(line for line in said if line.startswith("Naskah terpadu ini disusun"))
    assert closing.startswith("Naskah terpadu ini disusun untuk memudahkan pembacaan")
    assert "yang mengikat PARA PIHAK adalah Perjanjian Kerja Sama dan adendumnya" in closing
    assert not any("bermeterai" in line or line.startswith("Paraf") for line in said)


def _signed(p: Partnership, addendum: Agreement, day: date) -> None:
    p.addenda.append(addendum)
    for party in addendum.party_ids:
        p.sign_addendum(
            addendum, party, on=day, place="Martapura", at=datetime(2026, 4, 1, 9, tzinfo=UTC)
        )


def test_reworded_inserted_and_deleted_articles_are_written_and_marked() -> None:
    p = at_stage(Stage.IMPLEMENTATION, cycle=2)
    first = p.addenda[0]
    second = first.model_copy(
        update={
            "date": date(2026, 3, 30),
            "numbers": {pid: f"0{i}/ADD-2/III/2026" for i, pid in enumerate(first.party_ids, 1)},
            "subject": "Perubahan Kedua",
            "amendments": [
                TermChange(term=Term(start=date(2025, 3, 10), end=date(2028, 3, 9))),
                ArticleChange(article=2, text=["Maksud Perjanjian ini diubah sebagai contoh."]),
                ArticleInsertion(after=3, title="Pelaporan", text=["Laporan dikirim bulanan."]),
                ArticleDeletion(article=15),
            ],
            "signatories": [
                s.model_copy(update={"signed_on": None, "signed_at": None})
                for s in first.signatories
            ],
        }
    )
    _signed(p, second, date(2026, 3, 30))
    said = lines(render_document(consolidated(p, p.cooperation_agreements[0])))
    assert said[2].endswith(
        "dan Adendum Kedua Nomor 01/ADD-2/III/2026, 02/ADD-2/III/2026 dan "
        "03/ADD-2/III/2026 tanggal 30 Maret 2026"
    )
    articles = _articles(said)
    second_note = "Adendum Kedua Nomor 01/ADD-2/III/2026"
    assert articles["Pasal 2"][1] == "Maksud Perjanjian ini diubah sebagai contoh."
    assert second_note in articles["Pasal 2"][-1]
    # inserted after Pasal 3 as Pasal 3A: the numbers the addenda cite stay
    assert articles["Pasal 3A"][:2] == ["PELAPORAN", "Laporan dikirim bulanan."]
    assert articles["Pasal 4"][0] == "PERAN, HAK DAN KEWAJIBAN"
    assert articles["Pasal 15"][1] == "Dihapus."
    # references to other articles keep the original numbers too
    assert any(
        line.endswith("karena wanprestasi dilakukan sesuai dengan ketentuan Pasal 13.")
        for line in articles["Pasal 14"]
    )
    term = next(a for a in articles.values() if a[0] == "JANGKA WAKTU")
    # its ayat (1) changed by both addenda: both cited, in order, after that ayat
    note = next(line for line in term if line.startswith("(Ayat (1) diubah dengan"))
    assert note.index("Adendum Pertama") < note.index(second_note)
    assert "9 Maret 2028" in term[term.index(note) - 1]


@pytest.mark.parametrize(
    ("document", "rule"),
    [("mou", "nothing_to_consolidate"), ("stranger", "not_held")],
)
def test_what_cannot_be_consolidated_is_refused(
    amended: Partnership, document: str, rule: str
) -> None:
    text = amended.agreement
    assert text is not None
    if document == "stranger":
        text = text.model_copy(update={"subject": "Kerja sama lain"})
    with pytest.raises(InvalidArgumentError) as caught:
        consolidated(amended, text)
    assert caught.value.rule == rule
    assert "addendum" not in str(caught.value)  # said in Indonesian


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice and poppler are not installed",
)
def test_every_article_reaches_the_pdf(amended: Partnership, tmp_path: Path) -> None:
    source = tmp_path / "naskah-terpadu.docx"
    render_document(consolidated(amended, amended.cooperation_agreements[0]), source)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "naskah-terpadu.pdf"), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    count = len(
        _articles(lines(render_document(consolidated(amended, amended.cooperation_agreements[0]))))
    )
    assert all(f"Pasal {n}" in text for n in range(1, count + 1))
    assert text.count(") diubah dengan Adendum Pertama") == 2  # Pasal 5 (3), Pasal 12 (1)
