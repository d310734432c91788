"""The package's shape, checked: no import cycles, dependencies point down the data flow,
one public front per stage, and notebooks import only those fronts (docs/architecture.md)."""

from __future__ import annotations

import ast
import importlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "analytics"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))

# the data flows down this list; a module may import its own stage and any stage below it
LAYERS: tuple[tuple[str, ...], ...] = (
    # rules every stage shares: schema, errors, defaults, zones, how fronts work, atomic writes
    (
        "analytics",
        "schema",
        "errors",
        "defaults",
        "zones",
        "fronts",
        "atomic",
        "progress",
        "lifetime",
    ),
    ("load", "sample"),
    ("store",),
    ("sentiment",),
    ("measure",),
    ("report",),
    ("workspace",),
    ("commands",),
    ("cli",),
    ("__main__",),
)
FRONTS = (
    "analytics",
    "analytics.errors",
    "analytics.load",
    "analytics.store",
    "analytics.sentiment",
    "analytics.measure",
    "analytics.report",
)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _type_checking_only(tree: ast.Module) -> set[int]:
    """Line numbers of imports under ``if TYPE_CHECKING:`` (never run, so never a cycle)."""
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in ast.walk(node):
                lines.add(getattr(child, "lineno", -1))
    return lines


def _imports(module: str) -> Iterator[tuple[str, int]]:
    """Every ``analytics`` module ``module`` imports, at top level or inside a function."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_checking_only(tree)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in skip:
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "analytics":
                    yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative import
                base = ".".join(
                    [*package.split(".")[: len(package.split(".")) - node.level + 1], base]
                ).strip(".")
            if base.split(".")[0] != "analytics":
                continue
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                yield (sub if sub in MODULES else base), node.lineno


def _graph() -> dict[str, set[str]]:
    return {m: {target for target, _ in _imports(m) if target in MODULES} for m in MODULES}


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "analytics"


def _layer(module: str) -> int:
    stage = _stage(module)
    for rank, stages in enumerate(LAYERS):
        if stage in stages:
            return rank
    raise AssertionError(f"{module}: stage {stage!r} has no place in LAYERS; add it there")


def test_graph_sees_real_imports() -> None:
    # the checks below are only as good as the graph: spot-check edges known to exist
    graph = _graph()
    assert "analytics.store" in graph["analytics.commands.ingest"] or any(
        t.startswith("analytics.store") for t in graph["analytics.commands.ingest"]
    )
    assert "analytics.schema" in graph["analytics.load.finish"]
    assert "analytics.report.jobs" in graph["analytics.commands.report"]


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return [*stack[stack.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_cycle_among_analytics_modules() -> None:
    cycle = _cycle(_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_cycle_finder_finds_a_planted_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_dependencies_point_down_the_data_flow() -> None:
    wrong = [
        f"{module}:{line} imports {target} ({_stage(module)} may not depend on {_stage(target)})"
        for module in MODULES
        for target, line in _imports(module)
        if target in MODULES or target.split(".")[0] == "analytics"
        if _stage(target) != _stage(module)
        # the shared rules of the bottom layer may use each other (the cycle test still holds)
        and (_layer(target) > _layer(module) or 0 < _layer(target) == _layer(module))
        and not (module == "analytics" and target.startswith("analytics."))
    ]  # fmt: skip
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("front", FRONTS)
def test_each_stage_has_one_front_with_all(front: str) -> None:
    module = importlib.import_module(front)
    names = getattr(module, "__all__", None)
    assert names, f"{front} has no __all__"
    assert len(set(names)) == len(names), f"{front}.__all__ repeats a name"
    for name in names:
        assert getattr(module, name) is not None, f"{front}.{name} does not resolve"


def _notebook_imports(path: Path) -> Iterator[tuple[str, list[str]]]:
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        lines = [ln for ln in source.splitlines() if not ln.lstrip().startswith(("%", "!"))]
        for node in ast.walk(ast.parse("\n".join(lines))):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.split(".")[0] == "analytics":
                        yield alias.name, []
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("analytics"):
                yield node.module or "", [alias.name for alias in node.names]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_import_only_public_fronts(path: Path) -> None:
    seen = list(_notebook_imports(path))
    assert seen, f"{path.name}: no analytics import found (is the parser broken?)"
    for module, names in seen:
        assert module in FRONTS, f"{path.name}: imports {module}; use one of {', '.join(FRONTS)}"
        public = importlib.import_module(module).__all__
        for name in names:
            assert name in public, f"{path.name}: {module}.{name} is not in {module}.__all__"
