"""Reading generated documents back with python-docx."""

from __future__ import annotations

import io

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph


def lines(data: bytes) -> list[str]:
    """Every paragraph's text, in document order, table cells included (each once)."""
    document = docx.Document(io.BytesIO(data))
    out: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(Paragraph(child, document).text)
        elif tag == "tbl":
            table = Table(child, document)
            for row in table.rows:
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    out.extend(p.text for p in cell.paragraphs)
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
