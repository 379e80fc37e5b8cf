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
from collections.abc import Callable
from functools import partial
from typing import Any, Final

from lxml import etree

from kemitraan._catalog import N_, Language
from kemitraan.conventions import number_text
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


def _refuse(message: str, name: str, /, **values: Any) -> TemplateRenderError:
    return TemplateRenderError.saying(message, template=name, **values)


def _number(value: int) -> Callable[[Language], str]:
    return partial(number_text, value)


def read_parts(data: bytes, name: str) -> list[tuple[str, bytes]]:
    """The members of the archive ``data``, checked, in archive order.

    Raises:
        TemplateRenderError: the archive is not a sound DOCX (see the module's list).
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise _refuse(N_("it is not a DOCX file (not a zip archive)"), name) from exc
    if len(infos) > MAX_MEMBERS:
        raise _refuse(
            N_("the archive has {count} members (at most {most})"),
            name,
            count=_number(len(infos)),
            most=_number(MAX_MEMBERS),
        )
    seen: set[str] = set()
    total = 0
    for info in infos:
        member = info.filename
        if _BAD_NAME.search(member) or member in seen:
            raise _refuse(
                N_("the member name {member} escapes the archive or repeats"),
                name,
                member=repr(member[:80]),
            )
        seen.add(member)
        if info.file_size > MAX_MEMBER_SIZE:
            raise _refuse(
                N_("the member {member} unpacks to {size} bytes (at most {most})"),
                name,
                member=repr(member[:80]),
                size=_number(info.file_size),
                most=_number(MAX_MEMBER_SIZE),
            )
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _refuse(
                N_("the member {member} is packed too tightly (a zip bomb?)"),
                name,
                member=repr(member[:80]),
            )
        total += info.file_size
    if total > MAX_TOTAL_SIZE:
        raise _refuse(
            N_("the archive unpacks to {size} bytes (at most {most})"),
            name,
            size=_number(total),
            most=_number(MAX_TOTAL_SIZE),
        )
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
            raise _refuse(
                N_("the member {member} cannot be read: '{detail}'"),
                name,
                member=repr(info.filename[:80]),
                detail=str(exc),
            ) from exc
        if len(blob) > info.file_size:
            raise _refuse(
                N_("the member {member} is larger than it says"),
                name,
                member=repr(info.filename[:80]),
            )
        if _XML_PART.search(info.filename):
            _check_xml(info.filename, blob, name)
        parts.append((info.filename, blob))
    return parts


def _check_xml(member: str, blob: bytes, name: str) -> None:
    try:
        text = blob.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _refuse(
            N_("{member} is not UTF-8 XML: '{detail}'"), name, member=member, detail=exc.reason
        ) from exc
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        raise _refuse(
            N_("{member} declares a DTD or entities, which a DOCX never needs"),
            name,
            member=member,
        )
    try:
        etree.fromstring(blob, XML_PARSER)
    except etree.XMLSyntaxError as exc:
        raise _refuse(
            N_("{member} is not well-formed XML: '{detail}'"), name, member=member, detail=str(exc)
        ) from exc
