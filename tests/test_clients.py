"""The set-ups of docs/editors.md driven through the real clients: NeoMutt, Vim, Emacs, Neovim, pre-commit.

Each test skips, saying why, when its client is not installed (CI machines start without them; on Debian:
``apt-get install neomutt vim emacs-nox neovim``). They take their configuration from the page itself.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from .test_hooks import BIN, ENV, RECORDER, demo_rule, drafts, snippet  # noqa: F401 - drafts is a fixture

#: Stands in for followup-lint on PATH: keeps a copy of what the mail client hands it, then runs the real one.
TEE = """\
#!/bin/sh
cat > "{here}/handed.bin"
exec "{real}" "$@" < "{here}/handed.bin"
"""


def _shim(directory: Path) -> dict[str, str]:
    """An environment whose ``followup-lint`` records its standard input in ``directory/handed.bin``."""
    shim = directory / "shim"
    shim.mkdir()
    tee = shim / "followup-lint"
    tee.write_text(TEE.format(here=directory, real=BIN / "followup-lint"))
    tee.chmod(0o755)
    return {**ENV, "PATH": f"{shim}{os.pathsep}{ENV['PATH']}", "HOME": str(directory)}


# -- NeoMutt ----------------------------------------------------------------------------------------------

NEOMUTTRC = """\
{sendmail}
set use_envelope_from=yes
set use_8bitmime=yes
set dsn_notify="failure,delay"
set from="Sam Patel <sam@example.com>"
set record=""
set folder="{here}"
set spoolfile=""
set tmpdir="{here}"
set charset="utf-8"
set send_charset="utf-8"
"""


@pytest.mark.skipif(shutil.which("neomutt") is None, reason="neomutt is not installed (apt-get install neomutt)")
def test_neomutt_sends_through_the_documented_line(drafts: Path) -> None:  # noqa: F811
    recorder = drafts / "record-sendmail"
    recorder.write_text(RECORDER.format(python=sys.executable))
    recorder.chmod(0o755)
    line = snippet("mutt").splitlines()[-1]
    assert line.startswith("set sendmail=") and " -- " not in line
    (drafts / "neomuttrc").write_text(
        NEOMUTTRC.format(sendmail=line.replace("/usr/sbin/sendmail", str(recorder)), here=drafts)
    )
    env = _shim(drafts)

    def send(body: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            ["neomutt", "-n", "-F", str(drafts / "neomuttrc"), "-s", "Thank you, Dana", "--", "dana@acme.com"],
            input=body.encode("utf-8"),
            cwd=drafts,  # the config with the test rules is found from here
            env=env,
            capture_output=True,
            timeout=120,
            check=False,
        )

    sent = send("Hi Dana,\n\nThank you for the tour of the café on Tuesday.\n\nBest,\nSam\n")
    assert sent.returncode == 0, sent.stderr
    handed = (drafts / "handed.bin").read_bytes()
    assert b"Subject: Thank you, Dana" in handed and "café".encode() in handed
    assert (drafts / "received.bin").read_bytes() == handed
    flags = ["-oem", "-oi", "-B8BITMIME", "-f", "sam@example.com", "-N", "failure,delay"]
    assert json.loads((drafts / "argv.json").read_text()) == [*flags, "--", "dana@acme.com"]

    (drafts / "received.bin").unlink()
    stopped = send("Hi Dana,\n\nCould we touch base next week?\n\nSam\n")
    assert stopped.returncode != 0
    assert b"tone.demo-warning" in stopped.stderr + stopped.stdout
    assert not (drafts / "received.bin").exists()


# -- Vim: --format line columns are screen columns --------------------------------------------------------

#: Lines whose finding ("touch base") follows accents, curly quotes, CJK, emoji, a dash and a tab.
WIDE_LINES = (
    "Zoë said it’s fine: we could touch base next week about the role.",
    "We met at Café Olé (e\u0301) ☕ and agreed to touch base after the interview.",
    "The team in 東京 (日本語 speakers) would like to touch base with me.",
    "Great chat 🦓🎉 — I am happy to touch base soon about the next steps.",
    "\tAs planned, I will touch base with the hiring manager.",
)

VIM_JUMPS = """\
silent make
let s:out = []
for s:i in range(1, len(getqflist()))
  silent execute s:i . 'cc'
  call add(s:out, line('.') . '|' . strpart(getline('.'), col('.') - 1, len('touch base')))
