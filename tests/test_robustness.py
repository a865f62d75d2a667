"""Hostile and odd input: one line naming the file and exit status 2, or a normal lint; never a traceback."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest

from followup_lint import lint_text
from followup_lint.engine.linter import EMPTY, NOT_ENGLISH

from .conftest import FIXTURES, ROOT


def check_refused(run_cli, path: Path | str, *words: str, args: tuple[str, ...] = (), named: Path | None = None) -> str:
    """Lint ``path``; expect exit 2 and one stderr line naming ``named`` (default: the draft) and ``words``."""
    status, out, err = run_cli(str(path), *args)
    assert status == 2, (out, err)
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert str(named or path) in err
    for word in words:
        assert word in err, err
    return err


def lint_json(run_cli, path: Path) -> tuple[int, dict]:
    status, out, err = run_cli(str(path), "--format", "json")
    assert "Traceback" not in err
    return status, json.loads(out)["files"][0]


@pytest.mark.parametrize("content", [b"", b"   \n\n\t \r\n"])
def test_empty_or_blank_draft_is_a_normal_lint_with_a_notice(run_cli, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    status, report = lint_json(run_cli, path)
    assert status == 0 and report["findings"] == [] and report["notices"] == [EMPTY]


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("binary.txt", b"GIF89a\x00\x01\x02\x00\x00", ("binary", "NUL")),
        ("invalid.txt", b"Thank you \xff\xfe for the time", ("not valid UTF-8",)),
        ("latin1.txt", "Merci pour le café, René.".encode("latin-1"), ("not valid UTF-8", "save it as UTF-8")),
        ("line.txt", b"word " * 220_000, ("too large", "limit")),
    ],
)
def test_undecodable_or_oversized_input_is_refused(run_cli, tmp_path: Path, name: str, data: bytes, words) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    check_refused(run_cli, path, *words)


def test_fifty_megabyte_file_is_refused_before_reading(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: nothing is written, the size is what counts
    check_refused(run_cli, path, "too large", "50.0 MB", "512 KB")


def test_utf16_with_bom_is_linted(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes("Hi Dana,\n\nThank you for the chat about the analyst role.\n\nSam\n".encode("utf-16"))
    status, report = lint_json(run_cli, path)
    assert status in (0, 1) and report["metrics"]["words"] == 12


EML_HEAD = "From: sam@example.com\nTo: dana@acme.example\nSubject: Thank you\nMIME-Version: 1.0\n"


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (
            'Content-Type: multipart/alternative; boundary="ZZ"\n\n--XX\nContent-Type: text/plain\n\nHi\n--XX--\n',
            ("broken MIME structure",),
        ),
        ("Content-Type: text/plain; charset=x-klingon\n\nHi Dana\n", ("unknown character set", "x-klingon")),
        (
            'Content-Type: multipart/mixed; boundary="B"\n\n--B\nContent-Type: application/pdf\n'
            "Content-Disposition: attachment; filename=cv.pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0=\n--B--\n",
            ("only attachments", "cv.pdf"),
        ),
    ],
)
def test_malformed_eml_is_refused_in_one_line(run_cli, tmp_path: Path, body: str, words) -> None:
    path = tmp_path / "msg.eml"
    path.write_text(EML_HEAD + body)
    check_refused(run_cli, path, *words)


def test_eml_without_body_is_a_normal_lint(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "nobody.eml"
    path.write_text(EML_HEAD + "\n")
    status, report = lint_json(run_cli, path)
    assert status == 0 and report["notices"] == [EMPTY]


def test_missing_path_and_directory(run_cli, tmp_path: Path) -> None:
    check_refused(run_cli, tmp_path / "nope.txt", "no such file")
    (tmp_path / "empty-dir").mkdir()
    check_refused(run_cli, tmp_path / "empty-dir")


def test_unreadable_file(run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Thank you!\n")
    path.chmod(0)
    if os.geteuid() == 0:  # root reads anything: simulate the refusal the kernel gives other users
        import followup_lint.reading as reading

        def denied(*args: object, **kwargs: object) -> None:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(reading, "open", denied, raising=False)
    check_refused(run_cli, path, "permission denied")


def test_symlink_loop(run_cli, tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(tmp_path / "loop.txt")
    check_refused(run_cli, loop, "symbolic links")


@pytest.mark.parametrize(
    "text",
    [
        "Hola Ana,\n\nMuchas gracias por la entrevista de ayer. Me encantó conocer al equipo y aprender sobre el "
        "proyecto de datos. Espero tener noticias pronto.\n\nSaludos,\nSam",
        "山田様\n\n昨日は面接の機会をいただき、誠にありがとうございました。チームの皆様とお話しでき大変光栄でした。",
    ],
)
def test_non_english_draft_gets_one_notice(text: str) -> None:
    report = lint_text(text)
    assert report.findings == [] and report.notices == [NOT_ENGLISH]


def test_english_with_foreign_names_is_checked() -> None:
    report = lint_text("Hi Zoë,\n\nThank you for the tour of the São Paulo office yesterday.\n\nBest,\nRenée")
    assert report.notices == []


@pytest.mark.parametrize(
    ("rule_body", "words"),
    [
        ("regexes: ['(\\w+\\s?)*$']", ("regexes[0]", "exponential")),
        ("regexes: ['(a+)+b']", ("regexes[0]", "exponential")),
        ("patterns: [[{TEXT: {REGEX: 1}}]]", ("patterns[0]", "invalid token pattern")),
    ],
)
def test_dangerous_or_invalid_patterns_are_rejected_at_load(run_cli, tmp_path: Path, rule_body: str, words) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "bad.yaml").write_text(
        "id: custom.bad\ncategory: tone\nseverity: warning\ncheck: existence\nmessage: m\nwhy: w\n"
        f"{rule_body}\nexamples: {{fire: [x], pass: [y]}}\n"
    )
    draft = tmp_path / "d.txt"
    draft.write_text("Thank you.\n")
    check_refused(run_cli, draft, *words, args=("--rules", str(rules)), named=rules / "bad.yaml")


def test_rule_files_cannot_run_code(run_cli, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "evil.yaml").write_text(f"!!python/object/apply:os.system ['touch {marker}']\n")
    draft = tmp_path / "d.txt"
    draft.write_text("Thank you.\n")
    check_refused(run_cli, draft, "invalid YAML", args=("--rules", str(rules)), named=rules / "evil.yaml")
    assert not marker.exists()


def test_unknown_rule_in_select(run_cli, tmp_path: Path) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text("Thank you.\n")
    status, _, err = run_cli(str(draft), "--select", "tone.telepathy")
    assert status == 2 and "unknown rule or category 'tone.telepathy'" in err


def test_a_lint_opens_no_socket(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[tuple[object, ...]] = []
    real = socket.socket

    class Recording(real):  # type: ignore[misc, valid-type]
        def __init__(self, *args: object, **kwargs: object) -> None:
            opened.append(args)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(socket, "socket", Recording)
    for path in sorted((FIXTURES / "bad").glob("*.txt"))[:5]:
        lint_text(path.read_text(encoding="utf-8"), path=str(path))
    assert opened == []


def test_rule_data_is_parsed_with_a_safe_loader() -> None:
    source = (ROOT / "src" / "followup_lint" / "engine" / "loader.py").read_text()
    assert "SafeLoader" in source and "yaml.load(" in source and "Loader=loader" in source
