"""Build the bundled DOCX templates of every registered kind of document with python-docx.

The templates are docxtpl (Jinja) documents: every word a document says comes from
the context its kind builds (``kemitraan.documents``); the template only lays it out
in the conventional Indonesian order and look. The kinds come from the documents'
registry (``BUILT_IN``); each names the layout drawn here (``LAYOUTS``).
Run this script after changing a layout, then review and commit the templates:

    python tools/build_templates.py

The output is byte-for-byte reproducible (fixed timestamps and properties), so a
template that changes in git changed on purpose.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.run import CT_R
from docx.section import _Footer
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from kemitraan.documents import DocumentKind, document_kind
from kemitraan.documents._registry import BUILT_IN

TEMPLATES = Path(__file__).resolve().parent.parent / "src" / "kemitraan" / "documents" / "templates"
FIXED_TIME = datetime(2025, 1, 1, 0, 0, 0)
FONT = "Times New Roman"


def _paragraph(
    where: object,
    text: str = "",
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    align: WD_ALIGN_PARAGRAPH | None = None,
    size: float | None = None,
    left: float = 0,
    hanging: float = 0,
    tabs: tuple[float, ...] = (),
    keep_next: bool = False,
    after: float = 4,
    english: bool = False,
) -> Paragraph:
    paragraph: Paragraph = where.add_paragraph()  # type: ignore[attr-defined]  # document or cell
    fmt = paragraph.paragraph_format
    fmt.space_after = Pt(after)
    fmt.space_before = Pt(0)
    if align is not None:
        paragraph.alignment = align
    if left or hanging:
        fmt.left_indent = Cm(left)
        fmt.first_line_indent = Cm(-hanging)
    for stop in tabs:
        fmt.tab_stops.add_tab_stop(Cm(stop))
    fmt.keep_with_next = keep_next
    if text:
        run = paragraph.add_run(text)
        run.bold = bold
        run.italic = italic
        run.underline = underline
        if size is not None:
            run.font.size = Pt(size)
        if english:
            _english(run)
        _preserve(run)
    return paragraph


def _english(run: object) -> None:
    """Mark ``run`` as English, so a spelling checker reads it as English (the rest is id-ID)."""
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-US")
    run._r.get_or_add_rPr().append(lang)  # type: ignore[attr-defined]  # python-docx internals


def _preserve(run: object) -> None:
    for t in run._r.findall(qn("w:t")):  # type: ignore[attr-defined]  # python-docx run internals
        t.set(qn("xml:space"), "preserve")


def _tag(where: object, tag: str) -> None:
    """A paragraph that holds only a docxtpl paragraph tag ({%p … %})."""
    _paragraph(where, tag, after=0)


def _no_borders(table: Table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "nil")
        borders.append(edge)
    tbl_pr.append(borders)


def _full_width(table: Table) -> None:
    tbl_pr = table._tbl.tblPr
    width = tbl_pr.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        tbl_pr.append(width)
    width.set(qn("w:type"), "pct")
    width.set(qn("w:w"), "5000")
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "autofit")
    tbl_pr.append(layout)


def _footer(document: DocumentObject, *, paraf: bool = True) -> None:
    """Every page's footer: a paraf box per party, the verification code, the page number."""
    footer = document.sections[0].footer
    if paraf:
        _paraf(footer)
    code = footer.add_paragraph()
    code.alignment = WD_ALIGN_PARAGRAPH.CENTER
    code.paragraph_format.space_before = Pt(3)
    small = code.add_run("Kode verifikasi {{ verification_code }} · Halaman ")
    small.font.size = Pt(8)
    _preserve(small)
    _field(code, "PAGE")
    of = code.add_run(" dari ")
    of.font.size = Pt(8)
    _preserve(of)
    _field(code, "NUMPAGES")
    footer.paragraphs[0]._p.getparent().remove(footer.paragraphs[0]._p)


def _paraf(footer: _Footer) -> None:
    """A paraf box per party (a table in the footer)."""
    table = footer.add_table(rows=1, cols=4, width=Cm(16))
    table.alignment = WD_TABLE_ALIGNMENT.RIGHT
    cells = table.rows[0].cells
    cells[0].paragraphs[0].add_run("Paraf:").font.size = Pt(7)
    cells[1].paragraphs[0].add_run("{%tc for label in paraf %}")
    cells[3].paragraphs[0].add_run("{%tc endfor %}")
    box = cells[2]
    box.width = Cm(2.2)
    tc_pr = box._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), "4")
        edge.set(qn("w:color"), "808080")
        borders.append(edge)
    tc_pr.append(borders)
    label = box.paragraphs[0].add_run("{{ label }}")
    label.font.size = Pt(6)
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    height = OxmlElement("w:trHeight")
    height.set(qn("w:val"), str(int(Cm(0.9).twips)))
    height.set(qn("w:hRule"), "atLeast")
    tr_pr.append(height)


def _field(paragraph: Paragraph, instruction: str, size: float = 8) -> None:
    """A Word field (``PAGE``, ``NUMPAGES``) in the footer's size.

    Every run of it is sized and it has a result run, so that Word and LibreOffice print
    the number as small as the text around it.
    """

    def sized() -> CT_R:
        run = paragraph.add_run()
        run.font.size = Pt(size)
        return run._r

    for kind in ("begin", "instr", "separate", "result", "end"):
        r = sized()
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {instruction} "
            r.append(instr)
        elif kind == "result":
            text = OxmlElement("w:t")
            text.text = "1"
            r.append(text)
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            r.append(char)


