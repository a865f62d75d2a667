"""The recipes of docs/architecture.md, followed step by step: a rule, a check type, an analysis, a metric.

Each test does what its recipe says and nothing more; if a recipe needs another step, the test fails.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

import pytest

from followup_lint import pipeline
from followup_lint.config import Config
from followup_lint.engine.checks import Check
from followup_lint.engine.checks.matching import parse_regex
from followup_lint.engine.checks.phrases import replacements
from followup_lint.engine.document import Document
from followup_lint.engine.errors import RuleError
from followup_lint.engine.linter import Linter
from followup_lint.engine.schema import Field
from followup_lint.model import Context, Finding, Fix
from followup_lint.reading import draft_from_text
from followup_lint.reporting import FileReport, Report, write_report

if TYPE_CHECKING:
    from followup_lint.engine.rule import Rule

DRAFT = "Hi Dana,\n\nThank you for the interview!!! I loved it! Truly!\n\nBest,\nSam"


def write(directory: Path, name: str, text: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def lint(rules: Path, text: str = DRAFT) -> FileReport:
    config = Config(rule_dirs=(rules,), select=("formality.recipe",))
    return Linter(config, report=FileReport).lint(draft_from_text(text))


# Recipe: add a rule -- one YAML file under rules/<category>/ with a check type, texts and examples.


def test_recipe_add_a_rule(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    write(
        rules / "formality",
        "recipe.yaml",
        """
        id: formality.recipe
        category: formality
        severity: suggestion
        check: existence
        message: "\\"{match}\\" is more than one exclamation mark."
        why: One is enough in a thank-you note.
        regexes: ['!{2,}']
        examples:
          fire: ["Thank you!!"]
          pass: ["Thank you!"]
        """,
    )
    report = lint(rules)
    assert [(f.rule, DRAFT[f.offset : f.end]) for f in report.findings] == [("formality.recipe", "!!!")]


# Recipe: add a check type -- a ``Check`` subclass in engine/checks/<name>.py and one entry in pipeline.CHECKS.


class Exclamations(Check):
    """Fires on each sentence that ends with an exclamation mark, past the ``max`` option."""

    fields: ClassVar[dict[str, Field]] = {"mark": Field(str, True, "the mark to count")}

    def run(self, doc: Document) -> Iterator[Finding]:
        mark = self.rule.spec["mark"]
        places = [i for i, char in enumerate(doc.prose) if char == mark and doc.prose[i + 1 : i + 2] != mark]
        for offset in places[self.rule.options["max"] :]:
            yield self.finding(doc, offset, offset + 1, values={"limit": self.rule.options["max"]})


def test_recipe_add_a_check_type(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(pipeline.CHECKS, "exclamations", f"{__name__}:Exclamations")
    rules = tmp_path / "rules"
    write(
        rules,
        "recipe.yaml",
        """
        id: formality.recipe
        category: formality
        severity: suggestion
        check: exclamations
        mark: "!"
        message: More than {limit} exclamations.
        why: They read as over-excited.
        options: {max: 1}
        examples:
          fire: ["Thanks! Great! Bye!"]
          pass: ["Thanks!"]
        """,
    )
    report = lint(rules)
    assert [(f.message, f.offset) for f in report.findings] == [
        ("More than 1 exclamations.", DRAFT.index("! Truly") + 0),
        ("More than 1 exclamations.", len(DRAFT) - len("\n\nBest,\nSam") - 1),
    ]


class Rewrites(Check):
    """Step 4: a check type whose regexes are the one regex model (``matching.parse_regex``)."""

    fields: ClassVar[dict[str, Field]] = {"regexes": Field(list, True, "regex items")}

    @classmethod
    def validate(cls, rule: Rule) -> None:
        for index, item in enumerate(rule.spec["regexes"]):
            parse_regex(rule.path, f"regexes[{index}]", item, check=True)

    def run(self, doc: Document) -> Iterator[Finding]:
        for index, spec in enumerate(self.rule.spec["regexes"]):
            item = parse_regex(self.rule.path, f"regexes[{index}]", spec, check=False)
            for match in item.regex.search(doc, 0, len(doc.prose)):  # type: ignore[union-attr]
                start, end = match.span(item.group)
                text = doc.source[start:end]
                fixes = [Fix(start, end - start, r, item.safe) for r in replacements(item, match, text, {})]
                yield self.finding(doc, start, end, fixes=tuple(fixes), values={"match": text})


def test_recipe_add_a_check_type_with_regexes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(pipeline.CHECKS, "rewrites", f"{__name__}:Rewrites")
    rules = tmp_path / "rules"
    write(
        rules,
        "recipe.yaml",
        """
        id: formality.recipe
        category: formality
        severity: suggestion
        check: rewrites
        regexes:
          - {regex: '(I) (loved) (it)', group: 2, replacement: '\\2 and enjoyed \\3', case: sensitive}
        message: "\\"{match}\\" is strong."
        why: A recipe.
        examples:
          fire: ["I loved it"]
          pass: ["I liked it"]
        """,
    )
    report = lint(rules)
    assert [(DRAFT[f.offset : f.end], [x.replacement for x in f.fixes]) for f in report.findings] == [
        ("loved", ["loved and enjoyed it"])
    ]
    bad = tmp_path / "bad"  # (a new directory: rules are cached by directory)
    write(bad, "recipe.yaml", (rules / "recipe.yaml").read_text().replace("group: 2", "group: 4"))
    with pytest.raises(RuleError, match=r"regexes\[0\]\.group"):
        lint(bad)


# Recipe: add an analysis -- a function of the Document in its module and one entry in pipeline.ANALYSES.

CALLS: list[str] = []


def exclamation_places(doc: Document) -> list[int]:
    CALLS.append(doc.draft.path)
    return [i for i, char in enumerate(doc.prose) if char == "!"]


def test_recipe_add_an_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(pipeline.ANALYSES, "exclamation_places", f"{__name__}:exclamation_places")
    CALLS.clear()
    doc = Document(draft_from_text(DRAFT, "draft.txt"), Context())
    assert doc.exclamation_places == [i for i, char in enumerate(DRAFT) if char == "!"]
    assert doc.exclamation_places is doc.exclamation_places
    assert CALLS == ["draft.txt"]  # computed once per draft, on first use
    with pytest.raises(AttributeError, match="no attribute or analysis 'exclamation_placez'"):
        _ = doc.exclamation_placez


# Recipe: add a metric -- a function of the Document and one entry in pipeline.METRICS; a ``metric`` rule can
# then use it, and an entry in pipeline.METERS shows it in the text report.


def exclamations(doc: Document) -> float:
    return doc.prose.count("!")


def show_exclamations(value: object) -> str:
    return f"{value} exclamation marks"


def test_recipe_add_a_metric(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(pipeline.METRICS, "exclamations", f"{__name__}:exclamations")
    monkeypatch.setitem(pipeline.METERS, "exclamations", f"{__name__}:show_exclamations")
    rules = tmp_path / "rules"
    write(
        rules,
        "recipe.yaml",
        """
        id: formality.recipe
        category: formality
        severity: suggestion
        check: metric
        metric: exclamations
        above: {option: max}
        message: "{value} exclamation marks (at most {limit})."
        why: They read as over-excited.
        options: {max: 2}
        examples:
          fire: ["Thanks!!!"]
          pass: ["Thanks!"]
        """,
    )
    report = lint(rules)
    assert [f.message for f in report.findings] == ["5 exclamation marks (at most 2)."]
    out = io.StringIO()
    write_report(Report(files=[report]), "text", out, color=False)
    assert "5 exclamation marks" in out.getvalue().splitlines()[-2]
