"""The rule engine: rule files as data, the check kinds, and one-line errors for broken rule files."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest

from followup_lint import Config, lint_text
from followup_lint.engine.errors import RuleError
from followup_lint.engine.loader import load_rule_file

VALID = """
id: custom.swag
category: formality
severity: warning
check: existence
message: Avoid "{match}".
why: Testing.
phrases: [swag]
examples: {fire: ["nice swag"], pass: ["nice bag"]}
"""


def write_rule(directory: Path, text: str, name: str = "rule.yaml") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(textwrap.dedent(text))
    return path


@pytest.mark.parametrize(
    ("change", "field", "problem"),
    [
        (("check: existence", "check: existence\ncolour: red"), "colour", "unknown key"),
        (("severity: warning", "severity: fatal"), "severity", "invalid severity"),
        (("category: formality", "category: vibes"), "category", "unknown category"),
        (("phrases: [swag]", "phrases: swag"), "phrases", "must be a list"),
        (("phrases: [swag]", "patterns: [[{LOWER: swag, BOGUS: 1}]]"), "patterns[0]", "invalid token pattern"),
        (("phrases: [swag]", "regexes: ['(unclosed']"), "regexes[0]", "invalid regular expression"),
        (("check: existence", "check: telepathy"), "check", "unknown check type"),
        (('message: Avoid "{match}".\n', ""), "message", "is required"),
        (
            ('examples: {fire: ["nice swag"], pass: ["nice bag"]}', 'examples: {fire: ["nice swag"], pass: []}'),
            "examples.pass",
            "needs at least one example",
        ),
        (("why: Testing.", "why: [1, 2]"), "why", "must be a string"),
        (("id: custom.swag", "id: Custom Swag"), "id", "not a valid id"),
        (("phrases: [swag]", "phrases: [swag"), "line", "invalid YAML"),
    ],
)
def test_broken_rule_file_exits_2_naming_file_and_field(run_cli, tmp_path: Path, change, field, problem) -> None:
    path = write_rule(tmp_path / "rules", VALID.replace(*change))
    draft = tmp_path / "d.txt"
    draft.write_text("Thanks for the swag.\n")
    status, _out, err = run_cli(str(draft), "--rules", str(tmp_path / "rules"))
    assert status == 2
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"{path}: {field}" in err and problem in err, err


def test_rule_error_names_file_and_field(tmp_path: Path) -> None:
    path = write_rule(tmp_path, VALID.replace("severity: warning", "severity: 3"))
    with pytest.raises(RuleError) as caught:
        load_rule_file(path)
    assert str(caught.value).startswith(f"{path}: severity: ")


def test_user_rule_directory_adds_and_replaces_rules(run_cli, tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    write_rule(rules, VALID)
    write_rule(
        rules,
        Path(__file__)
        .resolve()
        .parents[1]
        .joinpath("rules/length/words.yaml")
        .read_text()
        .replace("max: 250", "max: 3"),
        "words.yaml",
    )
    draft = tmp_path / "d.txt"
    draft.write_text("Thank you for the swag and the tour of the office.\n")
    _status, out, _ = run_cli(str(draft), "--rules", str(rules), "--format", "json")
    found = {f["rule"]: f for f in json.loads(out)["files"][0]["findings"]}
    assert found["custom.swag"]["text"] == "swag" and found["custom.swag"]["message"] == 'Avoid "swag".'
    assert found["length.words"]["message"].startswith("At 11 words")
    assert found["length.words"]["text"] == "the swag and the tour of the office"


def test_phrases_match_contractions_and_case(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    write_rule(rules, VALID.replace("phrases: [swag]", 'phrases: ["i am desperate"]'))
    cfg = Config(select=("custom.swag",), rule_dirs=(rules,))
    for text in ("I'm desperate.", "I’M DESPERATE", "i am desperate"):
        assert [f.rule for f in lint_text(text, config=cfg).findings] == ["custom.swag"], text
    assert lint_text("I am not desperate.", config=cfg).findings == []


def test_unless_cancels_overlapping_matches(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    write_rule(rules, VALID.replace("phrases: [swag]", 'phrases: [need]\nunless: {phrases: ["if you need"]}'))
    cfg = Config(select=("custom.swag",), rule_dirs=(rules,))
    assert len(lint_text("I need an answer.", config=cfg).findings) == 1
    assert lint_text("Let me know if you need anything.", config=cfg).findings == []


def test_every_unless_match_cancels_what_it_overlaps_even_beside_another(tmp_path: Path) -> None:
    # "if you" (the first unless match) overlaps "you need", which alone overlaps the match "need it"
    rules = tmp_path / "rules"
    write_rule(rules, VALID.replace("phrases: [swag]", 'phrases: [need it]\nunless: {phrases: ["if you", "you need"]}'))
    cfg = Config(select=("custom.swag",), rule_dirs=(rules,))
    assert lint_text("Let me know if you need it.", config=cfg).findings == []
    assert len(lint_text("I need it today.", config=cfg).findings) == 1


def test_gap_in_a_rule_regex_is_one_gap_between_words_of_a_paragraph(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    write_rule(rules, VALID.replace("phrases: [swag]", "regexes: ['swag{gap}bag']"))
    cfg = Config(select=("custom.swag",), rule_dirs=(rules,))
    texts = ("a swag bag", "a swag\n  bag", "a swag\n\nbag")
    assert [len(lint_text(t, config=cfg).findings) for t in texts] == [1, 1, 0]


def test_substitution_requires_a_replacement(tmp_path: Path) -> None:
    path = write_rule(tmp_path, VALID.replace("check: existence", "check: substitution"))
    with pytest.raises(RuleError, match="needs a `replacement`"):
        load_rule_file(path)


def test_required_insert_uses_context_and_goes_after_greeting() -> None:
    text = "Dear Ms. Lee,\n\nI enjoyed hearing about the clinic's expansion.\n\nSincerely,\nOmar\n"
    report = lint_text(text, {"company": "Riverside Clinic", "role": "charge nurse"}, Config(select=("gratitude",)))
    (finding,) = report.findings
    fix = finding.fixes[0]
    assert not fix.safe and fix.length == 0
    assert fix.offset == text.index("I enjoyed")
    assert fix.replacement == (
        "Thank you for taking the time to speak with me about the charge nurse position at Riverside Clinic.\n\n"
    )
    assert finding.suggestion and "charge nurse position at Riverside Clinic" in finding.suggestion


def test_required_insert_keeps_crlf() -> None:
    text = "Hi Sam,\r\n\r\nGreat to meet you.\r\n"
    (finding,) = lint_text(text, config=Config(select=("gratitude",))).findings
    assert finding.fixes[0].replacement.endswith("\r\n\r\n")


def test_gratitude_recognises_thanks_but_not_thankless() -> None:
    cfg = Config(select=("gratitude",))
    for thanks in ("Many thanks for your time.", "I'm grateful for the chat.", "Thank you!", "I appreciate it."):
        assert lint_text(f"Hi Dana,\n\n{thanks}\n\nSam", config=cfg).findings == [], thanks
    assert lint_text("Hi Dana,\n\nIt was a thankless job.\n\nSam", config=cfg).findings


def test_rules_can_be_restricted_to_channels() -> None:
    long = "I enjoyed the chat with you and the team. " * 40
    assert lint_text(long, config=Config(select=("length.words",))).findings
    assert not lint_text(long, {"channel": "linkedin"}, Config(select=("length.words",))).findings


def test_metrics_words_and_sentences() -> None:
    report = lint_text(
        "Hi Dana,\n\nThank you for today. I learned a lot!\n\nBest,\nSam\n", config=Config(select=("gratitude",))
    )
    assert report.metrics["words"] == 12
    assert report.metrics["sentences"] == 2  # not the greeting, the sign-off or the name


def test_old_kind_field_loads_with_a_one_line_deprecation_warning(run_cli, tmp_path: Path) -> None:
    """A user rule file from before ``check:`` (``kind: existence``) still works; stderr says what to rename."""
    path = write_rule(tmp_path / "rules", VALID.replace("check: existence", "kind: existence"))
    draft = tmp_path / "d.txt"
    draft.write_text("Thanks for the swag.\n")
    status, out, err = run_cli(str(draft), "--rules", str(tmp_path / "rules"), "--select", "custom.swag")
    assert status == 1 and "[custom.swag]" in out
    assert f"followup-lint: warning: {path}: `kind` is deprecated; rename it to `check`" in err
    assert len(err.strip().splitlines()) == 1


def test_kind_and_check_together_are_refused(tmp_path: Path) -> None:
    path = write_rule(tmp_path, VALID.replace("check: existence", "check: existence\nkind: existence"))
    with pytest.raises(RuleError, match="give the check type once, as `check`"):
        load_rule_file(path)


def test_builtin_rule_files_name_their_check_type_with_check() -> None:
    from followup_lint.data import builtin_rules_dir

    old = [str(p) for p in builtin_rules_dir().rglob("*.yaml") if re.search(r"^kind:", p.read_text(), re.M)]
    assert old == []
