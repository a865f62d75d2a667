"""The rules' reference page, ``docs/rules.md``, built from the rule files (regenerate with
``followup-lint rules --format markdown > docs/rules.md``; a test keeps the page in step)."""

from __future__ import annotations

from collections.abc import Iterable

from ..engine.rule import Rule
from .docs import render_rule


def rules_page(rules: Iterable[Rule]) -> str:
    ordered = sorted(rules, key=lambda r: (r.category, r.id))
    lines = [
        "# Rules",
        "",
        "Generated from the rule files in `rules/` by `followup-lint rules --format markdown`; do not edit by hand.",
        "",
        "| rule | category | severity | what it catches |",
        "| --- | --- | --- | --- |",
    ]
    for rule in ordered:
        anchor = rule.id.replace(".", "")
        summary = rule.summary.replace("|", "\\|") + ("" if rule.enabled else " (opt-in)")
        lines.append(f"| [{rule.id}](#{anchor}) | {rule.category} | {rule.severity.label} | {summary} |")
    lines.append("")
    for rule in ordered:
        page = render_rule(rule).replace("\n# ", "\n## ").replace("\n## Why", "\n### Why")
        page = page.replace("\n## Message", "\n### Message").replace("\n## Options", "\n### Options")
        page = page.replace("\n## Examples", "\n### Examples")
        page = "#" + page if page.startswith("# ") else page
        # Paths differ between checkouts and installs: name the rule file relative to the rules directory.
        lines.append(page.split("Defined in: ")[0].rstrip() + f"\n\nDefined in: `{_relative(rule.path)}`\n")
    return "\n".join(lines)


def _relative(path: str) -> str:
    marker = "/rules/"
    return "rules/" + path.rsplit(marker, 1)[1] if marker in path else path
