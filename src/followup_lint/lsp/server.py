"""The pygls language server: lint open documents, publish diagnostics, offer a code action for every fix.

Documents are linted when opened or saved, and after changes once typing pauses (``debounce``
milliseconds). Plain text, Markdown and mail buffers are read the way the command line reads ``.txt``,
``.md`` and ``.eml`` files; a mail buffer without headers (only the body) is read as plain text.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import sys
import threading
import weakref
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from .. import __version__
from ..api import linter_for
from ..config import CONFIG_NAMES
from ..engine.errors import RuleError
from ..engine.linter import Linter
from ..engine.rule import Rule
from ..fixes import fix_text
from ..heap import settle
from ..model import Finding
from ..reading import Draft, DraftError, draft_from_text, format_for
from ..reading.decode import MAX_BYTES
from .convert import PositionAt, diagnostic, quick_fixes, workspace_edit
from .settings import ConfigCache, Settings
from .worker import MainThreadExecutor

log = logging.getLogger(__name__)

#: LSP language ids (as editors name them) → the draft format to read.
LANGUAGE_FORMATS = {
    "markdown": "markdown",
    "mail": "email",
    "email": "email",
    "eml": "email",
    "plaintext": "text",
    "text": "text",
}

#: Keys of a ``workspace/didChangeConfiguration`` payload that are ours.
SETTING_KEYS = {"followup-lint", "company", "role", "interviewers", "interviewer", "channel", "context"} | {
    "select",
    "ignore",
    "config",
    "isolated",
    "debounce",
}

_LINE_BREAK = re.compile(r"\r\n|\r|\n")

#: A document to lint, captured on the event loop: uri, text, version, language id, and the run's number.
Job = tuple[str, str, "int | None", "str | None", int]


@dataclass
class Linted:
    """A document's lint result at one version, kept for code actions."""

    version: int | None
    source: str
    draft: Draft
    findings: Sequence[Finding]
    linter: Linter

    @property
    def rules(self) -> dict[str, Rule]:
        return {rule.id: rule for rule in self.linter.rules}


def position_converter(source: str, encoding: str | None) -> PositionAt:
    """Offsets into ``source`` → LSP positions, lines split as LSP does, columns in the negotiated units."""
    starts = [0, *(m.end() for m in _LINE_BREAK.finditer(source))]

    def position_at(offset: int) -> types.Position:
        offset = max(0, min(offset, len(source)))
        line = bisect_right(starts, offset) - 1
        before = source[starts[line] : offset]
        if encoding == types.PositionEncodingKind.Utf8:
            column = len(before.encode("utf-8"))
        elif encoding == types.PositionEncodingKind.Utf32:
            column = len(before)
        else:
            column = len(before.encode("utf-16-le")) // 2
        return types.Position(line=line, character=column)

    return position_at


def uri_path(uri: str) -> Path | None:
    """The file a ``file:`` URI names, else None (an unsaved buffer)."""
    parsed = urlparse(uri)
    return Path(unquote(parsed.path)) if parsed.scheme == "file" else None


