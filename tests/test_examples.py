"""Every script in examples/ runs, and the seed case says what the guide would."""

from __future__ import annotations

import json
import runpy
import sys
from pathlib import Path

import pytest

from kemitraan import Agreement, PatternKind, Program, Severity, load_json

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.py"))


def test_examples_exist() -> None:
    assert [p.name for p in EXAMPLES] == ["seed_case.py"]


@pytest.mark.parametrize("script", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_runs(
    script: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(sys, "argv", [str(script), str(tmp_path)])
    runpy.run_path(str(script), run_name="__main__")
    assert capsys.readouterr().out.strip()
    assert list(tmp_path.iterdir())


def test_seed_case_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = next(p for p in EXAMPLES if p.name == "seed_case.py")
    monkeypatch.setattr(sys, "argv", [str(script), str(tmp_path)])
    runpy.run_path(str(script), run_name="__main__")
    data = json.loads((tmp_path / "seed_case.json").read_text(encoding="utf-8"))
    kinds = {c["kind"] for c in data["candidates"]}
    assert kinds == {"community_group", "community_figure", "business", "cooperative", "government"}
    assert data["recommendations"][0]["pattern"] == PatternKind.GENERAL_TRADE.value
    program = load_json(Program, data["program"])
    assert program.title == 'PKW "Pembuatan Tas Rajut"'
    assert program.location is not None
    assert program.location.province == "Kalimantan Selatan"
    mou = load_json(Agreement, data["mou"])
    assert not [f for f in mou.check() if f.severity is Severity.ERROR]
    assert not list(tmp_path.glob("*.tmp"))
