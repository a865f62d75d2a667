"""Applying fixes to a text: non-overlapping edits, earliest first."""

from __future__ import annotations

from collections.abc import Iterable

from .model import Finding, Fix


def apply_fixes(text: str, fixes: Iterable[Fix]) -> str:
    """``text`` with ``fixes`` applied; a fix overlapping one already taken is skipped.

    Two insertions at the same offset are both applied, in the order given.
    """
    chosen: list[Fix] = []
    for fix in sorted(fixes, key=lambda f: (f.offset, f.length)):
        end = fix.offset + fix.length
        if fix.offset < 0 or end > len(text):
            continue
        if chosen and fix.offset < chosen[-1].offset + chosen[-1].length:
            continue
        chosen.append(fix)
    out: list[str] = []
    pos = 0
    for fix in chosen:
        out.append(text[pos : fix.offset])
        out.append(fix.replacement)
        pos = fix.offset + fix.length
    out.append(text[pos:])
    return "".join(out)


def first_fixes(findings: Iterable[Finding], *, unsafe: bool = False) -> list[Fix]:
    """The best fix of each finding, only safe ones unless ``unsafe``."""
    return [f.fixes[0] for f in findings if f.fixes and (unsafe or f.fixes[0].safe)]
