"""The ``followup-lint`` command: a thin layer over the library API.

``followup-lint [OPTIONS] PATH...`` lints drafts; ``followup-lint rules`` and ``followup-lint rule ID``
document the rules; ``followup-lint daemon status|stop`` reports on or ends the resident process
(``cli/daemon.py``, the console script, decides whether a run goes to it). Errors are one line on stderr
with exit status 2, never a traceback.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # the console script imports this package first: no typing, no collections here
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

#: Sub-commands; any other first argument is a path to lint (use ``./rules`` for a file named "rules").
COMMANDS = ("rules", "rule", "lsp", "sendmail", "serve")
#: Sub-commands that are single-command apps of their own (``cli/<name>.py``), given the arguments after the name.
OWN_APPS = ("lsp", "sendmail", "serve")
PROG = "followup-lint"
#: The click command of each typer app, built once a process (the resident process serves many runs).
_COMMANDS: dict[int, Any] = {}


def error(message: str) -> int:
    """Print a one-line error and return exit status 2."""
    sys.stderr.write(f"{PROG}: error: {' '.join(str(message).split())}\n")
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    from ..config import ConfigError
    from ..engine.errors import RuleError
    from ..reading import DraftError
    from .daemon import FLAG, daemon_command

    args = list(sys.argv[1:] if argv is None else argv)
    if FLAG in args[: args.index("--") if "--" in args else len(args)]:
        args.remove(FLAG)  # this function always runs in this process (cli/daemon.py decides where a run goes)
    if args[:1] == ["daemon"]:
        return daemon_command(args[1:])
    prog = PROG
    if args and args[0] in OWN_APPS:
        import importlib

        app = importlib.import_module(f".{args[0]}", __name__).app
        prog, args = f"{PROG} {args[0]}", args[1:]
    elif args and args[0] in COMMANDS:
        from .docs import app
    else:
        from .lint import app
    import typer

    # typer may vendor click; find its exception base class through a public subclass.
    click_exception = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")
    command = _COMMANDS.get(id(app)) or _COMMANDS.setdefault(id(app), typer.main.get_command(app))
    try:
        result = command.main(args, prog_name=prog, standalone_mode=False)
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        return error("aborted")
    except click_exception as exc:
        message = exc.format_message()
        return error(message) if message.strip() else 2
    except (RuleError, ConfigError, DraftError) as exc:
        return error(str(exc))
    except BrokenPipeError:
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # pragma: no cover - a bug; say so in one line unless debugging
        if os.environ.get("FOLLOWUP_LINT_DEBUG"):
            raise
        return error(f"internal error: {type(exc).__name__}: {exc} (set FOLLOWUP_LINT_DEBUG=1 for details)")
    return result if isinstance(result, int) else 0
