"""Check types. A rule file names one with ``check:``; ``pipeline.CHECKS`` maps each name to its class, whose
module is imported the first time a rule file names it, so its heavy resources load only when a rule needs them.
"""

from __future__ import annotations

from ... import pipeline
from .base import Check

__all__ = ["Check", "check_class"]


def check_class(name: str) -> type[Check] | None:
    """The check class for a rule file's check type ``name`` (``pipeline.CHECKS``), or None for an unknown one."""
    ref = pipeline.CHECKS.get(name)
    return pipeline.resolve(ref) if ref is not None else None
