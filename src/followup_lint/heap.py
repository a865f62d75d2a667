"""The cyclic garbage collector around a linter's long-lived objects.

A linter holds some 60,000 objects (rules, compiled patterns, word lists, models) that live as long as the
process. Every full pass of the collector walks them all (about 50 ms; a warm lint averaged 0.6 ms of such
passes), and while they are loaded it runs again and again for nothing: loading makes no reference cycles
worth finding. So a process that lints pauses the collector while it loads (``pause``), then moves what it
loaded out of the collector's sight (``settle``: ``gc.freeze``) and resumes it for the drafts' own objects.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Stop cyclic collection until ``settle`` (for a process about to load a linter)."""
    global _paused
    _paused = gc.isenabled()
    gc.disable()


def settle_if_paused() -> None:
    """``settle`` when ``pause`` stopped the collector (the command line's lint, once its linters are built); a
    library caller's process is left as it is."""
    if _paused:
        settle()


def settle(*, collect: bool = False) -> None:
    """Keep every object made so far out of later collections, and collect again from now on. ``collect``: first
    free the cycles already unreachable (a long-running process, which builds a linter more than once)."""
    global _paused
    _paused = False
    if collect:
        gc.collect()
    gc.freeze()
    gc.enable()
