"""The politeness meter: present in every report, ordered sensibly, shown in the text report, learned weights."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from followup_lint import Config, lint_text
from followup_lint.engine.checks.politeness_features import FEATURES, strategy_features

from .conftest import ROOT

WEIGHTS = ROOT / "rules" / "_data" / "politeness-weights.yaml"
POLITE = (
    "Hi Dana,\n\nThank you so much for taking the time to meet with me on Tuesday. I really enjoyed hearing about "
    "the dashboard project. Could you let me know if there is anything else I can send?\n\nBest regards,\nSam"
)
RUDE = "Why haven't you answered? So you need to tell me what is going on. Actually, this is a mess."
NEUTRAL = "Hello Mr. Ortiz,\n\nI am following up on my interview for the nursing position.\n\nRegards,\nLena"


def politeness(text: str, config: Config | None = None) -> float:
    return lint_text(text, None, config or Config()).metrics["politeness"]


def test_every_report_carries_the_meter_within_bounds() -> None:
    for text in (
        POLITE,
        RUDE,
        NEUTRAL,
        "",
        "   \n",
        "Kumusta ka? Salamat sa oras mo kahapon, sana makasama ako sa koponan.",
    ):
        value = politeness(text)
        assert isinstance(value, (int, float)) and -1 <= value <= 1, (text, value)


def test_polite_drafts_score_above_neutral_and_rude_ones() -> None:
    assert politeness(POLITE) > politeness(NEUTRAL) > politeness(RUDE)
    assert politeness(POLITE) > 0.5 and politeness(RUDE) < -0.5


def test_politeness_strategies_move_the_meter_the_published_way() -> None:
    base = "Hi Dana,\n\nI am writing about the analyst role.{}\n\nSam"
    plain = politeness(base.format(""))
    assert politeness(base.format(" Thank you for your time.")) > plain  # gratitude
    assert politeness(base.format(" Could you share the timeline?")) > plain  # counterfactual modal
    assert politeness(base.format(" Why is there no decision?")) < plain  # direct "why" question
    assert politeness(base.format(" But you need to decide.")) < plain  # "but" start, "you need to"


def test_contractions_and_curly_apostrophes_give_the_same_features() -> None:
    assert strategy_features([["why", "have", "not", "you", "replied", "?"]]) == strategy_features(
        [["why", "have", "not", "you", "replied", "?"]]
    )
    straight = lint_text("Why haven't you replied? You must respond.", None, Config()).metrics["politeness"]
    curly = lint_text("Why haven’t you replied? You must respond.", None, Config()).metrics["politeness"]
    assert straight == curly


def test_meter_is_in_the_json_report_and_the_text_report(run_cli, tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(POLITE, encoding="utf-8")
    _, out, _ = run_cli(str(draft), "--format", "json")
    value = json.loads(out)["files"][0]["metrics"]["politeness"]
    assert -1 <= value <= 1
    _, text, _ = run_cli(str(draft), "--format", "text")
    assert f"politeness {value:+.2f} [" in text and "#" in text
    assert "] reads as polite" in text  # what the number means, in words


def test_the_text_report_says_what_the_meter_means() -> None:
    from followup_lint.reporting.meters import show_politeness

    assert show_politeness(0.9).endswith("reads as polite")
    assert show_politeness(0.2).endswith("borderline")
    assert show_politeness(-0.4).endswith("may read as impolite")


def test_meter_is_reported_even_when_the_rule_is_not_selected_or_ignored() -> None:
    assert lint_text(RUDE, None, Config(ignore=("tone.politeness",))).metrics["politeness"] == politeness(RUDE)
    report = lint_text(RUDE, None, Config(select=("tone.politeness",)))
    assert [f.rule for f in report.findings] == ["tone.politeness"]
    assert report.source[report.findings[0].offset : report.findings[0].end] in {
        "Why haven't you answered?",
        "So you need to tell me what is going on.",
    }


def test_weights_are_data_with_their_provenance() -> None:
    text = WEIGHTS.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert set(data["weights"]) == set(FEATURES)
    assert "Stanford Politeness" in text and "cross-validation" in text
    assert data["weights"]["gratitude"] > 0 > data["weights"]["why"]


@pytest.mark.parametrize(
    ("weights", "problem"),
    [("bias: 0\nweights: {not_a_strategy: 1.0}\n", "unknown features"), ("weights: [1, 2]\n", "needs `bias`")],
)
def test_a_broken_weights_file_is_a_usage_error(run_cli, tmp_path: Path, weights: str, problem: str) -> None:
    rules = tmp_path / "rules"
    (rules / "tone").mkdir(parents=True)
    (rules / "_data").mkdir()
    (rules / "_data" / "my-weights.yaml").write_text(weights, encoding="utf-8")
    rule = yaml.safe_load((ROOT / "rules" / "tone" / "politeness.yaml").read_text(encoding="utf-8"))
    rule["weights"] = "my-weights.yaml"
    (rules / "tone" / "politeness.yaml").write_text(yaml.safe_dump(rule), encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text(POLITE, encoding="utf-8")
    status, _, err = run_cli(str(draft), "--rules", str(rules))
    assert status == 2
    assert problem in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def features_of(*sentences: str) -> dict[str, float]:
    """Features of whitespace-tokenized, lower-cased sentences (tokens as the pipeline's ``NORM`` gives them)."""
    return strategy_features([s.lower().split() for s in sentences])


def test_sentiment_strategies_use_the_vader_lexicon() -> None:
    assert features_of("i enjoyed the conversation .")["positive"] == 1.0
    assert features_of("i was confused by the process .")["negative"] == 1.0
    assert features_of("i was confused by the process .")["strong_negative"] == 0.0  # VADER -1.3: not strong
    assert features_of("this is a stupid question ?")["strong_negative"] == 1.0  # VADER -2.4
    plain = features_of("i am following up on the role .")
    assert plain["positive"] == plain["negative"] == plain["strong_negative"] == 0.0
    # Words of another strategy are not counted twice: "thanks", "please", "no" stay out of the lexicon features.
    marked = features_of("thanks , please send the form .", "no .")
    assert marked["gratitude"] == marked["please"] == marked["negation"] == 1.0
    assert marked["positive"] == marked["negative"] == 0.0


def test_sentiment_lexicon_is_data_with_its_licence() -> None:
    text = (ROOT / "rules" / "_data" / "sentiment-vader.txt").read_text(encoding="utf-8")
    assert "VADER" in text and "MIT License" in text and "3.3.2" in text
    entries = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert len(entries) > 5000 and all(len(entry) == 2 and abs(float(entry[1])) >= 1.0 for entry in entries)


def test_question_rate_counts_question_marks_per_sentence() -> None:
    assert features_of("i am writing about the role .")["question_rate"] == 0.0
    assert features_of("i am writing about the role .", "is there an update ?")["question_rate"] == 0.5
    assert features_of("why ? ? ? ? ?")["question_rate"] == 2.0  # capped


def test_rhetorical_questions() -> None:
    assert features_of("can not you read the email ?")["rhetorical_question"] == 1.0  # "can't you ..."
    assert features_of("is not it obvious ?")["rhetorical_question"] == 1.0
    assert features_of("really ?")["rhetorical_question"] == 1.0
    assert features_of("could you share the timeline ?")["rhetorical_question"] == 0.0
    assert features_of("i really enjoyed it .", "is there an update ?")["rhetorical_question"] == 0.0
    base = "Hi Dana,\n\nI am writing about the analyst role. {}\n\nSam"
    assert politeness(base.format("Didn't you get the files?")) < politeness(base.format("Did you get the files?"))


def test_the_strategies_read_spacy_docs_as_the_light_ones() -> None:
    """The training script and a user with a spaCy model give the features their sentences; both doc kinds
    must give the same tokens (links, ``<url>``, leading markup) as the light pipeline the linter uses."""
    from followup_lint.engine import nlp
    from followup_lint.engine.checks.politeness_features import sentences_of

    texts = [POLITE, "@Sam: <url> Why haven't you replied?? See https://example.com/x now!", "so... please, fix it"]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "bad").glob("*.txt"))[:15]]
    for text in texts:
        light = sentences_of(nlp.parse(text).sents)
        assert sentences_of(nlp.pipeline()(text).sents) == light, text
    # The addressee and the leading link are not the wording; a link inside a sentence stands as ``<url>``.
    assert sentences_of(nlp.parse(texts[1]).sents) == [
        ["why", "have", "not", "you", "replied", "?", "?"],
        ["see", "<url>", "now", "!"],
    ]


