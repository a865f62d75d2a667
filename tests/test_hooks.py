"""The editor and mail-client set-ups of docs/editors.md, run from the page itself, and the pre-commit hooks."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import pytest_lsp
import yaml
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

ROOT = Path(__file__).resolve().parent.parent
DOCS = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent  # where the followup-lint command is installed
ENV = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", "FOLLOWUP_LINT_MODEL": "none"}


def snippet(name: str) -> str:
    """The code block after ``<!-- snippet: NAME -->`` in docs/editors.md."""
    match = re.search(rf"<!-- snippet: {re.escape(name)} -->\n```[\w-]*\n(.*?)```", DOCS, re.DOTALL)
    assert match, f"docs/editors.md has no snippet {name!r}"
    return match.group(1)


def demo_rule(rule_id: str, severity: str, phrase: str, replacement: str) -> str:
    return f"""\
id: {rule_id}
category: tone
severity: {severity}
check: substitution
message: '"{{match}}" is a test phrase.'
why: A test rule.
phrases:
  - {{phrase: {phrase}, replacement: {replacement}}}
examples:
  fire: ["I {phrase} often."]
  pass: ["I {replacement} often."]
"""


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    """A directory of drafts whose config selects three test rules, one of each severity."""
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "a.yaml").write_text(demo_rule("tone.demo-error", "error", "circle back", "follow up"))
    (rules / "b.yaml").write_text(demo_rule("tone.demo-warning", "warning", "touch base", "check in"))
    (rules / "c.yaml").write_text(demo_rule("tone.demo-suggestion", "suggestion", "reach out", "write"))
    (tmp_path / ".followup-lint.toml").write_text(
        'rule-dirs = ["rules"]\nselect = ["tone.demo-error", "tone.demo-warning", "tone.demo-suggestion"]\n'
    )
    (tmp_path / "bad.txt").write_text("Hi Dana,\n\nI will circle back,\nand touch base, and reach out.\n")
    (tmp_path / "good.md").write_text("Hi Dana,\n\nThank you for the interview.\n\nSam\n")
    return tmp_path


# -- Vim ------------------------------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("vim") is None, reason="vim is not installed")
def test_vim_makeprg_and_errorformat_fill_the_quickfix_list(drafts: Path) -> None:
    after = drafts / "vimfiles" / "after" / "ftplugin"
    after.mkdir(parents=True)
    (after / "text.vim").write_text(snippet("vim"))
    (drafts / "vimrc").write_text(f"set nocompatible\nset rtp+={drafts / 'vimfiles' / 'after'}\nfiletype plugin on\n")
    fields = "[bufname(e.bufnr), e.lnum, e.col, e.type, e.text]"
    dump = f"call writefile(map(getqflist(), {{_, e -> join({fields}, '|')}}), 'qf.txt')"
    subprocess.run(
        [
            "vim",
            "-u",
            str(drafts / "vimrc"),
            "-i",
            "NONE",
            "-N",
            "-es",
            "-c",
            "silent make",
            "-c",
            dump,
            "-c",
            "qa!",
            "bad.txt",
        ],
        cwd=drafts,
        env=ENV,
        check=False,
        timeout=300,
        stdin=subprocess.DEVNULL,
        capture_output=True,
    )
    entries = (drafts / "qf.txt").read_text().splitlines()
    assert entries == [
        'bad.txt|3|8|e|"circle back" is a test phrase. [tone.demo-error]',
        'bad.txt|4|5|w|"touch base" is a test phrase. [tone.demo-warning]',
        'bad.txt|4|21||"reach out" is a test phrase. [tone.demo-suggestion]',
    ]


def test_line_format_is_the_gnu_shape_emacs_compilation_mode_reads(drafts: Path) -> None:
    done = subprocess.run(
        ["followup-lint", "--format", "line", "bad.txt"], cwd=drafts, env=ENV, capture_output=True, text=True
    )
    # compilation-error-regexp-alist's `gnu' entry: FILE:LINE:COL: [warning: |info: ]MESSAGE
    gnu = re.compile(r"^(?P<file>[^:\n]+):(?P<line>[0-9]+):(?P<col>[0-9]+): (?P<rest>.+)$")
    lines = done.stdout.splitlines()
    assert len(lines) == 3 and all(gnu.match(line) for line in lines)
    assert [gnu.match(line).group("line", "col") for line in lines] == [("3", "8"), ("4", "5"), ("4", "21")]


# -- mail clients -----------------------------------------------------------------------------------------

RECORDER = """\
#!{python}
import json, sys
from pathlib import Path
here = Path(__file__).parent
(here / "received.bin").write_bytes(sys.stdin.buffer.read())
(here / "argv.json").write_text(json.dumps(sys.argv[1:]))
"""

CLEAN_MESSAGE = (
    b"From: sam@example.com\r\nTo: dana@acme.com\r\nSubject: Thank you\r\n\r\nHi Dana,\r\n\r\nThank you.\r\n"
)
BAD_MESSAGE = b"From: sam@example.com\nTo: dana@acme.com\nSubject: Hi\n\nCan we touch base?\n"


@pytest.fixture
def recorder(drafts: Path) -> Path:
    """A stand-in for /usr/sbin/sendmail that records its standard input and arguments."""
    path = drafts / "record-sendmail"
    path.write_text(RECORDER.format(python=sys.executable))
    path.chmod(0o755)
    return path


def test_mutt_sendmail_setting(drafts: Path, recorder: Path) -> None:
    value = re.search(r'set sendmail="([^"]+)"', snippet("mutt")).group(1)
    command = [*value.replace("/usr/sbin/sendmail", str(recorder)).split(), "--", "dana@acme.com"]  # as mutt runs it
    sent = subprocess.run(command, input=CLEAN_MESSAGE, cwd=drafts, env=ENV, capture_output=True, check=False)
    assert sent.returncode == 0, sent.stderr
    assert (drafts / "received.bin").read_bytes() == CLEAN_MESSAGE
    assert json.loads((drafts / "argv.json").read_text()) == ["-oem", "-oi", "--", "dana@acme.com"]
    (drafts / "received.bin").unlink()
    stopped = subprocess.run(command, input=BAD_MESSAGE, cwd=drafts, env=ENV, capture_output=True, check=False)
    assert stopped.returncode == 1 and b"tone.demo-warning" in stopped.stderr
    assert not (drafts / "received.bin").exists()


def test_aerc_wrapper(drafts: Path, recorder: Path) -> None:
    assert re.search(r"^outgoing = \S+/followup-sendmail$", snippet("aerc"), re.MULTILINE)
    wrapper = drafts / "followup-sendmail"
    wrapper.write_text(snippet("aerc-wrapper").replace("/usr/sbin/sendmail", str(recorder)))
    wrapper.chmod(0o755)
    sent = subprocess.run(
        [str(wrapper), "dana@acme.com", "lee@acme.com"], input=CLEAN_MESSAGE, cwd=drafts, env=ENV, capture_output=True
    )
    assert sent.returncode == 0, sent.stderr
    assert (drafts / "received.bin").read_bytes() == CLEAN_MESSAGE
    assert json.loads((drafts / "argv.json").read_text()) == ["dana@acme.com", "lee@acme.com"]


# -- pre-commit -------------------------------------------------------------------------------------------

HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def test_pre_commit_manifest_has_what_pre_commit_requires() -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert [hook["id"] for hook in HOOKS] == ["followup-lint", "followup-lint-fix"]
    for hook in HOOKS:
        assert {"id", "name", "entry", "language"} <= hook.keys()
        assert hook["language"] == "python"  # pre-commit pip-installs this repository and runs its script
        assert shlex.split(hook["entry"])[0] in scripts
        files = re.compile(hook["files"])
        assert all(files.search(name) for name in ("drafts/thanks.txt", "notes/check-in.md", "reply.eml"))
        assert not any(files.search(name) for name in ("setup.py", "photo.png", "data.json"))
    # The documented .pre-commit-config.yaml uses these hook ids.
    config = yaml.safe_load(snippet("pre-commit"))
    used = [hook["id"] for repo in config["repos"] for hook in repo["hooks"]]
    assert used and set(used) <= {hook["id"] for hook in HOOKS}


def run_hook(hook_id: str, drafts: Path, *files: str) -> subprocess.CompletedProcess[str]:
    """Run a hook the way pre-commit does: its entry, its args, then the matching file names."""
    hook = next(h for h in HOOKS if h["id"] == hook_id)
    matching = [f for f in files if re.search(hook["files"], f)]
    command = [*shlex.split(hook["entry"]), *hook.get("args", []), *matching]
    return subprocess.run(command, cwd=drafts, env=ENV, capture_output=True, text=True, check=False)


def test_pre_commit_hook_passes_clean_drafts_and_fails_on_findings(drafts: Path) -> None:
    assert run_hook("followup-lint", drafts, "good.md", "rules/a.yaml").returncode == 0
    failed = run_hook("followup-lint", drafts, "good.md", "bad.txt")
    assert failed.returncode == 1 and "bad.txt:3:8" in failed.stdout


def test_pre_commit_fix_hook_fixes_in_place(drafts: Path) -> None:
    done = run_hook("followup-lint-fix", drafts, "bad.txt")
    assert (drafts / "bad.txt").read_text() == "Hi Dana,\n\nI will follow up,\nand check in, and write.\n"
    assert done.returncode == 0  # pre-commit still fails the commit: the hook changed a file


# -- VS Code (the settings fed to the real server) ---------------------------------------------------------

VSCODE = json.loads(snippet("vscode"))


@pytest_lsp.fixture(
    config=ClientServerConfig(
        server_command=[VSCODE["glspc.server.command"], *VSCODE["glspc.server.commandArguments"]], server_env=ENV
    )
)
async def vscode(lsp_client: LanguageClient, request: pytest.FixtureRequest):
    root = request.getfixturevalue("drafts")
    lsp_client.root = root  # type: ignore[attr-defined]
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=pytest_lsp.client_capabilities("visual-studio-code"),
            root_uri=root.as_uri(),
            initialization_options=VSCODE["glspc.server.initializationOptions"],
        )
    )
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_vscode_settings_start_the_server_for_each_language(vscode: LanguageClient) -> None:
    import asyncio

    for index, language in enumerate(VSCODE["glspc.server.languageId"]):
        uri = (vscode.root / f"draft{index}.txt").as_uri()  # type: ignore[attr-defined]
        text = "Hi Dana,\n\nThank you! Can we touch base?\n\nSam\n"
        vscode.text_document_did_open(
            types.DidOpenTextDocumentParams(types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text))
        )
        await asyncio.wait_for(vscode.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), timeout=60)
        assert [d.code for d in vscode.diagnostics[uri]] == ["tone.demo-warning"]
