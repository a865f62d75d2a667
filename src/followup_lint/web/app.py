"""The routes of ``followup-lint serve`` on Starlette: the page, its static files and the JSON API.

``GET /`` the page; ``GET /app.js``, ``/app.css``, ``/worker.js`` its files (package data, a fixed list: no
route maps a client's path to a file); ``POST /api/lint`` the JSON report; ``POST /api/fix`` the draft with
its safe fixes applied; ``GET /api/rules`` the rules. Errors are JSON ``{"error": "..."}`` with a 4xx status.
"""

from __future__ import annotations

import logging
from functools import partial
from importlib import resources
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .guard import Guard
from .service import BODY_LIMIT, RequestError, Service, format_size, parse_request

log = logging.getLogger("followup_lint.web")

#: The page's files: URL path → (file in ``static/``, content type).
STATIC = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/app.js": ("app.js", "text/javascript; charset=utf-8"),
    "/worker.js": ("worker.js", "text/javascript; charset=utf-8"),
    "/app.css": ("app.css", "text/css; charset=utf-8"),
}


def static_file(name: str) -> bytes:
    return (resources.files(__package__) / "static" / name).read_bytes()


def create_app(service: Service, port: int, host: str = "127.0.0.1") -> Guard:
    """The ASGI app for a server on ``host:port`` (the port is needed to check ``Host`` and ``Origin``)."""
    files = {path: (static_file(name), kind) for path, (name, kind) in STATIC.items()}
    state: dict[str, Any] = {}

    async def page(request: Request) -> Response:
        body, kind = files[request.url.path]
        return Response(body, media_type=kind, headers={"cache-control": "no-cache"})

    async def run(function: Any, *args: Any) -> Any:
        """Run the linter in one worker thread (the event loop stays free; lints never run side by side)."""
        import anyio

        if "limiter" not in state:
            state["limiter"] = anyio.CapacityLimiter(1)
        return await anyio.to_thread.run_sync(partial(function, *args), limiter=state["limiter"])

    async def handle(request: Request, action: str) -> Response:
        try:
            content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if content_type != "application/json":
                raise RequestError(415, "send the request body as JSON (Content-Type: application/json)")
            parsed = parse_request(await read_body(request))
            result = await run(service.lint if action == "lint" else service.fix, parsed)
        except RequestError as exc:
            return JSONResponse({"error": str(exc)}, status_code=exc.status)
        except Exception as exc:  # a bug: answer in one line, log it, keep serving
            log.exception("internal error")
            return JSONResponse({"error": f"internal error: {type(exc).__name__}: {exc}"}, status_code=500)
        return JSONResponse(result)

    async def rules(request: Request) -> Response:
        try:
            return JSONResponse(await run(service.rules))
        except Exception as exc:  # pragma: no cover - rule errors are caught when the server starts
            log.exception("internal error")
            return JSONResponse({"error": f"internal error: {type(exc).__name__}: {exc}"}, status_code=500)

    async def error(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        detail = exc.detail if isinstance(exc, HTTPException) else "internal error"
        return JSONResponse({"error": detail}, status_code=status, headers=getattr(exc, "headers", None))

    async def lint(request: Request) -> Response:
        return await handle(request, "lint")

    async def fix(request: Request) -> Response:
        return await handle(request, "fix")

    routes = [Route(path, page, methods=["GET", "HEAD"]) for path in files]
    routes += [
        Route("/api/lint", lint, methods=["POST"]),
        Route("/api/fix", fix, methods=["POST"]),
        Route("/api/rules", rules, methods=["GET"]),
    ]
    app = Starlette(routes=routes, exception_handlers={HTTPException: error})
    return Guard(app, port, host)


async def read_body(request: Request) -> bytes:
    """The request body, refused with 413 as soon as it passes ``BODY_LIMIT`` (never read whole first)."""
    too_large = RequestError(413, f"request body too large (the limit is {format_size(BODY_LIMIT)})")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > BODY_LIMIT:
        raise too_large
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > BODY_LIMIT:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)
