"""The ``followup-lint`` command's entry point: a lint goes to the resident process when one is up.

Starting Python and loading the rules costs far more than linting one draft, so a lint is handed, with this
process's own standard input, output and error (passed over the socket), its arguments, working directory,
environment and umask, to a resident process that has the rules loaded (``cli/resident.py``); it forks a
child that runs the command exactly as this process would, and answers with the exit status. When no resident
process answers, the command runs here and one is started in the background for next time; it ends after
``FOLLOWUP_LINT_DAEMON_IDLE`` seconds without a request (default 900).

``--no-daemon`` or ``FOLLOWUP_LINT_DAEMON=0`` runs in this process. ``followup-lint daemon status|stop``.

This module imports only light standard modules: it runs before anything else on every command.
"""

from __future__ import annotations

import sys

from .daemon import DIRECT, FLAG, Place, daemon_command, enabled, forward, start_server


def main() -> int:
    """The console script: ``followup-lint [--no-daemon] ARGS...``."""
    args = sys.argv[1:]
    bypass = FLAG in args[: args.index("--") if "--" in args else len(args)]
    if bypass:
        args.remove(FLAG)
    if args[:1] == ["daemon"]:
        return daemon_command(args[1:])
    if bypass or not enabled() or (args and args[0] in DIRECT):
        return direct(args)
    place = Place.here()
    if place is None:
        return direct(args)
    try:
        status = forward(place, args)
    except KeyboardInterrupt:  # before the run was handed over: as a direct run ends on Ctrl+C
        return 130
    if status is not None:
        return status
    status = direct(args)
    start_server(place)
    return status


def direct(args: list[str]) -> int:
    """Run the command in this process."""
    from . import COMMANDS
    from . import main as cli_main

    if not args or args[0] not in COMMANDS:  # a lint: the collector waits until the linter is built (heap.py)
        from ..heap import pause

        pause()

    return cli_main(args)
