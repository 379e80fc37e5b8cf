"""Tools for analysts in notebooks: frames, summaries and plots (the ``analysis`` extra).

``pip install 'kemitraan[analysis]'`` brings pandas, matplotlib and pyarrow; without them,
importing this package raises :class:`~kemitraan.exceptions.MissingExtraError`, which names
the extra.
The mapping and the relevance score themselves are in the core
(:class:`~kemitraan.CandidateRegister`, :func:`~kemitraan.rank_candidates`), because the
lifecycle uses them; this package shows them as frames and figures.

- :class:`Portfolio`: many partnerships as a frame, with the funnel, conversion, time in
  each step, renewals due and partnerships stuck; read from stored JSON without models.
- :func:`mapping_frame`, :func:`ranking_frame`: the register and the ranking as frames.
- :mod:`kemitraan.analysis.plots`: figures (loaded on first use).
- :func:`regency_rollup`, :func:`regency_rollup_parquet`: a regency's partnerships as one
  table (the *Rekapitulasi* a Dinas sends upward), from a portfolio or from Parquet.
- :func:`synthetic_candidates`, :func:`synthetic_regency`: made-up data to try the tools on.
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import TYPE_CHECKING, Any

from kemitraan.exceptions import MissingExtraError

for _package in ("pandas", "matplotlib", "pyarrow"):
    if importlib.util.find_spec(_package) is None:
        raise MissingExtraError("analysis", "kemitraan.analysis", _package)

from kemitraan.analysis._rows import DERIVED_COLUMNS  # noqa: E402
from kemitraan.analysis.frames import mapping_frame, ranking_frame  # noqa: E402
from kemitraan.analysis.portfolio import RENEWAL_LEAD_DAYS, Portfolio  # noqa: E402
from kemitraan.analysis.rollup import (  # noqa: E402
    ROLLUP_COLUMNS,
    regency_rollup,
    regency_rollup_parquet,
    rekapitulasi,
    rekapitulasi_xlsx,
)
from kemitraan.analysis.synthetic import synthetic_candidates, synthetic_regency  # noqa: E402

if TYPE_CHECKING:
    from kemitraan.analysis import plots

__all__ = [
    "DERIVED_COLUMNS",
    "RENEWAL_LEAD_DAYS",
    "ROLLUP_COLUMNS",
    "Portfolio",
    "mapping_frame",
    "plots",
    "ranking_frame",
    "regency_rollup",
    "regency_rollup_parquet",
    "rekapitulasi",
    "rekapitulasi_xlsx",
    "synthetic_candidates",
    "synthetic_regency",
]


def __getattr__(name: str) -> Any:
    if name == "plots":  # matplotlib loads only when a figure is asked for
        return importlib.import_module("kemitraan.analysis.plots")
    raise AttributeError(f"module 'kemitraan.analysis' has no attribute {name!r}")