def _indonesian_body(document: DocumentObject) -> None:
    center = WD_ALIGN_PARAGRAPH.CENTER
    justify = WD_ALIGN_PARAGRAPH.JUSTIFY
    _paragraph(document, "{{ title }}", bold=True, align=center, size=14, after=2)
    _tag(document, "{%p if subtitle %}")
    _paragraph(document, "{{ subtitle }}", bold=True, align=center, after=2)
    _tag(document, "{%p endif %}")
    _paragraph(document, "ANTARA", bold=True, align=center, after=2)
    _tag(document, "{%p for line in title_parties %}")
    _paragraph(document, "{{ line.text }}", bold=True, align=center, after=2)
    _tag(document, "{%p endfor %}")
    _paragraph(document, "TENTANG", bold=True, align=center, after=2)
    _paragraph(document, "{{ about }}", bold=True, align=center, after=10)
    _tag(document, "{%p for n in numbers %}")
    _paragraph(document, "NOMOR: {{ n.number }}", align=center, after=0)
    _tag(document, "{%p endfor %}")
    _paragraph(document, "", after=6)
    _paragraph(document, "{{ opening }}", align=justify)

    tabs = (0.75, 3.5, 4.0)
    _tag(document, "{%p for p in parties %}")
    _paragraph(
        document, "{{ p.index }}.\tNama\t:\t{{ p.name }}", tabs=tabs, left=4.0, hanging=4.0, after=0
    )
    _paragraph(
        document, "\tJabatan\t:\t{{ p.position }}", tabs=tabs, left=4.0, hanging=4.0, after=0
    )
    _tag(document, "{%p if p.nip %}")
    _paragraph(document, "\tNIP\t:\t{{ p.nip }}", tabs=tabs, left=4.0, hanging=4.0, after=0)
    _tag(document, "{%p endif %}")
    _tag(document, "{%p if p.nik %}")
    _paragraph(document, "\tNIK\t:\t{{ p.nik }}", tabs=tabs, left=4.0, hanging=4.0, after=0)
    _tag(document, "{%p endif %}")
    _tag(document, "{%p if p.rank %}")
    _paragraph(
        document, "\tPangkat/Gol.\t:\t{{ p.rank }}", tabs=tabs, left=4.0, hanging=4.0, after=0
    )
    _tag(document, "{%p endif %}")
    _tag(document, "{%p if p.address %}")
    _paragraph(document, "\tAlamat\t:\t{{ p.address }}", tabs=tabs, left=4.0, hanging=4.0, after=2)
    _tag(document, "{%p endif %}")
    _paragraph(document, "{{ p.acting }}", align=justify, left=0.75)
    _tag(document, "{%p endfor %}")

    _paragraph(document, "{{ para_pihak }}", align=justify)
    _tag(document, "{%p if considerations %}")
    _paragraph(document, "{{ considerations_intro }}", align=justify, keep_next=True)
    _tag(document, "{%p endif %}")
    _tag(document, "{%p for c in considerations %}")
    for condition, keep in (("not loop.last", True), ("true", False)):
        _tag(document, "{%p if " + condition + " %}" if keep else "{%p else %}")
        _paragraph(
            document,
            "{{ c.letter }}.\t{{ c.text }}",
            align=justify,
            left=0.75,
            hanging=0.75,
            tabs=(0.75,),
            after=2,
            keep_next=keep,
        )
    _tag(document, "{%p endif %}")
    _tag(document, "{%p endfor %}")
    _paragraph(document, "{{ binding }}", align=justify, after=8)

    _tag(document, "{%p for a in articles %}")
    _paragraph(document, "{{ a.heading }}", bold=True, align=center, keep_next=True, after=0)
    _paragraph(document, "{{ a.title }}", bold=True, align=center, keep_next=True)
    _tag(document, "{%p for para in a.paragraphs %}")
    # A paragraph that introduces points or quoted lines stays with them; so do the
    # points, up to the last (a lettered list is not split from its sentence).
    for condition, keep in (("para.points or para.quoted", True), ("true", False)):
        _tag(document, "{%p if " + condition + " %}" if keep else "{%p else %}")
        _tag(document, "{%p if para.num %}")
        _paragraph(
            document,
            "{{ para.num }}\t{{ para.text }}",
            align=justify,
            left=0.9,
            hanging=0.9,
            tabs=(0.9,),
            after=2,
            keep_next=keep,
        )
        _tag(document, "{%p else %}")
        _paragraph(document, "{{ para.text }}", align=justify, after=2, keep_next=keep)
        _tag(document, "{%p endif %}")
    _tag(document, "{%p endif %}")
    _tag(document, "{%p for item in para.points %}")
    for condition, keep in (("not item.last", True), ("true", False)):
        _tag(document, "{%p if " + condition + " %}" if keep else "{%p else %}")
        _paragraph(
            document,
            "{{ item.letter }}.\t{{ item.text }}",
            align=justify,
            left=1.6,
            hanging=0.7,
            tabs=(1.6,),
            after=1,
            keep_next=keep,
        )
    _tag(document, "{%p endif %}")
    _tag(document, "{%p endfor %}")
    _quoted_lines(document)
    _tag(document, "{%p endfor %}")
    _paragraph(document, "", after=4)
    _tag(document, "{%p endfor %}")
    _paragraph(document, "{{ closing }}", align=justify, after=12, keep_next=True)


def _quoted_lines(document: DocumentObject) -> None:
    """An addendum's quoted lines: the amended article's heading, title, paragraphs, points."""
    center = WD_ALIGN_PARAGRAPH.CENTER
    justify = WD_ALIGN_PARAGRAPH.JUSTIFY
    _tag(document, "{%p for q in para.quoted %}")
    _tag(document, "{%p if q.kind == 'heading' or q.kind == 'title' %}")
    _paragraph(document, "{{ q.text }}", align=center, left=0.9, keep_next=True, after=0)
    _tag(document, "{%p elif q.kind == 'point' %}")
    _paragraph(
        document,
        "{{ q.num }}\t{{ q.text }}",
        align=justify,
        left=2.5,
        hanging=0.7,
        tabs=(2.5,),
        after=1,
    )
    _tag(document, "{%p elif q.num %}")
    _paragraph(
        document,
        "{{ q.num }}\t{{ q.text }}",
        align=justify,
        left=1.8,
        hanging=0.9,
        tabs=(1.8,),
        after=2,
    )
    _tag(document, "{%p else %}")
    _paragraph(document, "{{ q.text }}", align=justify, left=0.9, after=2)
    _tag(document, "{%p endif %}")
    _tag(document, "{%p endfor %}")


