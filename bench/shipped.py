"""Write a shipped data file from its training script, or (``--check``) say whether the shipped one equals a
rebuild: the scripts that make shipped weights must reproduce them exactly."""

from __future__ import annotations

from pathlib import Path


def write_or_check(out: Path, text: str, *, check: bool, root: Path) -> int:
    """Write ``text`` to ``out``, or with ``check`` compare it with ``out``; the exit status."""
    if check:
        same = out.exists() and out.read_text(encoding="utf-8") == text
        print(f"{out.name} is " + ("reproduced exactly" if same else "DIFFERENT from a rebuild"))
        return 0 if same else 1
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out.relative_to(root)} ({len(text):,} bytes)")
    return 0
