"""Rendering DOCX templates: loaded and compiled once, sandboxed, deterministic, atomic.

A :class:`DocumentTemplate` reads a docxtpl template once: the Jinja tags in the
body (and in any header or footer) are cleaned by docxtpl's own XML patching and
compiled in a sandboxed, autoescaping, strict environment. Each render then only
runs the compiled template and zips the parts again, with fixed timestamps and
order, so identical input gives identical bytes.
"""

from __future__ import annotations

import datetime
import io
import os
import re
import zipfile
from collections.abc import Mapping
from decimal import Decimal
from functools import cache, partial
from importlib import resources
from pathlib import Path
from typing import Any, Final

from docxtpl import DocxTemplate
from jinja2 import TemplateSyntaxError, UndefinedError, nodes
from jinja2.exceptions import SecurityError
from lxml import etree
from pydantic import BaseModel

from kemitraan._files import write_atomically
from kemitraan.conventions import number_text
from kemitraan.documents._archive import XML_PARSER, read_parts
from kemitraan.documents._draftmark import mark_draft
from kemitraan.documents._registry import document_kind
from kemitraan.documents._sandbox import BoundedEnvironment, budget
from kemitraan.exceptions import (
    MissingTemplateVariablesError,
    TemplateRenderError,
    UnsafeTemplateError,
)

__all__ = ["DocumentTemplate", "bundled_template", "clean_text", "write_atomically"]

_BODY: Final = "word/document.xml"
_RELS: Final = "word/_rels/document.xml.rels"
_TYPES: Final = "[Content_Types].xml"
_PARTS: Final = re.compile(r"^word/(document|header\d*|footer\d*)\.xml$")
_FIXED_TIME: Final = (1980, 1, 1, 0, 0, 0)
# XML 1.0 allows tab, LF, CR and these ranges; everything else cannot be stored.
_ILLEGAL_XML: Final = re.compile(
    "[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
_W: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# docxtpl's XML patching and post-processing do not depend on a loaded document.
_DOCXTPL: Final = DocxTemplate(io.BytesIO())
# What docxtpl's resolve_listing turns into Word markup inside a run's text: a tab, a
# bell (new paragraph), a line feed (line break) and a form feed (page break).
_LISTING: Final = "\t\a\n\f"
# How resolve_listing's ``<w:p(?: [^>]*)?>.*?</w:p>`` (dot matching all) finds a paragraph:
# its opening tag, then the first closing tag after it.
_PARAGRAPH_OPENS: Final = re.compile(r"<w:p(?: [^>]*)?>")
_PARAGRAPH_CLOSES: Final = "</w:p>"


def clean_text(text: str) -> str:
    r"""Remove the characters XML cannot hold (control characters, lone surrogates).

    Carriage returns become line feeds (a paragraph has line breaks, not CRs).

    >>> clean_text("Tas\x00 rajut\x07\ufffe")
    'Tas rajut'
    """
    if "\r" not in text and _ILLEGAL_XML.search(text) is None:  # most text: as it is
        return text
    return _ILLEGAL_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _resolve_listing(xml: str) -> str:
    r"""What docxtpl's ``resolve_listing`` does, run only on the paragraphs it changes.

    docxtpl matches each paragraph with ``<w:p(?: [^>]*)?>.*?</w:p>`` and rewrites it on
    its own; a paragraph without a tab, bell, line feed or form feed comes out as it
    went in. Most have none, and the lazy match stepping through every character and
    three nested substitutions with a callback per run cost more than the rest of the
    render. So the paragraphs are found here as that pattern finds them (an opening tag,
    the first closing tag after it, the next search from there), and only those holding
    one of the characters go through docxtpl's ``resolve_listing``, each alone: given
    one paragraph, its pattern matches exactly that text, so the result is the same.

    >>> _resolve_listing("<w:p><w:r><w:t>a</w:t></w:r></w:p>")
    '<w:p><w:r><w:t>a</w:t></w:r></w:p>'
    >>> _resolve_listing("<w:p><w:r><w:t>a\nb</w:t></w:r></w:p>")
    '<w:p><w:r><w:t>a</w:t><w:br/><w:t xml:space="preserve">b</w:t></w:r></w:p>'
    """
    # Where the characters are (str.find is a fast scan; a character class is not).
    found = sorted(position for char in _LISTING for position in _positions(xml, char))
    if not found:
        return xml
    pieces: list[str] = []
    done = position = hit = 0
    while (opening := _PARAGRAPH_OPENS.search(xml, position)) is not None:
        end = xml.find(_PARAGRAPH_CLOSES, opening.end())
        if end < 0:  # no closing tag after this opening, nor after any later one
            break
        start, end = opening.start(), end + len(_PARAGRAPH_CLOSES)
        while hit < len(found) and found[hit] < start:
            hit += 1
        if hit < len(found) and found[hit] < end:  # the paragraph holds one
            pieces += [xml[done:start], str(_DOCXTPL.resolve_listing(xml[start:end]))]
            done = end
        position = end
    pieces.append(xml[done:])
    return "".join(pieces)


def _unsplit(xml: str) -> str:
    r"""The rendered XML without the line breaks put before its paragraphs for compiling.

    What ``re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)`` gives (undoing
    :meth:`DocumentTemplate._jinja_source`), in two plain replacements that cost a tenth
    of the pattern's.

    >>> _unsplit("<w:body>\n<w:p>a</w:p>\n<w:p w:x='1'>b</w:p>\n<w:pPr/>")
    "<w:body><w:p>a</w:p><w:p w:x='1'>b</w:p>\n<w:pPr/>"
    """
    return xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")


def _positions(text: str, char: str) -> list[int]:
    """Every index of ``char`` in ``text``."""
    found = []
    at = text.find(char)
    while at >= 0:
        found.append(at)
        at = text.find(char, at + 1)
    return found


def _context_names(tree: nodes.Template, known: Mapping[str, Any]) -> set[str]:
    """The names a template reads from its context: loaded, never set, not a global.

    One walk of the parsed tree (Jinja's ``meta.find_undeclared_variables`` compiles the
    template a second time to find them). A name set inside a loop and read after it
    counts as set; reading it there fails at render, as an undefined name.
    """
    loaded: set[str] = set()
    declared = {"loop"}
    for node in tree.find_all((nodes.Name, nodes.Macro)):
        if isinstance(node, nodes.Macro):
            declared.add(node.name)
        elif isinstance(node, nodes.Name):
            (loaded if node.ctx == "load" else declared).add(node.name)
    return loaded - declared - set(known)


# Values that hold no text, by exact type: passed over without the Mapping check.
_PLAIN: Final = frozenset({int, float, bool, type(None), Decimal, datetime.date, datetime.datetime})


def _clean(value: Any) -> Any:
    """``value`` with every string in it cleaned (:func:`clean_text`), mappings and lists rebuilt.

    The plain types are tested first by exact type (a context is mostly dicts, lists, text
    and a few dates and numbers); anything else as before: text, a mapping, a list or tuple.
    """
    kind = type(value)
    if kind is str:
        return clean_text(value)
    if kind is dict:
        return {k: _clean(v) for k, v in value.items()}
    if kind is list:
        return [_clean(v) for v in value]
    if kind in _PLAIN:
        return value
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, Mapping):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


