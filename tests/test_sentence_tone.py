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


def test_the_kind_of_message_shifts_the_label_odds() -> None:
    from followup_lint.engine.sentence_tone import parse

    model = parse(json.loads(MODEL.read_text(encoding="utf-8")))
    sentence = "I think my experience was overlooked in the final round."
    arguing = model.labels.index("arguing")
    plain = model.probabilities(sentence)[arguing]
    assert model.probabilities(sentence, "post-rejection")[arguing] > plain
    assert model.probabilities(sentence, "check-in")[arguing] < plain
    # Half sure of the kind, half the shift; an unknown kind, none.
    half = model.probabilities(sentence, "post-rejection", 0.5)[arguing]
    assert plain < half < model.probabilities(sentence, "post-rejection")[arguing]
    assert model.probabilities(sentence, "networking") == model.probabilities(sentence)


def test_kind_odds_must_name_known_labels_with_positive_odds() -> None:
    import pytest

    from followup_lint.engine.sentence_tone import parse

    data = json.loads(MODEL.read_text(encoding="utf-8"))
    for odds in ({"post-rejection": {"rude": 2.0}}, {"check-in": {"impatient": 0}}):
        with pytest.raises(ValueError, match="kind_odds"):
            parse({**data, "kind_odds": odds})


def test_several_leaning_sentences_make_one_suggestion(tmp_path) -> None:
    """Two sentences that each lean towards a flaw, neither sure, give one suggestion on the likelier; one such
    sentence alone gives none."""
    import yaml

    from followup_lint.engine.sentence_tone import parse

    model = parse(json.loads(MODEL.read_text(encoding="utf-8")))
    pushy = [
        "I assume a decision is imminent.",
        "Kindly revert at the earliest.",
        "I expect to hear back soon.",
        "I trust a decision will be made shortly.",
    ]
    leaning = [s for s in pushy if 0.5 <= model.judge(s)[1] < 0.7][:2]
    assert len(leaning) == 2, [model.judge(s) for s in pushy]
    both = "Hi Tom,\n\n" + " ".join(leaning) + "\n\nSam"
    report = lint_text(both, {"kind": "networking"}, Config())  # a kind without prior odds
    found = [f for f in report.findings if f.rule == "tone.model"]
    assert len(found) == 1 and found[0].severity.label == "suggestion"
    assert report.source[found[0].offset : found[0].end] in leaning
    assert "2 sentences" in found[0].message
    one = "Hi Tom,\n\nThank you for the interview on Monday. " + leaning[0] + "\n\nSam"
    report = lint_text(one, {"kind": "networking"}, Config())
    assert [f for f in report.findings if f.rule == "tone.model"] == []
    rule = yaml.safe_load((ROOT / "rules" / "tone" / "sentence-model.yaml").read_text(encoding="utf-8"))
    assert rule["several"]["count"] >= 2 and 0 < rule["several"]["from"] < rule["options"]["report-from"]


def test_a_broken_several_setting_is_named() -> None:
    import pytest

    from followup_lint.engine.checks.sentence_model import SentenceModel
    from followup_lint.engine.errors import RuleError
    from followup_lint.engine.loader import load_rule_file

    path = ROOT / "rules" / "tone" / "sentence-model.yaml"
    rule = load_rule_file(path)
    for several, field in (
        ({"from": 1.5, "count": 2, "message": "m"}, "several.from"),
        ({"from": 0.5, "count": 1, "message": "m"}, "several.count"),
        ({"from": 0.5, "count": 2, "share": 2, "message": "m"}, "several.share"),
        ({"from": 0.5, "count": 2}, "several.message"),
    ):
        rule.spec["several"] = several
        with pytest.raises(RuleError) as raised:
            SentenceModel.validate(rule)
        assert raised.value.field == field


def test_a_mild_argument_is_reported_in_a_reply_to_a_rejection_only() -> None:
    """The same sentence weighs more as an argument in a reply to a rejection than in a thank-you note."""
    from followup_lint.engine.sentence_tone import parse

    model = parse(json.loads(MODEL.read_text(encoding="utf-8")))
    text = "Hi Dana,\n\nThank you for letting me know. I was sure my portfolio covered every point you raised.\n\nSam"
    sentence = "I was sure my portfolio covered every point you raised."
    plain = model.judge(sentence)[1]
    shifted = model.judge(sentence, "post-rejection")[1]
    assert plain < 0.7 <= shifted, (plain, shifted)
    rejected = lint_text(text, {"kind": "post-rejection"}, Config())
    thanked = lint_text(text, {"kind": "thank-you"}, Config())
    assert [rejected.source[f.offset : f.end] for f in rejected.findings if f.rule == "tone.model"] == [sentence]
    assert not [f for f in thanked.findings if f.rule == "tone.model"]


def test_clause_cues_read_the_class_and_leave_the_same_words_in_courteous_lines() -> None:
    """Each cue fires on a wording of its class and not on a courteous line that shares its words."""
    from followup_lint.engine.sentence_tone import cues

    fire = {
        "self-merit": "Given how strong my results were in the case study, this outcome is puzzling.",
        "other-candidate": "I doubt the candidate you chose has ever run a site this size.",
        "you-reproach": "You never bothered to answer my last two messages.",
        "reader-deadline": "Send me the signed contract by Thursday noon.",
        "sarcastic-praise": "Brilliant, another automated rejection after four rounds.",
        "ironic-tag": "A very wise choice, I'm sure.",
        "silence-answer": "I will take your silence as a no, then.",
    }
    courteous = {
        "self-merit": "I believe my experience with budgets could help in a future opening.",
        "other-candidate": "I understand you needed someone with more experience in retail.",
        "you-reproach": "Thank you for explaining so clearly why the panel chose as it did.",
        "reader-deadline": "The other firm needs my answer by Friday, so I wanted you to know.",
        "sarcastic-praise": "Great to hear that the pilot is moving ahead next month.",
        "ironic-tag": "I'm sure the new manager will do well with the team.",
        "silence-answer": "Thank you for the quick reply and the clear answer.",
    }
    for name, sentence in fire.items():
        assert name in cues(sentence), (name, sentence)
    for name, sentence in courteous.items():
        assert name not in cues(sentence), (name, sentence)
