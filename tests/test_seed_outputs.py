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
    "partnership.json": "8adfd42e8d81f65212505a338e46bd01b77b6bda02ff12cf6f432bd6d7b00677",
    "mou.docx": "06f48de69cbfa0b46c22dea2da3db9136db1005dd3ab3f519c0f9446fb772558",
    "pks.docx": "69f80213b0d4f547d89ff2e96c7ada1f29aa10cc4075845a121aeb27b457abc7",
    "addendum.docx": "3105330efb9a8bf9fa15482968f330e841d41f2920b20360a897197e28866cd5",
    # issue 10: the monitoring and evaluation report and the touchpoint calendar
    "laporan-monev.docx": "2809e2c0c5d579d214c27b3cfebf065836935b70c1cd34926f8b33d1a60fb642",
    "touchpoints.ics": "9bcbbe9e38ee1118a31a3ed731c5437bc5152079b2380cd69f9dfcf87120e5dd",
    # issue 18: the candidates, the work plan and the monitoring records as a workbook
    "kemitraan.xlsx": "06f94c2838ecb7cb795a947f6bb668fc3b92bcfd5b218c1d96376e45a0ca6ff7",
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
