"""The import rule: the generator's modules import one way only, in layers, without cycles.

Low → high: source/, words/, pages/, features/, publish/, site.py, engine/, then cli.py, __init__.py and
__main__.py. A module may import modules of its own layer (the features may use one another) or of a
lower one, never a higher one; the graph has no cycles, whatever the layer; and at most three imports
between the generator's own modules are hidden inside functions (lazy imports of third-party libraries
are fine). Imports under `if TYPE_CHECKING:` are for annotations only and are not counted.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

from ..conftest import ROOT

PACKAGE = "generator"
LAYERS = ("source", "words", "pages", "features", "publish", "site", "engine", "top")
TOP = {"cli", "__main__"}  # with generator/__init__.py
MAX_IN_FUNCTION = 3


@dataclass(frozen=True)
class Edge:
    source: str  # importing module, dotted
    target: str  # imported generator module, dotted
    where: str  # file:line
    in_function: bool

    def __str__(self) -> str:
        return f"{self.source} -> {self.target} ({self.where}{', in a function' if self.in_function else ''})"


def module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1 or parts[1] in TOP:
        return "top"
    return parts[1]


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


class _Imports(ast.NodeVisitor):
    def __init__(self, module: str, is_package: bool, modules: set[str], where: str) -> None:
        self.module, self.is_package, self.modules, self.where = module, is_package, modules, where
        self.depth = 0
        self.edges: list[Edge] = []

    def visit_FunctionDef(self, node: ast.AST) -> None:
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    visit_AsyncFunctionDef = visit_FunctionDef
    visit_Lambda = visit_FunctionDef

    def visit_If(self, node: ast.If) -> None:
        if _is_type_checking(node.test):  # annotations only: never run
            for child in node.orelse:
                self.visit(child)
        else:
            self.generic_visit(node)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(alias.name, node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            package = self.module.split(".") if self.is_package else self.module.split(".")[:-1]
            package = package[: len(package) - (node.level - 1)]
            base = ".".join(package + ([node.module] if node.module else []))
        else:
            base = node.module or ""
        for alias in node.names:
            candidate = f"{base}.{alias.name}"
            self._add(candidate if candidate in self.modules else base, node)

    def _add(self, name: str, node: ast.stmt) -> None:
        if name != PACKAGE and not name.startswith(PACKAGE + "."):
            return  # the standard library or a third-party package
        while name not in self.modules and "." in name:  # `import generator.x.y` of a name inside a module
            name = name.rsplit(".", 1)[0]
        self.edges.append(Edge(self.module, name, f"{self.where}:{node.lineno}", self.depth > 0))


def import_edges(root: Path, sources: dict[str, str]) -> list[Edge]:
    """Every import between the modules in `sources` (path relative to `root` → Python source)."""
    modules = {module_name(root / path, root) for path in sources}
    edges = []
    for path, text in sorted(sources.items()):
        module = module_name(root / path, root)
        visitor = _Imports(module, Path(path).name == "__init__.py", modules, path)
        visitor.visit(ast.parse(text, filename=path))
        edges += dict.fromkeys(visitor.edges)  # one edge per statement, however many names it imports
    return edges


def generator_edges() -> list[Edge]:
    files = sorted((ROOT / PACKAGE).rglob("*.py"))
    assert len(files) > 30, "the generator's modules were not found"
    return import_edges(ROOT, {p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8") for p in files})


def cycles(edges: list[Edge]) -> list[list[str]]:
    """The strongly connected components with more than one module, or a module importing itself (Tarjan)."""
    graph: dict[str, set[str]] = {}
    for e in edges:
        graph.setdefault(e.source, set()).add(e.target)
        graph.setdefault(e.target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1 or node in graph[node]:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def cycle_edges(edges: list[Edge]) -> list[Edge]:
    members = [set(c) for c in cycles(edges)]
    return [e for e in edges if any(e.source in c and e.target in c for c in members)]


def upward_edges(edges: list[Edge]) -> list[Edge]:
    """Imports of a higher layer than the importer's."""
    return [e for e in edges if LAYERS.index(layer(e.target)) > LAYERS.index(layer(e.source))]


def _listing(edges: list[Edge]) -> str:
    return "\n  " + "\n  ".join(str(e) for e in edges)


# --- the generator --------------------------------------------------------------------------------------


