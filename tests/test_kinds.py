"""Message kinds: auto-detection (accuracy on the fixtures), --kind, and rules that run for one kind only."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup_lint import Config, lint_text
from followup_lint.engine.document import Document
from followup_lint.engine.kinds import KINDS, classify, detect_kind, kind_scores, sure_from
from followup_lint.model import Context
from followup_lint.reading import read_path

from .conftest import FIXTURES

SALARY = (
    "Hi Dana,\n\nThank you for taking the time to speak with me today about the Data Analyst role. I enjoyed hearing "
    "about the dbt migration and I am excited about the team. Could you tell me the salary range?\n\nBest,\nSam\n"
)


def labelled_fixtures() -> list[tuple[Path, str]]:
    out = []
    for meta in sorted(FIXTURES.rglob("*.expect.yaml")):
        kind = (yaml.safe_load(meta.read_text(encoding="utf-8")) or {}).get("kind")
        draft = meta.with_name(meta.name.removesuffix(".expect.yaml"))
        if kind in KINDS and draft.exists():
            out.append((draft, kind))
    return out


def test_detection_accuracy_on_the_fixtures_is_at_least_0_9() -> None:
    cases = labelled_fixtures()
    assert len(cases) >= 10 and {kind for _, kind in cases} == set(KINDS)
    misses = []
    for path, want in cases:
        got, _ = detect_kind(Document(read_path(path), Context()))  # the sidecar's context is not used
        if got != want:
            misses.append((path.name, want, got))
    accuracy = 1 - len(misses) / len(cases)
    assert accuracy >= 0.9, f"accuracy {accuracy:.2f}; misses: {misses}"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Thank you for meeting with me this morning. I enjoyed hearing about the new clinic.", "thank-you"),
        ("I wanted to follow up on my interview two weeks ago. Is there any update on the timeline?", "check-in"),
        ("Thank you for letting me know. While I'm disappointed, I understand your decision.", "post-rejection"),
        ("Congratulations on the launch! I came across this article and thought you might enjoy it.", "networking"),
        (
            "We decided to move forward with another candidate? Thanks for letting me know all the same.",
            "post-rejection",
        ),
    ],
)
def test_classify_each_kind(text: str, kind: str) -> None:
    got, confidence = classify(text)
    assert got == kind and 0 < confidence <= 1


def test_a_note_without_evidence_is_unsure() -> None:
    assert classify("Hello.")[1] < sure_from()
    assert classify("Please find my references attached.")[1] < sure_from()


def test_more_cues_give_more_confidence() -> None:
    weak = classify("I wanted to check in.")[1]
    strong = classify("I wanted to check in on my interview two weeks ago. Is there any update on the timeline?")[1]
    assert strong > weak


def test_json_reports_the_detected_kind_with_confidence(run_cli, tmp_path: Path) -> None:
    draft = tmp_path / "note.txt"
    draft.write_text("Hi Dana,\n\nThank you for letting me know about your decision.\n\nBest,\nSam\n", encoding="utf-8")
    _, out, _ = run_cli(str(draft), "--format", "json")
    kind = json.loads(out)["files"][0]["metrics"]["kind"]
    assert kind["name"] == "post-rejection" and kind["detected"] is True and 0 < kind["confidence"] <= 1
    assert kind["sure"] is (kind["confidence"] >= sure_from())
    _, out, _ = run_cli(str(draft), "--format", "json", "--kind", "networking")
    assert json.loads(out)["files"][0]["metrics"]["kind"] == {
        "name": "networking",
        "confidence": 1.0,
        "detected": False,
        "sure": True,
    }


def test_text_summary_shows_the_kind(run_cli, tmp_path: Path) -> None:
    draft = tmp_path / "note.txt"
    draft.write_text(SALARY, encoding="utf-8")
    _, out, _ = run_cli(str(draft))
    assert "thank-you (detected," in out
    _, out, _ = run_cli(str(draft), "--kind", "check-in")
    assert " · check-in · " in out


def test_kind_rules_follow_the_kind() -> None:
    config = Config(select=("tone.thank-you-salary",))
    assert [f.rule for f in lint_text(SALARY, None, config).findings] == ["tone.thank-you-salary"]
    assert not lint_text(SALARY, Context(kind="check-in"), config).findings


@pytest.mark.parametrize(
    ("kind", "rule", "inserted"),
    [
        ("thank-you", "structure.thank-you-interest", "I remain very interested in the Data Analyst role at Acme"),
        ("check-in", "structure.check-in-interest", "I remain very interested in the Data Analyst role at Acme"),
        ("post-rejection", "structure.post-rejection-door", "considered for future openings"),
        ("networking", "structure.networking-value", "No need to reply"),
    ],
)
def test_missing_expectations_offer_a_sentence_before_the_sign_off(kind: str, rule: str, inserted: str) -> None:
    text = "Hi Dana,\n\nI am writing about the Data Analyst role.\n\nBest,\nSam\n"
    report = lint_text(text, Context(kind=kind, company="Acme Corp", role="Data Analyst"), Config(select=(rule,)))
    [finding] = report.findings
    fix = finding.fixes[0]
    assert inserted in fix.replacement and not fix.safe
    assert text.index("Best,") == fix.offset  # inserted before the sign-off


def test_text_summary_says_when_the_kind_is_only_assumed(run_cli, tmp_path: Path) -> None:
    draft = tmp_path / "note.txt"
    draft.write_text("Hi Dana,\n\nPlease find my references attached.\n\nBest,\nSam\n", encoding="utf-8")
    _, out, _ = run_cli(str(draft))
    assert re.search(r"[a-z-]+ \(assumed: only \d+% sure, rules for a kind are off; set --kind\)", out), out


def test_detail_rule_counts_words_no_template_would_contain() -> None:
    from followup_lint.engine.checks.kind_detail import specific_words
    from followup_lint.reading import draft_from_text

    context = Context(kind="thank-you", company="Riverside Clinic", role="charge nurse", interviewers=("Miguel Ortiz",))
    generic = (
        "Dear Mr. Ortiz,\n\nThank you for taking the time to interview me for the charge nurse position at Riverside"
        " Clinic. I truly appreciate the opportunity and look forward to hearing from you.\n\nKind regards,\nLena\n"
    )
    specific = generic.replace("I truly", "The new bedside handover checklist impressed me. I truly")
    assert specific_words(Document(draft_from_text(generic), context)) == []
    assert specific_words(Document(draft_from_text(specific), context)) == [
        "bedside",
        "handover",
        "checklist",
        "impressed",
    ]
    config = Config(select=("personalization.thank-you-detail",))
    assert [f.rule for f in lint_text(generic, context, config).findings] == ["personalization.thank-you-detail"]
    assert not lint_text(specific, context, config).findings


def test_expectations_of_an_assumed_kind_are_not_enforced() -> None:
    text = "Hi Dana,\n\nPlease find my references attached.\n\nBest,\nSam\n"
    config = Config(select=("structure.thank-you-interest", "personalization.thank-you-detail"))
    assert classify(text)[1] < sure_from()
    assert not lint_text(text, None, config).findings
    given = lint_text(text, Context(kind="thank-you"), config).findings
    assert sorted(f.rule for f in given) == ["personalization.thank-you-detail", "structure.thank-you-interest"]


# -- detection is fast but scores as searching every cue would --------------------------------------------------

CUES = yaml.safe_load((FIXTURES.parent / "rules" / "_data" / "kind-cues.yaml").read_text(encoding="utf-8"))


def searched_scores(text: str) -> dict[str, float]:
    """Each kind's score by searching every cue of the cue file, one after the other."""
    text = re.sub(r"\s+", " ", text)
    return {
        kind: sum(float(c["weight"]) for c in cues if re.search(c["regex"], text, re.IGNORECASE))
        for kind, cues in CUES["kinds"].items()
    }