def test_a_reproach_pulls_the_meter_below_zero_and_the_strategies_still_order_it() -> None:
    """One sentence a reader takes badly outweighs the polite forms around it; among such drafts, the one with
    more polite forms still scores higher (the meter is not cut flat at -1)."""
    reproach = "I sent the assignment two weeks ago and still no update from your side."
    bare = lint_text(reproach, None, Config()).metrics["politeness"]
    framed = lint_text(
        f"Dear Ms. Chen,\n\nThank you again for your time. {reproach}\n\nKind regards,\nOmar", None, Config()
    ).metrics["politeness"]
    assert -1 < bare < framed < 0
    warm = "Dear Ms. Chen,\n\nThank you for the tour of the lab on Tuesday; I enjoyed meeting the team.\n\nOmar"
    assert lint_text(warm, None, Config()).metrics["politeness"] >= 0.9


def test_the_impolite_finding_points_at_the_sentence_that_costs_the_meter() -> None:
    """The finding marks the sentence the tone model reads as least polite, not a neutral one nearby, so a fix
    elsewhere (a spelling fix on a one-word line) never moves the finding onto the text the fix wrote."""
    text = (
        "Hi Dave,\n\nThanks for the tour of the Eastside site last week. I really need this job. "
        "I need to know by Friday. I am still very interested in the electrician role. receive\n\n"
        "Cheers,\nPatrick\n"
    )
    findings = [f for f in lint_text(text).findings if f.rule == "tone.politeness"]
    assert findings, "the draft should read as impolite"
    marked = text[findings[0].offset : findings[0].end]
    assert marked in {"I really need this job.", "I need to know by Friday."}


def test_a_phrase_rule_tone_warning_takes_the_meter_below_zero() -> None:
    """A listed reproach the sentence model reads weakly still costs the meter what a sure sentence would: the
    report does not call the message a veiled reproach and "reads as polite" at once. A suggestion leaves it."""
    note = "Dear Ms. Chen,\n\nThank you for the interview on Monday. {}\n\nKind regards,\nOmar"
    reproach = lint_text(note.format("As per my previous email, could you send the schedule for the second round?"))
    assert any(f.rule == "tone.passive-aggressive" and f.severity.label == "warning" for f in reproach.findings)
    assert not any(f.rule == "tone.model" for f in reproach.findings)
    assert reproach.metrics["politeness"] < 0
    plain = lint_text(note.format("Could you send the schedule for the second round?"))
    assert plain.metrics["politeness"] >= 0.9
