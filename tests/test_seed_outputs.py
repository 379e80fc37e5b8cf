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
    "partnership.json": "103d2a72c80d71b811d9065a5a627b968c0e54eed5f6493c3a47edd76a8a2f69",
    "mou.docx": "9d9ed7227584a5fba12471898e4b674d3b42a2c44047124bfb5c3ad10b344d6f",
    "pks.docx": "44fdbf6dd8bcc7f0d0b917ddf350546d6140b9db6080be4e4e99594a01c08078",
    "addendum.docx": "d65bc29fcd39a82eef5b6a639ceea954112805b3e2aa8f3f10531ffb05e3a8b9",
    # issue 10: the monitoring and evaluation report and the touchpoint calendar
    "laporan-monev.docx": "af13de9930a9028724a47e8ce86e1fbb89e9555d5c024163b8b126588e4dd050",
    "touchpoints.ics": "aa5fe9504846b806964df54960ba821b69def18ae110a9977612d23683acfd1d",
    # issue 18: the candidates, the work plan and the monitoring records as a workbook
    "kemitraan.xlsx": "8e1e92e46c024131e60fdfaf32c3f593c64ea806a2f138f62e2bd393699272c5",
    # issue 19: the PKS as the addendum amends it (naskah terpadu)
    "pks-naskah-terpadu.docx": "48e9e17407c48d7b6c7ba400ed04c4177e7a24a7706d0ba17096acc15253c78c",
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
