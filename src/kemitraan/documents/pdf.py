"""Optional PDF conversion through LibreOffice, when it is installed.

``to_pdf(..., archive=True)`` writes PDF/A-2b, the archival PDF (ISO 19005-2): fonts
embedded, no external content, metadata in XMP. It needs LibreOffice 7.4 or later
(which takes export options as JSON); the result is checked for its PDF/A mark.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from functools import partial
from pathlib import Path

from kemitraan._error_texts import clip
from kemitraan.conventions import number_text
from kemitraan.documents._render import write_atomically
from kemitraan.exceptions import (
    ConversionFailedError,
    ConverterNotFoundError,
    DocumentNotFoundError,
)

__all__ = ["find_converter", "to_pdf"]

_PROGRAMS = ("soffice", "libreoffice")
# PDF/A-2b: LibreOffice's SelectPdfVersion 2 (its export options as JSON, from 7.4 on)
_PDF_A = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
_PDF_A_MARK = b"<pdfaid:part>2</pdfaid:part>"


def find_converter() -> str | None:
    """The path of LibreOffice's ``soffice`` (or ``libreoffice``), or ``None``."""
    for program in _PROGRAMS:
        found = shutil.which(program)
        if found is not None:
            return found
    return None


def to_pdf(
    docx: str | os.PathLike[str],
    pdf: str | os.PathLike[str] | None = None,
    *,
    timeout: float = 300,
    archive: bool = False,
) -> Path:
    """Convert a DOCX to PDF with LibreOffice (``soffice --headless --convert-to pdf``).

    Args:
        docx: The document to convert.
        pdf: Where to write the PDF; by default beside the DOCX, with ``.pdf``.
        timeout: Seconds to wait for LibreOffice.
        archive: Write PDF/A-2b, for archiving a signed agreement.

    Returns:
        The PDF's path, written atomically.

    Raises:
        ConverterNotFoundError: LibreOffice is not installed (names the program).
        ConversionFailedError: LibreOffice failed or produced nothing, or (with
            ``archive``) wrote a PDF that is not PDF/A (LibreOffice older than 7.4).
        DocumentNotFoundError: ``docx`` does not exist (a ``FileNotFoundError``).

    >>> to_pdf("tidak-ada.docx")
    Traceback (most recent call last):
    ...
    kemitraan.exceptions.DocumentNotFoundError: dokumen tidak-ada.docx tidak ada
    """
    source = Path(docx)
    if not source.is_file():
        raise DocumentNotFoundError(str(source))
    program = find_converter()
    if program is None:
        raise ConverterNotFoundError(_PROGRAMS[0])
    target = Path(pdf) if pdf is not None else source.with_suffix(".pdf")
    with tempfile.TemporaryDirectory(prefix="kemitraan-pdf-") as work:
        profile = Path(work, "profile").as_uri()
        command = [
            program,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            _PDF_A if archive else "pdf",
            "--outdir",
            work,
            str(source),
        ]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=timeout, check=False
            )
        except subprocess.TimeoutExpired as exc:
            raise ConversionFailedError.saying(
                "LibreOffice did not finish converting {document} within {seconds} seconds",
                document=source.name,
                seconds=partial(number_text, timeout),
            ) from exc
        produced = Path(work, source.with_suffix(".pdf").name)
        if done.returncode != 0 or not produced.is_file():
            output = (done.stdout + done.stderr).strip()
            raise ConversionFailedError.saying(
                "LibreOffice could not convert {document} (exit code {code}): '{printed}'",
                document=source.name,
                code=done.returncode,
                output=output,
                printed=clip(output, 300),
            )
        data = produced.read_bytes()
        if archive and _PDF_A_MARK not in data:
            raise ConversionFailedError.saying(
                "LibreOffice wrote {document} as PDF, not PDF/A (PDF/A export needs "
                "LibreOffice 7.4 or later)",
                document=source.name,
                output=(done.stdout + done.stderr).strip(),
            )
        return write_atomically(target, data)
