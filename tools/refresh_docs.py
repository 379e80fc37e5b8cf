"""Rewrite the generated parts of the docs from the code.

The lifecycle diagram and requirements table (docs/lifecycle.md) and the reference of
template variables (docs/template-context.md). Run after changing the machine, a
requirement or the template context; tests/test_docs.py fails until the committed docs
match.

    python tools/refresh_docs.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from pydantic import BaseModel

from kemitraan import (
    Agreement,
    CandidateRegister,
    Institution,
    Partner,
    Partnership,
    Program,
    json_schema,
)
from kemitraan.diagrams import mermaid_diagram
from kemitraan.documents.context import context_reference
from kemitraan.requirements import requirements_table

DOCS = Path(__file__).resolve().parent.parent / "docs"
#: The top-level models whose JSON Schemas the docs hold (docs/schemas/<name>.json).
SCHEMAS: dict[str, type[BaseModel]] = {
    "partnership": Partnership,
    "agreement": Agreement,
    "program": Program,
    "institution": Institution,
    "partner": Partner,
    "candidate-register": CandidateRegister,
}
#: The pages that show the lifecycle diagram.
DIAGRAMS = ("lifecycle.md", "concepts.md")


def schemas_page() -> str:
    """docs/schemas.md: each top-level model's fields, and a link to its whole schema."""
    lines = [
        "# JSON Schemas",
        "",
        "Every model is JSON; these are the schemas (draft 2020-12) of the top-level ones, made",
        "by `kemitraan.json_schema` and kept current by `tools/refresh_docs.py` (a test checks).",
        "An app validates its stored data against them, or generates its own types from them.",
        "",
    ]
    for name, model in SCHEMAS.items():
        schema = json_schema(model)
        lines += [
            f"## {model.__name__}",
            "",
            str(schema.get("description", "")).split("\n\n")[0].replace("\n", " "),
            "",
            f"The whole schema: [{name}.json](schemas/{name}.json).",
            "",
            "| field | required | what |",
            "|---|---|---|",
        ]
        required = set(schema.get("required", []))
        for field, spec in schema["properties"].items():
            what = str(spec.get("description", "")).replace("\n", " ").replace("|", "\\|")
            lines.append(f"| `{field}` | {'yes' if field in required else ''} | {what} |")
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    """Write the generated parts."""
    for page in DIAGRAMS:
        text = (DOCS / page).read_text(encoding="utf-8")
        text = re.sub(
            r"```mermaid\n.*?```", lambda _: f"```mermaid\n{mermaid_diagram()}```", text, flags=re.S
        )
        (DOCS / page).write_text(text, encoding="utf-8")
    lifecycle = DOCS / "lifecycle.md"
    text = lifecycle.read_text(encoding="utf-8")
    text = re.sub(
        r"(<!-- requirements table: .*? -->\n).*?(<!-- end of the requirements table -->)",
        lambda m: m.group(1) + requirements_table() + m.group(2),
        text,
        flags=re.S,
    )
    lifecycle.write_text(text, encoding="utf-8")
    for name, model in SCHEMAS.items():
        text = json.dumps(json_schema(model), indent=2, ensure_ascii=False) + "\n"
        (DOCS / "schemas" / f"{name}.json").write_text(text, encoding="utf-8")
    (DOCS / "schemas.md").write_text(schemas_page(), encoding="utf-8")
    reference = DOCS / "template-context.md"
    reference.write_text(context_reference(), encoding="utf-8")
    print(f"wrote {lifecycle} and {reference}")


if __name__ == "__main__":
    main()
