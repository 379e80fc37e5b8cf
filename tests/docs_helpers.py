"""Reading generated documents back with python-docx."""

from __future__ import annotations

import io

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph


def _block(element: object, parent: object, out: list[str]) -> None:
    """The text of a body or a cell: its paragraphs, and its tables' cells (each once)."""
    for child in element.iterchildren():  # type: ignore[attr-defined]
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(Paragraph(child, parent).text)  # type: ignore[arg-type]
        elif tag == "tbl":
            table = Table(child, parent)  # type: ignore[arg-type]
            for row in table.rows:
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    _block(cell._tc, cell, out)


def lines(data: bytes) -> list[str]:
    """Every paragraph's text, in document order, table cells (and tables in them) included."""
    document = docx.Document(io.BytesIO(data))
    out: list[str] = []
    _block(document.element.body, document, out)
    return out


def footers(data: bytes) -> list[str]:
    """The text of every section's footer, its tables included."""
    document = docx.Document(io.BytesIO(data))
    out: list[str] = []
    for section in document.sections:
        _block(section.footer._element, section.footer, out)
    return out


def text(data: bytes) -> str:
    return "\n".join(lines(data))


def headers(data: bytes) -> list[list[str]]:
    """Per section, the text of each header a page can show (default, first, even)."""
    document = docx.Document(io.BytesIO(data))
    return [
        [
            "\n".join(p.text for p in header.paragraphs)
            for header in (section.header, section.first_page_header, section.even_page_header)
        ]
        for section in document.sections
    ]


def user_template(*paragraphs: str) -> bytes:
    """A DOCX whose body is ``paragraphs`` (python-docx's default document around them)."""
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
