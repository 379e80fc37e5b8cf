"""Evidence files attached to records by their content hash (issue 20.4).

A photo of an activity, a scanned signed MoU, an attendance sheet signed on paper:
the file stays outside the partnership's JSON, in an :class:`AttachmentFolder`, under
its SHA-256 hash; the record carries only an :class:`Attachment` — the hash and what a
reader needs to know about the file (its name, media type, size, a caption). A file
read back is checked against its hash, so a file changed, truncated or swapped on disk
is refused, never shown as evidence.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as where:
...     folder = AttachmentFolder(where)
...     photo = folder.add(b"foto kegiatan", name="praktik.jpg", caption="Praktik menjahit")
...     folder.read(photo), photo.media_type, photo.size
(b'foto kegiatan', 'image/jpeg', 13)
"""

from __future__ import annotations

import hashlib
import io
import mimetypes
import os
import re
from pathlib import Path, PurePosixPath
from typing import Annotated, Final

from pydantic import Field, StringConstraints

from kemitraan._base import ValueModel
from kemitraan._catalog import N_
from kemitraan._files import write_atomically
from kemitraan._types import ShortText
from kemitraan.exceptions import InvalidArgumentError, KemitraanError

__all__ = [
    "MAX_ATTACHMENT_BYTES",
    "Attachment",
    "AttachmentCorruptedError",
    "AttachmentFolder",
    "AttachmentMissingError",
    "AttachmentTooLargeError",
]

MAX_ATTACHMENT_BYTES: Final = 50 * 1024 * 1024
"""The largest file a folder keeps by default: 50 MiB (a scanned agreement, a phone's
photo or short video fits; a folder of a year's footage does not belong in a record)."""

Sha256Hex = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
"""A SHA-256 digest in lower-case hex: 64 characters."""

FileName = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=1, max_length=255, pattern=r"^[^/\\\x00-\x1f]+$"
    ),
]
"""A file's own name, without a folder: no ``/`` or ``\\``, no control characters."""

MediaType = Annotated[str, StringConstraints(pattern=r"^[\w.+-]+/[\w.+-]+$", max_length=127)]
"""A media (MIME) type: ``image/jpeg``, ``application/pdf``."""


class Attachment(ValueModel):
    """An evidence file a record carries: its hash and what a reader needs to know of it.

    The file itself is kept in an :class:`AttachmentFolder`; ``sha256`` is how it is
    found there and how it is checked when read.

    >>> Attachment(sha256="0" * 64, name="daftar-hadir.pdf", media_type="application/pdf",
    ...            size=48213, caption="Daftar hadir bertanda tangan").name
    'daftar-hadir.pdf'
    """

    sha256: Sha256Hex
    """The SHA-256 hash of the file's bytes, lower-case hex."""
    name: FileName
    """The file's name as it was given (for people; it never decides where the file is kept)."""
    media_type: MediaType = "application/octet-stream"
    """Its media type: ``image/jpeg``, ``application/pdf``, …"""
    size: int = Field(ge=0, le=MAX_ATTACHMENT_BYTES)
    """Its size in bytes."""
    caption: ShortText | None = None
    """What it shows: ``Foto kegiatan praktik``, ``Daftar hadir bertanda tangan``."""


class AttachmentMissingError(KemitraanError, FileNotFoundError):
    """An attachment's file is not in the folder.

    Attributes:
        attachment: The attachment whose file is missing.

    >>> a = Attachment(sha256="0" * 64, name="foto.jpg", size=1)
    >>> str(AttachmentMissingError(a, "lampiran"))
    'berkas lampiran foto.jpg (sha256 000000000000…) tidak ada di folder lampiran'
    """

    def __init__(self, attachment: Attachment, folder: str) -> None:
        self.attachment = attachment
        self._say(
            N_("the attached file {name} (sha256 {digest}…) is not in the folder {folder}"),
            name=attachment.name,
            digest=attachment.sha256[:12],
            folder=folder,
        )


class AttachmentCorruptedError(KemitraanError, ValueError):
    """An attachment's file is there but its bytes are not the ones recorded.

    Attributes:
        attachment: The attachment recorded.
        found: The SHA-256 hash of the bytes found.

    >>> a = Attachment(sha256="0" * 64, name="foto.jpg", size=1)
    >>> str(AttachmentCorruptedError(a, "f" * 64)).split(": ")[0]
    'berkas lampiran foto.jpg telah berubah atau rusak'
    """

    def __init__(self, attachment: Attachment, found: str) -> None:
        self.attachment = attachment
        self.found = found
        self._say(
            N_("the attached file {name} has changed or is damaged: its sha256 is {found}…, "
               "not {digest}…"),
            name=attachment.name,
            found=found[:12],
            digest=attachment.sha256[:12],
        )  # fmt: skip


class AttachmentTooLargeError(InvalidArgumentError):
    """A file larger than the folder keeps.

    Attributes:
        name: The file's name.
        limit: The largest size kept, in bytes.

    >>> str(AttachmentTooLargeError("video.mp4", 10))
    'berkas video.mp4 lebih besar dari 10 bita, batas lampiran; simpan di luar catatan'
    """

    def __init__(self, name: str, limit: int) -> None:
        self.name = name
        self.limit = limit
        self._say(
            N_("the file {name} is larger than {limit} bytes, the limit for an attachment; "
               "keep it outside the record"),
            name=name,
            limit=f"{limit:,}".replace(",", "."),
        )  # fmt: skip


