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


#: The check running now under a budget: ``(its CPU seconds, the timer's count of ticks when it started)``.
_ACTIVE: list[tuple[float, int] | None] = [None]
#: Ticks of the timer since it was installed: counting them costs no system call, where reading the CPU clock
#: at the start of each rule did.
_TICKS = [0]
_MAIN = threading.main_thread().ident
#: The timer's interval while ``timer`` is installed on this process's main thread (0: not installed).
_TICK = [0.0]


def _expire(_signum: int, _frame: object) -> None:
    """The timer's tick: stop the running check if it has spent its budget (else let it go on)."""
    _TICKS[0] += 1
    active = _ACTIVE[0]
    if active is not None and (_TICKS[0] - active[1]) * _TICK[0] > active[0]:
        _ACTIVE[0] = None
        raise _ExpiredError


def can_time() -> bool:
    return hasattr(signal, "SIGVTALRM") and threading.current_thread() is threading.main_thread()


def _tick(seconds: float) -> float:
    """The timer's interval for a budget of ``seconds``: a quarter of it, at most one CPU second."""
    return max(0.001, min(1.0, seconds / 4))


@contextmanager
def timer() -> Iterator[None]:
    """Install the alarm handler and a repeating CPU-time timer for a lint (and restore the previous after).

    One timer serves every rule of the draft: ``budget`` only notes which check runs and since when, so the
    sixty rules of a lint cost no system calls (arming a timer per rule took a tenth of a warm lint's time).
    """
    if not can_time():
        yield
        return
    previous = signal.signal(signal.SIGVTALRM, _expire)
    _TICK[0] = _tick(RULE_SECONDS)
    signal.setitimer(signal.ITIMER_VIRTUAL, _TICK[0], _TICK[0])
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        _TICK[0] = 0.0
        _ACTIVE[0] = None
        signal.signal(signal.SIGVTALRM, previous)


class budget:  # noqa: N801 - used as ``with budget(...)``, like a function
    """Run a rule's check within its budget; ``DraftError`` naming the draft and the rule when it overruns."""

    __slots__ = ("_draft", "_path", "_rule", "_seconds", "_timed")

    def __init__(self, draft: str, rule_id: str, rule_path: str, seconds: float | None = None) -> None:
        self._draft, self._rule, self._path = draft, rule_id, rule_path
        self._seconds = RULE_SECONDS if seconds is None else seconds
        self._timed = False

    def __enter__(self) -> None:
        if not _TICK[0] or threading.get_ident() != _MAIN:
            return
        self._timed = True
        if _tick(self._seconds) < _TICK[0]:  # a shorter budget than the timer's: tick faster from now on
            _TICK[0] = _tick(self._seconds)
            signal.setitimer(signal.ITIMER_VIRTUAL, _TICK[0], _TICK[0])
        _ACTIVE[0] = (self._seconds, _TICKS[0])

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, _trace: object) -> bool:
        if not self._timed:
            return False
        _ACTIVE[0] = None
        if kind is _ExpiredError:
            raise DraftError(
                self._draft,
                f"rule {self._rule} ({self._path}) ran for more than {self._seconds:g} s of CPU time on this draft "
                "and was stopped (a regular expression that backtracks?)",
            ) from None
        return False
