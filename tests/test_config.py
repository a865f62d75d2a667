"""Configuration: discovery, selection, overrides, context, and CLI flags on top."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from followup_lint.config import Config, find_config, load_config

NO_THANKS = (
    "Hi Dana,\n\nI enjoyed our talk about the analyst role at Acme Corp and the dashboards your team builds.\n\n"
    "Best,\nSam\n"
)


def lint_json(run_cli, *args: str) -> tuple[int, list[dict], str]:
    status, out, err = run_cli(*args, "--format", "json")
    findings = json.loads(out)["files"][0]["findings"] if out else []
    return status, findings, err


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "drafts" / "acme").mkdir(parents=True)
    (tmp_path / "drafts" / "acme" / "note.txt").write_text(NO_THANKS)
    return tmp_path


def test_config_is_found_upward_from_the_draft(run_cli, project: Path) -> None:
    (project / ".followup-lint.toml").write_text('ignore = ["gratitude"]\n[context]\ncompany = "Acme Corp"\n')
    draft = project / "drafts" / "acme" / "note.txt"
    assert find_config(draft.parent) == project / ".followup-lint.toml"
    _status, findings, _ = lint_json(run_cli, str(draft))
    assert "gratitude.missing" not in {f["rule"] for f in findings}


def test_pyproject_tool_table(run_cli, project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.followup-lint]\nselect = ["gratitude"]\n'
        '[tool.followup-lint.rules.gratitude]\nseverity = "error"\n'
    )
    status, findings, _ = lint_json(run_cli, str(project / "drafts" / "acme" / "note.txt"))
    assert [(f["rule"], f["severity"]) for f in findings] == [("gratitude.missing", "error")]
    assert status == 1


def test_pyproject_without_the_table_is_skipped(project: Path) -> None:
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find_config(project / "drafts") is None or find_config(project / "drafts") != project / "pyproject.toml"


def test_options_override_defaults(run_cli, project: Path) -> None:
    (project / ".followup-lint.toml").write_text('select = ["length"]\n[rules."length.words"]\nmax = 10\nmin = 5\n')
    _status, findings, _ = lint_json(run_cli, str(project / "drafts" / "acme" / "note.txt"))
    (finding,) = findings
    assert "aim for at most 10" in finding["message"]


@pytest.mark.parametrize(
    ("toml", "where"),
    [
        ('colour = "red"\n', "colour: unknown key"),
        ('fail-on = "fatal"\n', "fail-on: invalid severity"),
        ('[rules."length.words"]\nmaxx = 10\n', "rules.length.words.maxx: unknown option"),
        ('[rules."length.words"]\nmax = "ten"\n', "rules.length.words.max: must be like the default"),
        ('[rules."no.such"]\nseverity = "error"\n', "rules.no.such: names no known rule"),
        ("select = [\n", "invalid TOML"),
        ('[context]\nboss = "x"\n', "context.boss: unknown key"),
    ],
)
def test_broken_config_exits_2_naming_file_and_field(run_cli, project: Path, toml: str, where: str) -> None:
    config = project / ".followup-lint.toml"
    config.write_text(toml)
    status, _out, err = run_cli(str(project / "drafts" / "acme" / "note.txt"))
    assert status == 2
    assert err.count("\n") == 1 and str(config) in err and where in err, err


def test_cli_flags_override_the_file(run_cli, project: Path) -> None:
    (project / ".followup-lint.toml").write_text(
        'select = ["length"]\nfail-on = "error"\n[context]\ncompany = "Globex"\nrole = "Analyst"\n'
    )
    draft = str(project / "drafts" / "acme" / "note.txt")
    status, findings, _ = lint_json(run_cli, draft)
    assert status == 0 and [(f["rule"], f["severity"]) for f in findings] == [("length.words", "suggestion")]
    status, findings, _ = lint_json(
        run_cli, draft, "--select", "gratitude", "--fail-on", "warning", "--company", "Acme Corp"
    )
    (finding,) = findings
    assert status == 1
    assert "Analyst position at Acme Corp" in finding["fixes"][0]["replacement"]


def test_explicit_config_and_isolated(run_cli, project: Path) -> None:
    (project / ".followup-lint.toml").write_text('select = ["length"]\n')
    other = project / "other.toml"
    other.write_text('select = ["gratitude"]\n')
    draft = str(project / "drafts" / "acme" / "note.txt")
    assert [f["rule"] for f in lint_json(run_cli, draft, "--config", str(other))[1]] == ["gratitude.missing"]
    assert "gratitude.missing" in [f["rule"] for f in lint_json(run_cli, draft, "--isolated")[1]]


def test_words_and_word_list_are_loaded(tmp_path: Path) -> None:
    (tmp_path / "words.txt").write_text("# my words\nSiobhan\nKubernetes\n")
    path = tmp_path / ".followup-lint.toml"
    path.write_text(
        'words = ["Figma"]\nword-list = "words.txt"\nrule-dirs = ["r"]\n[context]\ninterviewers = ["Siobhan Kelly"]\n'
    )
    config = load_config(path)
    assert config.words == {"figma", "siobhan", "kubernetes"}
    assert config.rule_dirs == (tmp_path / "r",)
    assert config.context.interviewers == ("Siobhan Kelly",)


def test_ignore_by_category_and_select_by_prefix() -> None:
    from followup_lint.engine.linter import select_rules
    from followup_lint.engine.loader import load_rules

    rules = load_rules()
    assert [r.id for r in select_rules(rules, Config(select=("gratitude.missing",)))] == ["gratitude.missing"]
    assert "gratitude.missing" not in [r.id for r in select_rules(rules, Config(ignore=("gratitude",)))]
    assert [r.id for r in select_rules(rules, Config(select=("length",)))] == [
        r.id for r in sorted(rules.values(), key=lambda r: r.id) if r.category == "length" and r.enabled
    ]
