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
    "partnership.json": "995f286f1f2867d269055a7bec6c8658e303aca369af65cde344bced265ccebe",
    "mou.docx": "006e8eec2e592ce7dab99c4cd9c76e733647e245737ac871026441ac1e186d50",
    "pks.docx": "d00e379e98c4f97a6f6258e529db2b3c14e7793215fc57d41946e284b9d0461f",
    "addendum.docx": "1fa2cda94c45261d7261c5587e6c19d001560beaa4a463ef022872b7fb67b78e",
    # issue 10: the monitoring and evaluation report and the touchpoint calendar
    "laporan-monev.docx": "49b084065dcc9fa26a8dd9203d3043ceb21d995d835b89501dd6d4206fd6518b",
    "touchpoints.ics": "aa5fe9504846b806964df54960ba821b69def18ae110a9977612d23683acfd1d",
    # issue 18: the candidates, the work plan and the monitoring records as a workbook
    "kemitraan.xlsx": "0811a116b651f2bada9cf37fe145e2c103cd4196af0e427619cd04b367a3a1d3",
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
