"""The language server, driven end to end over stdio by a real LSP client (pytest-lsp)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

DEMO_RULE = """\
id: tone.demo-touch-base
category: tone
severity: warning
check: substitution
message: '"{match}" is jargon.'
suggestion: Say it plainly.
why: A test rule with a safe fix.
phrases:
  - {phrase: touch base, replacement: check in}
examples:
  fire: ["I wanted to touch base about the role."]
  pass: ["I wanted to check in about the role."]
"""

CONFIG = """\
rule-dirs = ["rules"]
select = ["tone.demo-touch-base", "gratitude.missing"]

[context]
company = "Acme Corp"
"""

DRAFT = "Hi Dana,\n\nI wanted to touch base about the analytics role.\n\nBest,\nSam\n"

SERVER = [sys.executable, "-m", "followup_lint", "lsp"]
ENV = {**os.environ, "FOLLOWUP_LINT_MODEL": "none"}


def workspace(root: Path) -> Path:
    (root / "rules").mkdir()
    (root / "rules" / "demo.yaml").write_text(DEMO_RULE, encoding="utf-8")
    (root / ".followup-lint.toml").write_text(CONFIG, encoding="utf-8")
    return root


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, server_env=ENV))
async def client(lsp_client: LanguageClient, request: pytest.FixtureRequest):
    root = workspace(request.getfixturevalue("tmp_path"))
    params = types.InitializeParams(
        capabilities=client_capabilities("neovim"),
        root_uri=root.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="drafts")],
        # Context from the client: the role (the company comes from the workspace's config file).
        initialization_options={"role": "Data Analyst", "interviewers": ["Dana Lee"], "debounce": 50},
    )
    lsp_client.root = root  # type: ignore[attr-defined]
    lsp_client.init_result = await lsp_client.initialize_session(params)  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


async def open_document(client: LanguageClient, name: str, text: str, language: str) -> str:
    uri = (client.root / name).as_uri()  # type: ignore[attr-defined]
    (client.root / name).write_text(text, encoding="utf-8")  # type: ignore[attr-defined]
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text))
    )
    await published(client)
    return uri


async def published(client: LanguageClient) -> None:
    """Wait for the server's next diagnostics (a missing notification fails the test instead of hanging it)."""
    await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), timeout=60)


