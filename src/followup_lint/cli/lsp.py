"""``followup-lint lsp``: run the language server over standard input and output."""

from __future__ import annotations

import typer

app = typer.Typer(add_completion=False, context_settings={"help_option_names": ["-h", "--help"]})


@app.command(
    help="Run the language server (LSP over stdio): diagnostics as you type and a quick fix for every fix. "
    "Settings come from the workspace's config file and the client's initializationOptions; see docs/editors.md."
)
def lsp(
    stdio: bool = typer.Option(True, "--stdio", help="Talk over standard input and output (the only transport)."),
) -> int:
    from ..lsp.server import serve  # pygls is imported only here, never at command-line start-up

    return serve()
