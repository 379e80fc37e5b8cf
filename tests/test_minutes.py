"""Berita acara, daftar hadir and the techniques' checklists: made from the records, read back."""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import docx
import pytest

from kemitraan import (
    Institution,
    InvalidArgumentError,
    Partnership,
    Program,
    Stage,
    UnknownPartyError,
    render_document,
    to_pdf,
)
from kemitraan.attachments import Attachment
from kemitraan.documents import document_kind
from kemitraan.documents.attendance import AttendanceList
from kemitraan.documents.checklists import technique_checklist
from kemitraan.documents.meetings import Meeting, MeetingKind, meeting, meetings
from kemitraan.documents.minutes import CLOSING, Minutes, signer
from kemitraan.exceptions import AgreementNotReadyError
from kemitraan.maintenance.interactions import ChecklistAnswer
from seed import at_stage


def _seed() -> Partnership:
    return at_stage(Stage.IMPROVEMENT, recorded=True)


def _text(data: bytes) -> tuple[list[str], list[list[list[str]]]]:
    """The paragraphs' texts and every table's cells, as Word would show them."""
    document = docx.Document(io.BytesIO(data))
    paragraphs = [p.text for p in document.paragraphs if p.text.strip()]
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    return paragraphs, tables


def test_every_meeting_the_records_show_is_listed() -> None:
    found = [(m.kind, m.on) for m in meetings(_seed())]
    assert found == [
        (MeetingKind.EXPLORATION, date(2025, 2, 17)),
        (MeetingKind.EXPLORATION, date(2025, 2, 19)),
        (MeetingKind.COORDINATION, date(2025, 2, 24)),
        (MeetingKind.SIGNING, date(2025, 3, 10)),  # the MoU
        (MeetingKind.SIGNING, date(2025, 3, 10)),  # the PKS
        (MeetingKind.MONITORING, date(2025, 5, 30)),
        (MeetingKind.MONITORING, date(2025, 7, 15)),
        (MeetingKind.MONITORING, date(2025, 10, 31)),
        (MeetingKind.EVALUATION, date(2026, 1, 26)),
    ]


# (which record, the meeting's title line, its opening's day, who came, what the body says)
CASES: list[tuple[str, Callable[[Partnership], object], str, str, list[str], list[str]]] = [
    (
        "audience",
        lambda p: p.explorations[0],
        "AUDIENSI",
        "Senin, tanggal tujuh belas, bulan Februari, tahun dua ribu dua puluh lima",
        ["1.\tPKBM Harapan Bangsa", "2.\tCV Kriya Banua"],
        ["Tanggapan calon mitra:", "•\tCV Kriya Banua: Bersedia bekerja sama"],
    ),
    (
        "presentation",
        lambda p: p.explorations[1],
        "PRESENTASI PROGRAM",
        "Rabu, tanggal sembilan belas, bulan Februari",
        [
            "3.\tDinas Koperasi, UKM dan Tenaga Kerja Kabupaten Banjar",
            "4.\tKoperasi Wanita Sejahtera",
        ],
        [
            "•\tPresentasi program PKW Pembuatan Tas Rajut",
            "•\tKoperasi Wanita Sejahtera: Masih mempertimbangkan",
        ],
    ),
    (
        "coordination",
        lambda p: p.work_plan,
        "RAPAT KOORDINASI PENYUSUNAN RENCANA KERJA",
        "Senin, tanggal dua puluh empat, bulan Februari",
        ["2.\tKUBE Rajut Lestari"],
        [
            "•\tRekrutmen peserta didik — penanggung jawab PKBM Harapan Bangsa, 17 Maret 2025 – "
            "11 April 2025",
            "•\tPeserta lulus uji praktik: 18 orang pada 31 Juli 2025",
        ],
    ),
    (
        "signing",
        lambda p: p.agreement,
        "PENANDATANGANAN NOTA KESEPAHAMAN",
        "Senin, tanggal sepuluh, bulan Maret",
        ["2.\tPIHAK KEDUA (KUBE Rajut Lestari), diwakili oleh Normasari, Ketua KUBE Rajut Lestari"],
        ["Penandatangan:"],
    ),
    (
        "monitoring",
        lambda p: p.monitoring[1],
        "KUNJUNGAN MONITORING KEMITRAAN",
        "Selasa, tanggal lima belas, bulan Juli",
        ["3.\tPIHAK KETIGA (CV Kriya Banua)"],
        [
            "•\tPenjualan di bawah target; 12% tas ditolak karena tali longgar",
            "•\tPraktik produksi tas rajut: 80%",
            # the recorded words as written: a name they begin with keeps its capital
            "•\tTali tas mudah lepas sehingga tas ditolak (penyebab: Teknik sambungan tali belum "
            "seragam); pemecahan: Pelatihan tambahan teknik sambungan tali oleh instruktur KUBE; "
            "belum teratasi",
        ],
    ),
    (
        "evaluation",
        lambda p: p.evaluations[0],
        "RAPAT EVALUASI BERSAMA KEMITRAAN",
        "Senin, tanggal dua puluh enam, bulan Januari, tahun dua ribu dua puluh enam",
        ["4.\tPIHAK KEEMPAT (Dinas Koperasi, UKM dan Tenaga Kerja Kabupaten Banjar)"],
        [
            "Tujuan yang belum tercapai:",
            "•\tTas rajut peserta terjual melalui CV Kriya Banua",
            "•\tPIHAK KEDUA (KUBE Rajut Lestari): nilai rata-rata 3,3 dari 5; butir “Kontribusi "
            "setiap pihak seimbang” diberi nilai 2, dengan catatan “Beban produksi dirasa berat”",
        ],
    ),
]