def by_rule(client: LanguageClient, uri: str) -> dict[str, types.Diagnostic]:
    return {str(d.code): d for d in client.diagnostics[uri]}


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP text edits (single-line ASCII text here) the way an editor does."""
    lines = text.split("\n")

    def offset(position: types.Position) -> int:
        return sum(len(line) + 1 for line in lines[: position.line]) + position.character

    for edit in sorted(edits, key=lambda e: offset(e.range.start), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text


@pytest.mark.asyncio
async def test_handshake_then_diagnostics_on_open_with_range_severity_rule_and_docs(client: LanguageClient) -> None:
    result = client.init_result  # type: ignore[attr-defined]
    assert result.server_info.name == "followup-lint"
    capabilities = result.capabilities
    assert capabilities.code_action_provider
    kinds = capabilities.code_action_provider.code_action_kinds
    assert types.CodeActionKind.QuickFix in kinds and types.CodeActionKind.SourceFixAll in kinds
    sync = capabilities.text_document_sync
    assert sync.open_close and sync.change == types.TextDocumentSyncKind.Incremental and sync.save

    uri = await open_document(client, "draft.txt", DRAFT, "plaintext")
    found = by_rule(client, uri)
    assert set(found) == {"tone.demo-touch-base", "gratitude.missing"}
    jargon = found["tone.demo-touch-base"]
    assert jargon.range == types.Range(types.Position(2, 12), types.Position(2, 22))
    assert jargon.severity == types.DiagnosticSeverity.Warning
    assert jargon.source == "followup-lint"
    assert jargon.message.startswith('"touch base" is jargon.') and "Say it plainly." in jargon.message
    assert jargon.code_description.href.endswith("/rules/demo.yaml")
    assert jargon.data["docs"] == "followup-lint rule tone.demo-touch-base"
    # The suggested thank-you uses the company from the config file and the role from initializationOptions.
    assert "Data Analyst position at Acme Corp" in found["gratitude.missing"].message


@pytest.mark.asyncio
async def test_diagnostics_follow_an_edit(client: LanguageClient) -> None:
    uri = await open_document(client, "draft.txt", DRAFT, "plaintext")
    assert "gratitude.missing" in by_rule(client, uri)
    thanks = "Thank you for the conversation on Tuesday. "
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(types.Position(2, 0), types.Position(2, 0)), text=thanks
                )
            ],
        )
    )
    await published(client)
    found = by_rule(client, uri)
    assert set(found) == {"tone.demo-touch-base"}
    shift = len(thanks)
    assert found["tone.demo-touch-base"].range.start == types.Position(2, 12 + shift)


@pytest.mark.asyncio
async def test_changes_while_typing_are_linted_once_typing_pauses(client: LanguageClient) -> None:
    uri = await open_document(client, "draft.txt", DRAFT, "plaintext")
    # New settings replace the initializationOptions: a long pause, and a company named by the client.
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"followup-lint": {"debounce": 1500, "company": "Globex"}})
    )
    await published(client)  # the open document is re-linted with the new settings
    assert "at Globex" in by_rule(client, uri)["gratitude.missing"].message
    words = ["Thanks", " for", " the", " chat", "!"]
    column = 0
    for version, word in enumerate(words, start=2):  # five keystroke-sized edits in quick succession
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[
                    types.TextDocumentContentChangePartial(
                        range=types.Range(types.Position(3, column), types.Position(3, column)), text=word
                    )
                ],
            )
        )
        column += len(word)
    params = await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), timeout=60)
    assert params.version == 6  # one lint, of the text after the last edit, not one per edit
    assert "gratitude.missing" not in by_rule(client, uri)  # "Thanks for the chat!" counts


@pytest.mark.asyncio
async def test_applying_a_code_action_fixes_the_draft(client: LanguageClient) -> None:
    uri = await open_document(client, "draft.txt", DRAFT, "plaintext")
    jargon = by_rule(client, uri)["tone.demo-touch-base"]
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=jargon.range,
            context=types.CodeActionContext(diagnostics=[jargon]),
        )
    )
    quick = [a for a in actions if a.kind == types.CodeActionKind.QuickFix]
    assert [a.title for a in quick] == ["Replace 'touch base' with 'check in' [tone.demo-touch-base]"]
    assert quick[0].is_preferred
    edited = apply_edits(DRAFT, quick[0].edit.changes[uri])
    assert "I wanted to check in about the analytics role." in edited
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=edited)],
        )
    )
    await published(client)
    assert set(by_rule(client, uri)) == {"gratitude.missing"}


@pytest.mark.asyncio
async def test_every_fix_has_a_code_action_and_fix_all_applies_the_safe_ones(client: LanguageClient) -> None:
    uri = await open_document(client, "draft.txt", DRAFT, "plaintext")
    whole = types.Range(types.Position(0, 0), types.Position(6, 0))
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=whole,
            context=types.CodeActionContext(diagnostics=list(client.diagnostics[uri])),
        )
    )
    titles = [a.title for a in actions]
    # The thank-you insertion needs review: offered, not preferred.
    insert = next(a for a in actions if "[gratitude.missing]" in a.title)
    assert insert.title.startswith("Insert 'Thank you for taking the time") and "(review it)" in insert.title
    assert not insert.is_preferred
    fix_all = next(a for a in actions if a.kind == types.CodeActionKind.SourceFixAll)
    assert len(titles) == 3
    fixed = apply_edits(DRAFT, fix_all.edit.changes[uri])
    assert fixed == DRAFT.replace("touch base", "check in")  # safe fixes only: no inserted thanks


@pytest.mark.asyncio
async def test_markdown_and_mail_buffers(client: LanguageClient) -> None:
    markdown = "Hi Dana,\n\nThank you! Notes: `touch base` is a phrase I avoid.\n\nBest,\nSam\n"
    uri = await open_document(client, "note.md", markdown, "markdown")
    assert by_rule(client, uri) == {}  # code spans are not prose
    mail = "Subject: Thanks\nTo: dana@acme.com\n\nHi Dana,\n\nThank you. Can we touch base?\n\nSam\n"
    uri = await open_document(client, "neomutt-host-1000-42", mail, "mail")
    jargon = by_rule(client, uri)["tone.demo-touch-base"]
    assert jargon.range.start == types.Position(5, 18)
    body_only = "Hi Dana,\n\nThank you. Can we touch base?\n\nSam\n"  # a mail body without headers
    uri = await open_document(client, "neomutt-host-1000-43", body_only, "mail")
    assert by_rule(client, uri)["tone.demo-touch-base"].range.start == types.Position(2, 18)


@pytest.mark.asyncio
async def test_save_relints_with_the_config_read_again_and_close_clears(client: LanguageClient) -> None:
    uri = await open_document(client, "draft.txt", DRAFT, "plaintext")
    assert set(by_rule(client, uri)) == {"tone.demo-touch-base", "gratitude.missing"}
    config = client.root / ".followup-lint.toml"  # type: ignore[attr-defined]
    config.write_text(CONFIG.replace(', "gratitude.missing"', ""), encoding="utf-8")
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri)))
    await published(client)
    assert set(by_rule(client, uri)) == {"tone.demo-touch-base"}
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri)))
    await published(client)
    assert list(client.diagnostics[uri]) == []


def test_command_line_start_up_does_not_import_pygls(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("Hi Dana,\n\nThank you for the interview.\n\nSam\n", encoding="utf-8")
    code = (
        "import sys\nfrom followup_lint.cli import main\n"
        f"main([{str(draft)!r}, '--format', 'json'])\n"
        "print('pygls' in sys.modules, 'lsprotocol' in sys.modules, file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=ENV, check=False)
    assert done.stderr.strip().splitlines()[-1] == "False False"


def test_a_fix_that_deletes_the_space_before_an_emoji_says_so() -> None:
    """ "Delete '😀'" also deleted the space before it (issue 20): the title now names that space."""
    from followup_lint import Config
    from followup_lint.api import linter_for
    from followup_lint.lsp.convert import fix_title
    from followup_lint.reading import draft_from_text

    source = "Hi Dana,\n\nThank you for the interview on Monday 😀 I enjoyed it.\n\nBest,\nSam\n"
    findings = linter_for(Config(select=["formality.emoji"])).lint(draft_from_text(source, "d.txt")).findings
    [fix] = [f.fixes[0] for f in findings if f.rule == "formality.emoji"]
    assert source[fix.offset : fix.offset + fix.length] == " 😀" and fix.replacement == ""
    assert fix_title(fix, source).startswith("Delete '😀' and the space before it")
