"""Honest dependencies: each one is declared where it is used, and users' environments get no pins they do
not need (docs/architecture.md lists what each runtime dependency is for)."""

from __future__ import annotations

import ast
import re
import tomllib

from .conftest import ROOT

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
#: Distribution name -> the top-level module it provides, where they differ.
MODULES = {"pyyaml": "yaml", "language-tool-python": "language_tool_python"}


def names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=!~ \[;]", r, maxsplit=1)[0].lower() for r in requirements}


def imported_modules() -> set[str]:
    found = set()
    for path in (ROOT / "src" / "followup_lint").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                found.add(node.module.split(".")[0])
    return found


def test_no_setuptools_pin_and_no_textstat_for_users() -> None:
    runtime = names(PROJECT["dependencies"])
    assert "setuptools" not in runtime
    assert "textstat" not in runtime
    assert {"textstat", "setuptools"} <= names(PROJECT["optional-dependencies"]["dev"])


def test_every_runtime_dependency_is_used_by_the_package() -> None:
    used = imported_modules()
    unused = [n for n in names(PROJECT["dependencies"]) if MODULES.get(n, n) not in used]
    assert unused == []


def test_the_package_never_imports_textstat_or_pkg_resources() -> None:
    assert not {"textstat", "pkg_resources"} & imported_modules()


def test_architecture_doc_lists_each_runtime_dependency() -> None:
    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8").lower()
    missing = [n for n in names(PROJECT["dependencies"]) if f"| {n} |" not in doc]
    assert missing == []


def test_the_dev_extra_installs_every_optional_extra() -> None:
    """CI installs ``.[dev]`` only: each extra's packages must be in it, or their tests would not run there."""
    extras = PROJECT["optional-dependencies"]
    dev = names(extras["dev"])
    missing = {extra: sorted(names(reqs) - dev) for extra, reqs in extras.items() if names(reqs) - dev}
    assert missing == {}
