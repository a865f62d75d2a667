"""Findings and fixes as LSP diagnostics, text edits and code actions."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from lsprotocol import types

from ..engine.rule import Rule
from ..model import Finding, Fix, Severity

SOURCE = "followup-lint"

SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.SUGGESTION: types.DiagnosticSeverity.Information,
}

#: Turns a character offset into the document into an LSP position (in the client's units).
PositionAt = Callable[[int], types.Position]


def rule_link(rule: Rule | None) -> types.CodeDescription | None:
    """A link to the rule's file, which holds its documentation and examples."""
    if rule is None or not rule.path:
        return None
    path = Path(rule.path)
    return types.CodeDescription(href=path.as_uri()) if path.is_absolute() else None


def diagnostic(finding: Finding, position_at: PositionAt, rule: Rule | None) -> types.Diagnostic:
    """The diagnostic for ``finding``: range, severity, rule id, message with the suggestion, docs link."""
    message = finding.message
    if finding.suggestion:
        message += f"\nSuggestion: {finding.suggestion}"
    data: dict[str, object] = {"rule": finding.rule, "docs": f"followup-lint rule {finding.rule}"}
    if rule is not None:
        data["why"] = " ".join(rule.why.split())
    return types.Diagnostic(
        range=types.Range(position_at(finding.offset), position_at(finding.end)),
        message=message,
        severity=SEVERITIES[finding.severity],
        code=finding.rule,
        code_description=rule_link(rule),
        source=SOURCE,
        data=data,
    )


def text_edit(fix: Fix, position_at: PositionAt) -> types.TextEdit:
    return types.TextEdit(
        range=types.Range(position_at(fix.offset), position_at(fix.offset + fix.length)), new_text=fix.replacement
    )


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _blanks_too(old: str) -> str:
    """Words for the white space a deletion takes along, which the quoted text does not show."""
    before, after = old[:1].isspace(), old[-1:].isspace()
    if not old.strip() or not (before or after):
        return ""
    return " and the space " + ("around it" if before and after else "before it" if before else "after it")


def fix_title(fix: Fix, source: str) -> str:
    """What a fix does, in words: ``Replace 'a' with 'b'``, ``Insert 'c'``, ``Delete 'd'``."""
    old = source[fix.offset : fix.offset + fix.length]
    if not fix.length:
        title = f"Insert '{_short(fix.replacement)}'"
    elif not fix.replacement:
        title = f"Delete '{_short(old)}'{_blanks_too(old)}"
    else:
        title = f"Replace '{_short(old)}' with '{_short(fix.replacement)}'"
    return title if fix.safe else title + " (review it)"


def quick_fixes(
    uri: str,
    source: str,
    findings: Iterable[Finding],
    position_at: PositionAt,
    rules: dict[str, Rule],
) -> list[types.CodeAction]:
    """One quick-fix action for every fix of every finding; a finding's first safe fix is preferred."""
    actions = []
    for finding in findings:
        diag = diagnostic(finding, position_at, rules.get(finding.rule))
        for index, fix in enumerate(finding.fixes):
            actions.append(
                types.CodeAction(
                    title=f"{fix_title(fix, source)} [{finding.rule}]",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diag],
                    is_preferred=index == 0 and fix.safe,
                    edit=workspace_edit(uri, [text_edit(fix, position_at)]),
                )
            )
    return actions


def workspace_edit(uri: str, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    """Edits to one document (the ``changes`` form, which every client supports)."""
    return types.WorkspaceEdit(changes={uri: edits})
