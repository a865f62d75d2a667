"""Running the web app on uvicorn: bind a loopback socket, serve, stop on Ctrl+C (or from a test)."""

from __future__ import annotations

import ipaddress
import signal
import socket
import threading
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import uvicorn

    from .service import Service

DEFAULT_PORT = 8421


class ServeError(Exception):
    """The server cannot start (a non-loopback host, a port in use); ``str()`` is one line."""


def loopback_address(host: str) -> str:
    """``host`` as an IP address to bind, which must be this machine's (``localhost``, 127.0.0.0/8, ``::1``)."""
    address = "127.0.0.1" if host.lower() == "localhost" else host.strip("[]")
    try:
        if ipaddress.ip_address(address).is_loopback:
            return address
    except ValueError:
        pass
    raise ServeError(f"--host {host!r}: the page only listens on this machine (127.0.0.1, ::1 or localhost)")


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on a loopback ``host`` and ``port`` (0: any free port)."""
    address = loopback_address(host)
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    # IPPROTO_TCP, not 0: asyncio turns Nagle's algorithm off (TCP_NODELAY) only on sockets that say they are TCP;
    # with it on, a kept-alive connection waits 40 ms for each response's body (sent after its headers).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((address, port))
        sock.listen(64)
    except OSError as exc:
        sock.close()
        raise ServeError(f"cannot listen on {address} port {port}: {exc.strerror or exc}") from None
    return sock


def url_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://{f'[{host}]' if ':' in host else host}:{port}/"


def make_server(service: Service, sock: socket.socket) -> uvicorn.Server:
    import uvicorn

    from .app import create_app

    host, port = sock.getsockname()[:2]
    config = uvicorn.Config(
        create_app(service, port, host),
        http="h11",
        ws="none",
        lifespan="off",
        access_log=False,
        log_level="warning",
        server_header=False,
        date_header=False,
        timeout_keep_alive=30,
    )
    return uvicorn.Server(config)


def serve_until_stopped(server: uvicorn.Server, sock: socket.socket) -> bool:
    """Serve on ``sock`` until a signal stops the server; True when that signal was Ctrl+C (SIGINT).

    uvicorn raises the signal again once it has shut down, but under asyncio's own Ctrl+C handling that can end
    as a plain return, so the signal is also noted as it arrives: Ctrl+C then always exits with status 130.
    """
    received: list[int] = []
    handle_exit = server.handle_exit

    def note(sig: int, frame: object) -> None:
        received.append(sig)
        handle_exit(sig, frame)  # type: ignore[arg-type]

    server.handle_exit = note  # type: ignore[method-assign]
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        return True
    return signal.SIGINT in received


class BackgroundServer:
    """A server in a thread of this process, for tests and benchmarks: ``with BackgroundServer(service) as s``."""

    def __init__(self, service: Service, host: str = "127.0.0.1", port: int = 0) -> None:
        self.sock = bind(host, port)
        self.url = url_of(self.sock)
        self.port = self.sock.getsockname()[1]
        self.server = make_server(service, self.sock)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> BackgroundServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started and self.thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.01)
        if not self.server.started:
            raise ServeError("the server did not start")
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.sock.close()
