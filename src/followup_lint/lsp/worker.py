"""An executor that runs its calls one at a time on the thread that calls ``run``: the main thread.

The language server lints on the main thread and runs its event loop on another, so that the rule budget
(``engine/budget.py``, a CPU-time signal, delivered to the main thread only) stops a user's backtracking regex
in the editor as it does on the command line, while the loop keeps answering requests.
"""

from __future__ import annotations

import queue
from collections.abc import Callable
from concurrent.futures import Executor, Future
from typing import Any


class MainThreadExecutor(Executor):
    """``submit`` from any thread; the calls run in order inside ``run`` until ``shutdown``."""

    def __init__(self) -> None:
        self._calls: queue.SimpleQueue[tuple[Future[Any], Callable[[], Any]] | None] = queue.SimpleQueue()
        self._closed = False

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        if self._closed:
            future.cancel()
            future.set_running_or_notify_cancel()
            return future
        self._calls.put((future, lambda: fn(*args, **kwargs)))
        return future

    def run(self) -> None:
        """Run the submitted calls until ``shutdown`` (call this on the main thread)."""
        while True:
            item = self._calls.get()
            if item is None:
                return
            future, call = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                result = call()
            except BaseException as exc:  # handed to whoever waits for the result
                future.set_exception(exc)
            else:
                future.set_result(result)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._closed = True
        self._calls.put(None)