#: The longest a part's Jinja source (its XML) may be.
MAX_SOURCE: Final = 20 * 1024 * 1024
#: The longest a rendered part may be.
MAX_OUTPUT: Final = 50 * 1024 * 1024


class DocumentTemplate:
    """A DOCX template, loaded and compiled once, rendered many times.

    Templates from outside are not trusted: the archive is checked before anything is
    extracted (:mod:`~kemitraan.documents._archive`), and the Jinja runs in a sandbox
    whose cost is bounded (:mod:`~kemitraan.documents._sandbox`). When the context says
    ``draft``, the engine marks every page's header as a draft, whatever the template.

    Args:
        source: A path to a ``.docx`` file, or its bytes.
        name: What to call it in error messages (defaults to the file name).

    Raises:
        TemplateRenderError: the file is not a sound DOCX or its Jinja does not compile.

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
        self._parts: list[tuple[str, bytes]] = read_parts(data, self.name)
        names = [n for n, _ in self._parts]
        for needed in (_BODY, _RELS, _TYPES):
            if needed not in names:
                raise TemplateRenderError.saying(
                    "it is not a DOCX file (it has no {part})", template=self.name, part=needed
                )
        env = BoundedEnvironment()
        self._compiled: dict[str, Any] = {}
        self._frames: dict[str, tuple[str, str]] = {}
        variables: set[str] = set()
        for part, blob in self._parts:
            if not _PARTS.match(part):
                continue
            source_xml, frame = self._jinja_source(part, blob)
            if "{{" not in source_xml and "{%" not in source_xml:
                continue
            if len(source_xml) > MAX_SOURCE:
                raise TemplateRenderError.saying(
                    "{part} is too long to be a template", template=self.name, part=part
                )
            try:
                tree = env.parse(source_xml)  # parsed once: for its names and to compile
                variables |= _context_names(tree, env.globals)
                self._compiled[part] = env.from_string(env.bound(tree))
            except TemplateSyntaxError as exc:
                raise TemplateRenderError.saying(
                    "the template's markup in {part} is wrong: '{detail}'",
                    template=self.name,
                    part=part,
                    detail=exc.message,
                ) from exc
            except (RecursionError, MemoryError) as exc:  # absurdly nested markup
                raise TemplateRenderError.saying(
                    "{part} is nested too deeply to compile", template=self.name, part=part
                ) from exc
            self._frames[part] = frame
        self.variables: frozenset[str] = frozenset(variables)
        """The names the template uses from its context."""

    def _jinja_source(self, part: str, blob: bytes) -> tuple[str, tuple[str, str]]:
        """The part's XML as Jinja source, and the text around it to splice it back."""
        text = blob.decode("utf-8")  # checked to be UTF-8 XML when the archive was read
        if part == _BODY:
            root = etree.fromstring(blob, XML_PARSER)
            body = root.find(f"{{{_W}}}body")
            if body is None:
                raise TemplateRenderError.saying(
                    "{part} has no <w:body>", template=self.name, part=part
                )
            xml = etree.tostring(body, encoding="unicode")
            start, end = text.find("<w:body"), text.rfind("</w:body>")
            if start < 0 or end < 0:
                raise TemplateRenderError.saying(
                    "{part} must name its body <w:body> (the usual prefix)",
                    template=self.name,
                    part=part,
                )
            frame = (text[:start], text[end + len("</w:body>") :])
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

    def render(self, context: Mapping[str, Any] | BaseModel) -> bytes:
        """Render ``context`` (a mapping, or a model such as an agreement's context) into a DOCX.

        Every string in the context is cleaned of characters XML cannot hold and
        escaped; the output is identical for identical input. With ``draft`` true in the
        context, every page's header says the document is a draft.

        Raises:
            MissingTemplateVariablesError: the template uses a name the context lacks.
            UnsafeTemplateError: the template reaches outside the sandbox or past its limits.
            TemplateRenderError: any other failure of the template.
        """
        if isinstance(context, BaseModel):
            context = context.model_dump()
        self.check(context)
        values = _clean(dict(context))
        rendered: dict[str, bytes] = {}
        with budget():
            for part, template in self._compiled.items():
                try:
                    xml = template.render(values)
                except UnsafeTemplateError as exc:  # from the sandbox, which knows no name
                    raise UnsafeTemplateError(exc.problem, template=self.name) from exc
                except SecurityError as exc:
                    raise UnsafeTemplateError.saying(
                        "it reaches outside the sandbox: '{detail}'",
                        template=self.name,
                        detail=str(exc),
                    ) from exc
                except UndefinedError as exc:
                    raise TemplateRenderError.saying(
                        "a name is not defined: '{detail}'",
                        template=self.name,
                        detail=exc.message,
                    ) from exc
                except Exception as exc:  # a template can raise anything; name where it failed
                    raise TemplateRenderError.saying(
                        "it fails in {part}: {kind}: '{detail}'",
                        template=self.name,
                        part=part,
                        kind=type(exc).__name__,
                        detail=str(exc)[:200],
                    ) from exc
                if len(xml) > MAX_OUTPUT:
                    raise UnsafeTemplateError.saying(
                        "{part} renders to {size} characters (at most {most})",
                        template=self.name,
                        part=part,
                        size=partial(number_text, len(xml)),
                        most=partial(number_text, MAX_OUTPUT),
                    )
                rendered[part] = self._finish(part, xml).encode("utf-8")
        parts = {name: rendered.get(name, blob) for name, blob in self._parts}
        if context.get("draft"):
            parts = mark_draft(parts, bilingual=bool(context.get("bilingual")))
        return self._zip(parts)

    def _finish(self, part: str, xml: str) -> str:
        xml = _resolve_listing(_unsplit(xml))
        if part == _BODY or "<w:tbl>" in xml or "<w:tbl " in xml:  # a footer's paraf boxes too
            try:
                tree = _DOCXTPL.fix_tables(xml)
            except etree.XMLSyntaxError as exc:
                raise TemplateRenderError.saying(
                    "{part} is not well-formed after rendering: '{detail}'",
                    template=self.name,
                    part=part,
                    detail=str(exc),
                ) from exc
            xml = etree.tostring(tree, encoding="unicode")
        head, tail = self._frames[part]
        return f"{head}{xml}{tail}"

    @staticmethod
    def _zip(parts: Mapping[str, bytes]) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for part, blob in parts.items():
                info = zipfile.ZipInfo(part, date_time=_FIXED_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, blob)
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