def _bilingual_body(document: DocumentObject) -> None:
    center = WD_ALIGN_PARAGRAPH.CENTER
    justify = WD_ALIGN_PARAGRAPH.JUSTIFY
    _paragraph(document, "{{ title }}", bold=True, align=center, size=14, after=0)
    _paragraph(
        document,
        "{{ title_en }}",
        italic=True,
        bold=True,
        align=center,
        size=12,
        after=2,
        english=True,
    )
    _tag(document, "{%p if subtitle %}")
    _paragraph(document, "{{ subtitle }} / {{ subtitle_en }}", bold=True, align=center, after=2)
    _tag(document, "{%p endif %}")
    _paragraph(document, "ANTARA / BETWEEN", bold=True, align=center, after=2)
    _tag(document, "{%p for line in title_parties %}")
    _paragraph(
        document,
        "{{ line.text }}{% if line.text == 'DAN' %} / AND{% endif %}",
        bold=True,
        align=center,
        after=2,
    )
    _tag(document, "{%p endfor %}")
    _paragraph(document, "TENTANG / ON", bold=True, align=center, after=2)
    _paragraph(document, "{{ about }}", bold=True, align=center, after=0)
    _paragraph(
        document, "{{ about_en }}", bold=True, italic=True, align=center, after=10, english=True
    )
    _tag(document, "{%p for n in numbers %}")
    _paragraph(document, "NOMOR / NUMBER: {{ n.number }}", align=center, after=0)
    _tag(document, "{%p endfor %}")
    _paragraph(document, "", after=6)

    table = document.add_table(rows=13, cols=2)
    _no_borders(table)
    _full_width(table)
    tags = {
        0: "{%tr for r in rows %}",
        1: "{%tr if r.kind == 'heading' %}",
        3: "{%tr elif r.kind == 'item' %}",
        5: "{%tr elif r.kind == 'quote_heading' %}",
        7: "{%tr elif r.kind == 'quote' %}",
        9: "{%tr else %}",
        11: "{%tr endif %}",
        12: "{%tr endfor %}",
    }
    for row, tag in tags.items():
        table.cell(row, 0).paragraphs[0].add_run(tag)
    for row, style in (
        (2, "heading"),
        (4, "item"),
        (6, "quote_heading"),
        (8, "quote"),
        (10, "text"),
    ):
        for col, key in ((0, "r.id"), (1, "r.en")):
            cell = table.cell(row, col)
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.space_after = Pt(3)
            if style in ("heading", "quote_heading"):
                paragraph.alignment = center
                paragraph.paragraph_format.keep_with_next = True
            else:
                paragraph.alignment = justify
            if style == "item":
                paragraph.paragraph_format.left_indent = Cm(0.6)
            if style.startswith("quote"):
                paragraph.paragraph_format.left_indent = Cm(0.8)
            run = paragraph.add_run("{{ " + key + " }}")
            run.bold = style == "heading"
            run.italic = col == 1
            if col == 1:
                _english(run)
            _preserve(run)


def _half_width(cell: _Cell) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    width = tc_pr.find(qn("w:tcW"))
    if width is None:
        width = OxmlElement("w:tcW")
        tc_pr.append(width)
    width.set(qn("w:type"), "pct")
    width.set(qn("w:w"), "2500")


def _signatures(document: DocumentObject) -> None:
    """Signature columns, two parties a row; each line its own table row, so names align."""
    center = WD_ALIGN_PARAGRAPH.CENTER
    lines: list[tuple[str | None, str, dict[str, object]]] = [
        ("{%tr for row in signature_rows %}", "", {}),
        (None, "{{ s.label }},", {"bold": True, "before": 14}),
        ("{%tr if bilingual %}", "", {}),
        (None, "{{ s.label_en }},", {"italic": True}),
        ("{%tr endif %}", "", {}),
        ("{%tr if row.mandates %}", "", {}),
        (None, "{{ s.on_behalf }}", {}),
        ("{%tr endif %}", "", {}),
        (None, "{{ s.position }}", {}),
        ("{%tr if bilingual %}", "", {}),
        (None, "{{ s.position_en }}", {"italic": True}),
        ("{%tr endif %}", "", {}),
        (None, "{{ s.institution }}", {}),
        (None, "{{ s.meterai }}", {"meterai": True}),
        (None, "{{ s.name }}", {"bold": True, "underline": True}),
        (None, "{{ s.nip }}", {}),
        ("{%tr if row.ranks %}", "", {}),
        (None, "{{ s.rank }}", {}),
        ("{%tr endif %}", "", {}),
        ("{%tr endfor %}", "", {}),
    ]
    table = document.add_table(rows=len(lines), cols=3)
    _no_borders(table)
    _full_width(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for index, (tag, text, style) in enumerate(lines):
        row = table.rows[index]
        if tag is not None:
            row.cells[0].paragraphs[0].add_run(tag)
            continue
        row.cells[0].paragraphs[0].add_run("{%tc for s in row.cells %}")
        row.cells[2].paragraphs[0].add_run("{%tc endfor %}")
        cell = row.cells[1]
        _half_width(cell)
        paragraph = cell.paragraphs[0]
        paragraph.alignment = center
        fmt = paragraph.paragraph_format
        fmt.space_after = Pt(float(str(style.get("after", 0))))
        fmt.space_before = Pt(float(str(style.get("before", 0))))
        paragraph.add_run("{% colspan row.span %}")
        if style.get("meterai"):
            _meterai(cell, text)
            fmt.keep_with_next = True
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
            continue
        run = paragraph.add_run(text)
        run.bold = bool(style.get("bold"))
        run.italic = bool(style.get("italic"))
        run.underline = bool(style.get("underline"))
        if text.endswith(("_en }},", "_en }}")):
            _english(run)
        _preserve(run)
        # guide A.7: the page is signed as a whole; keep the signatures together
        fmt.keep_with_next = True
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


METERAI_WIDTH, METERAI_HEIGHT = Cm(4.0), Cm(2.5)
"""A real meterai is about 4 cm by 2.5 cm; the box leaves room for it, and the signature
space around it (3.3 cm in all) for a wet signature made partly on it."""


def _meterai(cell: _Cell, text: str) -> None:
    """The signature space: a box the size of a meterai, with room above and below."""
    first = cell.paragraphs[0]
    first.paragraph_format.space_before = Pt(6)
    first.paragraph_format.space_after = Pt(0)
    # one meterai per original (UU 10/2020): the box only in the column whose signature is
    # made on it; the others keep the same room to sign in
    _tag(cell, "{%p if s.meterai %}")
    box = cell.add_table(rows=1, cols=1)
    box.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl_pr = box._tbl.tblPr
    width = tbl_pr.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        tbl_pr.append(width)
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(int(METERAI_WIDTH.twips)))
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "dashed")
        edge.set(qn("w:sz"), "4")
        edge.set(qn("w:color"), "808080")
        borders.append(edge)
    tbl_pr.append(borders)
    grid = box._tbl.find(qn("w:tblGrid"))
    for col in grid.findall(qn("w:gridCol")):
        col.set(qn("w:w"), str(int(METERAI_WIDTH.twips)))
    row = box.rows[0]
    tr_pr = row._tr.get_or_add_trPr()
    height = OxmlElement("w:trHeight")
    height.set(qn("w:val"), str(int(METERAI_HEIGHT.twips)))
    height.set(qn("w:hRule"), "exact")
    tr_pr.append(height)
    inner = row.cells[0]
    inner.width = METERAI_WIDTH
    tc_pr = inner._tc.get_or_add_tcPr()
    v_align = OxmlElement("w:vAlign")
    v_align.set(qn("w:val"), "center")
    tc_pr.append(v_align)
    paragraph = inner.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(0)
    run = paragraph.add_run(text)
    run.font.size = Pt(8)
    run.font.color.rgb = RGBColor(0x80, 0x80, 0x80)
    _preserve(run)
    cell.paragraphs[-1].add_run("{%p else %}")  # the paragraph Word needs after a table
    room = cell.add_paragraph()
    room.paragraph_format.space_before = Pt(0)
    room.paragraph_format.space_after = Pt(0)
    room.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    room.paragraph_format.line_spacing = METERAI_HEIGHT
    room.paragraph_format.keep_with_next = True
    _tag(cell, "{%p endif %}")
    after = cell.add_paragraph()  # the room below the meterai, before the name
    after.paragraph_format.space_after = Pt(14)
    after.paragraph_format.keep_with_next = True


