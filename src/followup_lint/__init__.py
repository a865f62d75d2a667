"""followup-lint: a linter for the messages people send after a job interview.

Reading a draft (``followup_lint.reading``) → running the rules (``followup_lint.engine``) → reporting the
findings (``followup_lint.reporting``). The library API is ``lint_text`` and ``lint_paths``.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing's: the console script imports this module first, and typing costs time
if TYPE_CHECKING:
    from typing import Any

__version__ = "0.1.0"

__all__ = ["Config", "Context", "Finding", "Fix", "Severity", "__version__", "lint_paths", "lint_text"]

if TYPE_CHECKING:
    from .api import lint_paths, lint_text
    from .config import Config
    from .model import Context, Finding, Fix, Severity

_LAZY = {
    "lint_text": "api",
    "lint_paths": "api",
    "Config": "config",
    "Context": "model",
    "Finding": "model",
    "Fix": "model",
    "Severity": "model",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
