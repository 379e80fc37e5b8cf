"""The seed case's outputs are pinned: a change in what users see is made on purpose.

The partnership JSON is pinned byte for byte; each DOCX by its parts (every member's
name and uncompressed content, in order), which is everything Word or LibreOffice
reads, independent of the zlib build that compresses them. When an output changes
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
    "partnership.json": "d7f477b2bdd6b97099b33ebe207d3085bbdb926f73416f5b3d47d5b1cbb7f9f8",
    "mou.docx": "4114482ec3e909cd090fb0b58aec0f74d2db28a997053d6ca4ff5b38852d0d35",
    "pks.docx": "d896948ff783b7bb7f1f76ebe50833b19351edf106008fd7afb6684a05e9f30c",
    "addendum.docx": "ffc7e44d600fae813e8f16d979a45b9edbf7362b0ee284804c9c68ecb1923571",
}


def digest(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix != ".docx":
        return hashlib.sha256(data).hexdigest()
    sha = hashlib.sha256()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            sha.update(info.filename.encode() + b"\0")
            sha.update(hashlib.sha256(archive.read(info)).digest())
    return sha.hexdigest()


def test_seed_outputs_are_pinned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", [str(SCRIPT), str(tmp_path)])
    runpy.run_path(str(SCRIPT), run_name="__main__")
    assert {name: digest(tmp_path / name) for name in PINNED} == PINNED