def _own_name(name: str) -> str:
    """The last part of a name that may carry folders (``../../x.jpg`` → ``x.jpg``)."""
    cleaned = re.sub(r"[\x00-\x1f]", "", name.replace("\\", "/"))
    own = PurePosixPath(cleaned).name.strip()
    return own if own not in {"", ".", ".."} else "lampiran"


class AttachmentFolder:
    """A folder that keeps evidence files under their SHA-256 hash.

    A file is written atomically (a temporary file and a rename: a failed write leaves
    no half file), once however often it is added, at ``<folder>/<ab>/<hash>``: its
    place comes from its hash alone, never from the name it was given. Reading checks
    the bytes against the hash recorded.

    Args:
        path: The folder (made when the first file is added).
        max_bytes: The largest file it keeps.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as where:
    ...     folder = AttachmentFolder(where)
    ...     scan = folder.add(b"%PDF-1.7 ...", name="../../mou-bertanda-tangan.pdf")
    ...     scan.name, scan.media_type, scan in folder
    ('mou-bertanda-tangan.pdf', 'application/pdf', True)
    """

    def __init__(self, path: str | os.PathLike[str], *, max_bytes: int = MAX_ATTACHMENT_BYTES):
        self.path = Path(path)
        if not 0 < max_bytes <= MAX_ATTACHMENT_BYTES:
            raise InvalidArgumentError.saying(
                N_("{argument} must be a whole number from {least} to {most}, not {value}"),
                argument="max_bytes",
                least=1,
                most=MAX_ATTACHMENT_BYTES,
                value=max_bytes,
            )
        self.max_bytes = max_bytes

    def __repr__(self) -> str:
        return f"AttachmentFolder({str(self.path)!r})"

    def _where(self, digest: str) -> Path:
        return self.path / digest[:2] / digest

    def __contains__(self, attachment: object) -> bool:
        return isinstance(attachment, Attachment) and self._where(attachment.sha256).is_file()

    def add(
        self,
        source: bytes | str | os.PathLike[str],
        *,
        name: str | None = None,
        caption: str | None = None,
        media_type: str | None = None,
    ) -> Attachment:
        """Keep a file (its bytes, or the file at a path); return the attachment to record.

        Args:
            source: The file's bytes, or its path.
            name: Its name for people; by default the path's name (needed for bytes).
                Only the name's last part is kept (``../x.jpg`` is ``x.jpg``).
            caption: What it shows.
            media_type: Its media type; by default guessed from the name.

        Raises:
            AttachmentTooLargeError: it is larger than the folder keeps.
            InvalidArgumentError: bytes without a name.
            FileNotFoundError: no file at the path.
        """
        if isinstance(source, bytes | bytearray):
            if name is None:
                raise InvalidArgumentError.saying(
                    N_("{argument} is needed with the file's bytes"), argument="name"
                )
            data = bytes(source)
            if len(data) > self.max_bytes:
                raise AttachmentTooLargeError(_own_name(name), self.max_bytes)
        else:
            path = Path(source)
            name = path.name if name is None else name
            if path.stat().st_size > self.max_bytes:
                raise AttachmentTooLargeError(_own_name(name), self.max_bytes)
            with path.open("rb") as file:  # bounded: a file that grows meanwhile is refused
                data = file.read(self.max_bytes + 1)
            if len(data) > self.max_bytes:
                raise AttachmentTooLargeError(_own_name(name), self.max_bytes)
        own = _own_name(name)
        digest = hashlib.sha256(data).hexdigest()
        target = self._where(digest)
        if not (target.is_file() and _digest_of(target, self.max_bytes) == digest):
            write_atomically(target, data)
        return Attachment(
            sha256=digest,
            name=own,
            media_type=media_type or mimetypes.guess_type(own)[0] or "application/octet-stream",
            size=len(data),
            caption=caption,
        )

    def read(self, attachment: Attachment) -> bytes:
        """The file's bytes, checked against the hash recorded.

        Raises:
            AttachmentMissingError: the file is not in the folder.
            AttachmentCorruptedError: its bytes are not the ones recorded.
        """
        target = self._where(attachment.sha256)
        try:
            with target.open("rb") as file:
                data = file.read(self.max_bytes + 1)
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            raise AttachmentMissingError(attachment, str(self.path)) from None
        found = hashlib.sha256(data).hexdigest()
        if found != attachment.sha256 or len(data) != attachment.size:
            raise AttachmentCorruptedError(attachment, found)
        return data

    def open(self, attachment: Attachment) -> io.BytesIO:
        """The file to read from, once its bytes are checked (as :meth:`read`)."""
        return io.BytesIO(self.read(attachment))


def _digest_of(path: Path, limit: int) -> str:
    with path.open("rb") as file:
        return hashlib.sha256(file.read(limit + 1)).hexdigest()