def test_every_module_is_in_a_known_layer():
    unknown = sorted({m for e in generator_edges() for m in (e.source, e.target) if layer(m) not in LAYERS})
    assert not unknown, f"modules outside the layers {LAYERS}: {unknown} (add the folder to LAYERS, in order)"


def test_no_import_cycles():
    edges = generator_edges()
    assert len(edges) > 50, "suspiciously few imports found"
    found = cycles(edges)
    assert not found, f"import cycles {found}, through:" + _listing(cycle_edges(edges))


def test_modules_import_only_their_own_or_lower_layers():
    bad = upward_edges(generator_edges())
    assert not bad, f"imports of a higher layer (order low → high: {', '.join(LAYERS)}):" + _listing(bad)


def test_at_most_three_in_function_imports_of_the_generators_own_modules():
    lazy = [e for e in generator_edges() if e.in_function]
    assert len(lazy) <= MAX_IN_FUNCTION, (
        f"{len(lazy)} imports of generator modules inside functions (at most {MAX_IN_FUNCTION}); "
        "import at the top of the module, or move the code to the right layer:" + _listing(lazy))


# --- the checker itself, on synthetic modules ----------------------------------------------------------------


SYNTHETIC = {
    "generator/__init__.py": "from generator.site import load\n",
    "generator/site.py": "from generator.features import a\nfrom generator.source import models\n",
    "generator/source/__init__.py": "",
    "generator/source/models.py": (
        "from typing import TYPE_CHECKING\nimport json\n"
        "if TYPE_CHECKING:\n    from generator.site import load  # annotations only\n"
        "def later():\n    import yaml\n    from ..words import labels\n    return labels\n"
    ),
    "generator/words/__init__.py": "",
    "generator/words/labels.py": "from generator.source.models import thing\n",
    "generator/features/__init__.py": "",
    "generator/features/a.py": "from . import b\nfrom generator.words.labels import X\n",
    "generator/features/b.py": "from .a import helper\n",
}


def synthetic_edges(**changes: str) -> list[Edge]:
    return import_edges(Path("/synthetic"), {**SYNTHETIC, **changes})


def test_self_test_edges_are_resolved():
    edges = {(e.source, e.target, e.in_function) for e in synthetic_edges()}
    assert ("generator.features.a", "generator.features.b", False) in edges  # `from . import b`
    assert ("generator.features.b", "generator.features.a", False) in edges  # `from .a import helper`
    assert ("generator.source.models", "generator.words.labels", True) in edges  # relative, in a function
    assert ("generator", "generator.site", False) in edges
    assert not any(e.target == "generator.site" and e.source == "generator.source.models" for e in synthetic_edges()), \
        "an import under `if TYPE_CHECKING:` counts"
    assert not any("json" in e.target or "yaml" in e.target for e in synthetic_edges())


def test_self_test_cycles_are_found():
    edges = synthetic_edges()
    assert sorted(map(sorted, cycles(edges))) == [
        ["generator.features.a", "generator.features.b"],
        ["generator.source.models", "generator.words.labels"],
    ]
    assert {(e.source, e.target) for e in cycle_edges(edges)} == {
        ("generator.features.a", "generator.features.b"), ("generator.features.b", "generator.features.a"),
        ("generator.source.models", "generator.words.labels"), ("generator.words.labels", "generator.source.models"),
    }
    # Without the two back edges the graph is acyclic.
    fixed = synthetic_edges(**{"generator/features/b.py": "", "generator/words/labels.py": ""})
    assert cycles(fixed) == []
    # A module importing itself is a cycle too.
    assert cycles(synthetic_edges(**{"generator/features/b.py": "import generator.features.b\n"})) != []


def test_self_test_upward_imports_are_found():
    bad = {(e.source, e.target) for e in upward_edges(synthetic_edges())}
    assert bad == {("generator.source.models", "generator.words.labels")}  # source may not use words
    assert upward_edges(synthetic_edges(**{"generator/source/models.py": ""})) == []
    # Features may use one another; the site may use features, never the other way round.
    bad = upward_edges(synthetic_edges(**{"generator/features/b.py": "from generator import site\n",
                                          "generator/source/models.py": ""}))
    assert [(e.source, e.target) for e in bad] == [("generator.features.b", "generator.site")]
    assert "generator.features.b -> generator.site (generator/features/b.py:1)" in _listing(bad)
