"""The package's shape: imports go one way, down the layers, and no module grows too big.

Every import counts — at module level, inside a function and under ``TYPE_CHECKING`` —
because each is a dependency a reader must hold in mind. A lower layer that must speak
of a higher one names a ``Protocol`` (``kemitraan._protocols``).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "kemitraan"

# The layers, bottom up (docs/architecture.md draws them). A new module is declared here.
LAYERS: dict[str, tuple[str, ...]] = {
    "foundation": (
        "_catalog",
        "_error_texts",
        "exceptions",
        "messages",
        "_containers",
        "_files",
        "_progress",
        "_privacy",
        "_refs",
        "_html",
        "_typed",
        "_bounds",
        "_given",
        "_base",
        "_results",
        "_types",
        "conventions",
        "findings",
        "regions",
    ),
    "values and records": (
        "actors",
        "authority",
        "parties",
        "programs",
        "learners",
        "relevance",
        "attachments",
        "exploration",
        "planning",
        "monitoring",
        "provisions",
        "pattern_terms",
        "patterns",
        "amendments",
        "agreement_checks",
        "pattern_checks",
        "capacity_checks",
        "trade",
        "trade_checks",
        "agreements",
        "audit",
        "lifecycle",
        "maintenance",
        "maintenance.techniques",
        "maintenance.interactions",
        "maintenance.observances",
    ),
    "the aggregate": (
        "_protocols",
        "access",
        "_moves",
        "_integrity",
        "_requirement_book",
        "heavy_load",
        "_signing_requirements",
        "requirements",
        "_partnership_html",
        "_machine",
        "partnerships",
    ),
    "views": (
        "summary",
        "obligations",
        "deviations",
        "evaluation",
        "maintenance.touchpoints",
        "maintenance.health",
        "mapping",
        "scoring",
        "recommender",
        "verification",
        "briefs",
    ),
    "outside": (
        "",  # the front door, which loads every name lazily
        "io",
        "upgrades",
        "diagrams",
        "documents",
        "store",
        "analysis",
        "spreadsheets",
    ),
}
MAX_LINES = 700


def _name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _layer(module: str) -> int:
    """The layer of ``module``: its own entry, else its package's (documents.mou → documents)."""
    ranks = {name: rank for rank, names in enumerate(LAYERS.values()) for name in names}
    probe = module
    while probe not in ranks:
        if "." not in probe:  # the front door ("") is its own entry, no module's package
            raise KeyError(module)
        probe = probe.rpartition(".")[0]
    return ranks[probe]


def _imports(module: str) -> Iterator[tuple[int, str]]:
    """Every kemitraan module ``module`` imports, wherever the import stands."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".") if package else []
                base = base[: len(base) - (node.level - 1)]
                stem = ".".join(["kemitraan", *base, *([node.module] if node.module else [])])
            else:
                stem = node.module or ""
            targets = [stem, *(f"{stem}.{alias.name}" for alias in node.names)]
        for target in targets:
            if target == "kemitraan" or target.startswith("kemitraan."):
                name = target.removeprefix("kemitraan").removeprefix(".")
                if name in MODULES and name != module:
                    yield getattr(node, "lineno", 0), name


def test_every_module_has_a_layer() -> None:
    undeclared = []
    for module in MODULES:
        try:
            _layer(module)
        except KeyError:
            undeclared.append(module)
    assert not undeclared, f"declare these modules in LAYERS: {undeclared}"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_imports_upward(module: str) -> None:
    upward = [
        f"line {line}: {target} ({list(LAYERS)[_layer(target)]})"
        for line, target in _imports(module)
        if _layer(target) > _layer(module)
    ]
    assert not upward, f"{module} ({list(LAYERS)[_layer(module)]}) imports upward: {upward}"


def test_the_import_graph_has_no_cycle() -> None:
    graph = {module: {target for _, target in _imports(module)} for module in MODULES}
    seen: dict[str, int] = {}  # 1 while on the path, 2 when done
    path: list[str] = []

    def visit(module: str) -> None:
        seen[module] = 1
        path.append(module)
        for target in sorted(graph[module]):
            if seen.get(target) == 1:
                cycle = [*path[path.index(target) :], target]
                raise AssertionError(f"an import cycle: {' -> '.join(cycle)}")
            if target not in seen:
                visit(target)
        path.pop()
        seen[module] = 2

    for module in sorted(graph):
        if module not in seen:
            visit(module)


def test_the_walker_sees_every_kind_of_import(tmp_path: Path) -> None:
    # The test above is only as good as _imports: a function-local import, one under
    # TYPE_CHECKING and a relative one are all seen.
    seen = {target for _, target in _imports("summary")}
    assert {"planning", "_requirement_book", "partnerships"} <= seen  # partnerships: TYPE_CHECKING
    seen = {target for _, target in _imports("")}
    assert seen == set()  # the front door names its modules only in __init__.pyi


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_is_too_long(module: str) -> None:
    lines = len(MODULES[module].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{module} has {lines} lines (at most {MAX_LINES}): split it"