@pytest.mark.parametrize(
    ("record", "title", "day", "came", "said"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_a_berita_acara_reads_in_the_conventional_order(
    record: Callable[[Partnership], object],
    title: str,
    day: str,
    came: list[str],
    said: list[str],
) -> None:
    p = _seed()
    held = meeting(p, record(p), place="Aula PKBM Harapan Bangsa", number="007/BA/2026")  # type: ignore[arg-type]
    paragraphs, tables = _text(render_document(Minutes(held)))
    assert paragraphs[:4] == [
        "BERITA ACARA",
        title,
        "PROGRAM PKW PEMBUATAN TAS RAJUT",
        "Nomor: 007/BA/2026",
    ]
    opening = paragraphs[4]
    assert opening.startswith(f"Pada hari ini, {day}")
    assert "bertempat di Aula PKBM Harapan Bangsa, telah dilaksanakan" in opening
    assert opening.endswith("yang dihadiri oleh:")
    assert paragraphs[5] == "1.\tPKBM Harapan Bangsa" or paragraphs[5].startswith(
        "1.\tPIHAK PERTAMA (PKBM Harapan Bangsa)"
    )
    for line in came + said:
        assert line in paragraphs, line
    assert paragraphs.index(CLOSING) > max(paragraphs.index(line) for line in said)
    signatures = "\n".join(cell for row in tables[0] for cell in row)
    assert "Hj. Siti Aminah, S.Pd." in signatures  # the institution signs every berita acara
    # two columns a row, each line a row: a pair's names stand on one line
    names = [signer(held, party_id)[0] for party_id in held.party_ids] + [""]
    for left, right in zip(names[::2], names[1::2], strict=False):
        assert [left, right] in tables[0], (left, right)


def test_a_berita_acara_lists_the_attachments_of_its_record() -> None:
    p = _seed()
    photo = {"media_type": "image/jpeg", "size": 10, "caption": "Foto kegiatan"}
    attachments = [
        Attachment(sha256=f"{n:064x}", name=f"foto-{n}.jpg", **photo)  # type: ignore[arg-type]
        for n in range(3)
    ] + [Attachment(sha256="f" * 64, name="daftar-hadir.pdf", size=5)]
    evaluation = p.evaluations[0].model_copy(update={"attachments": attachments})
    held = meeting(p, evaluation, place="Martapura")
    paragraphs, _ = _text(render_document(Minutes(held)))
    assert "Lampiran: Foto kegiatan (3 berkas); daftar-hadir.pdf (1 berkas)" in paragraphs


def test_a_berita_acara_without_a_place_is_a_draft_until_one_is_given() -> None:
    p = _seed()
    held = meeting(p, p.evaluations[0])
    assert held.place == ""
    with pytest.raises(AgreementNotReadyError):
        render_document(Minutes(held))
    paragraphs, _ = _text(render_document(Minutes(held), draft=True))
    assert "bertempat di .............................., telah" in paragraphs[3]
    assert document_kind("minutes").check(Minutes(held))[0].code == "minutes_without_place"


@pytest.mark.parametrize(
    ("place", "town", "signed_in"),
    [
        ("Aula PKBM Harapan Bangsa, Martapura", None, "Martapura"),
        ("Jl. Ahmad Yani Km 39 No. 12, Martapura", None, "Martapura"),
        ("Aula PKBM Harapan Bangsa, Jl. Ahmad Yani Km 39", None, "Martapura"),  # not a street
        ("Aula PKBM, Martapura, Kalimantan Selatan", None, "Martapura"),  # nor a province
        ("Aula PKBM Harapan Bangsa", None, "Martapura"),  # where the MoU was signed
        ("Aula PKBM Harapan Bangsa, Martapura", "Banjarbaru", "Banjarbaru"),  # as given
        ("Martapura,", None, "Martapura"),  # after the MoU's town, not an empty one
        ("", None, "Martapura"),
    ],
)
def test_the_papers_of_a_meeting_are_dated_in_a_town_not_a_hall(
    place: str, town: str | None, signed_in: str
) -> None:
    p = _seed()
    held = meeting(p, p.evaluations[0], place=place, time="09.00 WITA", town=town)
    assert held.signed_in == signed_in
    minutes, _ = _text(render_document(Minutes(held), draft=True))
    _, tables = _text(render_document(AttendanceList(held), draft=True))
    assert f"{signed_in}, 26 Januari 2026" in minutes
    assert tables[-1][0][1].startswith(f"{signed_in}, 26 Januari 2026\n")  # its signature
    if place:  # the hall stays where the meeting was held
        assert tables[0][2][2] == place
        assert f"bertempat di {place}, telah" in minutes[3]


def test_a_civil_servant_signs_the_berita_acara_with_nip_and_rank() -> None:
    p = _seed()
    held = meeting(p, p.evaluations[0], place="Aula PKBM Harapan Bangsa, Martapura")
    _, tables = _text(render_document(Minutes(held)))
    rows = tables[-1]
    name = rows.index(["H. Rahmat Hidayat", "Drs. H. Ahmad Yani, M.Si."])
    assert rows[name + 1] == ["", "NIP 19700101 199503 1 001"]
    assert rows[name + 2] == ["", "Pembina Utama Muda (IV/c)"]
    first = rows.index(["Hj. Siti Aminah, S.Pd.", "Normasari"])
    assert rows[first + 1] == ["", ""]  # no NIP line where neither signer has one


def test_without_an_agreement_the_papers_are_dated_where_the_meeting_was() -> None:
    p = Partnership(institution=Institution(name="PKBM A", id="pkbm"),
                    program=Program(name="PKW", objectives=["Mandiri"]))  # fmt: skip
    held = Meeting(p, MeetingKind.EVALUATION, None, date(2026, 1, 26), ("pkbm",), place="Aula")
    assert held.signed_in == "Aula"
    held = Meeting(p, MeetingKind.EVALUATION, None, date(2026, 1, 26), ("pkbm",),
                   place="Aula PKBM A, Martapura")  # fmt: skip
    assert held.signed_in == "Martapura"


def test_a_daftar_hadir_has_a_row_per_party_and_blank_rows_to_sign() -> None:
    p = _seed()
    held = meeting(p, p.evaluations[0], place="Aula PKBM Harapan Bangsa", time="09.00 WITA")
    paragraphs, tables = _text(render_document(AttendanceList(held, blank_rows=3)))
    assert paragraphs[:3] == [
        "DAFTAR HADIR",
        "RAPAT EVALUASI BERSAMA KEMITRAAN",
        "PROGRAM PKW PEMBUATAN TAS RAJUT",
    ]
    details, rows = tables[0], tables[1]
    assert details == [
        ["Hari/Tanggal", ":", "Senin, 26 Januari 2026"],
        ["Waktu", ":", "09.00 WITA – selesai"],
        ["Tempat", ":", "Aula PKBM Harapan Bangsa"],
    ]
    assert rows[0] == ["No", "Nama", "Lembaga/Instansi", "Jabatan", "Tanda Tangan"]
    assert rows[1] == [
        "1",
        "Hj. Siti Aminah, S.Pd.",
        "PKBM Harapan Bangsa",
        "Ketua PKBM Harapan Bangsa",
        "",
    ]
    assert rows[4] == [
        "4",
        "Drs. H. Ahmad Yani, M.Si.",
        "Dinas Koperasi, UKM dan Tenaga Kerja Kabupaten Banjar",
        "Kepala Dinas Koperasi, UKM dan Tenaga Kerja Kabupaten Banjar",
        "",
    ]
    assert rows[5:] == [[str(n), "", "", "", ""] for n in (5, 6, 7)]
    foot = "\n".join(cell for row in tables[2] for cell in row)
    assert "Mengetahui," in foot
    assert "Hj. Siti Aminah, S.Pd." in foot


@pytest.mark.parametrize("blank_rows", [-1, 201, 2.5, True])
def test_blank_rows_are_bounded(blank_rows: object) -> None:
    p = _seed()
    with pytest.raises(InvalidArgumentError, match="blank_rows"):
        AttendanceList(meeting(p, p.evaluations[0]), blank_rows=blank_rows)  # type: ignore[arg-type]


def test_every_meeting_renders_both_documents() -> None:
    for held in meetings(_seed()):
        for document in (Minutes(held), AttendanceList(held)):
            paragraphs, _ = _text(render_document(document, draft=True))
            assert paragraphs[1] == held.title.upper()


def test_a_record_that_is_no_meeting_is_refused() -> None:
    p = _seed()
    with pytest.raises(InvalidArgumentError, match="record"):
        meeting(p, p.decisions[0])  # type: ignore[arg-type]


def test_a_meeting_without_a_record_still_renders() -> None:
    p = _seed()
    held = Meeting(
        p, MeetingKind.MONITORING, None, date(2025, 8, 1), ("pkbm-harapan-bangsa",), "Martapura"
    )
    paragraphs, _ = _text(render_document(Minutes(held)))
    assert "KUNJUNGAN MONITORING KEMITRAAN" in paragraphs


def test_the_checklist_ticks_the_answers_recorded() -> None:
    p = _seed()
    p.checklist = [
        ChecklistAnswer(
            item="humble.ask_every_partner",
            partner_id="cv-kriya-banua",
            on=date(2025, 5, 6),
            done=True,
            note="Masukan mutu tas",
        ),
        ChecklistAnswer(
            item="active.we_invite", partner_id="cv-kriya-banua", on=date(2025, 6, 1), done=False
        ),
        ChecklistAnswer(
            item="humble.ask_every_partner",
            partner_id="kube-rajut-lestari",
            on=date(2025, 5, 6),
            done=True,
        ),
        ChecklistAnswer(
            item="surprise.new_ideas", partner_id="cv-kriya-banua", on=date(2026, 3, 1), done=True
        ),
    ]
    sheet = technique_checklist(p, "cv-kriya-banua", on=date(2026, 2, 2), signer="Rina Marlina")
    paragraphs, tables = _text(render_document(sheet))
    assert paragraphs[:2] == ["DAFTAR PERIKSA TEKNIK MEMPERTAHANKAN KEMITRAAN", "CV Kriya Banua"]
    assert "Keadaan per 2 Februari 2026: 1 dari 19 butir terlaksana." in paragraphs
    headings = [p for p in paragraphs if p[:2] in {f"{n}." for n in range(1, 7)}]
    assert headings[0] == "1. Selalu nomor satukan setiap mitra"
    assert len(headings) == 6
    assert len(tables) == 7  # six techniques and the signature
    humble = tables[1]
    assert humble[0] == ["No", "Cek", "Butir", "Tanggal dan catatan"]
    assert humble[1][1:] == [
        "☑",
        "Masukan diminta dari setiap mitra secara berkala; diam tidak dianggap puas.",
        "6 Mei 2025: Masukan mutu tas",
    ]
    assert any(row[3] == "belum (1 Juni 2025)" for t in tables[:6] for row in t[1:])
    ticked = sum(row[1] == "☑" for t in tables[:6] for row in t[1:])
    assert ticked == 1  # another partner's answer, and one after the day, are not ticked


def test_the_checklist_names_an_unknown_partner() -> None:
    with pytest.raises(UnknownPartyError):
        technique_checklist(_seed(), "toko-tidak-ada")


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice or poppler-utils not installed",
)
def test_the_evaluations_documents_keep_every_row_in_pdf(tmp_path: Path) -> None:
    p = _seed()
    held = meeting(p, p.evaluations[0], place="Aula PKBM Harapan Bangsa", time="09.00 WITA")
    minutes = to_pdf(render_document(Minutes(held), tmp_path / "berita-acara.docx"))
    attendance = to_pdf(render_document(AttendanceList(held), tmp_path / "daftar-hadir.docx"))
    read = {
        pdf.name: " ".join(
            subprocess.run(
                ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
            ).stdout.split()
        )
        for pdf in (minutes, attendance)
    }
    for text in (
        "BERITA ACARA",
        "Pada hari ini, Senin, tanggal dua puluh enam",
        "PIHAK KEEMPAT (Dinas Koperasi, UKM dan Tenaga Kerja Kabupaten Banjar)",
        "Tas rajut peserta terjual melalui CV Kriya Banua",
        "Demikian berita acara ini dibuat dengan sebenarnya",
        "Drs. H. Ahmad Yani, M.Si.",
    ):
        assert text in read["berita-acara.pdf"], text
    for text in ("DAFTAR HADIR", "Tanda Tangan", "Normasari", "H. Rahmat Hidayat", "Mengetahui,"):
        assert text in read["daftar-hadir.pdf"], text
    assert all(f" {n} " in read["daftar-hadir.pdf"] for n in range(1, 10))  # blank rows too
