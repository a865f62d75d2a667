"""The learned sentence tone model: it reads meaning beyond the listed phrasings, leaves polite notes and
reference lines alone, pulls the politeness meter below 0 for a hostile reply, and ships weights whose
dev/test writers never trained it."""

from __future__ import annotations

import json

from followup_lint import Config, lint_text

from .conftest import ROOT

MODEL = ROOT / "rules" / "_data" / "tone-model.json"
SORE_REPLY = (
    "Hi Dana,\n\nThanks for letting me know. Honestly, the panel called my case study the best they had seen, so I "
    "cannot see how another applicant came out ahead.\n\nBest,\nSam"
)
SNIDE_REPLY = (
    "Hi Dana,\n\nThank you for the update. Your panel was a room of clueless amateurs, and the whole process was "
    "a shambles.\n\nSam"
)
WARM_NOTE = (
    "Hi Dana,\n\nThank you for taking the time to speak with me on Tuesday about the analyst role. I enjoyed "
    "hearing how your team moved its weekly reporting to dbt, and I would be glad to help with the next phase."
    "\n\nBest regards,\nSam Patel"
)


def model_findings(text: str) -> list[str]:
    report = lint_text(text, None, Config())
    return [report.source[f.offset : f.end] for f in report.findings if f.rule == "tone.model"]


def tone_findings(text: str) -> list[str]:
    """The sentences any tone rule reports (the model gives way to another tone rule on the same sentence)."""
    report = lint_text(text, None, Config())
    return [report.source[f.offset : f.end] for f in report.findings if f.category == "tone"]


def test_an_argument_in_words_no_rule_lists_is_found_with_its_sentence() -> None:
    found = tone_findings(SORE_REPLY)
    assert found and all("came out ahead" in s for s in found), found


def test_a_warm_specific_thank_you_is_left_alone_and_scores_high() -> None:
    assert tone_findings(WARM_NOTE) == []
    assert lint_text(WARM_NOTE, None, Config()).metrics["politeness"] >= 0.5


def test_a_hostile_reply_scores_below_zero_on_the_meter() -> None:
    assert lint_text(SNIDE_REPLY, None, Config()).metrics["politeness"] < 0
    assert (
        lint_text(SORE_REPLY, None, Config()).metrics["politeness"]
        < lint_text(WARM_NOTE, None, Config()).metrics["politeness"]
    )


def test_a_reference_line_is_not_judged_as_a_sentence() -> None:
    letter = (
        "Dear Ms. Okafor,\n\nRe: Head of Operations – final panel of 11 March\n\nThank you for the panel "
        "interview on Tuesday and for the tour of the warehouse.\n\nYours sincerely,\nDimitri"
    )
    assert not any(s.startswith("Re:") for s in model_findings(letter))


def test_the_shipped_model_was_split_by_writer() -> None:
    data = json.loads(MODEL.read_text(encoding="utf-8"))
    parts = {name: set(writers) for name, writers in data["split"].items()}
    assert parts["dev"] and parts["test"]
    assert not (parts["train"] & parts["dev"] or parts["train"] & parts["test"] or parts["dev"] & parts["test"])
    assert 0 < data["suggest"] <= data["warn"] < 1


def test_a_half_censored_insult_is_read_as_hostile() -> None:
    text = "Hi Dana,\n\nThanks for the update. What a f***ing joke.\n\nSam"
    report = lint_text(text, None, Config())
    found = [f for f in report.findings if f.rule == "tone.model"]
    assert [report.source[f.offset : f.end] for f in found] == ["What a f***ing joke."]
    assert "hostile" in found[0].message
    assert report.metrics["politeness"] < 0
