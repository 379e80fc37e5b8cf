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
    "partnership.json": "90b9ef42ea8262fe117a62e618cfd4dd84ac05150838b4803c1fbae481a2da47",
    "mou.docx": "82ae6fbe9908d5ec07e720c01431b517758bb3c22a64465ff0e660b5ce60c476",
    "pks.docx": "2bdab292c16af42b600481b9905f9723e5a394855e5940d2f87b58bd475ea291",
    "addendum.docx": "cd98685c8ccb16d39e67033fdd07069ccff968b51d03d364e102ec284a58463e",
    # issue 10: the monitoring and evaluation report and the touchpoint calendar
    "laporan-monev.docx": "ba2d0189616e841c432204204f1cd0cd1843264aafcd45b2ac9bab6dc5976ffa",
    "touchpoints.ics": "aa5fe9504846b806964df54960ba821b69def18ae110a9977612d23683acfd1d",
    # issue 18: the candidates, the work plan and the monitoring records as a workbook
    "kemitraan.xlsx": "8e8d289a20c6999524280a8fe4a06a678977dcdaa682bca396ff0d4cac84a666",
    # issue 19: the PKS as the addendum amends it (naskah terpadu)
    "pks-naskah-terpadu.docx": "919ecb66c2ad973138f628fdb4e835f5d577b3d729421043195af3faa60ec46e",
    # issue 20: the joint evaluation's berita acara and daftar hadir
    "berita-acara-evaluasi.docx": (
        "cd64fd77ae9be5da394bf59db1ebf9049649f54c274e139e1d3d7ee7824152ed"
    ),
    "daftar-hadir-evaluasi.docx": (
        "260972bc83a5d1e32bcd13366cb4baee847d5b2e8d9ee4040597b1144a1751b9"
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
