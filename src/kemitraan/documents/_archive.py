"""Reading a DOCX template's archive without trusting it.

A template is a zip archive from outside. :func:`read_parts` refuses, before
extracting anything, what no real document needs and what would hurt: too many
members, members or a whole that unpack too large (zip bombs; the sizes the archive
declares are checked first, and reading stops at them), member names that would
escape the archive (``../x``, ``/etc/x``, ``C:x``) or repeat, and parts that are not
UTF-8 XML without a DTD. Every refusal is a
:class:`~kemitraan.exceptions.TemplateRenderError` naming the problem.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from typing import Final

from lxml import etree

from kemitraan.exceptions import TemplateRenderError

__all__ = [
    "MAX_MEMBERS",
    "MAX_MEMBER_SIZE",
    "MAX_TOTAL_SIZE",
    "XML_PARSER",
    "read_parts",
]

MAX_MEMBERS: Final = 1_000
"""The most members a template archive may have."""
MAX_MEMBER_SIZE: Final = 20 * 1024 * 1024
"""The largest a member may unpack to (20 MiB)."""
MAX_TOTAL_SIZE: Final = 100 * 1024 * 1024
"""The largest all members together may unpack to (100 MiB)."""
MAX_RATIO: Final = 1_000
"""How many times larger than packed a member may unpack (past 1 MiB)."""

XML_PARSER: Final = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
)
"""The one way template XML is parsed: no entities, no network, no DTD, no huge trees."""

_XML_PART: Final = re.compile(r"\.(xml|rels)$", re.IGNORECASE)
_BAD_NAME: Final = re.compile(r"(^[/\\])|(^[A-Za-z]:)|(\\)|(\x00)|(^|/)\.\.(/|$)")


def _refuse(problem: str, name: str) -> TemplateRenderError:
    return TemplateRenderError(problem, template=name)


def read_parts(data: bytes, name: str) -> list[tuple[str, bytes]]:
    """The members of the archive ``data``, checked, in archive order.

    Raises:
        TemplateRenderError: the archive is not a sound DOCX (see the module's list).
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise _refuse("not a DOCX file (not a zip archive)", name) from exc
    if len(infos) > MAX_MEMBERS:
        raise _refuse(f"the archive has {len(infos):,} members (at most {MAX_MEMBERS:,})", name)
    seen: set[str] = set()
    total = 0
    for info in infos:
        member = info.filename
        if _BAD_NAME.search(member) or member in seen:
            raise _refuse(f"member name {member[:80]!r} escapes the archive or repeats", name)
        seen.add(member)
        if info.file_size > MAX_MEMBER_SIZE:
            raise _refuse(
                f"member {member[:80]!r} unpacks to {info.file_size:,} bytes "
                f"(at most {MAX_MEMBER_SIZE:,})",
                name,
            )
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _refuse(f"member {member[:80]!r} is packed too tightly (a zip bomb?)", name)
        total += info.file_size
    if total > MAX_TOTAL_SIZE:
        raise _refuse(f"the archive unpacks to {total:,} bytes (at most {MAX_TOTAL_SIZE:,})", name)
    parts = []
    for info in infos:
        try:
            with archive.open(info) as stream:
                blob = stream.read(info.file_size + 1)
        except (
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            OSError,
            NotImplementedError,
            RuntimeError,
        ) as exc:  # corrupt data, an unknown method, encryption
            raise _refuse(f"member {info.filename[:80]!r} cannot be read: {exc}", name) from exc
        if len(blob) > info.file_size:
            raise _refuse(f"member {info.filename[:80]!r} is larger than it says", name)
        if _XML_PART.search(info.filename):
            _check_xml(info.filename, blob, name)
        parts.append((info.filename, blob))
    return parts


def _check_xml(member: str, blob: bytes, name: str) -> None:
    try:
        text = blob.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _refuse(f"{member} is not UTF-8 XML ({exc.reason})", name) from exc
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        raise _refuse(f"{member} declares a DTD or entities, which a DOCX never needs", name)
    try:
        etree.fromstring(blob, XML_PARSER)
    except etree.XMLSyntaxError as exc:
        raise _refuse(f"{member} is not well-formed XML: {exc}", name) from exc
