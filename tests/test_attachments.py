"""Evidence files kept by content hash: what goes in comes out, what changed is refused."""

from __future__ import annotations

import hashlib
import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from pydantic import ValidationError

from kemitraan import Evaluation, InvalidArgumentError, KemitraanError, load_json
from kemitraan.attachments import (
    Attachment,
    AttachmentCorruptedError,
    AttachmentFolder,
    AttachmentMissingError,
    AttachmentTooLargeError,
)
from kemitraan.maintenance.interactions import Interaction, InteractionKind
from kemitraan.monitoring import ImplementationRecord, MonitoringRecord

# A folder per example: tmp_path is shared across a property's examples.
_ONCE = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])


@_ONCE
@given(data=st.binary(max_size=4096), name=st.text(min_size=1, max_size=40))
def test_bytes_in_are_the_bytes_out(tmp_path: Path, data: bytes, name: str) -> None:
    folder = AttachmentFolder(tmp_path / "lampiran")
    attachment = folder.add(data, name=name, caption="Foto kegiatan")
    assert folder.read(attachment) == data
    assert folder.open(attachment).read() == data
    assert attachment.sha256 == hashlib.sha256(data).hexdigest()
    assert attachment.size == len(data)
    # the file is inside the folder, under its hash, whatever the name said
    kept = tmp_path / "lampiran" / attachment.sha256[:2] / attachment.sha256
    assert kept.read_bytes() == data
    assert "/" not in attachment.name
    assert "\\" not in attachment.name


@_ONCE
@given(
    data=st.binary(min_size=1, max_size=2048), where=st.integers(min_value=0), bit=st.integers(0, 7)
)
def test_a_flipped_byte_is_refused(tmp_path: Path, data: bytes, where: int, bit: int) -> None:
    folder = AttachmentFolder(tmp_path / "f")
    attachment = folder.add(data, name="foto.jpg")
    kept = tmp_path / "f" / attachment.sha256[:2] / attachment.sha256
    changed = bytearray(data)
    changed[where % len(data)] ^= 1 << bit
    kept.write_bytes(bytes(changed))
    with pytest.raises(AttachmentCorruptedError, match=r"foto\.jpg") as caught:
        folder.read(attachment)
    assert isinstance(caught.value, ValueError)
    assert caught.value.found == hashlib.sha256(bytes(changed)).hexdigest()
    # adding the true bytes again repairs the file
    folder.add(data, name="foto.jpg")
    assert folder.read(attachment) == data


@pytest.mark.parametrize(
    ("name", "kept_as"),
    [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\windows\\system.ini", "system.ini"),
        ("/absolute/path/foto.jpg", "foto.jpg"),
        ("..", "lampiran"),
        ("a/../../..", "lampiran"),
        ("foto\x00.jpg", "foto.jpg"),
        ("daftar hadir 26-01-2026.pdf", "daftar hadir 26-01-2026.pdf"),
    ],
)
def test_hostile_names_never_escape_the_folder(tmp_path: Path, name: str, kept_as: str) -> None:
    folder = AttachmentFolder(tmp_path / "inside")
    attachment = folder.add(b"isi", name=name)
    assert attachment.name == kept_as
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert files == [tmp_path / "inside" / attachment.sha256[:2] / attachment.sha256]


@pytest.mark.parametrize("name", ["../x.jpg", "a/b.jpg", "a\\b.jpg", "", "x\n.jpg"], ids=repr)
def test_an_attachment_refuses_a_name_with_a_folder(name: str) -> None:
    with pytest.raises(ValidationError, match="name"):
        Attachment(sha256="0" * 64, name=name, size=1)


@pytest.mark.parametrize(
    ("field", "value"),
    [("sha256", "ABC"), ("sha256", "../" + "0" * 61), ("size", -1), ("media_type", "jpeg")],
)
def test_an_attachment_refuses_bad_metadata(field: str, value: object) -> None:
    fields: dict[str, object] = {"sha256": "0" * 64, "name": "a.jpg", "size": 1, field: value}
    with pytest.raises(ValidationError, match=field):
        Attachment.model_validate(fields)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    attachment = Attachment(sha256="ab" * 32, name="berita-acara.pdf", size=3)
    with pytest.raises(AttachmentMissingError, match=r"berita-acara\.pdf") as caught:
        AttachmentFolder(tmp_path).read(attachment)
    assert isinstance(caught.value, FileNotFoundError)
    assert "tidak ada di folder" in str(caught.value)
    assert "is not in the folder" in caught.value.message("en")


