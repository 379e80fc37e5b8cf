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
    "partnership.json": "9b09aa1f509e3c133f1fa93c56299c598bbc3aa7f1b4e2f3d6b4bb1cc9b85533",
    "mou.docx": "7e40ea863c1d0e2aee9a5a02a5ae4b02f283240c9668de6857c56ae0376627f0",
    "pks.docx": "a6b81cac16f53f1708d984e3622c325c478aabf443fb55eb3cf4ded791c95268",
    "addendum.docx": "c9cd5a2561b3096846e36f6a53273b41e19675553728868444e3ddd492ec9669",
    # issue 10: the monitoring and evaluation report and the touchpoint calendar
    "laporan-monev.docx": "de2df705a3de9dabbd71552398eb72568923f241ca2005f63b9b0521aa592214",
    "touchpoints.ics": "aa5fe9504846b806964df54960ba821b69def18ae110a9977612d23683acfd1d",
    # issue 18: the candidates, the work plan and the monitoring records as a workbook
    "kemitraan.xlsx": "c2b50d3f096fb39435baf4180c69ef90299d60c3d5a035d35ff190a38bec3aec",
    # issue 19: the PKS as the addendum amends it (naskah terpadu)
    "pks-naskah-terpadu.docx": "c3cf02327941634fcd0a40cc32a08334c71bc3d0e1b3dafec5f28f70ffb448de",
    # issue 20: the joint evaluation's berita acara and daftar hadir
    "berita-acara-evaluasi.docx": (
        "fb256dbfa7bfc9da91548ba515315ff548f63e8672da6105974e2eadf8b55283"
    ),
    "daftar-hadir-evaluasi.docx": (
        "704b4667f259de9dc83ff18ecce173e82385f57bfcb857dca953702a3ab6d47d"
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
