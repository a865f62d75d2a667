"""A rule's documentation (``followup-lint rule ID``) and the rules' reference page, ``docs/rules.md``, built
from the rule files (regenerate with ``followup-lint rules --format markdown > docs/rules.md``; a test keeps the
page in step)."""

from __future__ import annotations

from collections.abc import Iterable

from ..engine.rule import Example, Rule


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


def _example(example: Example) -> str:
    context = {
        k: v
        for k, v in (
            ("company", example.context.company),
            ("role", example.context.role),
            ("interviewers", ", ".join(example.context.interviewers)),
            ("channel", example.context.channel),
        )
        if v
    }
    body = "\n".join("    " + line for line in example.text.splitlines())
    if context:
        body = "    (" + "; ".join(f"{k}: {v}" for k, v in context.items()) + ")\n" + body
    return body


def render_rule(rule: Rule) -> str:
    """The rule's documentation as Markdown-flavoured text (also used to build docs/rules.md)."""
    lines = [f"# {rule.id}", "", rule.summary, ""]
    lines.append(f"- category: {rule.category}")
    lines.append(f"- severity: {rule.severity.label}")
    lines.append(f"- check: {rule.check}")
    lines.append(f"- enabled by default: {'yes' if rule.enabled else 'no (opt-in with --select ' + rule.id + ')'}")
    if rule.channels:
        lines.append(f"- channels: {', '.join(rule.channels)}")
    lines += ["", "## Why it matters", "", rule.why]
    if rule.sources:
        lines += ["", "Sources:"] + [f"- {s}" for s in rule.sources]
    lines += ["", "## Message", "", rule.message]
    if rule.suggestion:
        lines += ["", "Suggestion: " + rule.suggestion]
    if rule.options:
        lines += ["", "## Options", ""]
        lines += [f"- `{k}` (default {v!r})" for k, v in rule.options.items()]
        lines += ["", f'Set them in config: [rules."{rule.id}"]']
    lines += ["", "## Examples that fire", ""]
    lines += [_example(e) + "\n" for e in rule.fire]
    lines += ["## Examples that do not fire", ""]
    lines += [_example(e) + "\n" for e in rule.passes]
    lines += [f"Defined in: {rule.path}"]
    return "\n".join(lines).rstrip() + "\n"
