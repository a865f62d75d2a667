"""The resident process behind ``followup-lint`` (see ``cli/daemon.py``): rules loaded once, a child per run.

``python -P -m followup_lint.cli.resident SOCKET STAMP`` warms up (imports, built-in rules, lexicons: a lint
of a sample draft with ``--isolated``), listens on ``SOCKET`` (mode 0600, in a 0700 directory of this user)
and, for each run, forks a child that takes the caller's standard streams, working directory, environment and
umask and runs ``cli.main`` on its arguments. The parent never runs a user's lint, so nothing a run reads
(config files, user rule files and word lists, ``.gitignore`` files) outlives the run: each run reads them
as a direct run does. A request whose code stamp differs from ``STAMP`` (the package, the built-in rules or
the installed packages changed) is answered "stale" and the process ends. It also ends after
``FOLLOWUP_LINT_DAEMON_IDLE`` seconds without a request, or on ``followup-lint daemon stop``, removing its socket.
"""

from __future__ import annotations

import contextlib
import gc
import io
import json
import os
import signal
import socket
import sys
import tempfile
import threading
import time
from typing import Any

from .daemon import PROTOCOL, idle_seconds, safe_dir

SAMPLE = (
    "Hi Dana,\n\nThank you for taking the time to meet with me on Tuesday about the analytics role. I really "
    "enjoyed learning how your team plans its roadmap, and I look forward to hearing about the next steps.\n\n"
    "Best regards,\nSam Patel\n"
)
_PATHS = {"markdown": "example.md", "email": "example.eml"}
#: A request larger than this (arguments and environment) is refused.
MAX_REQUEST = 4 << 20


def warm_up() -> None:
    """Load what every run needs once: the command's modules, the built-in rules, the lexicons, the formats."""
    from . import main as cli_main

    with tempfile.TemporaryDirectory(prefix="followup-lint-warm-") as directory:
        sample = {}
        for suffix in (".txt", ".eml", ".md"):
            sample[suffix] = os.path.join(directory, f"sample{suffix}")
            text = f"Subject: Thank you\nTo: dana@example.com\n\n{SAMPLE}" if suffix == ".eml" else SAMPLE
            with open(sample[suffix], "w", encoding="utf-8") as handle:
                handle.write(text)
        saved = sys.stdout, sys.stderr
        try:
            for fmt in ("text", "json", "line"):
                sys.stdout = sys.stderr = io.StringIO()
                cli_main(["--isolated", "--format", fmt, *sample.values()])
        finally:
            sys.stdout, sys.stderr = saved
    from ..api import lint_text
    from ..engine.loader import load_rules

    # Every rule's own examples: patterns are compiled, and lexicon shards read, on first use.
    for rule in load_rules().values():
        for example in (*rule.fire, *rule.passes):
            lint_text(example.text, example.context, path=_PATHS.get(example.format, "example.txt"))
    import rich.cells  # the text format's colours on a terminal
    import rich.console
    import rich.text

    rich.cells.cell_len("\u00e9\U0001f600")


