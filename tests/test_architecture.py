"""The architecture holds: one declared pipeline, no registration on import, imports that point one way.

docs/architecture.md draws the layers and the pipeline; these tests fail, naming the module and the import,
when the code drifts from it.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from followup_lint import pipeline

PACKAGE = Path(pipeline.__file__).resolve().parent
SRC = PACKAGE.parent

#: The layers, lowest first, and the modules in each (a name stands for the module and everything under it;
#: the longest matching name wins). A module may import its own layer and the layers below it, except that
#: reporting may import only the core, and nothing below the application may import reporting.
LAYERS: dict[str, tuple[str, ...]] = {
    "core": (
        "followup_lint",  # the package's facade: only lazy imports of the API
        "followup_lint.pipeline",
        "followup_lint.model",
        "followup_lint.settings",
        "followup_lint.engine.errors",
        "followup_lint.engine.schema",
    ),
    "services": (
        "followup_lint.cache",
        "followup_lint.heap",
        "followup_lint.data",
        "followup_lint.dates",
        "followup_lint.date_owners",
        "followup_lint.backends",
        "followup_lint.spelling",
        "followup_lint.grammar",
        "followup_lint.reading",
    ),
    "engine": ("followup_lint.engine",),
    "reporting": ("followup_lint.reporting",),
    "application": (
        "followup_lint.api",
        "followup_lint.batch",
        "followup_lint.fixes",
        "followup_lint.writing",
        "followup_lint.config",
        "followup_lint.runner",
        "followup_lint.cluster",
    ),
    "interface": ("followup_lint.cli", "followup_lint.lsp", "followup_lint.web", "followup_lint.__main__"),
}
ORDER = list(LAYERS)
#: What each layer may import besides itself.
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "services": {"core"},
    "engine": {"core", "services"},
    "reporting": {"core"},
    "application": {"core", "services", "engine", "reporting"},
    "interface": {"core", "services", "engine", "reporting", "application"},
}


#: The package's ``__init__``: see ``test_the_facade_imports_the_api_only_for_type_checkers``.
FACADE = "followup_lint"


def modules() -> dict[str, Path]:
    """Every module of the package by dotted name."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def layer_of(module: str) -> str:
    best, best_len = "", -1
    for layer, names in LAYERS.items():
        for name in names:
            if (module == name or module.startswith(name + ".")) and len(name) > best_len:
                best, best_len = layer, len(name)
    return best


def imports() -> list[tuple[str, str, int]]:
    """``(importer, imported module, line)`` for every import of the package's own modules, at any depth of the
    code (function-level and ``TYPE_CHECKING`` imports too)."""
    known = modules()

    def resolve(name: str) -> str:
        while name not in known:
            name = name.rsplit(".", 1)[0]
        return name

    edges = []
    for module, path in known.items():
        package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = package[: len(package) - node.level + 1] if node.level else []
                target = ".".join([*base, *([node.module] if node.module else [])])
                if target.split(".")[0] == "followup_lint":
                    edges += [(module, resolve(f"{target}.{alias.name}"), node.lineno) for alias in node.names]
            elif isinstance(node, ast.Import):
                edges += [(module, resolve(a.name), node.lineno) for a in node.names if a.name.startswith("followup_")]
    return [(a, b, line) for a, b, line in edges if a != b]


def test_every_module_has_a_layer() -> None:
    assert [m for m in modules() if not layer_of(m)] == []


def test_imports_point_one_way() -> None:
    wrong = [
        f"{a} ({layer_of(a)}) imports {b} ({layer_of(b)}) at line {line}"
        for a, b, line in imports()
        if a != FACADE and layer_of(b) != layer_of(a) and layer_of(b) not in ALLOWED[layer_of(a)]
    ]
    assert wrong == []


def test_the_facade_imports_the_api_only_for_type_checkers() -> None:
    """``followup_lint/__init__.py`` holds ``__version__`` (every layer reads it) and names the API, which it imports
    lazily; its own imports of the package run only under a type checker."""
    tree = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    guarded = {
        id(node)
        for block in tree.body
        if isinstance(block, ast.If) and ast.unparse(block.test) == "TYPE_CHECKING"
        for node in ast.walk(block)
    }
    runtime = [
        ast.unparse(node)
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.level and id(node) not in guarded
    ]
    assert runtime == []


def test_no_import_cycle_between_files() -> None:
    graph: dict[str, set[str]] = {}
    for a, b, _ in imports():
        if a != FACADE:
            graph.setdefault(a, set()).add(b)
    cycles = []
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    assert cycles == []


def test_the_layer_test_sees_function_level_imports(tmp_path: Path) -> None:
    """The graph includes imports inside functions: the engine's lazy import of the tokenizer is one."""
    assert any(a == "followup_lint.engine.document" and b == "followup_lint.engine.nlp" for a, b, _ in imports())


