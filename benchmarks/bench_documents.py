"""Document rendering benchmark: ratios against raw docxtpl measured in the same run.

1. Per-document time of ``render_documents`` (the batch call: the bundled MoU template
   loaded and compiled once) against a naive docxtpl loop that loads, renders and
   saves the same template for each document. Both build the context from the
   agreement and write a file. Goal (issue 16): a batch of 50 at least 4x faster.
2. One single render (load the template, render, produce the bytes) against raw
   docxtpl doing the same with the same template and context. Goal: at most 1.1x.

Run: ``python benchmarks/bench_documents.py`` (from the repository root).
"""

from __future__ import annotations

import gc
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from _common import per_call, seed_at
from docxtpl import DocxTemplate
from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from kemitraan import Stage, render_documents
from kemitraan.documents import DocumentTemplate, agreement_context

BATCH = 50
GOAL = 4.0
ROUNDS = 7


def alternating(*fns: Callable[[], object], rounds: int) -> list[float]:
    """Median seconds per call of each of ``fns``, timed in turn round after round.

    On a shared machine the load drifts; alternating puts each in the same weather.
    """
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(rounds):
        for fn, spent in zip(fns, times, strict=True):
            gc.collect()
            start = time.perf_counter()
            fn()
            spent.append(time.perf_counter() - start)
    return [statistics.median(spent) for spent in times]


def _env() -> SandboxedEnvironment:
    return SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)


def main() -> None:
    partnership = seed_at(Stage.SIGNING)
    agreement = partnership.agreement
    assert agreement is not None
    template_path = resources.files("kemitraan.documents").joinpath("templates", "mou.docx")
    template_bytes = template_path.read_bytes()
    agreements = [agreement] * BATCH
    print(
        f"Python {sys.version.split()[0]}; bundled MoU template, the seed case's "
        f"4-party MoU; medians of alternating rounds; ratios to raw docxtpl measured in this run\n"
    )

    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)

        def batch() -> None:
            render_documents(agreements, folder / "batch")

        def naive() -> None:
            out = folder / "naive"
            out.mkdir(exist_ok=True)
            for index, item in enumerate(agreements):
                template = DocxTemplate(io.BytesIO(template_bytes))
                template.render(agreement_context(item).model_dump(), _env(), autoescape=True)
                template.save(out / f"{index:05d}.docx")

        batch()  # warm: first use compiles the bundled template
        t_naive, t_batch = (t / BATCH for t in alternating(naive, batch, rounds=ROUNDS))
        print(f"1. {BATCH} documents, per document (context + render + file)")
        print(f"   naive docxtpl loop (load, render, save each)  {t_naive * 1e3:8.2f} ms   1.00x")
        print(
            f"   render_documents (compiled once)              {t_batch * 1e3:8.2f} ms "
            f"{t_batch / t_naive:7.2f}x   ({t_naive / t_batch:.1f}x faster; goal >= {GOAL:g}x: "
            f"{'met' if t_naive / t_batch >= GOAL else 'NOT met'})"
        )

    # the context as the templates receive it: plain data (a typed model dumps to it once)
    context = agreement_context(agreement, partnership=partnership).model_dump()

    def ours_single() -> bytes:
        return DocumentTemplate(template_bytes).render(context)

    def raw_single() -> bytes:
        template = DocxTemplate(io.BytesIO(template_bytes))
        template.render(context, _env(), autoescape=True)
        out = io.BytesIO()
        template.save(out)
        return out.getvalue()

    compiled = DocumentTemplate(template_bytes)

    def ours_compiled() -> bytes:
        return compiled.render(context)

    rounds = 30
    t_raw = per_call(raw_single, rounds=rounds)
    t_ours = per_call(ours_single, rounds=rounds)
    t_compiled = per_call(ours_compiled, rounds=rounds)
    print("\n2. one render, same template and context (load + render + bytes)")
    print(f"   raw docxtpl                                    {t_raw * 1e3:8.2f} ms   1.00x")
    print(
        f"   DocumentTemplate(path).render(context)         {t_ours * 1e3:8.2f} ms "
        f"{t_ours / t_raw:7.2f}x   (goal <= 1.1x: "
        f"{'met' if t_ours / t_raw <= 1.1 else 'NOT met'})"
    )
    print(
        f"   already compiled template                      {t_compiled * 1e3:8.2f} ms "
        f"{t_compiled / t_raw:7.2f}x"
    )


if __name__ == "__main__":
    main()