class Server:
    def __init__(self, path: str, stamp: str) -> None:
        self.path = path
        self.stamp = stamp
        self.idle = idle_seconds()
        self.served = 0
        self.last = time.monotonic()
        self.listener: socket.socket | None = None
        self.lock_fd = -1

    # --- life ---

    def acquire(self, wait: float = 10.0) -> bool:
        """Hold the lock file beside the socket: one resident process per socket (a stale one is leaving)."""
        import fcntl

        self.lock_fd = os.open(self.path[: -len(".sock")] + ".lock", os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(self.lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                os.ftruncate(self.lock_fd, 0)
                os.write(self.lock_fd, f"{os.getpid()}\n".encode())  # who holds it, for the curious
                return True
            except OSError:
                if time.monotonic() > deadline:
                    return False
                time.sleep(0.05)

    def listen(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.path)  # left by a process that was killed: we hold the lock, so it is no one's
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        old = os.umask(0o177)
        try:
            listener.bind(self.path)
        finally:
            os.umask(old)
        os.chmod(self.path, 0o600)
        listener.listen(16)
        self.listener = listener

    def close(self) -> None:
        """Remove the socket, then release the lock."""
        if self.listener is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.path)  # ours: a new process binds this path only once it holds the lock
            self.listener.close()
            self.listener = None
        if self.lock_fd >= 0:
            os.close(self.lock_fd)
            self.lock_fd = -1

    def run(self) -> None:
        assert self.listener is not None
        while True:
            self._reap()
            remaining = self.idle - (time.monotonic() - self.last)
            if remaining <= 0:
                return
            self.listener.settimeout(min(remaining, 5.0))
            try:
                conn, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            try:
                if not self.handle(conn):
                    return
            except Exception:  # a malformed request must not end the process for the next one
                pass
            finally:
                conn.close()
                self.last = time.monotonic()

    def _reap(self) -> None:
        try:
            while os.waitpid(-1, os.WNOHANG)[0]:
                pass
        except ChildProcessError:
            pass

    # --- requests ---

    def handle(self, conn: socket.socket) -> bool:
        """Answer one connection; False when this process should end."""
        conn.settimeout(10.0)
        try:
            if not _same_user(conn):
                return True
            request, fds = _receive(conn)
        except (OSError, ValueError):
            return True
        try:
            op = request.get("op")
            if request.get("protocol") != PROTOCOL:
                _answer(conn, {"refused": "protocol"})
                return op != "lint"  # a launcher of another version: make way for its own resident process
            if op == "status":
                _answer(conn, self.status())
                return True
            if op == "stop":
                _answer(conn, {"stopped": True, "pid": os.getpid()})
                return False
            if op != "lint" or len(fds) != 3:
                _answer(conn, {"refused": "bad request"})
                return True
            if request.get("stamp") != self.stamp:
                _answer(conn, {"stale": True})
                return False
            self.served += 1
            self.fork(conn, request, fds)
            return True
        finally:
            for fd in fds:
                os.close(fd)

    def status(self) -> dict[str, Any]:
        return {
            "pid": os.getpid(),
            "served": self.served,
            "idle_s": round(time.monotonic() - self.last, 1),
            "idle_timeout_s": self.idle,
            "socket": self.path,
        }

    def fork(self, conn: socket.socket, request: dict[str, Any], fds: list[int]) -> None:
        pid = os.fork()
        if pid:
            return
        status = 2
        try:
            if self.listener is not None:
                self.listener.close()
            os.close(self.lock_fd)
            status = run_child(conn, request, fds)
        except BaseException:  # a child must never return into the server loop
            status = 2
        finally:
            os._exit(status)


def _same_user(conn: socket.socket) -> bool:
    """The peer runs as this user (Linux: SO_PEERCRED; elsewhere the socket's mode 0600 guards it)."""
    if not hasattr(socket, "SO_PEERCRED"):
        return True
    import struct

    creds = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    _pid, uid, _gid = struct.unpack("3i", creds)
    return uid == os.getuid()


def _receive(conn: socket.socket) -> tuple[dict[str, Any], list[int]]:
    data, fds, _flags, _addr = socket.recv_fds(conn, 65536, 3)
    if len(data) < 4:
        raise ValueError("short request")
    size = int.from_bytes(data[:4], "big")
    if size > MAX_REQUEST:
        for fd in fds:
            os.close(fd)
        raise ValueError("request too large")
    body = data[4:]
    while len(body) < size:
        chunk = conn.recv(min(65536, size - len(body)))
        if not chunk:
            for fd in fds:
                os.close(fd)
            raise ValueError("short request")
        body += chunk
    try:
        request = json.loads(body.decode("utf-8", "surrogateescape"))
        if not isinstance(request, dict):
            raise ValueError("not a request")
    except ValueError:
        for fd in fds:
            os.close(fd)
        raise
    return request, list(fds)


def _answer(conn: socket.socket, message: dict[str, Any]) -> None:
    with contextlib.suppress(OSError):
        conn.sendall(json.dumps(message).encode() + b"\n")


# --- the child: one run, as the caller's own process would do it ---------------------------------------------


def _stdio(fd: int, mode: str, settings: list[Any]) -> io.TextIOWrapper:
    """A standard stream over ``fd`` set up as the caller's Python set up its own (encoding, buffering)."""
    encoding, errors, line_buffering, write_through = settings
    raw = open(fd, mode + "b", buffering=-1, closefd=False)  # noqa: SIM115 - the stream outlives this function
    return io.TextIOWrapper(
        raw, encoding=encoding, errors=errors, newline="\n", line_buffering=line_buffering, write_through=write_through
    )


def run_child(conn: socket.socket, request: dict[str, Any], fds: list[int]) -> int:
    """Take on the caller's streams, directory, environment and umask, run the command, send its status."""
    for number in (signal.SIGTERM, signal.SIGHUP, signal.SIGCHLD):
        signal.signal(number, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
    os.chdir(request["cwd"])
    os.umask(int(request["umask"]))
    os.environ.clear()
    os.environ.update(request["env"])
    stdin, stdout, stderr = (
        _stdio(fd, mode, settings) for fd, mode, settings in zip((0, 1, 2), "rww", request["stdio"], strict=True)
    )
    sys.stdin = sys.__stdin__ = stdin
    sys.stdout = sys.__stdout__ = stdout
    sys.stderr = sys.__stderr__ = stderr
    sys.argv = [request["argv0"], *request["args"]]
    _answer(conn, {"started": True})
    threading.Thread(target=_watch, args=(conn,), daemon=True).start()
    from . import main as cli_main

    status = cli_main(list(request["args"]))
    for stream in (stdout, stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            status = 120  # what Python exits with when it cannot flush standard output at exit
    _answer(conn, {"exit": status})
    return status


def _watch(conn: socket.socket) -> None:
    """Stop the run as the caller's own process would stop: Ctrl+C there (``I``) is a KeyboardInterrupt here;
    a signal that ends the caller (``T``), or the caller gone, ends this child."""
    try:
        what = conn.recv(1)
    except OSError:
        what = b""
    if what == b"I":
        os.kill(os.getpid(), signal.SIGINT)
        _watch(conn)
    else:
        os.kill(os.getpid(), signal.SIGTERM)


def serve(path: str, stamp: str) -> int:
    """Run a resident process on ``path`` until it is idle, stale or stopped."""
    if not safe_dir(os.path.dirname(path), create=False):
        return 1
    server = Server(path, stamp)
    if not server.acquire():
        return 0  # another resident process serves this socket
    try:
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
        warm_up()
        gc.collect()
        gc.freeze()  # the children share the warm objects' pages instead of copying them on their first collection
        server.listen()
        server.last = time.monotonic()
        server.run()
    finally:
        server.close()
    return 0


if __name__ == "__main__":
    sys.exit(serve(sys.argv[1], sys.argv[2]))
