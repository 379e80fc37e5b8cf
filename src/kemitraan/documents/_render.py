"""Rendering DOCX templates: loaded and compiled once, sandboxed, deterministic, atomic.

A :class:`DocumentTemplate` reads a docxtpl template once: the Jinja tags in the
body (and in any header or footer) are cleaned by docxtpl's own XML patching and
compiled in a sandboxed, autoescaping, strict environment. Each render then only
runs the compiled template and zips the parts again, with fixed timestamps and
order, so identical input gives identical bytes.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
import zipfile
from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Final

from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, TemplateSyntaxError, UndefinedError, meta
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree

from kemitraan.documents._registry import document_kind
from kemitraan.exceptions import (
    MissingTemplateVariablesError,
    TemplateRenderError,
    UnsafeTemplateError,
)

__all__ = ["DocumentTemplate", "bundled_template", "clean_text", "write_atomically"]

_BODY: Final = "word/document.xml"
_PARTS: Final = re.compile(r"^word/(document|header\d*|footer\d*)\.xml$")
_FIXED_TIME: Final = (1980, 1, 1, 0, 0, 0)
# XML 1.0 allows tab, LF, CR and these ranges; everything else cannot be stored.
_ILLEGAL_XML: Final = re.compile(
    "[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
_W: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# The process's umask, read once (reading it means setting it).
_UMASK: Final = os.umask(0o022)
os.umask(_UMASK)

# docxtpl's XML patching and post-processing do not depend on a loaded document.
_DOCXTPL: Final = DocxTemplate(io.BytesIO())


def clean_text(text: str) -> str:
    r"""Remove the characters XML cannot hold (control characters, lone surrogates).

    Carriage returns become line feeds (a paragraph has line breaks, not CRs).

    >>> clean_text("Tas\x00 rajut\x07\ufffe")
    'Tas rajut'
    """
    return _ILLEGAL_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, Mapping):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


def _environment() -> SandboxedEnvironment:
    return SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)


class DocumentTemplate:
    """A DOCX template, loaded and compiled once, rendered many times.

    Args:
        source: A path to a ``.docx`` file, or its bytes.
        name: What to call it in error messages (defaults to the file name).

    Raises:
        TemplateRenderError: the file is not a DOCX or its Jinja does not compile.

    >>> template = bundled_template("mou")
    >>> {"parties", "articles", "signature_rows"} <= template.variables
    True
    """

    def __init__(self, source: str | os.PathLike[str] | bytes, *, name: str | None = None) -> None:
        if isinstance(source, bytes):
            data, self.name = source, name or "<template>"
        else:
            path = Path(source)
            data, self.name = path.read_bytes(), name or path.name
        self.source: bytes = data
        """The template file's bytes, as loaded (worker processes compile their own copy)."""
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            self._parts: list[tuple[str, bytes]] = [
                (info.filename, archive.read(info.filename)) for info in archive.infolist()
            ]
        except zipfile.BadZipFile as exc:
            raise TemplateRenderError(
                "not a DOCX file (not a zip archive)", template=self.name
            ) from exc
        names = [n for n, _ in self._parts]
        if _BODY not in names:
            raise TemplateRenderError(f"not a DOCX file (no {_BODY})", template=self.name)
        env = _environment()
        self._compiled: dict[str, Any] = {}
        self._frames: dict[str, tuple[str, str]] = {}
        variables: set[str] = set()
        for part, blob in self._parts:
            if not _PARTS.match(part):
                continue
            source_xml, frame = self._jinja_source(part, blob)
            if "{{" not in source_xml and "{%" not in source_xml:
                continue
            try:
                tree = env.parse(source_xml)  # parsed once: for its names and to compile
                variables |= meta.find_undeclared_variables(tree)
                self._compiled[part] = env.from_string(tree)
            except TemplateSyntaxError as exc:
                raise TemplateRenderError(
                    f"template syntax error in {part}: {exc.message}", template=self.name
                ) from exc
            self._frames[part] = frame
        self.variables: frozenset[str] = frozenset(variables)
        """The names the template uses from its context."""

    @staticmethod
    def _jinja_source(part: str, blob: bytes) -> tuple[str, tuple[str, str]]:
        """The part's XML as Jinja source, and the text around it to splice it back."""
        text = blob.decode("utf-8")
        if part == _BODY:
            root = etree.fromstring(blob)
            body = root.find(f"{{{_W}}}body")
            if body is None:
                raise TemplateRenderError(f"{part} has no <w:body>", template="<template>")
            xml = etree.tostring(body, encoding="unicode")
            start, end = text.index("<w:body"), text.rindex("</w:body>") + len("</w:body>")
            frame = (text[:start], text[end:])
        else:
            declaration = re.match(r"<\?xml[^>]*\?>\s*", text)
            head = declaration.group(0) if declaration else ""
            xml, frame = text[len(head) :], (head, "")
        xml = _DOCXTPL.patch_xml(xml)
        return re.sub(r"<w:p([ >])", r"\n<w:p\1", xml), frame

    def missing(self, context: Mapping[str, Any]) -> list[str]:
        """The names the template uses that ``context`` lacks."""
        return sorted(self.variables - set(context))

    def check(self, context: Mapping[str, Any]) -> None:
        """Raise if the template uses a name ``context`` does not provide.

        Raises:
            MissingTemplateVariablesError: naming every missing name.
        """
        missing = self.missing(context)
        if missing:
            raise MissingTemplateVariablesError(missing, template=self.name)

    def render(self, context: Mapping[str, Any]) -> bytes:
        """Render ``context`` into a DOCX, as bytes.

        Every string in the context is cleaned of characters XML cannot hold and
        escaped; the output is identical for identical input.

        Raises:
            MissingTemplateVariablesError: the template uses a name the context lacks.
            UnsafeTemplateError: the template reaches outside the sandbox.
            TemplateRenderError: any other failure of the template.
        """
        self.check(context)
        values = _clean(dict(context))
        rendered: dict[str, bytes] = {}
        for part, template in self._compiled.items():
            try:
                xml = template.render(values)
            except SecurityError as exc:
                raise UnsafeTemplateError(str(exc), template=self.name) from exc
            except UndefinedError as exc:
                raise TemplateRenderError(f"undefined: {exc.message}", template=self.name) from exc
            except Exception as exc:  # a template can raise anything; name where it failed
                raise TemplateRenderError(
                    f"{type(exc).__name__}: {exc}", template=self.name
                ) from exc
            rendered[part] = self._finish(part, xml).encode("utf-8")
        return self._zip(rendered)

    def _finish(self, part: str, xml: str) -> str:
        xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
        xml = _DOCXTPL.resolve_listing(xml)
        if part == _BODY:
            tree = _DOCXTPL.fix_tables(xml)
            xml = etree.tostring(tree, encoding="unicode")
        head, tail = self._frames[part]
        return f"{head}{xml}{tail}"

    def _zip(self, rendered: Mapping[str, bytes]) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for part, blob in self._parts:
                info = zipfile.ZipInfo(part, date_time=_FIXED_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, rendered.get(part, blob))
        return out.getvalue()


@cache
def bundled_template(kind: str) -> DocumentTemplate:
    """The bundled template of a kind of document (``"mou"``, ``"pks"``, …), compiled once.

    Raises:
        UnknownDocumentKindError: no such kind is registered.
    """
    file = document_kind(kind).template
    data = resources.files("kemitraan.documents").joinpath("templates", file).read_bytes()
    return DocumentTemplate(data, name=f"{file} (bundled)")


def write_atomically(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    A failed write leaves no half file: either the old file (if any) or the new one.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:  # a file replaced keeps its permissions; a new one gets what open() would give
        mode = target.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = 0o666 & ~_UMASK
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
