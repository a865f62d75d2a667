"""``followup-lint rules`` and ``followup-lint rule ID``: documentation built from the rule files."""

from __future__ import annotations

import json

from followup_lint.engine.loader import load_rules


def test_rules_lists_every_rule(run_cli) -> None:
    status, out, _ = run_cli("rules")
    assert status == 0
    lines = out.splitlines()
    rules = load_rules()
    assert len(lines) == len(rules)
    line = next(ln for ln in lines if ln.startswith("gratitude.missing "))
    assert "gratitude" in line and "warning" in line and "thanks" in line


def test_rules_as_json(run_cli) -> None:
    _status, out, _ = run_cli("rules", "--format", "json")
    items = {item["id"]: item for item in json.loads(out)}
    assert items["length.words"]["category"] == "length" and items["length.words"]["check"] == "metric"


def test_rule_shows_full_documentation(run_cli) -> None:
    status, out, _ = run_cli("rule", "gratitude.missing")
    assert status == 0
    for heading in (
        "# gratitude.missing",
        "## Why it matters",
        "## Examples that fire",
        "## Examples that do not fire",
    ):
        assert heading in out
    assert "Robert Half" in out and "thankless" in out


def test_unknown_rule_is_a_usage_error(run_cli) -> None:
    status, _out, err = run_cli("rule", "gratitude")
    assert status == 2 and "unknown rule" in err and "gratitude.missing" in err


def test_docs_rules_page_is_up_to_date(run_cli) -> None:
    """docs/rules.md is generated from the rule files; regenerate it when a rule changes."""
    from .conftest import ROOT

    status, out, _ = run_cli("rules", "--format", "markdown")
    assert status == 0
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert page == out, "docs/rules.md is stale: run `followup-lint rules --format markdown > docs/rules.md`"
    for rule in load_rules().values():
        assert f"## {rule.id}" in page


def _help_texts() -> list[tuple[str, str]]:
    """``(where, text)`` for the help of every command and option of the command line."""
    import typer

    from followup_lint.cli import docs, lint, lsp, sendmail, serve

    out = []
    for module in (lint, docs, lsp, sendmail, serve):
        command = typer.main.get_command(module.app)
        for name, sub in [("", command), *getattr(command, "commands", {}).items()]:
            where = f"{module.__name__} {name}".strip()
            out.append((where, sub.help or ""))
            out += [(f"{where} {param.name}", getattr(param, "help", None) or "") for param in sub.params]
    return out


def test_bracketed_text_in_help_is_shown(run_cli, monkeypatch) -> None:
    """Help text is Rich markup, which drops an unescaped ``[word...]`` as if it were a style tag: the install
    command of ``serve --help`` read "pip install 'followup-lint'" and five options lost their "[default: ...]"."""
    import re

    tag_like = re.compile(r"(?<!\\)\[[a-z#/@]")
    assert [where for where, text in _help_texts() if tag_like.search(text)] == []
    monkeypatch.setenv("COLUMNS", "400")  # no wrapping inside the brackets
    for args, shown in (
        (["serve", "--help"], "pip install 'followup-lint[web]'"),
        (["--help"], "Where the message is sent [default: email]."),
        (["serve", "--help"], "dialect [default: both]"),
    ):
        status, out, _ = run_cli(*args)
        assert status == 0
        assert shown in " ".join(out.split()), args
