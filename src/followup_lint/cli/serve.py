"""``followup-lint serve``: a local web page to paste or type a draft and fix it (see docs/web.md)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .lint import (
    ConfigOption,
    DialectOption,
    IgnoreOption,
    IsolatedOption,
    RulesOption,
    SelectOption,
    _split,
)

if TYPE_CHECKING:
    from ..config import Config


app = typer.Typer(add_completion=False, context_settings={"help_option_names": ["-h", "--help"]})


@app.command(  # help is Rich markup: "\\[" keeps the brackets of "[web]" from being read as a style tag
    help="Serve the draft editor on this machine and print its address. Needs the 'web' extra "
    "(pip install 'followup-lint\\[web]'). The page and its JSON API are described in docs/web.md."
)
def serve(
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on (0: any free port).")] = 8421,
    host: Annotated[str, typer.Option(help="Loopback address to listen on (127.0.0.1, ::1 or localhost).")] = (
        "127.0.0.1"
    ),
    open_browser: Annotated[bool, typer.Option("--open", help="Open the page in the web browser.")] = False,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    rules: RulesOption = None,
    dialect: DialectOption = None,
) -> int:
    from . import error

    try:
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        return error("serve: the web page needs the 'web' extra: pip install 'followup-lint[web]'")
    from ..web.server import ServeError, bind, make_server, serve_until_stopped, url_of
    from ..web.service import Service

    settings = server_config(config, isolated, select, ignore, rules, dialect.value if dialect else None)
    try:
        sock = bind(host, port)  # first: a host that is not this machine's, or a port in use, stops here
    except ServeError as exc:
        return error(f"serve: {exc}")
    service = Service(settings)
    sys.stderr.write("followup-lint: preparing the checks (the very first start takes up to a minute)...\n")
    service.warm_up()  # load the rules now: a broken rule file stops here, in one line
    url = url_of(sock)
    sys.stdout.write(f"followup-lint: serving the draft editor at {url} (Ctrl+C to stop)\n")
    sys.stdout.flush()
    if open_browser:
        import threading
        import webbrowser

        threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()
    return 130 if serve_until_stopped(make_server(service, sock), sock) else 0  # 130: stopped by Ctrl+C


def server_config(
    config: Path | None,
    isolated: bool,
    select: list[str] | None,
    ignore: list[str] | None,
    rules: list[Path] | None,
    dialect: str | None,
) -> Config:
    """The settings every request is linted with: the config file (found from the current directory unless
    given or ``--isolated``) with the flags on top, as the lint command builds them for a draft."""
    from ..config import Config, find_config, load_config
    from ..model import Context

    found = None if (config or isolated) else find_config(Path.cwd())
    base = load_config(config) if config else (load_config(found) if found else Config())
    return base.with_cli(
        select=_split(select),
        ignore=_split(ignore),
        rule_dirs=tuple(rules or ()),
        context=Context(dialect=dialect) if dialect else None,
    )
