"""The checks every request passes before any route sees it, as an ASGI middleware.

- Only loopback clients (127.0.0.0/8, ::1): the page is for the person at this machine.
- The ``Host`` header must name this server (``127.0.0.1:PORT``, ``localhost:PORT`` or ``[::1]:PORT``): a page on
  another site that rebinds its domain name to 127.0.0.1 (DNS rebinding) sends its own name and is refused.
- An ``Origin`` header, when a browser sends one, must be this server's own: another page's cross-site request is
  refused before it reaches the linter.

Every response also carries a Content-Security-Policy that lets the page load nothing from elsewhere.
"""

from __future__ import annotations

import ipaddress
import json
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: The names a browser on this machine may use for the server.
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")

#: Headers on every response: nothing from elsewhere, no framing, no sniffing, no referrer.
SECURITY_HEADERS = (
    (
        b"content-security-policy",
        b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        b"worker-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-resource-policy", b"same-origin"),
)


def is_loopback(host: str) -> bool:
    """Whether ``host`` (an IP address as the server saw it) is this machine."""
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def own_hosts(port: int, names: Iterable[str] = LOOPBACK_NAMES) -> frozenset[str]:
    """The ``Host`` header values that name a server on ``port`` of this machine."""
    return frozenset(f"{name}:{port}" for name in names)


def refusal(scope: Scope, hosts: frozenset[str]) -> str | None:
    """Why a request must be refused, or None when it may go on."""
    client = scope.get("client")
    if not client or not is_loopback(str(client[0])):
        return "only connections from this machine are accepted"
    headers = [(k.lower(), v) for k, v in scope.get("headers", ())]
    host = [v.decode("latin-1").lower() for k, v in headers if k == b"host"]
    if len(host) != 1 or host[0] not in hosts:
        shown = host[0] if host else "(none)"
        return f"the Host header {shown!r} is not this server's (use http://{sorted(hosts)[0]}/)"
    origins = [v.decode("latin-1").lower() for k, v in headers if k == b"origin"]
    if origins and (len(origins) > 1 or origins[0].removeprefix("http://") not in hosts):
        return f"requests from other pages are refused (Origin {origins[0]!r})"
    return None


class Guard:
    """Wraps an ASGI app: refuses requests that fail ``refusal`` with a 403 JSON error, adds security headers."""

    def __init__(self, app: ASGIApp, port: int, host: str = "127.0.0.1") -> None:
        self.app = app
        bound = f"[{host}]" if ":" in host else host
        self.hosts = own_hosts(port, (*LOOPBACK_NAMES, bound.lower()))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            if scope["type"] == "lifespan":
                await self.app(scope, receive, send)
            return  # websockets are not served
        problem = refusal(scope, self.hosts)
        if problem is not None:
            await send_json(send, 403, {"error": problem})
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", ()), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def send_json(send: Send, status: int, body: dict[str, Any]) -> None:
    """Send a whole JSON response (used before the app is reached)."""
    data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(data)).encode()),
        *SECURITY_HEADERS,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": data})