def _slim(document: DocumentObject) -> None:
    """Drop what python-docx's default template carries but a legal document never uses.

    Its styles (350 KB, mostly latent and table styles nobody applies), a second
    copy of them for Word 2010 (stylesWithEffects, 440 KB), a thumbnail and a
    bibliography part: each render would otherwise compress 0.8 MB for nothing.
    """
    part = document.part
    for r_id, rel in list(part.rels.items()):
        if rel.reltype.endswith(("/stylesWithEffects", "/customXml")):
            part.drop_rel(r_id)
    package_rels = part.package.rels
    for r_id, rel in list(package_rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            package_rels.pop(r_id)

    styles = document.styles.element
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)
    used: set[str] = set()
    xml_parts = [document.element, *(s.footer._element for s in document.sections)]
    for tree in xml_parts:
        for tag in ("w:pStyle", "w:rStyle", "w:tblStyle"):
            used.update(el.get(qn("w:val")) for el in tree.iter(qn(tag)))
    by_id = {st.get(qn("w:styleId")): st for st in styles.iterfind(qn("w:style"))}
    keep = {sid for sid, st in by_id.items() if st.get(qn("w:default")) == "1"} | used
    pending = list(keep)
    while pending:  # styles the kept ones are based on, linked to or followed by
        style = by_id.get(pending.pop())
        if style is None:
            continue
        for tag in ("w:basedOn", "w:link", "w:next"):
            ref = style.find(qn(tag))
            if ref is not None and ref.get(qn("w:val")) not in keep:
                keep.add(ref.get(qn("w:val")))
                pending.append(ref.get(qn("w:val")))
    for sid, style in by_id.items():
        if sid not in keep:
            styles.remove(style)


def _agreement_layout(document: DocumentObject) -> None:
    """MoU, PKS, addendum: the Indonesian or the bilingual body, then the signatures."""
    _tag(document, "{%p if not bilingual %}")
    _indonesian_body(document)
    _tag(document, "{%p else %}")
    _bilingual_body(document)
    _paragraph(document, "{{ closing }}", align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=2, keep_next=True)
    _paragraph(
        document,
        "{{ closing_en }}",
        italic=True,
        align=WD_ALIGN_PARAGRAPH.JUSTIFY,
        after=12,
        keep_next=True,
        english=True,
    )
    _tag(document, "{%p endif %}")
    _signatures(document)
    _annexes(document)


def _consolidated_layout(document: DocumentObject) -> None:
    """A naskah terpadu: the agreement's body as amended, its closing; nothing is signed."""
    # said before anything else: a reader sees at once that this is not a text to sign
    _tag(document, "{%p if notice %}")
    _paragraph(document, "{{ notice }}", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=10)
    _tag(document, "{%p if bilingual %}")
    _paragraph(
        document,
        "{{ notice_en }}",
        bold=True,
        italic=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        size=10,
        english=True,
    )
    _tag(document, "{%p endif %}")
    _tag(document, "{%p endif %}")
    _tag(document, "{%p if not bilingual %}")
    _indonesian_body(document)
    _tag(document, "{%p else %}")
    _bilingual_body(document)
    _paragraph(document, "{{ closing }}", align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=2, keep_next=True)
    _paragraph(
        document,
        "{{ closing_en }}",
        italic=True,
        align=WD_ALIGN_PARAGRAPH.JUSTIFY,
        after=12,
        english=True,
    )
    _tag(document, "{%p endif %}")
    _annexes(document)  # the text cites its Lampiran (a mandate's members): it goes with it


def _annexes(document: DocumentObject) -> None:
    """Each annex on a page of its own: the members of a group who gave its chair a mandate."""
    center = WD_ALIGN_PARAGRAPH.CENTER
    justify = WD_ALIGN_PARAGRAPH.JUSTIFY
    _tag(document, "{%p for a in annexes %}")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _paragraph(document, "{{ a.heading }}", bold=True, align=center, after=0)
    _tag(document, "{%p if bilingual %}")
    _paragraph(
        document, "{{ a.heading_en }}", bold=True, italic=True, align=center, after=0, english=True
    )
    _tag(document, "{%p endif %}")
    _paragraph(document, "{{ a.title }}", bold=True, align=center, after=0)
    _tag(document, "{%p if bilingual %}")
    _paragraph(
        document, "{{ a.title_en }}", bold=True, italic=True, align=center, after=0, english=True
    )
    _tag(document, "{%p endif %}")
    _paragraph(document, "", after=6)
    _paragraph(document, "{{ a.intro }}", align=justify, after=2)
    _tag(document, "{%p if bilingual %}")
    _paragraph(document, "{{ a.intro_en }}", italic=True, align=justify, after=2, english=True)
    _tag(document, "{%p endif %}")
    _table(
        document,
        "m in a.members",
        ["No.", "Nama{% if bilingual %} / Name{% endif %}", "NIK"],
        ["{{ m.number }}", "{{ m.name }}", "{{ m.nik }}"],
        size=11,
        widths=[1.5, 9.0, 5.5],
    )
    _tag(document, "{%p endfor %}")


def _grid(table: Table) -> None:
    """Thin grey borders on every cell: a table people compare across."""
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), "4")
        edge.set(qn("w:color"), "808080")
        borders.append(edge)
    tbl_pr.append(borders)


