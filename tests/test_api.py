"""The library API: lint_text and lint_paths return report objects; the CLI is a layer over them."""

from __future__ import annotations

import doctest
from pathlib import Path

import followup_lint
from followup_lint import Config, Context, Severity, lint_paths, lint_text
from followup_lint.fixes import apply_fixes, first_fixes


def test_lint_text_with_context_mapping_or_object() -> None:
    text = "Hi Dana,\n\nI enjoyed our talk.\n\nBest,\nSam"
    by_dict = lint_text(text, {"company": "Acme", "role": "Analyst", "interviewer": "Dana Lee"})
    by_obj = lint_text(text, Context(company="Acme", role="Analyst", interviewers=("Dana Lee",)))
    assert [f.rule for f in by_dict.findings] == [f.rule for f in by_obj.findings]
    gratitude = next(f for f in by_dict.findings if f.rule == "gratitude.missing")
    assert gratitude.severity is Severity.WARNING
    assert "Analyst position at Acme" in gratitude.fixes[0].replacement


def test_report_to_dict_and_positions() -> None:
    report = lint_text("Hi Dana,\n\nNice chat.\n\nSam", config=Config(select=("gratitude",)))
    data = report.to_dict()
    assert data["path"] == "<text>" and data["findings"][0]["line"] == 1
    assert report.index.position(10) == (3, 1)


def test_lint_paths_collects_errors(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text("Hi Dana,\n\nThank you for today.\n\nSam\n")
    report = lint_paths([good, tmp_path / "missing.txt"], config=Config(select=("gratitude",)))
    assert len(report.files) == 1 and report.files[0].findings == []
    assert report.errors == [f"{tmp_path / 'missing.txt'}: no such file"]
    assert report.exit_status(Severity.WARNING) == 2


def test_applying_the_fixes_gives_a_clean_draft() -> None:
    text = "Hi Dana,\n\nI enjoyed our talk about the roadmap.\n\nBest,\nSam\n"
    config = Config(select=("gratitude",))
    report = lint_text(text, {"company": "Acme"}, config)
    fixed = apply_fixes(text, first_fixes(report.findings, unsafe=True))
    assert fixed.startswith("Hi Dana,\n\nThank you for taking the time to speak with me about the opportunity at Acme.")
    assert lint_text(fixed, {"company": "Acme"}, config).findings == []


def test_docstring_examples() -> None:
    from followup_lint import api

    failures, _ = doctest.testmod(api, optionflags=doctest.ELLIPSIS)
    assert failures == 0
    assert followup_lint.__version__


def test_the_linter_cache_is_bounded_and_keeps_the_recently_used() -> None:
    """A language server that sees many settings keeps at most MAX_LINTERS linters, dropping the least recent."""
    from followup_lint import api

    api._LINTERS.clear()
    first = api.linter_for(Config(select=("length",)))
    for limit in range(api.MAX_LINTERS * 2):
        api.linter_for(Config(select=("length",), overrides=(("length.words", {"max": 100 + limit}),)))
        assert api.linter_for(Config(select=("length",))) is first  # used again: kept
    assert len(api._LINTERS) == api.MAX_LINTERS
    assert repr(Config(select=("length",), overrides=(("length.words", {"max": 100}),))) not in api._LINTERS
