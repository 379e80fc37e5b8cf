"""Import cost: ``import kemitraan`` against ``import pydantic``, each in fresh processes.

Every figure is the median over fresh interpreter processes, timing only the import
statement (not interpreter start-up), measured in this run:

1. ``import kemitraan`` against ``import pydantic`` (goal: at most 4x).
2. ``from kemitraan import Partnership, Agreement`` (models, lifecycle, checks)
   against ``from pydantic import BaseModel``: what a script that uses the models pays
   (goal: at most 3x; python-statemachine loads with the first move, not here).
3. Which heavy libraries a bare import and a models import load (none of docxtpl,
   python-docx, Jinja, lxml or email-validator may appear before a document is made).

Both sides are measured as an installed package runs them, with bytecode cached (pip
compiles a package when it installs it; the processes here write and read their caches
under a temporary ``PYTHONPYCACHEPREFIX``, whatever ``PYTHONDONTWRITEBYTECODE`` says),
so that an environment that sets ``PYTHONDONTWRITEBYTECODE`` (a container, CI) does not
compare kemitraan compiled from source with pydantic's installed bytecode.

Run: ``python benchmarks/bench_import.py`` (from the repository root).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from typing import cast

RUNS = 15
HEAVY = (
    "docxtpl",
    "docx",
    "jinja2",
    "lxml",
    "email_validator",
    "statemachine",
    "babel",
    "num2words",
    "phonenumbers",
    "stdnum",
)

PROBE = """
import json, sys, time
start = time.perf_counter()
{statement}
elapsed = time.perf_counter() - start
heavy = [m for m in {heavy!r} if m in sys.modules]
print(json.dumps({{"seconds": elapsed, "heavy": heavy}}))
"""


CACHE = tempfile.mkdtemp(prefix="kemitraan-pycache-")


def _run(code: str, env: dict[str, str]) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    ).stdout
    result: dict[str, object] = json.loads(out)
    return result


def measure(baseline: str, statement: str) -> tuple[float, float, list[str]]:
    """Medians of ``baseline`` and ``statement``, run alternately (noise hits both alike)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = CACHE
    codes = [PROBE.format(statement=s, heavy=HEAVY) for s in (baseline, statement)]
    for code in codes:  # one run each that writes the caches, not timed
        _run(code, env)
    times: tuple[list[float], list[float]] = ([], [])
    heavy: list[str] = []
    for _ in range(RUNS):
        for side, code in enumerate(codes):
            result = _run(code, env)
            times[side].append(float(cast("float", result["seconds"])))
            heavy = cast("list[str]", result["heavy"])
    return statistics.median(times[0]), statistics.median(times[1]), heavy


def main() -> None:
    print(f"Python {sys.version.split()[0]}; median of {RUNS} fresh processes each, alternating\n")
    base, ours, loaded = measure("import pydantic", "import kemitraan")
    print(f"1. import pydantic                           {base * 1e3:7.1f} ms   1.00x")
    print(
        f"   import kemitraan                           {ours * 1e3:7.1f} ms {ours / base:6.2f}x"
        f"   (goal <= 4x: {'met' if ours / base <= 4 else 'NOT met'})"
    )
    print(f"   heavy libraries loaded: {', '.join(loaded) or 'none'}\n")
    base_model, models, loaded = measure(
        "from pydantic import BaseModel", "from kemitraan import Partnership, Agreement"
    )
    print(f"2. from pydantic import BaseModel            {base_model * 1e3:7.1f} ms   1.00x")
    print(
        f"   from kemitraan import Partnership, ...     {models * 1e3:7.1f} ms "
        f"{models / base_model:6.2f}x   (goal <= 3x: "
        f"{'met' if models / base_model <= 3 else 'NOT met'})"
    )
    print(f"   heavy libraries loaded: {', '.join(loaded) or 'none'}")
    documents = {"docxtpl", "docx", "jinja2", "lxml", "email_validator"}
    leaked = documents & set(loaded)
    print(f"\n3. document libraries after the models import: {', '.join(sorted(leaked)) or 'none'}")


if __name__ == "__main__":
    main()
