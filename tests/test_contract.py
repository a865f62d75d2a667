"""The public contract (../shared/contract.md): JSON report, line format, exit statuses, categories."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from followup_lint.model import CATEGORIES

from .conftest import FIXTURES, ROOT

ZEBRA = str(ROOT / "tests" / "data" / "zebra-rules")
SCHEMA = json.loads(resources.files("followup_lint.reporting").joinpath("report.schema.json").read_text())
LINE = re.compile(
    r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning|suggestion): "
    r"(?P<msg>.+) \[(?P<rule>[a-z0-9.-]+)\]$"
)
CLEAN = (
    "Hi Dana,\n\nThank you for taking the time to talk with me about the analyst role at Acme Corp today.\n\n"
    "Best,\nSam\n"
)
NO_THANKS = (
    "Hi Dana,\n\nI enjoyed our talk about the analyst role at Acme Corp and the dashboards your team builds.\n\n"
    "Best,\nSam\n"
)


@pytest.fixture
def drafts(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for name, text in (("clean.txt", CLEAN), ("no-thanks.txt", NO_THANKS)):
        out[name] = tmp_path / name
        out[name].write_text(text)
    return out


def test_categories_are_the_contract_vocabulary() -> None:
    assert CATEGORIES == (
        "typo", "grammar", "gratitude", "personalization", "placeholder", "wrong-name", "length", "tone",
        "formality", "structure", "readability", "timing",
    )  # fmt: skip
    assert SCHEMA["$defs"]["finding"]["properties"]["category"]["enum"] == list(CATEGORIES)


def test_json_report_matches_the_schema_and_the_contract(run_cli, drafts) -> None:
    status, out, err = run_cli(
        str(drafts["no-thanks.txt"]), str(drafts["clean.txt"]), "--format", "json", "--select", "gratitude"
    )
    assert status == 1, err
    report = json.loads(out)
    jsonschema.validate(report, SCHEMA)
    assert report["schema_version"] == 1
    assert report["tool"]["name"] == "followup-lint"
    assert [f["path"] for f in report["files"]] == [str(drafts["no-thanks.txt"]), str(drafts["clean.txt"])]
    (finding,) = report["files"][0]["findings"]
    assert finding["rule"] == "gratitude.missing" and finding["category"] == "gratitude"
    assert finding["severity"] == "warning"
    # Something missing points at the start of the body with length 0; its fix is an insertion.
    assert (finding["line"], finding["column"], finding["offset"], finding["length"], finding["text"]) == (
        1,
        1,
        0,
        0,
        "",
    )
    assert finding["fixes"][0]["length"] == 0 and finding["fixes"][0]["replacement"].startswith("Thank you")
    assert report["files"][1]["findings"] == []
    assert report["summary"] == {"files": 2, "errors": 0, "warnings": 1, "suggestions": 0}
    assert report["files"][0]["metrics"]["words"] == 21


def test_every_finding_text_is_its_source_slice(run_cli, tmp_path: Path) -> None:
    source = "Zebra 🦓 one,\r\n\r\nzebra two — zebra\r\n"
    path = tmp_path / "z.txt"
    path.write_bytes(source.encode())
    _status, out, _ = run_cli(str(path), "--rules", ZEBRA, "--select", "test.zebra", "--format", "json")
    findings = json.loads(out)["files"][0]["findings"]
    assert len(findings) == 3
    for f in findings:
        assert f["text"] == source[f["offset"] : f["offset"] + f["length"]]
        assert f["end_column"] == f["column"] + f["length"] and f["end_line"] == f["line"]
        jsonschema.validate(f, SCHEMA["$defs"]["finding"])


def test_line_format(run_cli, drafts) -> None:
    _status, out, _ = run_cli(str(drafts["no-thanks.txt"]), "--format", "line", "--select", "gratitude")
    lines = out.splitlines()
    assert len(lines) == 1
    match = LINE.match(lines[0])
    assert match, lines[0]
    assert match["path"] == str(drafts["no-thanks.txt"]) and (match["line"], match["col"]) == ("1", "1")
    assert match["sev"] == "warning" and match["rule"] == "gratitude.missing"


def test_line_format_clean_prints_nothing(run_cli, drafts) -> None:
    status, out, err = run_cli(str(drafts["clean.txt"]), "--format", "line", "--select", "gratitude")
    assert (status, out, err) == (0, "", "")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["clean.txt", "--select", "gratitude"], 0),
        (["no-thanks.txt", "--select", "gratitude"], 1),
        (["no-thanks.txt", "--select", "gratitude", "--fail-on", "error"], 0),
        (["no-thanks.txt", "--select", "gratitude", "--fail-on", "warning"], 1),
        (["no-thanks.txt", "--select", "gratitude", "--fail-on", "suggestion"], 1),
    ],
)
def test_exit_status_follows_fail_on(run_cli, drafts, args: list[str], expected: int) -> None:
    status, _, _ = run_cli(str(drafts[args[0]]), *args[1:])
    assert status == expected


def test_suggestions_fail_only_with_fail_on_suggestion(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_text("Hi Dana,\n\nThank you!\n\nSam\n")
    assert run_cli(str(path), "--select", "length.words")[0] == 0
    assert run_cli(str(path), "--select", "length.words", "--fail-on", "suggestion")[0] == 1


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "xml", "{clean}"],
        ["--no-such-flag", "{clean}"],
        ["{missing}"],
        ["--select", "no-such-rule", "{clean}"],
        ["--fail-on", "fatal", "{clean}"],
        ["--config", "{missing}", "{clean}"],
        ["--rules", "{missing}", "{clean}"],
        ["--interview-date", "2026-02-30", "{clean}"],
    ],
)
def test_usage_errors_exit_2_with_one_line(run_cli, drafts, tmp_path: Path, args: list[str]) -> None:
    values = {"clean": str(drafts["clean.txt"]), "missing": str(tmp_path / "missing")}
    status, _out, err = run_cli(*[a.format(**values) for a in args])
    assert status == 2
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith("followup-lint: error: ") and "Traceback" not in err


def test_unreadable_file_is_named_and_others_still_linted(run_cli, drafts, tmp_path: Path) -> None:
    missing = tmp_path / "gone.txt"
    status, out, err = run_cli(str(missing), str(drafts["no-thanks.txt"]), "--format", "line", "--select", "gratitude")
    assert status == 2
    assert str(missing) in err and "no such file" in err
    assert "gratitude.missing" in out


def test_bad_fixture_through_the_cli_has_findings(run_cli) -> None:
    # A check-in without thanks is a suggestion (a coach would not insist), so fail on suggestions.
    status, out, _ = run_cli(
        str(FIXTURES / "bad" / "no-thanks-check-in.txt"), "--format", "json", "--fail-on", "suggestion"
    )
    assert status == 1
    assert any(f["rule"] == "gratitude.missing" for f in json.loads(out)["files"][0]["findings"])