def _widths(table: Table, widths: list[float]) -> None:
    """Column widths in cm (the grid and every cell), so the wide columns get the room."""
    grid = table._tbl.find(qn("w:tblGrid"))
    for col, width in zip(grid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(int(Cm(width).twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)


def _compact(paragraph: Paragraph, *, keep_next: bool = False) -> None:
    """A table cell's paragraph: no space after it, single-spaced."""
    fmt = paragraph.paragraph_format
    fmt.space_after = Pt(0)
    fmt.space_before = Pt(1)
    fmt.line_spacing = 1.0
    fmt.keep_with_next = keep_next


def _table(
    document: DocumentObject,
    loop: str,
    headers: list[str],
    cells: list[str],
    size: float = 10,
    widths: list[float] | None = None,
) -> None:
    """A table with a header row and one row per item of ``loop`` (``x in xs``).

    The header row repeats on every page and keeps with the first row (its paragraphs
    keep with the next); a row is never split across pages (``cantSplit``). The header
    row itself carries no ``cantSplit``: LibreOffice then drops every row of a table
    whose header lands at the foot of a page (only the header printed).
    """
    table = document.add_table(rows=4, cols=len(headers))
    _grid(table)
    _full_width(table)
    if widths is not None:
        _widths(table, widths)
    for col, header in enumerate(headers):
        paragraph = table.cell(0, col).paragraphs[0]
        _compact(paragraph, keep_next=True)
        run = paragraph.add_run(header)
        run.bold = True
        run.font.size = Pt(size)
        _preserve(run)
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    table.rows[2]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    table.cell(1, 0).paragraphs[0].add_run("{%tr for " + loop + " %}")
    for col, cell in enumerate(cells):
        paragraph = table.cell(2, col).paragraphs[0]
        _compact(paragraph)
        run = paragraph.add_run(cell)
        run.font.size = Pt(size)
        _preserve(run)
    table.cell(3, 0).paragraphs[0].add_run("{%tr endfor %}")
    _paragraph(document, "", after=6)


def _optional_table(
    document: DocumentObject,
    loop: str,
    headers: list[str],
    cells: list[str],
    widths: list[float],
    *,
    empty: str | None = None,
) -> None:
    """:func:`_table` when its list has items; else ``empty`` (or nothing)."""
    items = loop.split(" in ")[1]
    _tag(document, "{%p if " + items + " %}")
    _table(document, loop, headers, cells, widths=widths)
    if empty is not None:
        _tag(document, "{%p else %}")
        _paragraph(document, empty, after=6)
    _tag(document, "{%p endif %}")


def _heading(document: DocumentObject, text: str) -> None:
    _paragraph(document, text, bold=True, keep_next=True, after=4)


def _bullets(document: DocumentObject, title: str, loop: str, *, together: bool = False) -> None:
    """A titled list, or a dash when it is empty; ``together``: kept on one page."""
    _paragraph(document, title, italic=True, keep_next=True, after=2)
    _tag(document, "{%p if " + loop + " %}")
    _tag(document, "{%p for x in " + loop + " %}")
    _paragraph(
        document, "•\t{{ x }}", left=0.9, hanging=0.5, tabs=(0.9,), after=1, keep_next=together
    )
    _tag(document, "{%p endfor %}")
    _tag(document, "{%p else %}")
    _paragraph(document, "–", left=0.9, after=1)
    _tag(document, "{%p endif %}")


def _report_layout(document: DocumentObject) -> None:
    """The monitoring and evaluation report: sections of tables and lists, then the signature."""
    center = WD_ALIGN_PARAGRAPH.CENTER
    for text, size in (("{{ title }}", 14), ("{{ about }}", 12), ("{{ cycle }}", 12)):
        _paragraph(document, text, bold=True, align=center, size=size, after=2)
    _paragraph(document, "{{ institution }}", bold=True, align=center, after=12)
    # the cover: who reports, with its numbers and the year; the report starts overleaf
    _paragraph(document, "", after=120)
    _tag(document, "{%p for line in cover %}")
    _paragraph(document, "{{ line }}", align=center, after=2)
    _tag(document, "{%p endfor %}")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    _heading(document, "PENDAHULUAN")
    _bullets(document, "Dasar hukum:", "legal_basis")
    _bullets(document, "Tujuan monitoring dan evaluasi:", "aims")
    _bullets(document, "Metode:", "method")
    _paragraph(document, "", after=4)
    _heading(document, "A. IDENTITAS KEMITRAAN")
    _table(
        document,
        "r in identity",
        ["Uraian", "Keterangan"],
        ["{{ r.label }}", "{{ r.value }}"],
        widths=[4.0, 12.0],
    )
    _heading(document, "B. RENCANA DAN REALISASI KEGIATAN")
    _table(
        document,
        "a in activities",
        ["No", "Kegiatan", "Penanggung jawab", "Jadwal", "Kemajuan"],
        [
            "{{ a.no }}",
            "{{ a.name }}",
            "{{ a.responsible }}",
            "{{ a.schedule }}",
            "{{ a.progress }}",
        ],
        widths=[1.0, 4.4, 4.5, 4.1, 2.0],
    )
    _paragraph(document, "Anggaran dan realisasi biaya:", italic=True, keep_next=True, after=2)
    _table(
        document,
        "m in money",
        ["No", "Kegiatan", "Anggaran", "Realisasi", "Selisih", "Keterangan"],
        [
            "{{ m.no }}",
            "{{ m.name }}",
            "{{ m.budget }}",
            "{{ m.spent }}",
            "{{ m.difference }}",
            "{{ m.note }}",
        ],
        widths=[1.0, 3.0, 3.1, 3.1, 3.3, 2.5],
    )
    _paragraph(document, "Sumber dana:", italic=True, keep_next=True, after=2)
    _optional_table(
        document,
        "f in funds",
        ["Sumber dana", "Jenis", "Jumlah", "Keperluan", "Dokumen"],
        ["{{ f.source }}", "{{ f.kind }}", "{{ f.amount }}", "{{ f.purpose }}", "{{ f.document }}"],
        [3.6, 2.4, 3.2, 4.0, 2.8],
    )
    _bullets(document, "Rekonsiliasi dana dan realisasi:", "reconciliation")
    _paragraph(document, "", after=4)
    _heading(document, "C. CAPAIAN INDIKATOR")
    _tag(document, "{%p if not indicators %}")
    _paragraph(document, "Rencana kerja tidak memuat indikator.", after=6)
    _tag(document, "{%p endif %}")
    _table(
        document,
        "i in indicators",
        [
            "Indikator",
            "Nilai awal",
            "Target yang disepakati",
            "Target jatuh tempo per tanggal laporan",
            "Capaian terakhir",
            "Status",
        ],
        [
            "{{ i.name }} ({{ i.direction|lower }}; verifikasi: {{ i.verification }})",
            "{{ i.baseline }}",
            "{{ i.target }}",
            "{{ i.expected }}",
            "{{ i.actual }}",
            "{{ i.status }}",
        ],
        widths=[3.8, 2.3, 2.6, 2.6, 2.4, 2.3],
    )
    _paragraph(
        document, "Capaian peserta didik (ukuran keberhasilan PKW)", italic=True, keep_next=True
    )
    _optional_table(
        document,
        "x in learners",
        ["Ukuran", "Jumlah", "Persentase", "Target", "Status"],
        ["{{ x.measure }}", "{{ x.count }}", "{{ x.share }}", "{{ x.target }}", "{{ x.status }}"],
        [7.0, 2.0, 2.4, 2.0, 2.6],
    )
    _paragraph(document, "{{ learners_basis }}", after=8)
    _heading(document, "D. PENYIMPANGAN YANG DITEMUKAN")
    _paragraph(
        document,
        "Pada setiap monitoring dan pada tanggal laporan ({{ date }}):",
        keep_next=True,
        after=4,
    )
    _optional_table(
        document,
        "d in deviations",
        ["Tanggal", "Tingkat", "Jenis", "Uraian", "Bukti", "Pihak terkait"],
        [
            "{{ d.on }}",
            "{{ d.severity }}",
            "{{ d.kind }}",
            "{{ d.message }}",
            "{{ d.evidence }}",
            "{{ d.party }}",
        ],
        [2.1, 1.9, 2.3, 4.6, 2.9, 2.2],
        empty="Tidak ditemukan penyimpangan.",
    )
    _heading(document, "E. KEWAJIBAN PARA PIHAK")
    _table(
        document,
        "o in obligations",
        ["Pihak", "Kewajiban", "Dokumen", "Tenggat", "Status", "Bukti pelaksanaan"],
        [
            "{{ o.party }}",
            "{{ o.text }}",
            "{{ o.document }}",
            "{{ o.due }}",
            "{{ o.state }}",
            "{{ o.evidence }}",
        ],
        widths=[2.7, 3.2, 2.7, 2.2, 2.0, 3.2],
    )
    _heading(document, "F. MASALAH DAN SOLUSI")
    _optional_table(
        document,
        "m in problems",
        ["Tanggal", "Masalah", "Penyebab", "Solusi yang disepakati", "Keadaan"],
        ["{{ m.on }}", "{{ m.problem }}", "{{ m.cause }}", "{{ m.solution }}", "{{ m.state }}"],
        [2.2, 3.8, 3.4, 4.2, 2.4],
        empty="Tidak ada masalah yang dicatat.",
    )
    _heading(document, "G. EVALUASI BERSAMA")
    _bullets(document, "Kegiatan yang berjalan sesuai rencana:", "on_plan")
    _bullets(document, "Kegiatan yang belum berjalan sesuai rencana:", "off_plan")
    _tag(document, "{%p if objectives %}")
    _paragraph(
        document,
        "Tujuan dan data yang mendukung penilaiannya:",
        italic=True,
        keep_next=True,
        after=2,
    )
    _table(
        document,
        "o in objectives",
        ["Tujuan", "Indikator dan capaiannya", "Yang ditunjukkan data"],
        ["{{ o.objective }}", "{{ o.data }}", "{{ o.conclusion }}"],
        widths=[4.6, 7.0, 4.4],
    )
    _tag(document, "{%p endif %}")
    _bullets(document, "Masalah atau kelemahan yang menghambat dan penyebabnya:", "obstacles")
    _tag(document, "{%p if scored %}")
    _paragraph(
        document,
        "Penilaian kesehatan kemitraan oleh setiap pihak (1 kurang – 5 baik):",
        italic=True,
        keep_next=True,
        after=2,
    )
    table = document.add_table(rows=4, cols=4)
    _grid(table)
    _full_width(table)
    header = table.rows[0].cells
    header[0].paragraphs[0].add_run("Aspek").bold = True
    header[1].paragraphs[0].add_run("{%tc for v in voters %}")
    header[2].paragraphs[0].add_run("{{ v }}").bold = True
    header[3].paragraphs[0].add_run("{%tc endfor %}")
    table.cell(1, 0).paragraphs[0].add_run("{%tr for s in scored %}")
    row = table.rows[2].cells
    row[0].paragraphs[0].add_run("{{ s.item }}")
    row[1].paragraphs[0].add_run("{%tc for score in s.scores %}")
    row[2].paragraphs[0].add_run("{{ score }}")
    row[3].paragraphs[0].add_run("{%tc endfor %}")
    table.cell(3, 0).paragraphs[0].add_run("{%tr endfor %}")
    for r in table.rows:
        for c in r.cells:
            _compact(c.paragraphs[0], keep_next=r is table.rows[0])
            for run in c.paragraphs[0].runs:
                run.font.size = Pt(10)
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    table.rows[2]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    _paragraph(document, "", after=6)
    _tag(document, "{%p endif %}")
    _tag(document, "{%p if divergences %}")
    _paragraph(
        document,
        "Perbedaan pandangan yang perlu dibahas lebih dahulu:",
        italic=True,
        keep_next=True,
        after=2,
    )
    _table(
        document,
        "d in divergences",
        ["Aspek", "Selisih nilai", "Penilaian terendah", "Catatan para pihak"],
        ["{{ d.item }}", "{{ d.spread }}", "{{ d.lowest }}", "{{ d.comments }}"],
        widths=[4.2, 1.8, 4.4, 5.6],
    )
    _tag(document, "{%p endif %}")
    _heading(document, "H. PERBAIKAN DAN KEPUTUSAN")
    _optional_table(
        document,
        "a in actions",
        ["Tindakan perbaikan", "Penanggung jawab", "Masalah yang ditangani", "Tenggat"],
        ["{{ a.action }}", "{{ a.owner }}", "{{ a.addresses }}", "{{ a.due }}"],
        [5.0, 3.6, 5.0, 2.4],
    )
    _paragraph(document, "{{ decision }}", after=8)
    _heading(document, "I. RENCANA TINDAK LANJUT")
    _bullets(document, "Pelajaran dari evaluasi dan refleksi:", "lessons")
    _bullets(document, "Dibawa ke tahun berikutnya:", "carried")
    _bullets(document, "Kegiatan tahun berikutnya:", "next_activities")
    _heading(document, "J. KESIMPULAN DAN REKOMENDASI")
    _bullets(document, "Kesimpulan:", "conclusions")
    _bullets(document, "Rekomendasi (sebagaimana diputuskan PARA PIHAK):", "recommendations")
    _paragraph(document, "", after=12)
    _report_signatures(document)
    _bullets(document, "Lampiran:", "annexes", together=True)  # no item left on a page alone


def _report_signatures(document: DocumentObject) -> None:
    """The signatures: the facilitator's, the head's, and the Dinas officer's endorsement.

    Prepared by the facilitator, approved by the head of the institution, and below them
    *Mengetahui* the Dinas officer with the NIP: one block that stays on one page.
    """
    center = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph(document, "PENGESAHAN", bold=True, align=center, keep_next=True, after=8)
    table = document.add_table(rows=1, cols=2)
    _no_borders(table)
    _full_width(table)
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    columns = (
        ("", "Disusun oleh,", "{{ preparer_position }}", "{{ preparer }}"),
        ("{{ place }}, {{ date }}", "Disetujui oleh,", "{{ signer_position }}", "{{ signer }}"),
    )
    for cell, (dated, verb, position, name) in zip(table.rows[0].cells, columns, strict=True):
        first = cell.paragraphs[0]
        first.alignment = center
        first.paragraph_format.keep_with_next = True
        if dated:
            _preserve(first.add_run(dated))
        _paragraph(cell, verb, align=center, keep_next=True, after=0)
        _paragraph(cell, position, align=center, keep_next=True, after=48)
        _paragraph(cell, name, bold=True, underline=True, align=center, keep_next=True)
    _paragraph(document, "", keep_next=True, after=8)
    _paragraph(document, "Mengetahui,", align=center, keep_next=True, after=0)
    _paragraph(document, "{{ endorser_position }}", align=center, keep_next=True, after=48)
    _paragraph(document, "{{ endorser }}", bold=True, underline=True, align=center, keep_next=True)
    _tag(document, "{%p if endorser_nip %}")
    _paragraph(document, "{{ endorser_nip }}", align=center, keep_next=True, after=0)
    _tag(document, "{%p endif %}")
    _tag(document, "{%p if endorser_rank %}")
    _paragraph(document, "{{ endorser_rank }}", align=center, after=0)
    _tag(document, "{%p endif %}")


def _centered_titles(document: DocumentObject, lines: tuple[str, ...]) -> None:
    """The centred, bold title lines of a berita acara, daftar hadir or checklist."""
    for no, text in enumerate(lines):
        _paragraph(
            document,
            text,
            bold=True,
            align=WD_ALIGN_PARAGRAPH.CENTER,
            size=14 if no == 0 else 12,
            after=2,
        )


def _signature_pairs(document: DocumentObject) -> None:
    """Two signature columns a row, a pair of parties present at a time.

    Each line is a table row of its own, so the two names stand on one line however many
    lines a position takes; a pair is kept on one page.
    """
    center = WD_ALIGN_PARAGRAPH.CENTER
    lines: list[tuple[str | None, str, dict[str, object]]] = [
        ("{%tr for s in signatures %}", "", {}),
        (None, "_label", {"bold": True}),
        (None, "_party", {}),
        (None, "_position", {"after": 48}),
        (None, "_name", {"bold": True, "underline": True}),
        ("{%tr if s.left_nip or s.right_nip %}", "", {}),
        (None, "_nip", {}),
        ("{%tr endif %}", "", {}),
        ("{%tr if s.left_rank or s.right_rank %}", "", {}),
        (None, "_rank", {}),
        ("{%tr endif %}", "", {}),
        (None, "", {"after": 12}),  # room before the next pair
        ("{%tr endfor %}", "", {}),
    ]
    table = document.add_table(rows=len(lines), cols=2)
    _no_borders(table)
    _full_width(table)
    for index, (tag, field, style) in enumerate(lines):
        row = table.rows[index]
        if tag is not None:
            row.cells[0].paragraphs[0].add_run(tag)
            continue
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for cell, side in zip(row.cells, ("left", "right"), strict=True):
            paragraph = cell.paragraphs[0]
            paragraph.alignment = center
            fmt = paragraph.paragraph_format
            fmt.space_before = Pt(0)
            fmt.space_after = Pt(float(str(style.get("after", 0))))
            fmt.keep_with_next = field != ""  # the pair's last line may end a page
            if not field:
                continue
            run = paragraph.add_run("{{ s." + side + field + " }}")
            run.bold = bool(style.get("bold"))
            run.underline = bool(style.get("underline"))
            _preserve(run)


def _minutes_layout(document: DocumentObject) -> None:
    """A berita acara: title and number, the opening, who came, what was discussed, closing."""
    justify = WD_ALIGN_PARAGRAPH.JUSTIFY
    _centered_titles(document, ("{{ title }}", "{{ about }}", "{{ program }}"))
    _tag(document, "{%p if number %}")
    _paragraph(document, "{{ number }}", align=WD_ALIGN_PARAGRAPH.CENTER, after=2)
    _tag(document, "{%p endif %}")
    _paragraph(document, "", after=6)
    _paragraph(document, "{{ opening }}", align=justify, after=4)
    _tag(document, "{%p for a in attendees %}")
    _paragraph(
        document,
        "{{ a.no }}\t{{ a.party }}{% if a.person %}, {{ a.person }}{% endif %}",
        left=1.0,
        hanging=0.6,
        tabs=(1.0,),
        after=1,
    )
    _tag(document, "{%p endfor %}")
    _paragraph(document, "", after=2)
    _paragraph(
        document, "Dalam pertemuan tersebut dibahas dan disepakati hal-hal sebagai berikut:",
        align=justify, keep_next=True, after=4,
    )  # fmt: skip
    _tag(document, "{%p for s in sections %}")
    _paragraph(document, "{{ s.heading }}:", bold=True, keep_next=True, after=1)
    _tag(document, "{%p for x in s.points %}")
    _paragraph(document, "•\t{{ x }}", align=justify, left=0.9, hanging=0.5, tabs=(0.9,), after=1)
    _tag(document, "{%p endfor %}")
    _paragraph(document, "", after=2)
    _tag(document, "{%p endfor %}")
    _tag(document, "{%p if attachments %}")
    _paragraph(document, "{{ attachments }}", italic=True, after=4)
    _tag(document, "{%p endif %}")
    _paragraph(document, "{{ closing }}", align=justify, keep_next=True, after=10)
    _paragraph(
        document, "{{ place }}, {{ date }}", align=WD_ALIGN_PARAGRAPH.RIGHT, keep_next=True,
        after=8,
    )  # fmt: skip
    _signature_pairs(document)


def _attendance_layout(document: DocumentObject) -> None:
    """A daftar hadir: the meeting, its day and place, a table to sign on paper."""
    _centered_titles(document, ("{{ title }}", "{{ meeting }}", "{{ program }}"))
    _paragraph(document, "", after=6)
    details = document.add_table(rows=3, cols=3)
    _no_borders(details)
    _widths(details, [3.5, 0.5, 12.0])
    for row, (label, value) in enumerate(
        (
            ("Hari/Tanggal", "{{ day }}, {{ date }}"),
            ("Waktu", "{{ time }}"),
            ("Tempat", "{{ place }}"),
        )
    ):
        for col, text in enumerate((label, ":", value)):
            paragraph = details.cell(row, col).paragraphs[0]
            _compact(paragraph)
            _preserve(paragraph.add_run(text))
    _paragraph(document, "", after=6)
    _table(
        document,
        "r in rows",
        ["No", "Nama", "Lembaga/Instansi", "Jabatan", "Tanda Tangan"],
        ["{{ r.no }}", "{{ r.name }}", "{{ r.institution }}", "{{ r.position }}", ""],
        size=11,
        widths=[1.0, 4.0, 4.0, 3.6, 3.4],
    )
    rows = document.tables[-1].rows
    height = OxmlElement("w:trHeight")  # room to sign on paper
    height.set(qn("w:val"), str(int(Cm(1.1).twips)))
    height.set(qn("w:hRule"), "atLeast")
    rows[2]._tr.get_or_add_trPr().append(height)
    _signed_on_the_right(document, above="Mengetahui,", place="{{ signed_in }}")


def _checklist_layout(document: DocumentObject) -> None:
    """The six techniques' checklists: per technique a table of items with a box to tick."""
    _centered_titles(document, ("{{ title }}", "{{ partner }}", "{{ program }}"))
    _paragraph(
        document, "Keadaan per {{ date }}: {{ done }}.", italic=True,
        align=WD_ALIGN_PARAGRAPH.CENTER, after=10,
    )  # fmt: skip
    _tag(document, "{%p for t in techniques %}")
    _heading(document, "{{ t.no }}. {{ t.title }}")
    _table(
        document,
        "i in t.rows",
        ["No", "Cek", "Butir", "Tanggal dan catatan"],
        ["{{ i.no }}", "{{ i.box }}", "{{ i.text }}", "{{ i.note }}"],
        size=11,
        widths=[1.0, 1.1, 9.4, 4.5],
    )
    _tag(document, "{%p endfor %}")
    _signed_on_the_right(document)


def _rekapitulasi_layout(document: DocumentObject) -> None:
    """A Dinas's recapitulation: a landscape page, a row per regency, the office's signature."""
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(1.75)
    _centered_titles(document, ("{{ title }}", "{{ issuer }}"))
    _paragraph(
        document, "Keadaan per {{ date }}", italic=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=10
    )
    _table(
        document,
        "r in rows",
        [
            "No", "Kabupaten/Kota", "Kemitraan", "Berjalan", "MoU ditandatangani",
            "Perlu diperpanjang", "Program PKW", "PKW tanpa lembaga pembiayaan",
            "PKW tanpa platform digital", "Peserta didik PKW", "Memulai usaha (target 75%)",
            "Berpenghasilan ≥ UMK (target 30%)",
        ],
        [
            "{{ r.no }}", "{{ r.regency }}", "{{ r.partnerships }}", "{{ r.running }}",
            "{{ r.mou_signed }}", "{{ r.renewals_due }}", "{{ r.pkw }}",
            "{{ r.without_financing }}", "{{ r.without_platform }}", "{{ r.learners }}",
            "{{ r.business }}", "{{ r.wage }}",
        ],
        widths=[0.9, 3.0, 2.4, 1.9, 2.9, 2.5, 2.0, 2.3, 1.8, 1.7, 2.0, 2.8],
    )  # fmt: skip
    _signed_on_the_right(document, nip=True)


def _signed_on_the_right(
    document: DocumentObject,
    *,
    above: str | None = None,
    nip: bool = False,
    place: str = "{{ place }}",
) -> None:
    """One signature in the right half: place and date, position, name (and NIP), unsplit."""
    center = WD_ALIGN_PARAGRAPH.CENTER
    table = document.add_table(rows=1, cols=2)
    _no_borders(table)
    _full_width(table)
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    cell = table.rows[0].cells[1]
    first = cell.paragraphs[0]
    first.alignment = center
    _preserve(first.add_run(place + ", {{ date }}"))
    if above is not None:
        _paragraph(cell, above, align=center, keep_next=True, after=0)
    _paragraph(cell, "{{ signer_position }}", align=center, keep_next=True, after=48)
    if nip:
        _paragraph(cell, "{{ signer }}", bold=True, underline=True, align=center, after=0)
        _paragraph(cell, "{{ signer_nip }}", align=center)
    else:
        _paragraph(cell, "{{ signer }}", bold=True, underline=True, align=center)


LAYOUTS: dict[str, Callable[[DocumentObject], None]] = {
    "agreement": _agreement_layout,
    "consolidated": _consolidated_layout,
    "report": _report_layout,
    "minutes": _minutes_layout,
    "attendance": _attendance_layout,
    "checklist": _checklist_layout,
    "rekapitulasi": _rekapitulasi_layout,
}
"""The layouts a kind of document can name, by name."""


def build(kind: str | DocumentKind) -> bytes:
    """One kind's template, as reproducible DOCX bytes."""
    chosen = document_kind(kind) if isinstance(kind, str) else kind
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.0)
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(12)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    style.paragraph_format.line_spacing = 1.15
    # Every document is in Indonesian (a bilingual agreement marks its English runs): a
    # spelling checker then reads it as such, instead of flagging every word as English.
    defaults = document.styles.element.find(qn("w:docDefaults"))
    for lang in defaults.iter(qn("w:lang")):
        lang.set(qn("w:val"), "id-ID")

    # A draft is marked by the engine, in the header of every page (documents._draftmark).
    LAYOUTS[chosen.layout](document)
    if chosen.layout in ("agreement", "consolidated"):
        _footer(document, paraf=chosen.layout == "agreement")
    else:
        footer = document.sections[0].footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        small = footer.add_run("{{ title }} · Halaman ")
        small.font.size = Pt(8)
        _preserve(small)
        _field(footer, "PAGE")
        of = footer.add_run(" dari ")
        of.font.size = Pt(8)
        _preserve(of)
        _field(footer, "NUMPAGES")
        if chosen.layout == "report":  # the cover carries no footer
            document.sections[0].different_first_page_header_footer = True

    _slim(document)
    props = document.core_properties
    props.title = chosen.title.indonesian
    props.author = "kemitraan"
    props.language = "id-ID"
    props.last_modified_by = "kemitraan"
    props.comments = "Template built by tools/build_templates.py; rendered with docxtpl."
    props.created = props.modified = FIXED_TIME
    props.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return _reproducible(buffer.getvalue())


def _reproducible(data: bytes) -> bytes:
    """Rewrite the zip with fixed timestamps, so the same layout gives the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def main() -> None:
    """Write every built-in kind's template into the package."""
    TEMPLATES.mkdir(parents=True, exist_ok=True)
    for kind in map(document_kind, BUILT_IN):
        path = TEMPLATES / kind.template
        path.write_bytes(build(kind))
        print(f"wrote {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}")


if __name__ == "__main__":
    main()
