"""Check kinds. The built-in kinds are registered here; a Python check kind ``foo-bar`` lives in the module
``followup_lint.engine.checks.foo_bar`` (registered with ``@register("foo-bar")``) and is imported the first
time a rule file names it, so its heavy resources load only when a rule needs them.
"""

from __future__ import annotations

import importlib

from . import metric, phrases, required  # noqa: F401 - importing registers the kinds
from .base import KINDS, Check, register

__all__ = ["KINDS", "Check", "kind_class", "register"]


def kind_class(kind: str) -> type[Check] | None:
    """The check class for a rule file's ``kind``, importing its module on first use."""
    if kind not in KINDS and kind.replace("-", "").isalnum():
        try:
            importlib.import_module(f"{__name__}.{kind.replace('-', '_')}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{kind.replace('-', '_')}":
                raise
    return KINDS.get(kind)
