"""One regex item model for every check type: ``group``, back-references, per-item ``case`` and replacements
that refer to the match (``\\1``, ``\\g<name>``), in phrase rules (``existence``) and ``grammar-regex`` alike."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from followup_lint.config import Config
from followup_lint.engine.errors import RuleError
from followup_lint.engine.linter import Linter
from followup_lint.engine.loader import load_rule_file
from followup_lint.reading import draft_from_text
from followup_lint.reporting import FileReport

CHECKS = ("existence", "grammar-regex")
EXAMPLES = "examples:\n  fire: [a]\n  pass: [b]\n"


def findings(tmp_path: Path, check: str, items: str, text: str, case: str = "") -> list[tuple[str, list[str]]]:
    """(flagged text, replacements) of each finding of a one-rule set whose ``regexes`` are ``items``."""
    tmp_path = tmp_path / str(len(list(tmp_path.iterdir())))  # a fresh rule directory: no cached rules
    folder = tmp_path / "rules" / "formality"
    folder.mkdir(parents=True, exist_ok=True)
    body = textwrap.indent(textwrap.dedent(items).strip(), "  ")
    (folder / "probe.yaml").write_text(
        f"id: formality.probe\ncategory: formality\nseverity: warning\ncheck: {check}\n{case}"
        'message: "\\"{match}\\" here."\n'
        f"why: A probe.\nregexes:\n{body}\n{EXAMPLES}",
        encoding="utf-8",
    )
    config = Config(rule_dirs=(tmp_path / "rules",), select=("formality.probe",))
    report = Linter(config, report=FileReport).lint(draft_from_text(text))
    return [
        (text[f.offset : f.offset + f.length], [fix.replacement for fix in f.fixes])
        for f in report.findings
        if f.rule == "formality.probe"
    ]


@pytest.mark.parametrize("check", CHECKS)
def test_group_flags_and_replaces_only_that_part(tmp_path: Path, check: str) -> None:
    items = """
    - regex: '\\b(?:could|should) (of)\\b'
      group: 1
      replacement: have
    """
    assert findings(tmp_path, check, items, "Hi Dana,\n\nI could of asked sooner.\n\nSam") == [("of", ["have"])]


@pytest.mark.parametrize("check", CHECKS)
def test_a_back_reference_finds_a_doubled_word(tmp_path: Path, check: str) -> None:
    items = """
    - regex: '\\b(\\w+) \\1\\b'
      replacement: '\\1'
    """
    found = findings(tmp_path, check, items, "Hi Dana,\n\nThank you for the the interview.\n\nSam")
    assert found == [("the the", ["the"])]


@pytest.mark.parametrize("check", CHECKS)
def test_case_is_set_per_item_over_the_rule(tmp_path: Path, check: str) -> None:
    items = """
    - {regex: '\\bASAP\\b', case: sensitive}
    - {regex: '\\bfyi\\b'}
    """
    text = "Hi Dana,\n\nFYI I asked asap, then ASAP.\n\nSam"
    assert sorted(f for f, _ in findings(tmp_path, check, items, text)) == ["ASAP", "FYI"]
    # the rule says sensitive, the item says insensitive (grammar-regex's rule-wide `case`)
    if check == "grammar-regex":
        items = """
        - {regex: '\\bfyi\\b', case: insensitive}
        - {regex: '\\basap\\b'}
        """
        found = findings(tmp_path, check, items, text, case="case: sensitive\n")
        assert sorted(f for f, _ in found) == ["FYI", "asap"]


@pytest.mark.parametrize("check", CHECKS)
def test_a_replacement_refers_to_the_match(tmp_path: Path, check: str) -> None:
    items = """
    - regex: '\\b(?P<ask>let me know|reply) (?:immediately|right away)\\b'
      replacement: '\\g<ask> when you have a moment'
    """
    text = "Hi Dana,\n\nPlease let me know right away. Reply immediately.\n\nSam"
    assert findings(tmp_path, check, items, text) == [
        ("let me know right away", ["let me know when you have a moment"]),
        ("Reply immediately", ["Reply when you have a moment"]),
    ]
    # an all-caps match is not shouted back (as with a fixed replacement of several words)
    shouted = findings(tmp_path, check, items, "Hi Dana,\n\nPLEASE REPLY RIGHT AWAY.\n\nSam")
    assert shouted == [("REPLY RIGHT AWAY", ["reply when you have a moment"])]


def test_a_replacement_refers_to_the_match_and_the_context(tmp_path: Path) -> None:
    """Group references and ``{field}`` templates mix in a phrase rule's replacement."""
    items = """
    - regex: '\\b(thanks) (dude)\\b'
      replacement: '\\1, {match}'
    """
    assert findings(tmp_path, "existence", items, "Hi Dana,\n\nThanks dude for today.\n\nSam") == [
        ("Thanks dude", ["Thanks, Thanks dude"])
    ]


@pytest.mark.parametrize("check", CHECKS)
@pytest.mark.parametrize(
    ("item", "field"),
    [
        ("{regex: 'a(b)c', group: 2}", "regexes[0].group"),
        ("{regex: 'a(b)c', replacement: '\\2'}", "regexes[0].replacement"),
        ("{regex: 'abc', case: loud}", "regexes[0].case"),
        ("{regex: 'abc', transform: shout}", "regexes[0].transform"),
    ],
)
def test_bad_regex_items_are_refused_naming_the_field(tmp_path: Path, check: str, item: str, field: str) -> None:
    path = tmp_path / "probe.yaml"
    path.write_text(
        f'id: formality.probe\ncategory: formality\nseverity: warning\ncheck: {check}\nmessage: "m"\nwhy: w\n'
        f"regexes:\n  - {item}\n{EXAMPLES}",
        encoding="utf-8",
    )
    with pytest.raises(RuleError, match=field.replace("[", r"\[").replace("]", r"\]")):
        load_rule_file(path)
