"""``--fix`` and ``--unsafe-fixes``: safe edits in place, atomically, keeping the file's bytes conventions."""

from __future__ import annotations

import codecs
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from followup_lint import writing
from followup_lint.reading import DraftError

RULES = {
    "jargon.yaml": """\
id: tone.demo-touch-base
category: tone
severity: warning
check: substitution
message: '"{match}" is jargon.'
why: A test rule with a safe fix.
phrases:
  - {phrase: touch base, replacement: check in}
examples:
  fire: ["I wanted to touch base about the role."]
  pass: ["I wanted to check in about the role."]
""",
    "asap.yaml": """\
id: tone.demo-asap
category: tone
severity: warning
check: substitution
message: '"{match}" sounds pushy.'
why: A test rule whose fix needs review.
phrases:
  - {phrase: as soon as possible, replacement: when you can, safe: false}
examples:
  fire: ["Please reply as soon as possible."]
  pass: ["Please reply when you can."]
""",
    # Two rules whose fixes chain: "reach out" -> "write" -> "send a note". Only a loop reaches the end.
    "chain.yaml": """\
id: tone.demo-reach-out
category: tone
severity: suggestion
check: substitution
message: Say what you will do.
why: A test rule.
phrases:
  - {phrase: reach out, replacement: write}
examples:
  fire: ["I will reach out."]
  pass: ["I will call."]
""",
    "chain2.yaml": """\
id: tone.demo-write
category: tone
severity: suggestion
check: substitution
message: Be concrete.
why: A test rule.
phrases:
  - {phrase: write, replacement: send a note}
examples:
  fire: ["I will write."]
  pass: ["I will call."]
""",
}

DRAFT = "Hi Dana,\n\nI wanted to touch base about the role. Please reply as soon as possible.\n\nBest,\nSam\n"
SAFE = DRAFT.replace("touch base", "check in")
ALL = SAFE.replace("as soon as possible", "when you can")

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    directory = tmp_path / "rules"
    directory.mkdir()
    for name, text in RULES.items():
        (directory / name).write_text(text, encoding="utf-8")
    return directory


def fix_args(rules: Path, *args: str, select: str = "tone.demo-touch-base,tone.demo-asap") -> list[str]:
    return ["--isolated", "--rules", str(rules), "--select", select, "--format", "line", *args]


def test_fix_applies_safe_fixes_and_reports_what_is_left(tmp_path: Path, rules: Path, run_cli: Run) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    status, out, err = run_cli(*fix_args(rules, "--fix", str(draft)))
    assert draft.read_text(encoding="utf-8") == SAFE
    assert status == 1  # the unsafe "as soon as possible" is left, and reported
    assert out == f'{draft}:3:51: warning: "as soon as possible" sounds pushy. [tone.demo-asap]\n'
    assert err == f"followup-lint: {draft}: fixed 1 problem\n"


def test_unsafe_fixes_adds_the_rest(tmp_path: Path, rules: Path, run_cli: Run) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    status, out, err = run_cli(*fix_args(rules, "--fix", "--unsafe-fixes", str(draft)))
    assert (status, out) == (0, "")
    assert draft.read_text(encoding="utf-8") == ALL
    assert "fixed 2 problems" in err


def test_fix_twice_changes_nothing_the_second_time(tmp_path: Path, rules: Path, run_cli: Run) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("I will reach out and touch base soon.\n", encoding="utf-8")
    select = "tone.demo-touch-base,tone.demo-reach-out,tone.demo-write"
    status, _, err = run_cli(*fix_args(rules, "--fix", str(draft), select=select))
    assert status == 0 and "fixed" in err
    fixed = draft.read_bytes()
    assert fixed == b"I will send a note and check in soon.\n"  # the chained fixes ran to the end
    inode = draft.stat().st_ino
    status, out, err = run_cli(*fix_args(rules, "--fix", str(draft), select=select))
    assert (status, out, err) == (0, "", "")
    assert draft.read_bytes() == fixed
    assert draft.stat().st_ino == inode  # not even rewritten