def test_scores_equal_searching_every_cue_on_the_fixtures() -> None:
    drafts = [p for p in sorted(FIXTURES.rglob("*")) if p.suffix in (".txt", ".md", ".eml")]
    for path in drafts:
        prose = read_path(path).prose
        assert kind_scores(prose) == searched_scores(prose), path.name


CUE_WORDS = sorted(
    {w for cues in CUES["kinds"].values() for c in cues for w in re.findall(r"[a-z]+", c["regex"])} | {"THANK", "I"}
)
TEXTS = st.lists(
    st.one_of(
        st.sampled_from(CUE_WORDS),
        st.sampled_from([" ", "\n", ". ", "'", "\u2019", "-", "\u0131", "\u017f", "\u212a", "\u0130", "2"]),
        st.text(max_size=6),
    ),
    max_size=50,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_scores_equal_searching_every_cue_on_any_text(text: str) -> None:
    assert kind_scores(text) == searched_scores(text)


def test_a_filled_cache_spares_parsing_the_cue_file(tmp_path: Path) -> None:
    code = (
        "import json, sys\n"
        "from followup_lint.engine.kinds import classify\n"
        "print(json.dumps([classify(sys.argv[1]), 'yaml' in sys.modules]))\n"
    )
    env = {**os.environ, "FOLLOWUP_LINT_CACHE_DIR": str(tmp_path)}
    runs = [
        json.loads(
            subprocess.run(
                [sys.executable, "-c", code, SALARY], capture_output=True, text=True, env=env, check=True
            ).stdout
        )
        for _ in range(2)
    ]
    assert runs[0] == [list(classify(SALARY)), True]
    assert runs[1] == [list(classify(SALARY)), False]


def rule_regexes() -> list[str]:
    """Every regular expression of the built-in rules and of the cue file."""
    found = [c["regex"] for cues in CUES["kinds"].values() for c in cues]
    for path in sorted((FIXTURES.parent / "rules").rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for item in (data or {}).get("regexes", []) if isinstance(data, dict) else []:
            found.append(item["regex"] if isinstance(item, dict) else item)
    return found


REGEXES = rule_regexes()
REGEX_WORDS = sorted({w for rx in REGEXES for w in re.findall(r"[A-Za-z']+", rx)})


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(REGEXES),
    st.lists(
        st.one_of(st.sampled_from(REGEX_WORDS), st.sampled_from([" ", "\n", "\u2019", "\u0131", "."])), max_size=40
    ),
)
def test_a_regex_matches_only_texts_with_its_required_literals(regex: str, pieces: list[str]) -> None:
    from followup_lint.engine.literals import fold, required_literals

    text = "".join(pieces)
    if re.search(regex, text, re.IGNORECASE | re.MULTILINE):
        folded = fold(text)
        assert all(any(s in folded for s in options) for options in required_literals(regex))


def test_every_rule_regex_match_in_the_examples_and_fixtures_has_its_literals() -> None:
    from followup_lint.engine.literals import fold, required_literals

    texts = [read_path(p).prose for p in sorted(FIXTURES.rglob("*")) if p.suffix in (".txt", ".md", ".eml")]
    for path in sorted((FIXTURES.parent / "rules").rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and isinstance(data.get("examples"), dict):
            texts += [e if isinstance(e, str) else e["text"] for key in ("fire", "pass") for e in data["examples"][key]]
    matched = 0
    for regex in REGEXES:
        literals = required_literals(regex)
        compiled = re.compile(regex, re.IGNORECASE | re.MULTILINE)
        for text in texts:
            if compiled.search(text):
                matched += 1
                folded = fold(text)
                assert all(any(s in folded for s in options) for options in literals), (regex, text)
    assert matched > 500


# -- the learned model -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # replies to a rejection without the words of a rejection
        (
            "Hi Jordan,\n\nThank you for getting back to me. I appreciate you letting me know, and I wish the "
            "team well with the launch.\n\nBest,\nKai",
            "post-rejection",
        ),
        (
            "Jordan,\n\nA form email after three rounds. Unbelievable. Good luck finding someone better.\n\nKai",
            "post-rejection",
        ),
        (
            "Hi Jordan,\n\nI was sorry to read your email. Could you tell me what the panel felt was missing? I ask "
            "to learn, not to argue.\n\nKai",
            "post-rejection",
        ),
        # thanks after an assessment day, a tasting, a panel: not a check-in
        (
            "Dear Ms Reyes,\n\nThank you for the assessment day on Friday. The group exercise on the budget case and "
            "the lunch with the graduates were a great way to understand the scheme.\n\nKind regards,\nAmal",
            "thank-you",
        ),
        (
            "Dear panel,\n\nThank you for the panel interview this morning and for the questions about safeguarding."
            "\n\nAmal",
            "thank-you",
        ),
        # a competing offer's deadline in a check-in
        (
            "Hi Jordan,\n\nI have an offer from another company and need to answer by the 28th. Your team is my "
            "first choice; is there any update on your timeline?\n\nKai",
            "check-in",
        ),
        # chasing a reply that has not come: a check-in, however cross, not a reply to a rejection
        (
            "Jordan,\n\nYou said the team would get back to me by Friday. I have emailed twice since and never "
            "got a response. I would like to know where my application stands.\n\nKai",
            "check-in",
        ),
        # a reply to a rejection that opens with thanks and recalls the visit
        (
            "Hi Jordan,\n\nThanks for getting back to me about the decision, and for calling rather than "
            "emailing. I enjoyed the day with the design team. If another role opens next year, I would like to "
            "hear about it.\n\nKai",
            "post-rejection",
        ),
        # a reply to a rejection that mostly thanks and greets the person chosen
        (
            "Dear Mr. Lund,\n\nThank you for your kind email and for the time you and Ms. Berg gave me. I enjoyed "
            "the site visit very much. My best wishes to your new surveyor.\n\nRegards,\nNoor",
            "post-rejection",
        ),
        # a thank-you that mentions the decision still to come and the other candidates: not a rejection reply
        (
            "Dear Mr. Lund,\n\nThank you for the interview on Monday and the visit to the quarry. I know the other "
            "candidates are strong, but whatever you decide, I learned a lot about blast planning.\n\nRegards,\nNoor",
            "thank-you",
        ),
        # chasing a call the employer promised, said of them ("you promised to ring me")
        (
            "Hi Colm,\n\nYou promised to ring me on Tuesday about the analyst post and I have not heard a thing. I "
            "would like to know where I stand.\n\nAoife",
            "check-in",
        ),
    ],
)
def test_the_model_reads_the_classes_the_cues_missed(text: str, kind: str) -> None:
    got, confidence = classify(text)
    assert got == kind and confidence >= sure_from()


