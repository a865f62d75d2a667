"""A time budget for each rule's check on a draft, so no rule (a user's backtracking regex) can hang a run.

On the main thread of a process with ``SIGVTALRM`` (the command line, batch workers), a timer of the process's
CPU time (so a busy machine does not trip it) interrupts a check that runs past ``RULE_SECONDS``: Python's
regex engine looks at pending signals while it searches, so even a catastrophic backtrack stops. The draft
then gets one error line naming the rule; the run goes on. Elsewhere (another thread, Windows) checks run
without a timer.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from ..reading import DraftError

#: CPU seconds one rule may spend on one draft, loading its resources included (the spelling dictionary, on a
#: cold cache): a linear rule takes well under a second on 512 KB.
RULE_SECONDS = float(os.environ.get("FOLLOWUP_LINT_RULE_SECONDS", "20") or 20)


class _ExpiredError(Exception):
    pass


def _expire(_signum: int, _frame: object) -> None:
    raise _ExpiredError


def can_time() -> bool:
    return hasattr(signal, "SIGVTALRM") and threading.current_thread() is threading.main_thread()


@contextmanager
def timer() -> Iterator[None]:
    """Install the alarm handler for a lint (and restore the previous one after)."""
    if not can_time():
        yield
        return
    previous = signal.signal(signal.SIGVTALRM, _expire)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)


@contextmanager
def budget(draft: str, rule_id: str, rule_path: str, seconds: float | None = None) -> Iterator[None]:
    """Run a rule's check within its budget; ``DraftError`` naming the draft and the rule when it overruns."""
    seconds = RULE_SECONDS if seconds is None else seconds
    if not can_time() or signal.getsignal(signal.SIGVTALRM) is not _expire:
        yield
        return
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        yield
    except _ExpiredError:
        raise DraftError(
            draft,
            f"rule {rule_id} ({rule_path}) ran for more than {seconds:g} s of CPU time on this draft and was stopped "
            "(a regular expression that backtracks?)",
        ) from None
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