def _utf16(text: str, order: str) -> bytes:
    bom = codecs.BOM_UTF16_LE if order == "le" else codecs.BOM_UTF16_BE
    return bom + text.encode(f"utf-16-{order}")


ENCODINGS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8-bom": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "utf-16-le-bom": lambda text: _utf16(text, "le"),
    "utf-16-be-bom": lambda text: _utf16(text, "be"),
    "utf-32-le-bom": lambda text: codecs.BOM_UTF32_LE + text.encode("utf-32-le"),
}


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_fix_keeps_encoding_bom_line_endings_and_permissions(
    tmp_path: Path, rules: Path, run_cli: Run, encoding: str, newline: str
) -> None:
    encode = ENCODINGS[encoding]
    text = DRAFT.replace("Sam", "Zoë").replace("\n", newline)
    draft = tmp_path / "draft.txt"
    draft.write_bytes(encode(text))
    draft.chmod(0o640)
    status, _, _ = run_cli(*fix_args(rules, "--fix", str(draft)))
    assert status == 1
    assert draft.read_bytes() == encode(text.replace("touch base", "check in"))
    assert stat.S_IMODE(draft.stat().st_mode) == 0o640


def test_inserted_line_breaks_follow_the_files_line_endings(tmp_path: Path, run_cli: Run) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_bytes(b"Hi Dana,\r\n\r\nI enjoyed our talk about the routing project.\r\n\r\nBest,\r\nSam\r\n")
    status, _, _ = run_cli(
        "--isolated", "--select", "gratitude.missing", "--fix", "--unsafe-fixes", "--format", "line", str(draft)
    )
    assert status == 0
    data = draft.read_bytes()
    assert b"Thank you for taking the time to speak with me." in data
    assert data.count(b"\n") == data.count(b"\r\n") == 8


def test_fix_writes_atomically_through_a_rename_and_leaves_no_temporary_file(
    tmp_path: Path, rules: Path, run_cli: Run
) -> None:
    target = tmp_path / "drafts" / "draft.txt"
    target.parent.mkdir()
    target.write_text(DRAFT, encoding="utf-8")
    link = tmp_path / "current.txt"
    link.symlink_to(target)
    inode = target.stat().st_ino
    run_cli(*fix_args(rules, "--fix", str(link)))
    assert link.is_symlink()  # the link is kept; its target was replaced
    assert target.read_text(encoding="utf-8") == SAFE
    assert target.stat().st_ino != inode  # a new file renamed over the old one, not rewritten in place
    assert sorted(p.name for p in target.parent.iterdir()) == ["draft.txt"]


