"""Rewrite the generated parts of the docs from the code.

The lifecycle diagram and requirements table (docs/lifecycle.md) and the reference of
template variables (docs/template-context.md). Run after changing the machine, a
requirement or the template context; tests/test_docs.py fails until the committed docs
match.

    python tools/refresh_docs.py
"""

from __future__ import annotations

import re
from pathlib import Path

from kemitraan import mermaid_diagram
from kemitraan.documents.context import context_reference
from kemitraan.requirements import requirements_table

DOCS = Path(__file__).resolve().parent.parent / "docs"


def main() -> None:
    """Write the generated parts."""
    lifecycle = DOCS / "lifecycle.md"
    text = lifecycle.read_text(encoding="utf-8")
    text = re.sub(
        r"```mermaid\n.*?```", lambda _: f"```mermaid\n{mermaid_diagram()}```", text, flags=re.S
    )
    text = re.sub(
        r"(<!-- requirements table: .*? -->\n).*?(<!-- end of the requirements table -->)",
        lambda m: m.group(1) + requirements_table() + m.group(2),
        text,
        flags=re.S,
    )
    lifecycle.write_text(text, encoding="utf-8")
    reference = DOCS / "template-context.md"
    reference.write_text(context_reference(), encoding="utf-8")
    print(f"wrote {lifecycle} and {reference}")


if __name__ == "__main__":
    main()
