"""Where the rule files and their data (``rules/``, ``rules/_data/``) are: inside the package, or in a checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def builtin_rules_dir() -> Path:
    """The rule files that ship with the package (or, in a source checkout, the top-level ``rules/``); found once
    per process (it was resolved on every lint, by each check that reads a data file)."""
    here = Path(__file__).resolve().parent
    packaged = here / "rules"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "rules"
