"""Talking to the resident process (``cli/resident.py``): where its socket is, the code stamp, a run handed
over with this process's standard streams, starting one, and ``followup-lint daemon status|stop``.

Imports only light standard modules: ``cli/launcher.py`` uses it before anything else on every command.
"""

from __future__ import annotations

import contextlib
import os
import sys

FLAG = "--no-daemon"
ENV = "FOLLOWUP_LINT_DAEMON"
IDLE_ENV = "FOLLOWUP_LINT_DAEMON_IDLE"
IDLE_SECONDS = 900.0
#: Commands that always run in this process: they run for long (lsp, serve) or run another program (sendmail).
DIRECT = ("lsp", "sendmail", "serve")
PROTOCOL = 1
#: The longest socket path every POSIX system binds (Linux allows 107 bytes, macOS 103).
MAX_PATH = 100
#: Environment variables read once when the process starts (by Python or by followup-lint's modules): their
#: values pick the resident process, so a lint never runs under settings other than its own.
_START_ENV_PREFIXES = ("FOLLOWUP_LINT_", "PYTHON", "LC_")
_START_ENV = ("HOME", "LANG", "XDG_CACHE_HOME", "TERMINAL_WIDTH", "FORCE_COLOR", "PY_COLORS", "GITHUB_ACTIONS")
_NOT_START_ENV = (ENV, IDLE_ENV, "FOLLOWUP_LINT_DEBUG")


def enabled() -> bool:
    """False with ``FOLLOWUP_LINT_DAEMON=0`` (or ``false``, ``no``, ``off``) or where Unix sockets are missing."""
    value = os.environ.get(ENV, "").strip().lower()
    return value not in ("0", "false", "no", "off") and sys.platform != "win32" and hasattr(os, "fork")


def idle_seconds() -> float:
    try:
        return max(0.1, float(os.environ.get(IDLE_ENV, "") or IDLE_SECONDS))
    except ValueError:
        return IDLE_SECONDS


# --- where the resident process listens, and what it was started from -----------------------------------------


def runtime_dir() -> str:
    """The per-user directory of the sockets: ``$XDG_RUNTIME_DIR/followup-lint``, else ``/tmp/followup-lint-UID``."""
    base = os.environ.get("XDG_RUNTIME_DIR", "")
    if base and os.path.isabs(base):
        return os.path.join(base, "followup-lint")
    return f"/tmp/followup-lint-{os.getuid()}"  # not $TMPDIR: a socket's path must be short (see MAX_PATH)


def safe_dir(path: str, *, create: bool) -> bool:
    """True if ``path`` is a real directory owned by this user that no one else can enter (mode 0700); with
    ``create``, make it so when it is missing. A directory anyone else could write to is refused, never fixed."""
    import stat

    if create:
        try:
            os.mkdir(path, 0o700)
        except FileExistsError:
            pass
        except OSError:
            return False
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and info.st_mode & 0o077 == 0


def _hash(text: str) -> str:
    try:
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - CPython always has it
        from hashlib import blake2b
    return blake2b(text.encode("utf-8", "surrogateescape"), digest_size=12).hexdigest()


def _package_dir() -> str:
    return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _rules_dir(package: str) -> str:
    """``data.builtin_rules_dir`` without importing pathlib: the packaged rules, or a checkout's ``rules/``."""
    packaged = os.path.join(package, "rules")
    return packaged if os.path.isdir(packaged) else os.path.join(os.path.dirname(os.path.dirname(package)), "rules")