class FollowupServer(LanguageServer):
    """The followup-lint language server."""

    def __init__(self) -> None:
        super().__init__("followup-lint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.settings = Settings()
        self.configs = ConfigCache()
        self.results: dict[str, Linted] = {}
        self.timers: dict[str, asyncio.TimerHandle] = {}
        self.shown_errors: set[str] = set()
        # Lints run one at a time on the main thread, the event loop on another (``start_io``), so a long lint
        # never holds up the next request and the rule budget applies; each document's latest request has the
        # highest number, and an older run still queued is skipped.
        self.linting = MainThreadExecutor()
        self.runs: dict[str, int] = {}
        #: Linters whose loaded objects the collector no longer walks (``heap.settle``).
        self.settled: weakref.WeakSet[Linter] = weakref.WeakSet()

    # -- transport ----------------------------------------------------------------------------------------

    def start_io(self, stdin: Any = None, stdout: Any = None) -> None:
        """Serve over standard input and output: the event loop (reading messages with strict framing,
        ``framing.py``) on a thread of its own, the lints on this one (see ``__init__``)."""
        from pygls.io_ import StdoutWriter

        self._stop_event = threading.Event()
        writer = StdoutWriter(stdout or sys.stdout.buffer)
        self.protocol.set_writer(writer)

        def serve_messages() -> None:
            try:
                asyncio.run(self._read_loop(stdin or sys.stdin.buffer, writer))
            except BrokenPipeError:
                log.error("the connection to the client is lost; exiting")
            except (KeyboardInterrupt, SystemExit):
                pass
            finally:
                self.linting.shutdown()

        threading.Thread(target=serve_messages, name="followup-lint-messages", daemon=True).start()
        try:
            self.linting.run()
        except KeyboardInterrupt:
            pass
        finally:
            self.shutdown()

    async def _read_loop(self, stream: Any, writer: Any) -> None:
        from .framing import FramingError, read_message

        loop = asyncio.get_running_loop()
        while not self._stop_event.is_set():
            try:
                body = await loop.run_in_executor(self.thread_pool, read_message, stream)
            except FramingError as exc:
                log.error("bad message framing from the client (%s); exiting", exc)
                return
            if body is None:
                return
            try:
                message = json.loads(body, object_hook=self.protocol.structure_message)
            except Exception as exc:  # not JSON, or not JSON-RPC: answer as JSON-RPC says, and go on
                code, what = (-32700, "Parse error") if isinstance(exc, ValueError) else (-32600, "Invalid Request")
                log.error("%s in a message from the client: %s", what, " ".join(str(exc).split())[:200])
                _send(writer, {"jsonrpc": "2.0", "id": None, "error": {"code": code, "message": what}})
                continue
            try:
                self.protocol.handle_message(message)
            except Exception as exc:
                log.error("cannot handle a message: %s: %s", type(exc).__name__, " ".join(str(exc).split())[:200])

    # -- settings -----------------------------------------------------------------------------------------

    def use_settings(self, options: Any) -> None:
        try:
            self.settings = Settings.parse(options)
        except RuleError as exc:
            self.show_error(str(exc))
        self.configs.clear()

    def show_error(self, message: str) -> None:
        """Tell the user once about a broken config, rule file or draft (not on every keystroke)."""
        if message in self.shown_errors:
            return
        self.shown_errors.add(message)
        self.window_show_message(
            types.ShowMessageParams(type=types.MessageType.Error, message=f"followup-lint: {message}")
        )

    def root(self) -> Path | None:
        try:
            root = self.workspace.root_path
        except RuntimeError:  # no workspace yet
            return None
        return Path(root) if root else None

    # -- linting ------------------------------------------------------------------------------------------

    def draft(self, uri: str, source: str, language_id: str | None) -> Draft:
        path = uri_path(uri)
        name = str(path) if path else uri
        fmt = LANGUAGE_FORMATS.get((language_id or "").lower()) or format_for(name)
        if fmt == "email":
            try:
                return draft_from_text(source, name, "email")
            except DraftError:
                return draft_from_text(source, name, "text")  # a mail body without headers
        return draft_from_text(source, name, fmt)

    def lint(self, uri: str) -> Linted | None:
        """Lint the document now; None (and a message) when its config, rules or text cannot be used."""
        document = self.workspace.get_text_document(uri)
        outcome = self.run_job((uri, document.source, document.version, document.language_id, 0))
        if isinstance(outcome, str):
            self.show_error(outcome)
            return None
        if outcome is not None:
            self.results[uri] = outcome
        return outcome

    def run_job(self, job: Job) -> Linted | str | None:
        """Lint a captured document (on the linting thread): the result, an error to show once, or None when a
        newer run for the document was asked for meanwhile."""
        uri, source, version, language_id, number = job
        if number and self.runs.get(uri) != number:
            return None
        path = uri_path(uri)
        name = str(path) if path else uri
        if len(source) > MAX_BYTES and len(source.encode("utf-8", "surrogatepass")) > MAX_BYTES:
            return f"{name}: is larger than {MAX_BYTES // 1024} KB, the limit for a draft, so it is not linted"
        try:
            config = self.configs.config_for(self.settings, path.parent if path else None, self.root())
            linter = linter_for(config)
            draft = self.draft(uri, source, language_id)
            findings = linter.lint(draft).findings
            if linter not in self.settled:  # once its resources are loaded (the first lint loads some)
                self.settled.add(linter)
                settle(collect=True)
        except (RuleError, DraftError) as exc:
            return str(exc)
        except Exception as exc:  # a bug must not take the editor's server down
            log.error("linting %s failed: %s: %s", uri, type(exc).__name__, exc)
            return f"internal error while linting: {type(exc).__name__}: {exc}"
        return Linted(version, source, draft, findings, linter)

    def position_at(self, source: str) -> PositionAt:
        return position_converter(source, self.workspace.position_encoding)

    def publish(self, uri: str) -> None:
        """Lint the document on the linting thread, then publish its diagnostics (if it has not changed since)."""
        self.timers.pop(uri, None)
        if uri not in self.workspace.text_documents:
            return
        document = self.workspace.get_text_document(uri)
        number = self.runs[uri] = self.runs.get(uri, 0) + 1
        job: Job = (uri, document.source, document.version, document.language_id, number)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self.finish(job, self.run_job(job))
            return
        future = loop.run_in_executor(self.linting, self.run_job, job)
        future.add_done_callback(lambda done: self.finish(job, done.result()))

    def finish(self, job: Job, outcome: Linted | str | None) -> None:
        """Publish a run's diagnostics, unless a newer run was asked for or the document was closed."""
        uri, number = job[0], job[4]
        if outcome is None or self.runs.get(uri) != number or uri not in self.workspace.text_documents:
            return
        linted = None
        if isinstance(outcome, str):
            self.show_error(outcome)
        else:
            linted = self.results[uri] = outcome
        diagnostics: list[types.Diagnostic] = []
        if linted is not None:
            rules = linted.rules
            if linted.draft.writable:
                position_at = self.position_at(linted.source)
            else:  # positions refer to the decoded body, not the buffer: show them at the body's start
                at = self.position_at(linted.source)(linted.draft.body_start)

                def position_at(_offset: int, at: types.Position = at) -> types.Position:
                    return at

            diagnostics = [diagnostic(f, position_at, rules.get(f.rule)) for f in linted.findings]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=linted.version if linted else None)
        )

    def schedule(self, uri: str) -> None:
        """Lint after ``debounce`` milliseconds without a further change."""
        self.cancel(uri)
        delay = self.settings.debounce_ms / 1000
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = None
        if loop is None or delay <= 0:
            self.publish(uri)
            return
        self.timers[uri] = loop.call_later(delay, self.publish, uri)

    def cancel(self, uri: str) -> None:
        timer = self.timers.pop(uri, None)
        if timer is not None:
            timer.cancel()

    def relint_all(self) -> None:
        self.shown_errors.clear()
        for uri in list(self.workspace.text_documents):
            self.publish(uri)

    # -- code actions -------------------------------------------------------------------------------------

    async def code_actions_for(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        """The code actions at ``params.range``, worked out on the linting thread (the loop stays free)."""
        uri = params.text_document.uri
        if uri not in self.workspace.text_documents:
            return []
        document = self.workspace.get_text_document(uri)
        job: Job = (uri, document.source, document.version, document.language_id, 0)
        start = document.offset_at_position(params.range.start)
        end = document.offset_at_position(params.range.end)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.linting, self.code_actions, job, start, end, params.context.only)

    def code_actions(self, job: Job, start: int, end: int, only: Sequence[str] | None = None) -> list[types.CodeAction]:
        uri, source, version, _language, _number = job
        linted = self.results.get(uri)
        if linted is None or linted.version != version or linted.source != source:
            outcome = self.run_job(job)
            linted = outcome if isinstance(outcome, Linted) else None
        if linted is None or not linted.draft.writable:
            return []
        source = linted.source
        position_at = self.position_at(source)
        actions: list[types.CodeAction] = []
        if only is None or any(types.CodeActionKind.QuickFix.value.startswith(k) for k in only):
            touching = [f for f in linted.findings if f.fixes and f.offset <= end and start <= f.end]
            actions += quick_fixes(uri, source, touching, position_at, linted.rules)
        wants_fix_all = only is not None and any(types.CodeActionKind.SourceFixAll.value.startswith(k) for k in only)
        if (only is None or wants_fix_all) and any(f.fixes and f.fixes[0].safe for f in linted.findings):
            actions.append(self.fix_all(uri, linted, position_at))
        return actions

    def fix_all(self, uri: str, linted: Linted, position_at: PositionAt) -> types.CodeAction:
        """One action applying every safe fix (repeatedly, as ``--fix`` does) as a single edit."""
        draft = linted.draft

        def lint_text(text: str) -> Sequence[Finding]:
            current = draft_from_text(text, draft.path, draft.format)
            return linted.linter.lint(current).findings if current.writable else ()

        fixed = fix_text(linted.source, lint_text, newline=draft.newline).text
        whole = types.Range(position_at(0), position_at(len(linted.source)))
        return types.CodeAction(
            title="Fix all safe problems (followup-lint)",
            kind=types.CodeActionKind.SourceFixAll,
            edit=workspace_edit(uri, [types.TextEdit(range=whole, new_text=fixed)]),
        )


