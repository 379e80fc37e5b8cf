"""Memory benchmark: a loaded partnership against its JSON, and appends to a record list.

Measured in one run:

1. What a loaded partnership holds (``tracemalloc``: what ``load_json`` allocates and
   keeps, the partnership alive) as a multiple of its JSON's bytes (goal: at most 3x),
   for the main job's partnership (the seed case through both cycles, about 50 KB) and
   for the seed case at each step; then where the main job's partnership's memory goes,
   by kind of object and by model, from a walk over the objects it holds.
2. 10,000 appends to a record list (``partnership.interactions.append``) on the main
   job's partnership, the time of each block of 1,000 against the first block's: in
   linear time every block takes as long as the first; in quadratic time the tenth takes
   about ten times as long.

Run: ``python benchmarks/bench_memory.py [appends] [block]`` (from the repository root).
"""

from __future__ import annotations

import gc
import sys
import time
import tracemalloc
from collections import Counter
from datetime import date, datetime, timedelta, tzinfo
from decimal import Decimal
from enum import Enum
from types import BuiltinFunctionType, FunctionType, ModuleType
from typing import Any

from bench_analysis import templates
from bench_store import main_job_partnership
from pydantic import BaseModel

from kemitraan import Interaction, InteractionKind, Partnership, load_json

GOAL = 3.0


def retained(text: str, warm_up: str) -> tuple[int, Partnership]:
    """The bytes loading ``text`` allocates and keeps, and the partnership.

    ``warm_up``, another partnership's JSON, is loaded first: the schemas are built and
    the caches filled, as in a process that has loaded partnerships before. (Not
    ``text`` itself: pydantic would then reuse its strings from its string cache.)
    """
    load_json(Partnership, warm_up)
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    p = load_json(Partnership, text)
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return after - before, p


def _kind(obj: object) -> str:
    if isinstance(obj, str):
        return "text (str)"
    if isinstance(obj, (list, tuple)):
        return "lists and tuples"
    if isinstance(obj, dict):
        return "other dicts"
    if isinstance(obj, (set, frozenset)):
        return "sets"
    if isinstance(obj, (date, datetime, Decimal, int, float)):
        return "dates, numbers"
    if isinstance(obj, tzinfo):
        return "time zones"
    return f"other ({type(obj).__name__})"


def _shared(obj: object) -> bool:
    """Objects a partnership uses but does not own (classes, enum members, constants)."""
    return (
        obj is None
        or isinstance(obj, (bool, type, ModuleType, FunctionType, BuiltinFunctionType, Enum))
        or (type(obj) is int and -5 <= obj <= 256)
    )


def where_it_goes(root: BaseModel) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """Bytes by kind of object, bytes and instances by model, from a walk over ``root``.

    Each object is counted once (``sys.getsizeof``, without the allocator's rounding);
    the field names that key every model's ``__dict__`` and fields-set belong to the
    classes and are left out.
    """
    kinds: Counter[str] = Counter()
    models: Counter[str] = Counter()
    instances: Counter[str] = Counter()
    seen: set[int] = set()
    stack: list[Any] = [root]
    while stack:
        obj = stack.pop()
        if id(obj) in seen or _shared(obj):
            continue
        seen.add(id(obj))
        if isinstance(obj, BaseModel):
            name = type(obj).__name__
            instances[name] += 1
            parts = {
                "models: the objects (with their slots)": sys.getsizeof(obj),
                "models: field dicts (__dict__)": sys.getsizeof(obj.__dict__),
                "models: fields-set sets": sys.getsizeof(obj.__pydantic_fields_set__),
            }
            private = obj.__pydantic_private__
            if private is not None:
                parts["models: private-state dicts"] = sys.getsizeof(private)
                seen.add(id(private))
                stack.extend(private.values())
            for part, size in parts.items():
                kinds[part] += size
                models[name] += size
            seen.update({id(obj.__dict__), id(obj.__pydantic_fields_set__)})
            stack.extend(obj.__dict__.values())
            stack.extend(
                value
                for value in gc.get_referents(obj)
                if value is not obj.__dict__
                and value is not obj.__pydantic_fields_set__
                and value is not private
            )
            continue
        kinds[_kind(obj)] += sys.getsizeof(obj)
        stack.extend(gc.get_referents(obj))
    return kinds, models, instances


def measure_memory() -> None:
    p = main_job_partnership()
    text = p.model_dump_json()
    size = len(text.encode())
    made = templates()
    held, loaded = retained(text, made[0][1])
    print(
        f"A loaded partnership: the main job's ({size:,} bytes of JSON) holds {held:,} bytes "
        f"= {held / size:.1f}x its JSON (goal <= {GOAL:.0f}x)"
    )
    for pid, template in made:
        step_held, _ = retained(template, text)
        stage = load_json(Partnership, template).stage.value
        print(
            f"  {pid} ({stage:<14}) {len(template):7,} bytes of JSON, "
            f"{step_held / len(template):4.1f}x"
        )
    kinds, models, instances = where_it_goes(loaded)
    walked = sum(kinds.values())
    print(
        f"Where it goes (a walk over its objects finds {walked:,} bytes "
        f"= {walked / size:.1f}x; tracemalloc also counts the allocator's rounding):"
    )
    for kind, nbytes in kinds.most_common():
        print(f"  {kind:<42} {nbytes:9,} bytes {nbytes / size:5.2f}x")
    overhead = sum(n for kind, n in kinds.items() if kind.startswith("models:"))
    print(
        f"  = the models' own structures {overhead / size:.2f}x, "
        f"the values they hold {(walked - overhead) / size:.2f}x"
    )
    print(f"By model ({sum(instances.values())} instances; object, __dict__, fields-set):")
    for name, nbytes in models.most_common(12):
        print(f"  {name:<30} {instances[name]:4} x {nbytes / instances[name]:6.0f} bytes")


def measure_appends(appends: int, block: int) -> None:
    p = main_job_partnership()
    partner = p.partners[0].id
    first = date(2026, 3, 11)
    print(f"{appends:,} appends to partnership.interactions, by blocks of {block:,}:")
    base = 0.0
    for start in range(0, appends, block):
        records = [
            Interaction(
                on=first + timedelta(days=n % 365),
                kind=InteractionKind.VISIT,
                partner_ids=[partner],
                summary=f"kunjungan {n}",
            )
            for n in range(start, min(appends, start + block))
        ]
        gc.collect()
        began = time.perf_counter()
        for record in records:
            p.interactions.append(record)
        took = time.perf_counter() - began
        base = base or took
        print(
            f"  appends {start + 1:6,}-{start + len(records):6,}: {took * 1000:8.1f} ms "
            f"= {took / base:5.1f}x the first block",
            flush=True,
        )


if __name__ == "__main__":
    measure_memory()
    measure_appends(
        int(sys.argv[1]) if len(sys.argv) > 1 else 10_000,
        int(sys.argv[2]) if len(sys.argv) > 2 else 1_000,
    )
