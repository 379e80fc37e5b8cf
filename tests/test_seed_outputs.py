"""The seed case's outputs are pinned: a change in what users see is made on purpose.

The partnership JSON is pinned byte for byte; each DOCX by its parts (every member's
name and uncompressed content, in order), which is everything Word or LibreOffice
reads, independent of the zlib build that compresses them; the workbook by its content
as openpyxl reads it back (every sheet's name and every cell's value, in order), since
its bytes carry the time it was saved. When an output changes
on purpose, update the digest here in the same commit and say why in its message.
"""

from __future__ import annotations

import hashlib
import io
import runpy
import sys
import zipfile
from pathlib import Path

import pytest

SCRIPT = Path(__file__).parent.parent / "examples" / "seed_case.py"

PINNED = {
    # issue 9: typed authorities, a general MoU, the PKS that implements it, and a typed
    # addendum to the PKS; the documents' new layout (authority, paraf, verification code,
    # meterai box, typography)
    "partnership.json": "399928792c33fb95ef5eaf00675cb6562cbb99cb3b76a309102753d70411e395",
    "mou.docx": "0c0912a8435c5dc489e0a5a75bfa92a77f29a37e005408243570d79215bb33e4",
    "pks.docx": "2d55b1921e7c97c07d001de3554ff188ba9f32433f523de27c78c1502aba1945",
    "addendum.docx": "d918ca23be629c6b5c386184a28a44fa7ed4654b508d4d1e68000d635e35659b",
    # issue 10: the monitoring and evaluation report and the touchpoint calendar
    "laporan-monev.docx": "26fa0a3a345b1182522afd674d4d050bd71b92a628765c158567c6505f9f1a92",
    "touchpoints.ics": "aa5fe9504846b806964df54960ba821b69def18ae110a9977612d23683acfd1d",
    # issue 18: the candidates, the work plan and the monitoring records as a workbook
    "kemitraan.xlsx": "0c11aa63b3a9a4275d1f070b49dd3f22ba90f3b67d22e82a1518b809267a3212",
    # issue 19: the PKS as the addendum amends it (naskah terpadu)
    "pks-naskah-terpadu.docx": "a98ff06de65eb98585723cab4842a34c6505298999041cae9adca9366f0a93a0",
    # issue 20: the joint evaluation's berita acara and daftar hadir
    "berita-acara-evaluasi.docx": (
        "bfbe5c4459e51df9522fc804654af434261e93a1d4010f423e6ee501a64fabee"
    ),
    "daftar-hadir-evaluasi.docx": (
        "23578ebdd800cd8027e2f4789890e8d0378691b9c429e6ab71271a456d0e8410"
    ),
}


def digest(path: Path) -> str:
    if path.suffix == ".xlsx":
        return workbook_digest(path)
    data = path.read_bytes()
    if path.suffix != ".docx":
        return hashlib.sha256(data).hexdigest()
    sha = hashlib.sha256()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            sha.update(info.filename.encode() + b"\0")
            sha.update(hashlib.sha256(archive.read(info)).digest())
    return sha.hexdigest()


def workbook_digest(path: Path) -> str:
    from openpyxl import load_workbook

    sha = hashlib.sha256()
    book = load_workbook(path, read_only=True)
    for sheet in book.worksheets:
        sha.update(sheet.title.encode() + b"\0")
        for row in sheet.iter_rows(values_only=True):
            sha.update(repr(row).encode() + b"\n")
    book.close()
    return sha.hexdigest()


def test_seed_outputs_are_pinned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", [str(SCRIPT), str(tmp_path)])
    runpy.run_path(str(SCRIPT), run_name="__main__")
    assert {name: digest(tmp_path / name) for name in PINNED} == PINNED
