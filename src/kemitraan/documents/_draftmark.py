"""Marking a rendered document as a draft, in the header of every page, whatever the template.

A document whose data has errors must never look ready to sign. The engine, not the
template, puts the mark: :func:`mark_draft` adds a header part with the mark to the
rendered DOCX and makes every section use it on every kind of page (first, even and
the rest); a section that already has a header of its own gets the mark as that
header's first paragraph. A template cannot leave it out.
"""

from __future__ import annotations

from typing import Final

from lxml import etree

from kemitraan.documents._archive import XML_PARSER

__all__ = ["DRAFT_MARK", "DRAFT_MARK_EN", "mark_draft"]

DRAFT_MARK: Final = "DRAF — BELUM UNTUK DITANDATANGANI"
"""The mark, in Indonesian."""
DRAFT_MARK_EN: Final = "DRAFT — NOT FOR SIGNATURE"
"""The mark's English, added in a bilingual document."""

_W: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG: Final = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT: Final = "http://schemas.openxmlformats.org/package/2006/content-types"
_HEADER_TYPE: Final = f"{_R}/header"
_HEADER_CONTENT: Final = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
_PART: Final = "word/kemitraan-draft-header.xml"
_RID: Final = "rIdKemitraanDraft"
_BODY: Final = "word/document.xml"
_RELS: Final = "word/_rels/document.xml.rels"


def _mark_paragraph(text: str) -> etree._Element:
    p = etree.Element(f"{{{_W}}}p")
    ppr = etree.SubElement(p, f"{{{_W}}}pPr")
    etree.SubElement(ppr, f"{{{_W}}}jc").set(f"{{{_W}}}val", "center")
    r = etree.SubElement(p, f"{{{_W}}}r")
    rpr = etree.SubElement(r, f"{{{_W}}}rPr")
    etree.SubElement(rpr, f"{{{_W}}}b")
    etree.SubElement(rpr, f"{{{_W}}}color").set(f"{{{_W}}}val", "C00000")
    etree.SubElement(rpr, f"{{{_W}}}sz").set(f"{{{_W}}}val", "20")
    t = etree.SubElement(r, f"{{{_W}}}t")
    t.text = text
    return p


def _xml(element: etree._Element) -> bytes:
    return bytes(etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True))


def mark_draft(parts: dict[str, bytes], *, bilingual: bool = False) -> dict[str, bytes]:
    """The rendered parts with the draft mark in the header of every page.

    Args:
        parts: Every member of the rendered DOCX, by name.
        bilingual: Add the English mark too.
    """
    text = f"{DRAFT_MARK} / {DRAFT_MARK_EN}" if bilingual else DRAFT_MARK
    parts = dict(parts)
    rels = etree.fromstring(parts[_RELS], XML_PARSER)
    targets = {
        rel.get("Id"): "word/" + str(rel.get("Target", "")).lstrip("/").removeprefix("word/")
        for rel in rels
        if rel.get("Type") == _HEADER_TYPE
    }
    body = etree.fromstring(parts[_BODY], XML_PARSER)
    sections = list(body.iter(f"{{{_W}}}sectPr"))
    if not sections:  # a document without section properties: give it one
        found = body.find(f"{{{_W}}}body")
        assert found is not None  # checked when the template was loaded
        sections = [etree.SubElement(found, f"{{{_W}}}sectPr")]
    headers_marked: set[str] = set()
    uses_own = False
    for section in sections:
        kinds = {
            ref.get(f"{{{_W}}}type", "default"): ref.get(f"{{{_R}}}id")
            for ref in section.findall(f"{{{_W}}}headerReference")
        }
        for kind in ("default", "first", "even"):
            rid = kinds.get(kind)
            part = targets.get(rid) if rid else None
            if part is not None and part in parts:
                headers_marked.add(part)
                continue
            reference = etree.Element(f"{{{_W}}}headerReference")
            reference.set(f"{{{_W}}}type", kind)
            reference.set(f"{{{_R}}}id", _RID)
            section.insert(0, reference)
            uses_own = True
    for part in sorted(headers_marked):
        header = etree.fromstring(parts[part], XML_PARSER)
        header.insert(0, _mark_paragraph(text))
        parts[part] = _xml(header)
    if uses_own:
        header = etree.Element(f"{{{_W}}}hdr", nsmap={"w": _W, "r": _R})
        header.append(_mark_paragraph(text))
        parts[_PART] = _xml(header)
        relation = etree.SubElement(rels, f"{{{_PKG}}}Relationship")
        relation.set("Id", _RID)
        relation.set("Type", _HEADER_TYPE)
        relation.set("Target", _PART.removeprefix("word/"))
        parts[_RELS] = _xml(rels)
        types = etree.fromstring(parts["[Content_Types].xml"], XML_PARSER)
        override = etree.SubElement(types, f"{{{_CT}}}Override")
        override.set("PartName", f"/{_PART}")
        override.set("ContentType", _HEADER_CONTENT)
        parts["[Content_Types].xml"] = _xml(types)
    parts[_BODY] = _xml(body)
    return parts