def code_stamp() -> str:
    """A digest of everything a resident process loaded when it started: the package's files and the built-in
    rules (path, size, modification time: stat only, no reading), the interpreter, and the directories Python
    imports from (installing or removing a package changes the directory's time)."""
    package = _package_dir()
    parts: list[str] = [sys.version, sys.executable]
    for top in (package, _rules_dir(package)):
        stack = [top]
        while stack:
            directory = stack.pop()
            try:
                entries = list(os.scandir(directory))
            except OSError:
                parts.append(f"{directory}:missing")
                continue
            for entry in entries:
                if entry.name == "__pycache__":
                    continue
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                    continue
                try:
                    info = entry.stat()
                except OSError:
                    continue
                parts.append(f"{entry.path}:{info.st_size}:{info.st_mtime_ns}")
    for entry in sys.path[1:]:
        with contextlib.suppress(OSError):
            parts.append(f"{entry}:{os.stat(entry or '.').st_mtime_ns}")
    parts.sort()
    return _hash("\n".join(parts))


class Place:
    """The socket of the resident process for this interpreter, package and start-time environment."""

    def __init__(self, directory: str, key: str) -> None:
        self.directory = directory
        self.key = key
        self.socket = os.path.join(directory, f"{key}.sock")
        self.lock = os.path.join(directory, f"{key}.lock")

    @classmethod
    def here(cls, *, create: bool = True) -> Place | None:
        """This process's place, or None when the runtime directory is missing or unsafe, or its path too long
        for a socket (then run directly)."""
        directory = runtime_dir()
        if len(os.fsencode(directory)) > MAX_PATH - 30 or not safe_dir(directory, create=create):
            return None
        env = sorted(
            (name, value)
            for name, value in os.environ.items()
            if (name.startswith(_START_ENV_PREFIXES) or name in _START_ENV) and name not in _NOT_START_ENV
        )
        key = _hash(repr((sys.executable, _package_dir(), os.getegid(), env)))
        return cls(directory, key)


# --- talking to the resident process --------------------------------------------------------------------------


def _send(sock: object, message: dict[str, object], fds: list[int] | None = None) -> None:
    import json
    import socket

    assert isinstance(sock, socket.socket)
    data = json.dumps(message).encode("utf-8", "surrogateescape")
    frame = len(data).to_bytes(4, "big") + data
    if fds:
        socket.send_fds(sock, [frame], fds)
    else:
        sock.sendall(frame)


