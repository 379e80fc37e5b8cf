"""The docs stay true: the committed diagram is the generated one; every code is documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kemitraan import json_schema
from kemitraan.diagrams import mermaid_diagram
from kemitraan.requirements import requirement_codes, requirements_table

DOCS = Path(__file__).parent.parent / "docs"


@pytest.mark.parametrize("page", ["lifecycle.md", "concepts.md"])
def test_committed_diagram_is_the_generated_one(page: str) -> None:
    text = (DOCS / page).read_text(encoding="utf-8")
    blocks = re.findall(r"```mermaid\n(.*?)```", text, re.S)
    assert len(blocks) == 1
    assert blocks[0] == mermaid_diagram(), (
        f"docs/{page} is out of date: replace its mermaid block with the output of "
        "python -c 'from kemitraan.diagrams import mermaid_diagram; "
        'print(mermaid_diagram(), end="")\''
    )


def test_every_requirement_code_is_documented() -> None:
    text = (DOCS / "lifecycle.md").read_text(encoding="utf-8")
    codes = {code for codes in requirement_codes().values() for code in codes}
    missing = sorted(code for code in codes if f"`{code}`" not in text)
    assert missing == []


def test_committed_requirements_table_is_the_generated_one() -> None:
    text = (DOCS / "lifecycle.md").read_text(encoding="utf-8")
    found = re.search(
        r"<!-- requirements table: .*? -->\n(.*?)<!-- end of the requirements table -->", text, re.S
    )
    assert found is not None
    assert found.group(1) == requirements_table(), (
        "docs/lifecycle.md is out of date: replace its requirements table with the output of "
        "kemitraan.requirements.requirements_table()"
    )


def test_committed_template_reference_is_the_generated_one() -> None:
    from kemitraan.documents.context import context_reference

    text = (DOCS / "template-context.md").read_text(encoding="utf-8")
    assert text == context_reference(), (
        "docs/template-context.md is out of date: run python tools/refresh_docs.py"
    )


def test_committed_json_schemas_are_the_generated_ones() -> None:
    import json

    from helpers import load_script

    tool = load_script(DOCS.parent / "tools" / "refresh_docs.py", "refresh_docs")
    for name, model in tool.SCHEMAS.items():
        committed = json.loads((DOCS / "schemas" / f"{name}.json").read_text(encoding="utf-8"))
        assert committed == json_schema(model), f"run tools/refresh_docs.py ({name})"
    assert (DOCS / "schemas.md").read_text(encoding="utf-8") == tool.schemas_page()


def test_no_docstring_or_basis_cites_a_file_the_repository_does_not_hold() -> None:
    # The shared domain reference is not shipped: cite the law or the practice itself.
    root = DOCS.parent
    cited = [
        str(path.relative_to(root))
        for folder in ("src", "docs")
        for path in (root / folder).rglob("*")
        if path.suffix in {".py", ".md"} and "REFERENCE.md" in path.read_text(encoding="utf-8")
    ]
    assert cited == []
