"""``--diff``: the fixes as a unified diff on standard output; nothing is written."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from followup_lint.fixes import unified_diff

from .test_fix import ALL, DRAFT, RULES, SAFE, fix_args


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    (tmp_path / "rules").mkdir()
    for name, text in RULES.items():
        (tmp_path / "rules" / name).write_text(text, encoding="utf-8")
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def lint(workdir: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "followup_lint", *fix_args(Path("rules"), *args)],
        cwd=workdir,
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        env={**os.environ, "FOLLOWUP_LINT_MODEL": "none"},
        check=False,
    )


def test_diff_prints_a_unified_diff_and_writes_nothing(workdir: Path) -> None:
    draft = workdir / "draft.txt"
    before = draft.stat()
    done = lint(workdir, "--diff", "draft.txt")
    assert done.stdout == (
        "--- a/draft.txt\n+++ b/draft.txt\n@@ -1,6 +1,6 @@\n Hi Dana,\n \n"
        "-I wanted to touch base about the role. Please reply as soon as possible.\n"
        "+I wanted to check in about the role. Please reply as soon as possible.\n \n Best,\n Sam\n"
    )
    assert draft.read_text(encoding="utf-8") == DRAFT
    assert (draft.stat().st_mtime_ns, draft.stat().st_ino) == (before.st_mtime_ns, before.st_ino)
    # The findings the fixes would leave are reported on stderr, and set the exit status.
    assert done.returncode == 1
    assert "draft.txt:3:51: warning" in done.stderr and "tone.demo-asap" in done.stderr


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_diff_applies_with_git_apply_and_gives_what_fix_writes(workdir: Path) -> None:
    done = lint(workdir, "--diff", "--unsafe-fixes", "draft.txt")
    (workdir / "fixes.patch").write_text(done.stdout, encoding="utf-8")
    subprocess.run(["git", "apply", "fixes.patch"], cwd=workdir, check=True, capture_output=True)
    assert (workdir / "draft.txt").read_text(encoding="utf-8") == ALL


def test_diff_of_a_clean_draft_is_empty(workdir: Path) -> None:
    (workdir / "draft.txt").write_text(ALL, encoding="utf-8")
    done = lint(workdir, "--diff", "draft.txt")
    assert (done.returncode, done.stdout) == (0, "")


def test_diff_of_standard_input(workdir: Path) -> None:
    done = lint(workdir, "--diff", "--stdin-filename", "notes/draft.md", "-", stdin=DRAFT.encode())
    assert done.stdout.startswith("--- a/notes/draft.md\n+++ b/notes/draft.md\n@@")
    assert "+I wanted to check in about the role." in done.stdout


def test_diff_marks_a_missing_final_line_break() -> None:
    assert unified_diff("draft.txt", "Hi Dana, touch base", "Hi Dana, check in") == (
        "--- a/draft.txt\n+++ b/draft.txt\n@@ -1 +1 @@\n"
        "-Hi Dana, touch base\n\\ No newline at end of file\n"
        "+Hi Dana, check in\n\\ No newline at end of file\n"
    )


def test_diff_of_an_absolute_path_names_it_as_is(tmp_path: Path) -> None:
    path = str(tmp_path / "draft.txt")
    assert unified_diff(path, SAFE, DRAFT).startswith(f"--- {path}\n+++ {path}\n")
