"""The analysts' notebook runs top to bottom in a fresh kernel, figures included."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from helpers import load_script

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "examples" / "analysis.ipynb"


def test_the_committed_notebook_is_the_one_the_builder_writes() -> None:
    builder = load_script(ROOT / "tools" / "build_notebook.py", "build_notebook")
    committed = nbformat.read(NOTEBOOK, as_version=4)
    assert [cell.source for cell in committed.cells] == [
        cell.source for cell in builder.build().cells
    ]
    # it was executed: every code cell has run, none failed
    code = [cell for cell in committed.cells if cell.cell_type == "code"]
    assert all(cell.execution_count for cell in code)
    assert not [o for cell in code for o in cell.outputs if o.output_type == "error"]


def test_the_notebook_runs_in_a_fresh_kernel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MPLBACKEND", "Agg")  # headless, as CI is
    builder = load_script(ROOT / "tools" / "build_notebook.py", "build_notebook")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    builder.execute(notebook)  # a failing cell raises CellExecutionError
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) == 5  # grid, funnel, timeline, indicators, health; none shown twice
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("<caption><b>Kemitraan</b>" in page for page in html)