def create_server() -> FollowupServer:
    """A server with every feature registered."""
    server = FollowupServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: FollowupServer, params: types.InitializeParams) -> None:
        ls.use_settings(params.initialization_options)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: FollowupServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: FollowupServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    def did_save(ls: FollowupServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        path = uri_path(uri)
        ls.configs.clear()  # saving re-reads the config file, so edits to it take effect
        if path is not None and (path.name in CONFIG_NAMES or path.name == "pyproject.toml"):
            ls.relint_all()
            return
        ls.cancel(uri)
        ls.publish(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: FollowupServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.cancel(uri)
        ls.runs.pop(uri, None)  # a run still going is not published
        ls.results.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def did_change_configuration(ls: FollowupServer, params: types.DidChangeConfigurationParams) -> None:
        settings = params.settings
        if isinstance(settings, dict) and (SETTING_KEYS & settings.keys()):  # ignore other tools' settings
            ls.use_settings(settings)
            ls.relint_all()

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll],
            resolve_provider=False,
        ),
    )
    async def code_action(ls: FollowupServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        try:
            return await ls.code_actions_for(params)
        except Exception as exc:  # never fail the editor's request with a traceback
            log.error("code actions failed: %s: %s", type(exc).__name__, exc)
            return []

    return server


def serve() -> int:
    """Run the server over standard input and output until the client says ``exit``."""
    logging.basicConfig(level=logging.WARNING, format="followup-lint lsp: %(levelname)s: %(message)s")
    create_server().start_io()
    return 0


def _send(writer: Any, payload: dict[str, Any]) -> None:
    body = json.dumps(payload).encode("utf-8")
    writer.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