def test_a_truncated_file_is_refused(tmp_path: Path) -> None:
    folder = AttachmentFolder(tmp_path)
    attachment = folder.add(b"0123456789", name="scan.pdf")
    (tmp_path / attachment.sha256[:2] / attachment.sha256).write_bytes(b"01234")
    with pytest.raises(AttachmentCorruptedError, match="telah berubah atau rusak"):
        folder.read(attachment)


@pytest.mark.parametrize("as_path", [False, True])
def test_a_file_too_large_is_refused_and_nothing_is_written(tmp_path: Path, as_path: bool) -> None:
    folder = AttachmentFolder(tmp_path / "f", max_bytes=100)
    data = b"x" * 101
    source: bytes | Path = data
    if as_path:
        source = tmp_path / "video.mp4"
        source.write_bytes(data)
    with pytest.raises(AttachmentTooLargeError, match="lebih besar dari 100 bita") as caught:
        folder.add(source, name="video.mp4")
    assert isinstance(caught.value, InvalidArgumentError)
    assert not (tmp_path / "f").exists()
    assert folder.add(b"x" * 100, name="ok.bin").size == 100


def test_a_file_by_path_keeps_its_name_and_guesses_its_type(tmp_path: Path) -> None:
    scan = tmp_path / "MoU bertanda tangan.pdf"
    scan.write_bytes(b"%PDF-1.7")
    attachment = AttachmentFolder(tmp_path / "f").add(scan, caption="Pindaian MoU")
    assert (attachment.name, attachment.media_type, attachment.caption) == (
        "MoU bertanda tangan.pdf",
        "application/pdf",
        "Pindaian MoU",
    )


def test_a_failed_write_leaves_no_half_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = AttachmentFolder(tmp_path / "f")

    def broken(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(OSError, match="disk full"):
        folder.add(b"foto", name="foto.jpg")
    monkeypatch.undo()
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_bytes_need_a_name(tmp_path: Path) -> None:
    with pytest.raises(InvalidArgumentError, match="name diperlukan") as caught:
        AttachmentFolder(tmp_path).add(b"x")
    assert isinstance(caught.value, KemitraanError)


@pytest.mark.parametrize("limit", [0, -1, 51 * 1024 * 1024])
def test_a_folder_keeps_files_of_a_bounded_size(tmp_path: Path, limit: int) -> None:
    with pytest.raises(InvalidArgumentError, match="max_bytes"):
        AttachmentFolder(tmp_path, max_bytes=limit)


def test_records_carry_attachments_and_the_json_only_the_hash(tmp_path: Path) -> None:
    folder = AttachmentFolder(tmp_path)
    photo = folder.add(b"\xff\xd8 foto", name="evaluasi.jpg", caption="Rapat evaluasi bersama")
    records: list[ImplementationRecord | MonitoringRecord | Evaluation | Interaction] = [
        ImplementationRecord(
            cycle=1,
            on=date(2025, 4, 14),
            activity="Pembukaan",
            party_ids=["a"],
            attachments=[photo],
        ),
        MonitoringRecord(
            cycle=1, on=date(2025, 5, 30), by="a", findings="Hadir", attachments=[photo]
        ),
        Evaluation(cycle=1, on=date(2026, 1, 26), participants=["a"], attachments=[photo]),
        Interaction(
            on=date(2025, 5, 6),
            kind=InteractionKind.VISIT,
            partner_ids=["b"],
            attachments=[photo],
        ),
    ]
    for record in records:
        text = record.model_dump_json()
        assert photo.sha256 in text
        assert "foto" not in text.replace("evaluasi", "")  # the bytes stay outside
        again = load_json(type(record), text)
        assert again.attachments == [photo]
        assert folder.read(again.attachments[0]) == b"\xff\xd8 foto"