def test_the_pipeline_module_imports_nothing_of_the_package() -> None:
    assert [b for a, b, _ in imports() if a == "followup_lint.pipeline"] == []


STAGES = {
    "ANALYSES": ("followup_lint.engine.", list(pipeline.ANALYSES.values())),
    "CHECKS": ("followup_lint.engine.checks.", list(pipeline.CHECKS.values())),
    "FINALIZERS": ("followup_lint.engine.", list(pipeline.FINALIZERS)),
    "METRICS": ("followup_lint.engine.", list(pipeline.METRICS.values())),
    "LOCATORS": ("followup_lint.engine.", list(pipeline.LOCATORS.values())),
    "FORMATS": ("followup_lint.reporting.", list(pipeline.FORMATS.values())),
    "METERS": ("followup_lint.reporting.", list(pipeline.METERS.values())),
}


@pytest.mark.parametrize("stage", sorted(STAGES))
def test_each_stage_names_code_of_the_layer_that_runs_it(stage: str) -> None:
    prefix, refs = STAGES[stage]
    assert refs
    for ref in refs:
        assert ref.startswith(prefix), f"pipeline.{stage}: {ref} is outside {prefix}*"
        assert callable(pipeline.resolve(ref)), f"pipeline.{stage}: {ref} is not callable"
    assert set(pipeline.REPORT_METRICS) <= set(pipeline.METRICS)


#: Imports every module named, then re-imports each one with all the others loaded and prints every list, dict
#: or set of another module (of the package named first) that changed: a registration done by importing.
REGISTRATION_SCRIPT = textwrap.dedent(
    """
    import importlib, sys
    prefix, where, names = sys.argv[1], sys.argv[2], sys.argv[3:]
    sys.path.insert(0, where)
    for name in names:
        importlib.import_module(name)

    def containers():
        out = {}
        for mod_name, module in list(sys.modules.items()):
            if mod_name.split(".")[0] != prefix:
                continue
            for attr, value in list(vars(module).items()):
                if isinstance(value, dict):
                    items = value.items()
                elif isinstance(value, (list, set)):
                    items = ((None, v) for v in value)
                else:
                    continue
                out[f"{mod_name}.{attr}"] = (id(value), tuple((repr(k), id(v)) for k, v in items))
        return out

    for name in names:
        before = containers()
        del sys.modules[name]
        importlib.import_module(name)
        after = containers()
        for key, value in before.items():
            if key.rsplit(".", 1)[0] != name and after.get(key) != value:
                print(f"importing {name} changes {key}")
    """
)


def registrations(prefix: str, where: Path, names: list[str]) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", REGISTRATION_SCRIPT, prefix, str(where), *names],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.splitlines()


def test_no_module_registers_itself_when_imported() -> None:
    """Importing a module changes no other module's lists, dicts or sets (``pipeline.py`` declares the stages)."""
    names = [m for m in modules() if m not in ("followup_lint", "followup_lint.__main__")]
    assert registrations("followup_lint", SRC, names) == []


def test_the_registration_test_catches_a_module_that_registers_itself(tmp_path: Path) -> None:
    package = tmp_path / "demo_pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "registry.py").write_text("HOOKS = []\nKINDS = {}\n")
    (package / "plugin.py").write_text(
        "from .registry import HOOKS, KINDS\n\ndef hook():\n    pass\n\nHOOKS.append(hook)\nKINDS['x'] = hook\n"
    )
    assert registrations("demo_pkg", tmp_path, ["demo_pkg.registry", "demo_pkg.plugin"]) == [
        "importing demo_pkg.plugin changes demo_pkg.registry.HOOKS",
        "importing demo_pkg.plugin changes demo_pkg.registry.KINDS",
    ]


def test_readme_layout_names_every_top_level_module_and_package() -> None:
    readme = (SRC.parent / "README.md").read_text(encoding="utf-8")
    layout = readme[readme.index("## Layout") :].split("```")[1]
    entries = [
        p.name
        for p in PACKAGE.iterdir()
        if ((p.is_dir() and p.name != "__pycache__" and any(p.rglob("*.py"))) or p.suffix == ".py")
        and p.name != "__main__.py"
    ]
    missing = [name for name in sorted(entries) if f"  {name}" not in layout and f"  {name}/" not in layout]
    assert missing == []


def test_architecture_doc_names_the_modules_of_each_layer() -> None:
    doc = (SRC.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(): line.split("|")[2] for line in doc.splitlines() if line.startswith("| ")}
    for layer, names in LAYERS.items():
        for name in names:
            short = name.removeprefix("followup_lint.").replace(".", "/")
            if name != FACADE:
                assert f"`{short}" in rows[layer], f"docs/architecture.md: {layer} row lacks {short}"