def _connect(place: Place, timeout: float | None = 5.0) -> object | None:
    """A connected socket, or None when no resident process listens (or the socket is not this user's)."""
    import socket
    import stat

    try:
        info = os.lstat(place.socket)
    except OSError:
        return None
    if not stat.S_ISSOCK(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        return None
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        sock.connect(place.socket)
    except OSError:
        sock.close()
        return None
    return sock


def _messages(sock: object):  # type: ignore[no-untyped-def]
    """The resident process's answers: one JSON object a line, until it closes the connection."""
    import json
    import socket

    assert isinstance(sock, socket.socket)
    pending = b""
    while True:
        while b"\n" not in pending:
            try:
                chunk = sock.recv(4096)
            except KeyboardInterrupt:  # Ctrl+C reaches this process: pass it on to the one doing the work
                _interrupt(sock, b"I")
                continue
            except OSError:
                return
            if not chunk:
                return
            pending += chunk
        line, pending = pending.split(b"\n", 1)
        try:
            yield json.loads(line)
        except ValueError:
            return


def _interrupt(sock: object, what: bytes) -> None:
    with contextlib.suppress(OSError):
        sock.sendall(what)  # type: ignore[attr-defined]


def _stream_settings(stream: object) -> list[object]:
    return [
        getattr(stream, "encoding", None) or "utf-8",
        getattr(stream, "errors", None) or "strict",
        bool(getattr(stream, "line_buffering", False)),
        bool(getattr(stream, "write_through", False)),
    ]


def forward(place: Place, args: list[str]) -> int | None:
    """Run ``args`` in the resident process: its exit status, or None when none could take the run (stale,
    absent, refused), and nothing was written."""
    streams = (sys.stdin, sys.stdout, sys.stderr)
    try:
        fds = [stream.fileno() for stream in streams]  # type: ignore[union-attr]
        cwd = os.getcwd()
    except (AttributeError, ValueError, OSError):
        return None
    for stream in streams[1:]:
        with contextlib.suppress(AttributeError, OSError, ValueError):
            stream.flush()  # type: ignore[union-attr]
    sock = _connect(place, timeout=None)
    if sock is None:
        return None
    import signal

    umask = os.umask(0o077)
    os.umask(umask)
    request = {
        "protocol": PROTOCOL,
        "op": "lint",
        "stamp": code_stamp(),
        "argv0": sys.argv[0] if sys.argv else "followup-lint",
        "args": args,
        "cwd": cwd,
        "env": dict(os.environ),
        "umask": umask,
        "stdio": [_stream_settings(stream) for stream in streams],
    }
    previous = {}

    def on_signal(number: int, _frame: object) -> None:
        _interrupt(sock, b"T")  # the work stops; then this process ends the way the signal says
        signal.signal(number, previous.get(number, signal.SIG_DFL))
        os.kill(os.getpid(), number)

    try:
        for number in (signal.SIGTERM, signal.SIGHUP):
            previous[number] = signal.signal(number, on_signal)
        try:
            _send(sock, request, fds)
        except OSError:
            return None
        started = False
        for message in _messages(sock):
            if "started" in message:
                started = True
            elif "exit" in message:
                return int(message["exit"])
            else:  # "stale" or "refused": the resident process did not run it
                return None
        if not started:
            return None
        sys.stderr.write("followup-lint: error: the resident process stopped during the run (try --no-daemon)\n")
        return 2
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        sock.close()  # type: ignore[attr-defined]


def start_server(place: Place) -> None:
    """Start a resident process in the background (detached, its own session, no terminal), unless one holds
    the socket's lock (it serves, or is still warming up); never fails."""
    import fcntl
    import subprocess

    try:
        fd = os.open(place.lock, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
    except OSError:
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return  # held: a resident process is up or starting
    finally:
        os.close(fd)  # (closing releases a lock this process took)

    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, OSError, ValueError):
            stream.flush()
    command = [sys.executable, "-P", "-m", "followup_lint.cli.resident", place.socket, code_stamp()]
    with contextlib.suppress(OSError):
        subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            close_fds=True,
            cwd="/",
        )


def request(place: Place, op: str) -> dict[str, object] | None:
    """Ask a resident process for ``status`` or to ``stop``: its answer, or None when none answers."""
    sock = _connect(place)
    if sock is None:
        return None
    try:
        _send(sock, {"protocol": PROTOCOL, "op": op})
        return next(iter(_messages(sock)), None)
    except OSError:
        return None
    finally:
        sock.close()  # type: ignore[attr-defined]


def daemon_command(args: list[str]) -> int:
    """``followup-lint daemon status`` lists this user's resident processes; ``daemon stop`` ends them."""
    if args not in (["status"], ["stop"]):
        sys.stderr.write("followup-lint: error: usage: followup-lint daemon status|stop\n")
        return 2
    if not hasattr(os, "getuid"):
        sys.stdout.write("no resident process (none on this system)\n")
        return 0
    directory = runtime_dir()
    if not safe_dir(directory, create=False):
        sys.stdout.write(f"no resident process ({directory} is missing or not private to this user)\n")
        return 0
    found = 0
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".sock"):
            continue
        answer = request(Place(directory, name[: -len(".sock")]), args[0])
        if answer is None:
            continue
        found += 1
        if args[0] == "stop":
            sys.stdout.write(f"stopped the resident process {answer.get('pid')}\n")
        else:
            sys.stdout.write(
                f"resident process {answer.get('pid')}: {answer.get('served')} runs served, idle for"
                f" {answer.get('idle_s')} s of {answer.get('idle_timeout_s')} s, socket {answer.get('socket')}\n"
            )
    if not found:
        sys.stdout.write("no resident process\n")
    return 0
