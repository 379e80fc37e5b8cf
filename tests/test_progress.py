"""Long work shows its progress (issue 20.5): tqdm's bar when asked, silent when not."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from kemitraan import Agreement, Institution, Partner, PartnerKind, dump_json
from kemitraan._progress import progress
from kemitraan.analysis import Portfolio, synthetic_regency
from kemitraan.documents import render_documents
from kemitraan.store import Store


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("json")
    for p in synthetic_regency(5, seed=2):
        (folder / f"{p.id}.json").write_text(dump_json(p))
    return folder


@pytest.mark.parametrize(("enabled", "shown"), [(True, True), (False, False), (None, False)])
def test_reading_a_folder_shows_a_bar_when_asked(
    stored: Path, capsys: pytest.CaptureFixture[str], enabled: bool | None, shown: bool
) -> None:
    portfolio = Portfolio.read_json_dir(stored, on=date(2026, 3, 1), progress=enabled)
    assert len(portfolio.frame) == 5
    err = capsys.readouterr().err
    assert ("Membaca berkas" in err and "5/5" in err) is shown  # None: only work over 2 s


def test_reading_lines_importing_and_rendering_show_a_bar(
    stored: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = tmp_path / "all.jsonl"
    texts = [json.dumps(json.loads(f.read_text())) for f in sorted(stored.glob("*.json"))]
    lines.write_text("\n".join(texts) + "\n")
    Portfolio.read_jsonl(lines, on=date(2026, 3, 1), progress=True)
    assert "Membaca baris" in capsys.readouterr().err
    store = Store(f"sqlite:///{tmp_path / 'store.db'}")
    assert store.import_jsonl(lines, progress=True) == 5
    assert "Mengimpor" in capsys.readouterr().err
    mou = Agreement(
        parties=[Institution(name="PKBM A"), Partner(name="Toko B", kind=PartnerKind.BUSINESS)],
        subject="Pemasaran",
        place="Martapura",
        date=date(2025, 3, 10),
    )
    render_documents([mou, mou], tmp_path / "docs", draft=True, progress=True)
    assert "Menulis dokumen" in capsys.readouterr().err
    render_documents([mou], tmp_path / "quiet", draft=True, progress=False)
    assert capsys.readouterr().err == ""


def test_off_means_the_items_themselves() -> None:
    items = [1, 2, 3]
    assert progress(items, what="x", enabled=False) is items
