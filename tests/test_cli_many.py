"""Linting many drafts from the command line: directories, globs, .gitignore, --jobs, --statistics."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DRAFT = "Hi Dana,\n\nI enjoyed our talk about the analyst role at Acme Corp and your dashboards.\n\nBest,\nSam\n"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for name in ("b.txt", "a.md", "sub/c.txt", "sub/skip.txt", "ignored/d.txt", "notes.log"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(DRAFT)
    (tmp_path / ".gitignore").write_text("ignored/\n")
    return tmp_path


def test_directories_are_walked_in_order_respecting_globs_and_gitignore(run_cli, tree: Path) -> None:
    status, out, _ = run_cli(str(tree), "--select", "gratitude", "--exclude", "skip.txt", "--format", "json")
    paths = [Path(f["path"]).relative_to(tree).as_posix() for f in json.loads(out)["files"]]
    assert paths == ["a.md", "b.txt", "sub/c.txt"]
    assert status == 1


def test_include_glob(run_cli, tree: Path) -> None:
    _, out, _ = run_cli(str(tree), "--select", "gratitude", "--include", "*.log", "--format", "json")
    assert [Path(f["path"]).name for f in json.loads(out)["files"]] == ["notes.log"]


def test_jobs_gives_the_same_report_in_the_same_order(run_cli, tree: Path) -> None:
    one = run_cli(str(tree), "--select", "gratitude,length", "--format", "line")
    two = run_cli(str(tree), "--select", "gratitude,length", "--format", "line", "--jobs", "2")
    assert one == two and one[1].count("\n") >= 4


def test_statistics_counts_per_rule(run_cli, tree: Path) -> None:
    status, out, _ = run_cli(str(tree), "--select", "gratitude", "--statistics")
    assert status == 1
    assert out.split() == ["4", "gratitude.missing", "warning", "in", "4", "files"]


def test_unreadable_file_is_reported_and_the_run_continues(run_cli, tree: Path) -> None:
    (tree / "sub" / "binary.txt").write_bytes(b"\x00\x01\x02")
    status, out, err = run_cli(str(tree), "--select", "gratitude", "--format", "line")
    assert status == 2
    assert "binary.txt: looks like a binary file" in err
    assert out.count("gratitude.missing") == 4


def test_directory_without_drafts_is_an_error(run_cli, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    status, _, err = run_cli(str(tmp_path / "empty"))
    assert status == 2 and err.strip() == (
        f"followup-lint: error: {tmp_path / 'empty'}: no drafts found in this directory (see --include and --exclude)"
    )


MBOX = """From sam@example.com Tue Nov 10 10:00:00 2026
From: Sam Patel <sam@example.com>
Date: Tue, 10 Nov 2026 10:00:00 +0000
Subject: Following up

Hi Dana, I wanted to follow up on the analyst role. Thank you!

From sam@example.com Fri Nov 13 10:00:00 2026
From: Sam Patel <sam@example.com>
Date: Fri, 13 Nov 2026 10:00:00 +0000
Subject: Following up again

Hi Dana, checking in on the analyst role. Thank you!
"""


def test_thread_file_supplies_earlier_follow_ups(run_cli, tmp_path: Path) -> None:
    thread = tmp_path / "thread.mbox"
    thread.write_text(MBOX)
    draft = tmp_path / "checkin.txt"
    draft.write_text("Hi Dana,\n\nThank you again. Could you share an update on next steps for the analyst role?\n")
    args = (str(draft), "--send-date", "2026-11-16", "--kind", "check-in", "--select", "timing", "--format", "line")
    assert run_cli(*args)[1] == ""
    status, out, _ = run_cli(*args, "--thread", str(thread))
    assert status == 1 and "[timing.too-many]" in out and "(2026-11-13)" in out
    status, _, err = run_cli(*args, "--thread", str(tmp_path / "missing.mbox"))
    assert status == 2 and "missing.mbox" in err


def test_files_standard_input_and_fix_take_one_path(run_cli, tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI turns its flags into one LintOptions; files, '-' and --fix all run through batch.lint_many."""
    import io
    import sys

    from followup_lint import batch, runner

    seen: list[tuple[list[str], bool]] = []
    real = batch.lint_many

    def recording(paths, config_for, **kwargs):
        seen.append((list(paths), kwargs.get("fixing") is not None))
        return real(paths, config_for, **kwargs)

    passed: list[runner.LintOptions] = []
    real_run = runner.run
    monkeypatch.setattr(batch, "lint_many", recording)
    monkeypatch.setattr(runner, "run", lambda options: passed.append(options) or real_run(options))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DRAFT.encode())))
    run_cli(str(tree / "b.txt"), "--select", "gratitude")
    run_cli("-", "--select", "gratitude", "--stdin-filename", "x.txt")
    run_cli(str(tree / "a.md"), "--select", "gratitude", "--fix")
    assert seen == [([str(tree / "b.txt")], False), (["-"], False), ([str(tree / "a.md")], True)]
    assert [(o.paths, o.select, o.fix, o.stdin_filename) for o in passed] == [
        ((str(tree / "b.txt"),), ("gratitude",), False, None),
        (("-",), ("gratitude",), False, "x.txt"),
        ((str(tree / "a.md"),), ("gratitude",), True, None),
    ]
