"""Every script in examples/ runs, and the seed case says what the guide would."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

import pytest

from docs_helpers import lines
from kemitraan import Partnership, PatternKind, Severity, Stage, load_json

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.py"))
#: The scripts that run as jobs (webapp.py is a server: tests/test_webapp.py runs it).
JOBS = [p for p in EXAMPLES if p.name != "webapp.py"]


def test_examples_exist() -> None:
    assert [p.name for p in EXAMPLES] == ["seed_case.py", "webapp.py"]


@pytest.mark.parametrize("script", JOBS, ids=[p.name for p in JOBS])
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


def test_seed_case_walks_all_eleven_steps_and_renews(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    script = next(p for p in EXAMPLES if p.name == "seed_case.py")
    monkeypatch.setattr(sys, "argv", [str(script), str(tmp_path)])
    runpy.run_path(str(script), run_name="__main__")
    printed = capsys.readouterr().out
    for stage in Stage:
        if not stage.is_terminal:
            assert stage.title_id in printed
    partnership = load_json(Partnership, (tmp_path / "partnership.json").read_text("utf-8"))
    assert [r.to_stage for r in partnership.history if not r.move.is_signing] == [
        *[s for s in Stage if s.number is not None and s.number > 1],
        Stage.IMPLEMENTATION,
    ]
    signatures = [(r.move.value, r.party_id) for r in partnership.history if r.move.is_signing]
    parties = [p.id for p in partnership.parties]
    pks_parties = ["pkbm-harapan-bangsa", "kube-rajut-lestari", "cv-kriya-banua"]
    assert signatures == [
        *(("sign", pid) for pid in parties),
        *(("sign_pks", pid) for pid in pks_parties),
        *(("sign_addendum", pid) for pid in pks_parties),
    ]
    assert partnership.signed_addenda() == partnership.addenda
    assert (partnership.stage, partnership.cycle) == (Stage.IMPLEMENTATION, 2)
    assert {p.kind.value for p in partnership.partners} == {
        "community_group",
        "community_figure",
        "business",
        "cooperative",
        "government",
    }
    assert partnership.program.title == 'PKW "Pembuatan Tas Rajut"'
    assert partnership.agreement is not None
    assert partnership.agreement.pattern is not None
    assert partnership.agreement.pattern.pattern == PatternKind.GENERAL_TRADE.value
    assert partnership.agreement.fully_signed
    assert not [f for f in partnership.agreement.check() if f.severity is Severity.ERROR]
    assert len(partnership.addenda) == 1
    assert len(partnership.cooperation_agreements) == 1
    mou = lines((tmp_path / "mou.docx").read_bytes())
    assert mou[0] == "NOTA KESEPAHAMAN"
    assert "Rp59.000.000,00 (lima puluh sembilan juta rupiah)" in "\n".join(mou)
    assert "PIHAK KEEMPAT," in mou
    assert not [f for f in partnership.agreement.check() if f.severity is Severity.WARNING]
    pks = lines((tmp_path / "pks.docx").read_bytes())
    assert pks[0] == "PERJANJIAN KERJA SAMA"
    assert "PENGAKHIRAN" in pks
    assert "WANPRESTASI" in pks
    assert "KORESPONDENSI" in pks
    assert "PIHAK KETIGA," in pks
    assert "PIHAK KEEMPAT," not in pks
    addendum = lines((tmp_path / "addendum.docx").read_bytes())
    assert addendum[:2] == ["ADENDUM PERTAMA", "PERJANJIAN KERJA SAMA"]
    text = "\n".join(addendum)
    assert "Ketentuan Pasal 12 ayat (1) Perjanjian Kerja Sama diubah" in text
    assert "sebanyak 300 (tiga ratus) buah per bulan" in text
    assert not list(tmp_path.glob("*.tmp"))
    assert not list(tmp_path.glob(".*"))


def test_seed_case_output_is_reproducible(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = next(p for p in EXAMPLES if p.name == "seed_case.py")
    outputs = []
    for run in ("a", "b"):
        monkeypatch.setattr(sys, "argv", [str(script), str(tmp_path / run)])
        runpy.run_path(str(script), run_name="__main__")
        outputs.append(
            [
                (tmp_path / run / name).read_bytes()
                for name in ("partnership.json", "mou.docx", "addendum.docx")
            ]
        )
    assert outputs[0] == outputs[1]
