"""What a person reads follows the language in force when no language is given (issue 18)."""

from __future__ import annotations

from datetime import date

import pytest

from kemitraan import Stage
from kemitraan.analysis import Portfolio, ranking_frame, regency_rollup, synthetic_regency
from kemitraan.analysis.rollup import rekapitulasi_xlsx
from kemitraan.briefs import partner_brief, partnership_brief
from kemitraan.messages import speaking
from seed import at_stage

ON = date(2026, 3, 1)


@pytest.mark.parametrize(("language", "word"), [("id", "Tahap:"), ("en", "Step:")])
def test_a_brief_speaks_the_language_in_force(language: str, word: str) -> None:
    p = at_stage(Stage.IMPLEMENTATION, recorded=True)
    with speaking(language):  # type: ignore[arg-type]
        assert word in partnership_brief(p, on=ON)
        partner = partner_brief(p, p.committed_partners[0].id, on=ON)
    assert partner == partner_brief(p, p.committed_partners[0].id, on=ON, language=language)  # type: ignore[arg-type]
    # a language given wins over the one in force
    with speaking("en"):
        assert "Tahap:" in partnership_brief(p, on=ON, language="id")


def test_the_rekapitulasi_headers_follow_the_language_in_force(tmp_path: object) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    table = regency_rollup(Portfolio.from_partnerships(synthetic_regency(3), on=ON))
    with speaking("en"):
        path = rekapitulasi_xlsx(table, f"{tmp_path}/r.xlsx", title="Recap", on=ON)
    rows = list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))
    assert rows[3][1] == "Regency/City"
    assert rows[-1][0] == "TOTAL"


def test_a_ranking_frame_explains_in_the_language_in_force() -> None:
    from kemitraan import rank_candidates

    p = at_stage(Stage.ANALYSIS, recorded=True)
    ranking = rank_candidates(p)
    with speaking("en"):
        english = ranking_frame(ranking)
    indonesian = ranking_frame(ranking)
    reasons = [c for c in english.columns if c.endswith("_reason") or c == "explanation"]
    assert reasons
    assert english[reasons].to_numpy().tolist() != indonesian[reasons].to_numpy().tolist()
    assert english.equals(ranking_frame(ranking, language="en"))