def test_file_changed_on_disk_after_it_was_read_is_not_written(
    tmp_path: Path, rules: Path, run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    read = writing.read_snapshot

    def read_then_edit_elsewhere(path: str | Path) -> writing.Snapshot:
        snapshot = read(path)
        Path(path).write_text(DRAFT + "P.S. Saved from the editor meanwhile.\n", encoding="utf-8")
        return snapshot

    monkeypatch.setattr(writing, "read_snapshot", read_then_edit_elsewhere)
    status, _, err = run_cli(*fix_args(rules, "--fix", str(draft)))
    assert status == 2
    assert err.splitlines() == [
        f"followup-lint: error: {draft}: changed on disk after it was read; not written (run the command again)"
    ]
    assert draft.read_text(encoding="utf-8").endswith("Saved from the editor meanwhile.\n")


def test_write_back_refuses_a_changed_file(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("one\n", encoding="utf-8")
    snapshot = writing.read_snapshot(draft)
    draft.write_text("two\n", encoding="utf-8")
    with pytest.raises(writing.WriteError, match="changed on disk"):
        writing.write_back(snapshot, "three\n", writing.file_encoding(snapshot.data))
    assert draft.read_text(encoding="utf-8") == "two\n"


def test_fix_on_standard_input_writes_the_fixed_text_to_standard_output(rules: Path) -> None:
    data = _utf16(DRAFT.replace("\n", "\r\n"), "be")
    done = subprocess.run(
        [sys.executable, "-m", "followup_lint", *fix_args(rules, "--fix", "-")],
        input=data,
        capture_output=True,
        env={**os.environ, "FOLLOWUP_LINT_MODEL": "none"},
        check=False,
    )
    assert done.stdout == _utf16(SAFE.replace("\n", "\r\n"), "be")
    assert done.returncode == 1
    assert b"-:3:51: warning" in done.stderr  # the remaining finding, reported on stderr


def test_encoded_email_body_is_refused_with_one_line(tmp_path: Path, rules: Path, run_cli: Run) -> None:
    message = (
        b"From: sam@example.com\nSubject: Thanks\nContent-Type: text/plain; charset=utf-8\n"
        b"Content-Transfer-Encoding: quoted-printable\n\nHi Dana,\n\nI wanted to touch base =\nsoon.\n\nSam\n"
    )
    draft = tmp_path / "reply.eml"
    draft.write_bytes(message)
    status, out, err = run_cli(*fix_args(rules, "--fix", str(draft)))
    assert status == 2
    assert draft.read_bytes() == message
    assert err.splitlines() == [
        f"followup-lint: error: {draft}: its body is stored encoded (quoted-printable, base64 or HTML only), "
        "so fixes cannot be written back"
    ]
    assert "tone.demo-touch-base" in out  # the findings are still reported


def test_plain_email_is_fixed_in_place(tmp_path: Path, rules: Path, run_cli: Run) -> None:
    message = b"From: sam@example.com\r\nSubject: Thanks\r\n\r\nHi Dana,\r\n\r\nCan we touch base?\r\n\r\nSam\r\n"
    draft = tmp_path / "reply.eml"
    draft.write_bytes(message)
    status, _, _ = run_cli(*fix_args(rules, "--fix", str(draft)))
    assert status == 0
    assert draft.read_bytes() == message.replace(b"touch base", b"check in")


def test_unsafe_fixes_needs_fix_or_diff(tmp_path: Path, run_cli: Run) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    status, _, err = run_cli("--unsafe-fixes", str(draft))
    assert status == 2 and "--unsafe-fixes works with --fix or --diff" in err


def test_unreadable_file_is_an_error_not_a_traceback(tmp_path: Path, run_cli: Run) -> None:
    status, _, err = run_cli("--fix", str(tmp_path / "missing.txt"))
    assert status == 2
    assert err == f"followup-lint: error: {tmp_path / 'missing.txt'}: no such file\n"


def test_read_snapshot_errors_are_draft_errors(tmp_path: Path) -> None:
    with pytest.raises(DraftError, match="is a directory"):
        writing.read_snapshot(tmp_path)


def test_fix_is_idempotent_on_the_bad_fixtures_with_the_built_in_rules(tmp_path: Path, run_cli: Run) -> None:
    """With every built-in rule and the unsafe fixes too, a second --fix run leaves every draft alone."""
    from .conftest import FIXTURES

    drafts = [p for p in sorted((FIXTURES / "bad").iterdir()) if p.suffix in {".txt", ".md", ".eml"}]
    assert drafts
    for draft in drafts:
        (tmp_path / draft.name).write_bytes(draft.read_bytes())
    names = [str(tmp_path / d.name) for d in drafts]
    run_cli("--isolated", "--fix", "--unsafe-fixes", "--format", "line", *names)
    once = {name: Path(name).read_bytes() for name in names}
    assert any(once[str(tmp_path / d.name)] != d.read_bytes() for d in drafts)  # the first run fixed something
    _, _, err = run_cli("--isolated", "--fix", "--unsafe-fixes", "--format", "line", *names)
    assert "fixed" not in err
    assert {name: Path(name).read_bytes() for name in names} == once


def test_read_only_file_is_not_replaced(tmp_path: Path, rules: Path, run_cli: Run) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    draft.chmod(0o444)
    status, _, err = run_cli(*fix_args(rules, "--fix", str(draft)))
    assert status == 2 and "is read-only; not written" in err
    assert draft.read_text(encoding="utf-8") == DRAFT
