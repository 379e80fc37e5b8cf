"""Write examples/analysis.ipynb from the cells below and execute it, outputs included.

    .venv/bin/python tools/build_notebook.py

tests/test_notebook.py executes the notebook again, in a fresh kernel, and fails if a
cell fails; this script keeps the committed copy's outputs current.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "examples" / "analysis.ipynb"

CELLS: list[tuple[str, str]] = [
    (
        "md",
        """# Analisis kemitraan / Partnership analysis

A walk for analysts, top to bottom: a programme, twenty generated candidates, the mapping
(guide A.1), a relevance ranking that explains itself (A.3), a portfolio of partnerships at
different steps, and the plots. It needs the `analysis` extra:
`pip install 'kemitraan[analysis]'`.

Every candidate here is made up (`synthetic_candidates`); the programme and the
partnerships are the guide's own case, from `examples/seed_case.py`.""",
    ),
    (
        "code",
        """%matplotlib inline
import tempfile
from datetime import date, datetime, timedelta, timezone

import pandas as pd
import seed_case  # the guide's case, beside this notebook

from kemitraan import Partnership, Stage, rank_candidates
from kemitraan.analysis import (
    Portfolio,
    mapping_frame,
    plots,
    ranking_frame,
    synthetic_candidates,
)

pd.set_option("display.max_colwidth", 80)""",
    ),
    ("md", "## 1. The programme and its needs"),
    (
        "code",
        """institution = seed_case.build_institution()
program = seed_case.build_program(institution)
print(program.title, "—", program.location)
pd.DataFrame(
    [
        {
            "code": n.code,
            "kind": n.kind.label_id,
            "category": n.category.label_id,
            "description": n.description,
        }
        for n in program.needs
    ]
)""",
    ),
    ("md", "## 2. Twenty candidates, mapped from the smaller to the larger (A.1)"),
    (
        "code",
        """register = synthetic_candidates(program, 20, seed=2025)
for group in register.by_level():
    print(f"{group.label('id'):<16}", ", ".join(c.name for c in group.candidates))
print()
print("Jenis mitra panduan yang belum ada:", [k.label_id for k in register.missing_kinds()])
print("Kebutuhan yang belum ditawarkan:", [n.code for n in register.uncovered_needs()])""",
    ),
    ("code", "mapping_frame(register).head(10)"),
    ("code", "plots.power_interest_grid(register)"),
    (
        "code",
        """pd.crosstab(mapping_frame(register)["salience"], mapping_frame(register)["quadrant"])""",
    ),
    ("md", "## 3. Relevance: a transparent weighted score (A.3)"),
    (
        "code",
        """ranking = rank_candidates(register)
ranking_frame(ranking, explain=False).head(8).round(2)""",
    ),
    (
        "code",
        """print(ranking[0].explain("id"))
print()
print(ranking[0].explain("en"))""",
    ),
    ("md", "Which weight changes would put another candidate on top?"),
    (
        "code",
        """for swap in ranking.weight_swaps():
    print(swap.explain("id"))""",
    ),
    (
        "code",
        """nearer = ranking.with_weights(proximity=6)
[(e.rank, e.partner.name, round(e.score, 1)) for e in nearer.entries[:5]]""",
    ),
    ("md", "The ranking becomes the lifecycle's relevance assessments: nothing typed twice."),
    (
        "code",
        """partnership = Partnership(id="analisis-contoh", institution=institution, program=program)
partnership.partners = list(register.candidates)
partnership.relevance = ranking.assessments(
    date(2025, 2, 10), threshold=40, by="Rina Marlina (pendamping)"
)
print(sum(a.relevant for a in partnership.relevance), "relevant candidates")
print(partnership.relevance[0].rationale.splitlines()[0])""",
    ),
    ("md", "## 4. A portfolio of partnerships at different steps"),
    (
        "code",
        """WITA = timezone(timedelta(hours=8))
stops = [
    Stage.GATHERING,
    Stage.ANALYSIS,
    Stage.ANALYSIS,
    Stage.EXPLORATION,
    Stage.PLANNING,
    Stage.AGREEMENT,
    Stage.SIGNING,
    Stage.IMPLEMENTATION,
    Stage.IMPLEMENTATION,
    Stage.MONITORING,
    Stage.IMPROVEMENT,
    Stage.FOLLOW_UP,
]
portfolio_items = []
for number, stop in enumerate(stops, start=1):
    p = Partnership(id=f"pkw-{number:02d}", institution=institution, program=program)
    seed_case.walk_until(
        p, stop, start=date(2025, 1, 6) + timedelta(days=3 * number), every_days=7 + number % 5
    )
    portfolio_items.append(p)
declined = Partnership(id="pkw-13", institution=institution, program=program)
seed_case.walk_until(declined, Stage.EXPLORATION, start=date(2025, 1, 8))
declined.decline("Calon mitra belum bersedia", at=datetime(2025, 3, 3, 9, tzinfo=WITA))
portfolio_items.append(declined)

portfolio = Portfolio.from_partnerships(portfolio_items, on=date(2025, 6, 30))
columns = ["id", "stage", "cycle", "pattern", "parties", "province", "days_in_stage"]
columns += ["next_requirement", "deviations", "health", "term_end", "renewal_due"]
portfolio.frame[columns]""",
    ),
    ("code", "portfolio.funnel()"),
    ("code", "portfolio.conversion().round(2)"),
    ("code", "portfolio.time_in_stage().round(1)"),
    ("code", "portfolio.stuck(min_days=30)"),
    ("code", "Portfolio.from_partnerships(portfolio_items, on=date(2027, 11, 1)).renewals_due()"),
    ("code", "plots.stage_funnel(portfolio)"),
    ("md", "## 5. One running partnership, in pictures"),
    (
        "code",
        """running = portfolio_items[-2]  # in the follow-up step
running""",
    ),
    ("code", "plots.work_plan_timeline(running, on=date(2025, 8, 1))"),
    ("code", "plots.indicator_progress(running)"),
    ("code", "plots.health_per_partner(running, on=date(2025, 12, 1))"),
    ("md", "## 6. To Parquet, for DuckDB, Polars or Spark"),
    (
        "code",
        """folder = tempfile.mkdtemp()
portfolio.to_parquet(folder)
Portfolio.read_parquet(folder, on=portfolio.on).funnel()["reached"].tolist()""",
    ),
]


def build() -> nbformat.NotebookNode:
    """The notebook, not yet executed."""
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {
        "display_name": "Python 3",
        "language": "python",
        "name": "python3",
    }
    notebook.cells = [
        nbformat.v4.new_markdown_cell(text) if kind == "md" else nbformat.v4.new_code_cell(text)
        for kind, text in CELLS
    ]
    return notebook


def execute(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Run every cell in a fresh kernel beside the example scripts; a failing cell raises."""
    NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    ).execute()
    return notebook


if __name__ == "__main__":
    executed = execute(build())
    nbformat.write(executed, NOTEBOOK)
    print(f"wrote {NOTEBOOK.relative_to(ROOT)}")