def test_greeting_the_person_chosen_marks_a_reply_to_a_rejection() -> None:
    """A short reply that thanks for the update and congratulates whoever got the job, with no word of refusal."""
    text = (
        "Hi Marta,\n\nThank you for the update on the coordinator role. I appreciated meeting the whole events "
        "team. Please give my congratulations to whoever is joining you.\n\nBest,\nLuis"
    )
    assert classify(text)[0] == "post-rejection"


@pytest.mark.parametrize(
    "text",
    [
        "Hi Jordan,\n\nI am writing to withdraw my application, as I have accepted a position elsewhere.\n\nKai",
        "Hi Jordan,\n\nThank you for the offer. I am delighted to accept and can start on the 3rd.\n\nKai",
        "Hi Jordan,\n\nCould we move Thursday's interview to Friday morning? I have an exam on Thursday.\n\nKai",
    ],
)
def test_messages_of_no_kind_leave_kind_rules_quiet(text: str) -> None:
    """Withdrawals, offer replies and scheduling are none of the four kinds: the detection is unsure, so no
    rule that judges what a kind lacks runs."""
    from followup_lint.api import linter_for

    assert classify(text)[1] < sure_from()
    per_kind = {check.rule.id for check in linter_for(Config()).checks if check.rule.kinds}
    assert per_kind and not [f.rule for f in lint_text(text).findings if f.rule in per_kind]


