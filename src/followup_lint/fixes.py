"""Applying fixes to a text: non-overlapping edits, earliest first, repeated until nothing changes."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from .model import Finding, Fix

#: How many lint-and-fix rounds ``fix_text`` runs at most (fixes may uncover or enable other fixes).
MAX_PASSES = 10

_LONE_LF = re.compile(r"(?<!\r)\n")


def choose_fixes(text: str, fixes: Iterable[Fix]) -> list[Fix]:
    """The fixes ``apply_fixes`` applies: inside ``text``, earliest first, none overlapping an earlier one."""
    chosen: list[Fix] = []
    for fix in sorted(fixes, key=lambda f: (f.offset, f.length)):
        end = fix.offset + fix.length
        if fix.offset < 0 or end > len(text):
            continue
        if chosen and fix.offset < chosen[-1].offset + chosen[-1].length:
            continue
        chosen.append(fix)
    return chosen


def apply_fixes(text: str, fixes: Iterable[Fix]) -> str:
    """``text`` with ``fixes`` applied; a fix overlapping one already taken is skipped.

    Two insertions at the same offset are both applied, in the order given.
    """
    out: list[str] = []
    pos = 0
    for fix in choose_fixes(text, fixes):
        out.append(text[pos : fix.offset])
        out.append(fix.replacement)
        pos = fix.offset + fix.length
    out.append(text[pos:])
    return "".join(out)


def first_fixes(findings: Iterable[Finding], *, unsafe: bool = False) -> list[Fix]:
    """The best fix of each finding, only safe ones unless ``unsafe``."""
    return [f.fixes[0] for f in findings if f.fixes and (unsafe or f.fixes[0].safe)]


def with_newline(fix: Fix, newline: str) -> Fix:
    """``fix`` with the line breaks of its replacement written as ``newline`` (the file's line ending)."""
    if newline == "\n" or "\n" not in fix.replacement:
        return fix
    return replace(fix, replacement=_LONE_LF.sub(newline, fix.replacement))


@dataclass(frozen=True, slots=True)
class FixResult:
    """The outcome of ``fix_text``: the fixed text, the findings left in it and how many fixes were applied."""

    text: str
    findings: Sequence[Finding]
    applied: int

    @property
    def changed(self) -> bool:
        return self.applied > 0


def fix_text(
    text: str,
    lint: Callable[[str], Sequence[Finding]],
    *,
    unsafe: bool = False,
    newline: str = "\n",
    max_passes: int = MAX_PASSES,
) -> FixResult:
    """Lint ``text``, apply the best fix of each finding (safe ones unless ``unsafe``), and repeat.

    Stops when no fix applies, the text stops changing, a text comes back (fixes undoing each other) or after
    ``max_passes`` rounds, so running it again on its result changes nothing. ``lint`` returns the findings
    of a text, with offsets into it.
    """
    findings = lint(text)
    seen = {text}
    applied = 0
    for _ in range(max_passes):
        fixes = [with_newline(f, newline) for f in first_fixes(findings, unsafe=unsafe)]
        chosen = choose_fixes(text, fixes)
        if not chosen:
            break
        fixed = apply_fixes(text, chosen)
        if fixed in seen:
            break
        seen.add(fixed)
        text, applied = fixed, applied + len(chosen)
        findings = lint(text)
    return FixResult(text, findings, applied)


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff from ``before`` to ``after``; empty when equal.

    Relative paths are labelled ``a/PATH`` and ``b/PATH`` (apply with ``patch -p1`` or ``git apply``),
    absolute ones and standard input as they are.
    """
    if before == after:
        return ""
    import difflib
    import os

    old, new = (path, path) if os.path.isabs(path) or path == "-" else (f"a/{path}", f"b/{path}")
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True), old, new)
    out: list[str] = []
    for line in lines:
        out.append(line)
        if not line.endswith(("\n", "\r")):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)
