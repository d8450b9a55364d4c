"""The package's layout: every module imports on its own in a fresh interpreter, and no module
imports itself back through others (an import cycle), counting imports inside functions too."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "extractor"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def resolve(name: str, level: int, here: str, is_package: bool) -> str:
    """The absolute module name of `from <level dots><name> import ...` written in HERE."""
    if level == 0:
        return name
    base = here.split(".") if is_package else here.split(".")[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join(base + ([name] if name else []))


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The extractor modules that module NAME imports, anywhere in it. `from pkg import x` counts
    as an import of pkg.x when that is a module, else of pkg itself (x is one of its names)."""
    found: set[str] = set()
    is_package = path.name == "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf8"))
    # Imports under `if TYPE_CHECKING:` never run (they serve the type checker only): not part of the graph.
    typing_only = {id(n) for guard in ast.walk(tree) if isinstance(guard, ast.If)
                   and isinstance(guard.test, ast.Name) and guard.test.id == "TYPE_CHECKING"
                   for stmt in guard.body for n in ast.walk(stmt)}
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in known)
        elif isinstance(node, ast.ImportFrom):
            target = resolve(node.module or "", node.level, name, is_package)
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in known else target)
    return (found & known) - {name}


def import_graph() -> dict[str, set[str]]:
    mods = modules()
    return {name: imports_of(name, path, set(mods)) for name, path in mods.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of GRAPH as a list of modules (first == last), or None."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_the_graph_sees_relative_and_package_imports():
    graph = import_graph()
    assert "extractor.batch" in graph["extractor"]               # from .batch import run
    assert "extractor.errors" in graph["extractor.io.readers"]    # from ..errors import InputError
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycles():
    assert find_cycle(import_graph()) is None


def test_every_module_imports_in_a_fresh_interpreter():
    """Each module imported by name in a new interpreter (one for all: spaCy loads once), so that a
    module that works only once another has been imported first shows up."""
    names = sorted(m for m in modules() if m != "extractor.__main__")
    script = "import importlib, sys\nfor m in sys.argv[1:]:\n    importlib.import_module(m)\n"
    done = subprocess.run([sys.executable, "-c", script, *names], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]


def outside_imports_of(path: Path) -> set[str]:
    """The top-level names of the packages outside extractor that a module imports, anywhere in it
    (imports under `if TYPE_CHECKING:` left out, as in imports_of)."""
    tree = ast.parse(path.read_text(encoding="utf8"))
    typing_only = {id(n) for guard in ast.walk(tree) if isinstance(guard, ast.If)
                   and isinstance(guard.test, ast.Name) and guard.test.id == "TYPE_CHECKING"
                   for stmt in guard.body for n in ast.walk(stmt)}
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            found.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found - {"extractor"}


def reachable(graph: dict[str, set[str]], start: set[str]) -> set[str]:
    seen, todo = set(), list(start)
    while todo:
        node = todo.pop()
        if node not in seen:
            seen.add(node)
            todo.extend(graph[node])
    return seen


def test_io_does_not_import_spacy():
    """Reading articles and writing tables need no NLP: nothing io/ imports, directly or through
    other modules of the package (rows.py's schemas), imports spaCy or thinc."""
    graph, mods = import_graph(), modules()
    io = {m for m in mods if m.startswith("extractor.io.")}
    heavy = {m for m in reachable(graph, io) if outside_imports_of(mods[m]) & {"spacy", "thinc"}}
    assert not heavy
    assert "spacy" in outside_imports_of(mods["extractor.pipeline"])  # the check sees spaCy where it is


def test_row_tables_are_the_doc_extensions():
    """rows.doc_rows reads one Doc extension per mention table: components.base.KINDS names them."""
    from extractor.components.base import KINDS
    from extractor.rows import MENTION_TABLES

    assert MENTION_TABLES == KINDS
