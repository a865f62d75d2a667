"""``followup-lint rules`` and ``followup-lint rule ID``: the rules' documentation, built from the rule files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from ..engine.rule import Rule
from .docs_markdown import render_rule, rules_page

app = typer.Typer(add_completion=False, context_settings={"help_option_names": ["-h", "--help"]})


def _load(rule_dirs: list[Path] | None) -> dict[str, Rule]:
    from ..engine.loader import load_rules

    return load_rules(tuple(rule_dirs or ()))


@app.command("rules", help="List every rule: id, category, severity and what it catches.")
def list_rules(
    output_format: Annotated[str, typer.Option("--format", help="text, json or markdown.")] = "text",
    rules: Annotated[list[Path] | None, typer.Option("--rules", help="A directory of extra rule files.")] = None,
) -> int:
    loaded = sorted(_load(rules).values(), key=lambda r: r.id)
    if output_format == "json":
        typer.echo(json.dumps([rule_summary(r) for r in loaded], indent=2, ensure_ascii=False))
        return 0
    if output_format == "markdown":
        typer.echo(rules_page(loaded), nl=False)
        return 0
    if output_format != "text":
        raise typer.BadParameter(f"unknown format {output_format!r} (text, json or markdown)")
    width = max((len(r.id) for r in loaded), default=10)
    for rule in loaded:
        state = "" if rule.enabled else " (opt-in)"
        typer.echo(f"{rule.id:<{width}}  {rule.category:<15} {rule.severity.label:<10} {rule.summary}{state}")
    return 0


@app.command("rule", help="Show a rule's full documentation, with examples.")
def show_rule(
    rule_id: Annotated[str, typer.Argument(metavar="ID", help="The rule id, e.g. gratitude.missing.")],
    rules: Annotated[list[Path] | None, typer.Option("--rules", help="A directory of extra rule files.")] = None,
) -> int:
    loaded = _load(rules)
    if rule_id not in loaded:
        close = [r for r in sorted(loaded) if rule_id in r]
        hint = f" (did you mean {', '.join(close[:5])}?)" if close else " (see 'followup-lint rules')"
        raise typer.BadParameter(f"unknown rule {rule_id!r}{hint}")
    typer.echo(render_rule(loaded[rule_id]))
    return 0


def rule_summary(rule: Rule) -> dict[str, object]:
    return {
        "id": rule.id,
        "category": rule.category,
        "severity": rule.severity.label,
        "check": rule.check,
        "kind": rule.check,  # the old name of "check", kept for scripts that read it
        "enabled": rule.enabled,
        "summary": rule.summary,
    }