endfor
call writefile(s:out, 'jumps.txt')
qa!
"""


@pytest.mark.skipif(shutil.which("vim") is None, reason="vim is not installed (apt-get install vim)")
def test_vim_cnext_lands_on_the_first_character_of_each_finding(drafts: Path) -> None:  # noqa: F811
    after = drafts / "vimfiles" / "after" / "ftplugin"
    after.mkdir(parents=True)
    (after / "text.vim").write_text(snippet("vim"))
    (drafts / "vimrc").write_text(
        f"set nocompatible encoding=utf-8\nset rtp+={drafts / 'vimfiles' / 'after'}\nfiletype plugin on\n"
    )
    text = "Hi Dana,\n\nThank you for the interview on Tuesday.\n" + "\n".join(WIDE_LINES) + "\n\nBest,\nSam\n"
    (drafts / "wide.txt").write_text(text, encoding="utf-8")
    (drafts / "jumps.vim").write_text(VIM_JUMPS)
    subprocess.run(
        ["vim", "-u", str(drafts / "vimrc"), "-i", "NONE", "-N", "-es", "-S", "jumps.vim", "wide.txt"],
        cwd=drafts,
        env=ENV,
        check=False,
        timeout=300,
        stdin=subprocess.DEVNULL,
        capture_output=True,
    )
    jumps = (drafts / "jumps.txt").read_text(encoding="utf-8").splitlines()
    assert jumps == [f"{number}|touch base" for number in range(4, 4 + len(WIDE_LINES))]


# -- Emacs: compilation mode reads the same screen columns ------------------------------------------------

#: Runs the documented ``M-x compile`` command, then ``next-error`` through every finding, writing where the
#: cursor lands (line, and the text from there); the window's point is where Emacs shows the cursor.
EMACS_JUMPS = """\
(require 'compile)
(setq compilation-ask-about-save nil)
(let* ((buffer (compile {command}))
       (process (get-buffer-process buffer))
       (out nil))
  (while (process-live-p process) (accept-process-output process 1))
  (condition-case nil
      (while t
        (next-error)
        (let ((window (selected-window)))
          (with-current-buffer (window-buffer window)
            (save-excursion
              (goto-char (window-point window))
              (push (format "%d|%s" (line-number-at-pos)
                            (buffer-substring-no-properties (point) (min (point-max) (+ (point) 10))))
                    out)))))
    (error nil))
  (with-temp-file "jumps.txt" (insert (mapconcat #'identity (nreverse out) "\\n") "\\n")))
"""


@pytest.mark.skipif(shutil.which("emacs") is None, reason="emacs is not installed (apt-get install emacs-nox)")
def test_emacs_next_error_lands_on_the_first_character_of_each_finding(drafts: Path) -> None:  # noqa: F811
    command = re.fullmatch(r"M-x compile RET (.+) RET\n", snippet("emacs-compile"))
    assert command, snippet("emacs-compile")
    line = command.group(1).replace("draft.txt", "wide.txt")
    text = "Hi Dana,\n\nThank you for the interview on Tuesday.\n" + "\n".join(WIDE_LINES) + "\n\nBest,\nSam\n"
    (drafts / "wide.txt").write_text(text, encoding="utf-8")
    (drafts / "jumps.el").write_text(EMACS_JUMPS.format(command=json.dumps(line)), encoding="utf-8")
    subprocess.run(
        ["emacs", "-Q", "--batch", "-l", "jumps.el"],
        cwd=drafts,
        env={**ENV, "HOME": str(drafts)},
        check=False,
        timeout=300,
        stdin=subprocess.DEVNULL,
        capture_output=True,
    )
    jumps = (drafts / "jumps.txt").read_text(encoding="utf-8").splitlines()
    assert jumps == [f"{number}|touch base" for number in range(4, 4 + len(WIDE_LINES))]


# -- Neovim -----------------------------------------------------------------------------------------------

NVIM_CHECK = """\
local ok = vim.wait(90000, function() return #vim.diagnostic.get(0) >= 3 end, 100)
local out = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(out, string.format("%d|%d|%d|%s", d.lnum + 1, d.col + 1, d.severity, d.message))
end
table.sort(out)
vim.fn.writefile(out, "diagnostics.txt")
vim.cmd("qa!")
"""


def _nvim_version() -> tuple[int, int] | None:
    if shutil.which("nvim") is None:
        return None
    done = subprocess.run(["nvim", "--version"], capture_output=True, text=True, check=False, timeout=60)
    found = re.match(r"NVIM v(\d+)\.(\d+)", done.stdout)
    return (int(found.group(1)), int(found.group(2))) if found else None


@pytest.mark.parametrize(("name", "versions"), [("neovim", ((0, 11), (99, 0))), ("neovim-0.7", ((0, 7), (0, 10)))])
def test_neovim_snippet_shows_the_diagnostics(drafts: Path, name: str, versions: tuple) -> None:  # noqa: F811
    version = _nvim_version()
    if version is None:
        pytest.skip("nvim is not installed (apt-get install neovim)")
    if not versions[0] <= version <= versions[1]:
        low, high, this = (".".join(map(str, v)) for v in (*versions, version))
        pytest.skip(f"the {name!r} snippet is for Neovim {low} to {high}; this is Neovim {this}")
    (drafts / "init.lua").write_text(snippet(name))
    (drafts / "check.lua").write_text(NVIM_CHECK)
    subprocess.run(
        ["nvim", "--headless", "-u", "init.lua", "-i", "NONE", "-c", "luafile check.lua", "bad.txt"],
        cwd=drafts,
        env={**ENV, "HOME": str(drafts), "XDG_CONFIG_HOME": str(drafts / "xdg"), "XDG_STATE_HOME": str(drafts)},
        check=False,
        timeout=180,
        stdin=subprocess.DEVNULL,
        capture_output=True,
    )
    diagnostics = (drafts / "diagnostics.txt").read_text(encoding="utf-8").splitlines()
    # LSP severities: 1 error, 2 warning, 3 information (suggestions); columns are 1-based here
    assert [d.split("|", 3)[:3] for d in diagnostics] == [["3", "8", "1"], ["4", "21", "3"], ["4", "5", "2"]]
    assert all("is a test phrase" in d for d in diagnostics)


# -- pre-commit -------------------------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent
#: Reused across runs: pre-commit builds the hook's environment once per commit (pip installs the dependencies).
PRE_COMMIT_HOME = Path(tempfile.gettempdir()) / "followup-lint-test-pre-commit"


def _pre_commit() -> list[str] | None:
    for candidate in (BIN / "pre-commit", shutil.which("pre-commit")):
        if candidate and Path(candidate).is_file():
            return [str(candidate)]
    return None


@pytest.mark.skipif(_pre_commit() is None, reason="pre-commit is not installed (pip install pre-commit)")
@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_runs_the_hook_from_a_local_clone(tmp_path: Path) -> None:
    def git(*args: str, cwd: Path) -> str:
        return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()

    rev = git("rev-parse", "HEAD", cwd=ROOT)
    clone = PRE_COMMIT_HOME / f"clone-{rev[:12]}"  # the same path for the same commit: its environment is reused
    if not (clone / ".git").is_dir():
        shutil.rmtree(clone, ignore_errors=True)
        clone.parent.mkdir(parents=True, exist_ok=True)
        git("clone", "--quiet", str(ROOT), str(clone), cwd=clone.parent)
    repo = tmp_path / "drafts-repo"
    (repo / "drafts" / "rules").mkdir(parents=True)
    git("init", "--quiet", cwd=repo)
    rule = demo_rule("tone.demo-warning", "warning", "touch base", "check in")
    (repo / "drafts" / "rules" / "b.yaml").write_text(rule)
    (repo / "drafts" / ".followup-lint.toml").write_text('rule-dirs = ["rules"]\nselect = ["tone.demo-warning"]\n')
    (repo / "drafts" / "bad.txt").write_text("Hi Dana,\n\nCan we touch base next week?\n\nSam\n")
    (repo / "drafts" / "good.txt").write_text("Hi Dana,\n\nCan we check in next week?\n\nSam\n")
    config = snippet("pre-commit").replace("https://example.com/you/followup-lint", str(clone))
    config = re.sub(r"rev: [0-9a-f]{40}", f"rev: {rev}", config)
    assert rev in config and str(clone) in config
    (repo / ".pre-commit-config.yaml").write_text(config)
    git("add", "-A", cwd=repo)
    env = {**ENV, "PRE_COMMIT_HOME": str(PRE_COMMIT_HOME), "GIT_CONFIG_NOSYSTEM": "1"}

    def run(*files: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*_pre_commit(), "run", "--files", *files],  # type: ignore[misc]
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )

    failed = run("drafts/bad.txt", "drafts/good.txt")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "drafts/bad.txt:3:8: warning [tone.demo-warning]" in failed.stdout
    assert "good.txt:" not in failed.stdout.replace("drafts/good.txt: ", "")  # no finding in it
    passed = run("drafts/good.txt")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
