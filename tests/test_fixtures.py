"""The sample drafts in fixtures/: good ones stay clean, bad ones produce the findings they list."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from followup_lint import Config
from followup_lint.api import linter_for
from followup_lint.engine.loader import context_from_mapping
from followup_lint.reading import read_path

from .conftest import FIXTURES

DRAFT_SUFFIXES = {".txt", ".md", ".eml"}


def drafts(group: str) -> list[Path]:
    return sorted(p for p in (FIXTURES / group).rglob("*") if p.suffix in DRAFT_SUFFIXES)


def sidecar(path: Path) -> dict[str, Any]:
    meta = path.with_name(path.name + ".expect.yaml")
    return yaml.safe_load(meta.read_text(encoding="utf-8")) or {} if meta.exists() else {}


def lint_fixture(path: Path):
    meta = sidecar(path)
    context = context_from_mapping(str(path), meta.get("context") or {})
    return linter_for(Config()).lint(read_path(path), context), meta


def test_there_are_fixtures() -> None:
    assert drafts("good") and drafts("bad")


@pytest.mark.parametrize("path", drafts("good"), ids=lambda p: p.name)
def test_good_draft_is_clean(path: Path) -> None:
    report, _ = lint_fixture(path)
    found = [(f.rule, report.source[f.offset : f.end], f.message) for f in report.findings]
    assert not found, f"{path.name} should be clean but got {found}"


@pytest.mark.parametrize("path", drafts("bad"), ids=lambda p: p.name)
def test_bad_draft_has_its_findings(path: Path) -> None:
    report, meta = lint_fixture(path)
    expected = meta.get("findings")
    assert expected, f"{path.name} has no findings listed in its sidecar"
    for item in expected:
        want = {"rule": item} if isinstance(item, str) else item
        selector = want["rule"]
        candidates = [
            f
            for f in report.findings
            if f.rule == selector or f.category == selector or f.rule.startswith(selector + ".")
        ]
        if "line" in want:
            candidates = [f for f in candidates if report.index.position(f.offset)[0] == want["line"]]
        if "text" in want:
            candidates = [f for f in candidates if report.source[f.offset : f.end] == want["text"]]
        got = [(f.rule, report.index.position(f.offset), report.source[f.offset : f.end]) for f in report.findings]
        assert candidates, f"{path.name}: expected {want}, got {got}"
