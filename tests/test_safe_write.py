"""--fix never loses or corrupts the draft: a write that fails or is killed half-way leaves the original intact."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from followup_lint import writing

from .conftest import ROOT

ZEBRA = str(ROOT / "tests" / "data" / "zebra-rules")
ORIGINAL = "Hi Dana,\r\n\r\nThank you for the zebra tour, café included.\r\n\r\nBest,\r\nSam\r\n"


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.txt"
    path.write_bytes(ORIGINAL.encode("utf-8"))
    return path


def fix_args(path: Path) -> list[str]:
    return [str(path), "--fix", "--rules", ZEBRA, "--select", "test.zebra"]


def only_the_draft(path: Path) -> None:
    assert path.read_bytes() == ORIGINAL.encode("utf-8")
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # no temporary file left behind


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
def test_a_write_that_fails_half_way_leaves_the_original(run_cli, draft: Path, monkeypatch, failing: str) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    if failing == "write":
        real_fdopen = os.fdopen

        def half_writer(fd: int, mode: str = "r", *args: object, **kwargs: object):
            handle = real_fdopen(fd, mode, *args, **kwargs)
            real_write = handle.write

            def write(data: bytes) -> int:
                real_write(data[: len(data) // 2])  # half the bytes reach the temporary file, then the disk is full
                raise OSError(28, "No space left on device")

            handle.write = write
            return handle

        monkeypatch.setattr(writing.os, "fdopen", half_writer)
    else:
        monkeypatch.setattr(writing.os, failing, fail)
    status, _, err = run_cli(*fix_args(draft))
    assert status == 2 and "No space left on device" in err and "Traceback" not in err
    only_the_draft(draft)


KILLER = """
import os, signal, sys
from followup_lint import writing
real_replace = os.replace
def killed(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)  # the process dies between writing the new file and the rename
writing.os.replace = killed
from followup_lint.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_process_killed_during_the_write_leaves_the_original(draft: Path) -> None:
    result = subprocess.run([sys.executable, "-c", KILLER, *fix_args(draft)], capture_output=True, text=True)
    assert result.returncode == -signal.SIGKILL
    assert draft.read_bytes() == ORIGINAL.encode("utf-8")
    # The half-done temporary file may remain beside it, named so that it is hidden and never taken for the draft.
    assert all(p.name.startswith(".draft.txt.") for p in draft.parent.iterdir() if p != draft)


def test_a_successful_fix_writes_the_whole_text(run_cli, draft: Path) -> None:
    status, _, _ = run_cli(*fix_args(draft))
    assert status == 0
    assert draft.read_bytes() == ORIGINAL.replace("zebra", "horse").encode("utf-8")