def test_a_damaged_model_file_is_a_one_line_error(tmp_path: Path) -> None:
    from followup_lint.engine.errors import RuleError
    from followup_lint.engine.kind_model import load

    bad = tmp_path / "kind-model.json"
    bad.write_text('{"labels": ["thank-you"], "bias": [0, 1], "weights": {}, "sure": 0.5}', encoding="utf-8")
    with pytest.raises(RuleError, match=r"kind-model\.json"):
        load(str(bad))
    bad.write_text("not json", encoding="utf-8")
    with pytest.raises(RuleError, match="cannot read the kind model"):
        load(str(bad))


def test_a_long_text_finds_the_same_cues_searching_windows_as_found(monkeypatch: pytest.MonkeyPatch) -> None:
    """Over ``_WHOLE`` characters a cue's windows are searched as each string's places are found; every cue must
    be found or not found as the merged windows of the short-text path find it."""
    from followup_lint.engine import kinds as module
    from followup_lint.engine.literals import fold

    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.rglob("*.txt"))]
    text = module._SPACE.sub(" ", " ".join(texts))
    lowered = fold(text)
    cues = [cue for items in module.cues().kinds.values() for cue in items if cue.reach is not None]
    for whole in (10**9, 0):
        monkeypatch.setattr(module, "_WHOLE", whole)
        found = [cue.found(text, lowered, {}, {}) for cue in cues]
        if whole:
            expected = found
    assert found == expected and any(found) and not all(found)
