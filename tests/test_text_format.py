"""``--format text``: location, severity, rule, message, the underlined source line, suggestion, summary."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from followup_lint import Config, lint_text
from followup_lint.reporting import Report, write_report
from followup_lint.reporting.text_format import use_color

from .conftest import ROOT

ANSI = re.compile(r"\x1b\[")
ZEBRA = str(ROOT / "tests" / "data" / "zebra-rules")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def zebra_report() -> Report:
    config = Config(select=("test.zebra",), rule_dirs=(Path(ZEBRA),))
    return Report(files=[lint_text("Hi Zoë,\n\n日本 and a zebra here.\n", config=config, path="note.txt")])


def test_text_output_shows_place_line_underline_and_fix(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Hi Zoë,\n\n日本 and a zebra here.\n")
    _status, out, _ = run_cli(str(path), "--rules", ZEBRA, "--select", "test.zebra")
    lines = out.splitlines()
    assert lines[0] == f"{path}:3:10: error [test.zebra] 'zebra' is a test word."
    assert lines[1] == "   3 | 日本 and a zebra here."
    # The underline sits under "zebra": "日本" is two characters but four terminal cells wide.
    assert lines[2] == "     |" + " " * 12 + "^^^^^"
    assert lines[3].strip() == '= suggestion: Write "horse" instead.'
    assert lines[4].strip() == "= fix: replace with 'horse'"
    assert out.rstrip().endswith("Found 1 problem (1 error, 0 warnings, 0 suggestions) in 1 file.")
    assert not ANSI.search(out)  # piped: no colour


def test_a_finding_over_a_line_break_underlines_both_lines() -> None:
    text = "Hi Dana,\n\nThank you for Tuesday. I know it is early, but I really\n  need this job.\n\nSam\n"
    report = Report(files=[lint_text(text, config=Config(select=("tone.desperate",)), path="note.txt")])
    out = io.StringIO()
    write_report(report, "text", out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith('note.txt:3:48: warning [tone.desperate] "I really need this job" sounds desperate')
    assert lines[1:5] == [
        "   3 | Thank you for Tuesday. I know it is early, but I really",
        "     |" + " " * 48 + "^" * 8,
        "   4 |   need this job.",
        "     |   " + "^" * 13,
    ]


def test_clean_summary(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "ok.txt"
    path.write_text("A horse.\n")
    status, out, _ = run_cli(str(path), "--rules", ZEBRA, "--select", "test.zebra")
    assert status == 0 and out.rstrip().endswith("No problems found in 1 file.")


def test_colour_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    terminal = Terminal()
    write_report(zebra_report(), "text", terminal)
    assert ANSI.search(terminal.getvalue())
    assert use_color(Terminal(), None) and not use_color(io.StringIO(), None)
    monkeypatch.setenv("NO_COLOR", "1")
    terminal = Terminal()
    write_report(zebra_report(), "text", terminal)
    assert not ANSI.search(terminal.getvalue())
    assert "zebra" in terminal.getvalue()


def test_a_long_line_is_shown_around_each_finding_not_whole(run_cli, tmp_path) -> None:
    """500 KB of "the the" on one line: each of its 200 findings printed the whole line and a line of spaces as
    long under it, 200 MB of output built in memory. Each finding now shows a window of the line."""
    from followup_lint.reporting.text_format import MAX_SNIPPET_WIDTH

    path = tmp_path / "long.txt"
    # A misspelling at the very end of the line: its finding shows the line's last window.
    path.write_text("I think " + "the " * 60_000 + "end I recieved.\n")
    status, out, _ = run_cli(str(path))
    assert status == 1
    lines = out.splitlines()
    shown = [line for line in lines if line.startswith("   1 | ")]
    snippets = [line for line in lines if line.startswith(("   1 | ", "     | "))]
    assert shown and all(len(line) <= MAX_SNIPPET_WIDTH + 10 for line in snippets)
    assert shown[0].startswith("   1 | I think the the") and shown[0].endswith("\u2026")
    assert shown[-1].startswith("   1 | \u2026") and shown[-1].endswith("the end I recieved.")
    for index, line in enumerate(lines):  # each underline stays under its window, where the finding is shown
        if line.startswith("   1 | \u2026"):
            underline = lines[index + 1]
            assert underline.startswith("     | ") and 50 <= underline.index("^") <= len(line), underline
