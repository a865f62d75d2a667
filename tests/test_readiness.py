"""The readiness score and verdict: in the report, consistent with the findings, and ranking the fixtures."""

from __future__ import annotations

import json
from pathlib import Path

from followup_lint import Config
from followup_lint.api import linter_for
from followup_lint.engine.checks.readiness import score, verdict
from followup_lint.engine.loader import context_from_mapping
from followup_lint.model import Finding, Severity
from followup_lint.reading import read_path

from .test_fixtures import drafts, sidecar


def finding(rule: str, severity: Severity, category: str = "tone") -> Finding:
    return Finding(rule=rule, category=category, severity=severity, message="m", offset=0, length=0)


def fixture_score(path: Path) -> int:
    meta = sidecar(path)
    context = context_from_mapping(str(path), meta.get("context") or {})
    return linter_for(Config()).lint(read_path(path), context).metrics["readiness"]


def test_good_fixtures_rank_above_bad_ones() -> None:
    good = {p.name: fixture_score(p) for p in drafts("good")}
    bad = {p.name: fixture_score(p) for p in drafts("bad")}
    assert good and bad
    worst_good = min(good, key=good.__getitem__)
    best_bad = max(bad, key=bad.__getitem__)
    assert good[worst_good] > bad[best_bad], f"{worst_good}={good[worst_good]} vs {best_bad}={bad[best_bad]}"


def test_clean_draft_is_ready() -> None:
    assert score([]) == 100 and verdict([]) == "ready to send"


def test_verdict_names_what_to_fix() -> None:
    errors = [finding("typo.spelling", Severity.ERROR), finding("wrong-name.company", Severity.ERROR)]
    assert verdict([*errors, finding("tone.x", Severity.WARNING)]) == "fix 2 errors first"
    assert verdict([finding("tone.x", Severity.WARNING)]) == "review 1 warning before sending"
    assert verdict([finding("timing.too-soon", Severity.WARNING, "timing")]) == "ready, but check when to send it"
    assert verdict([finding("a.b", Severity.SUGGESTION)] * 2) == "ready to send (2 suggestions to consider)"


def test_score_falls_with_severity_and_count() -> None:
    one_error = score([finding("a.b", Severity.ERROR)])
    one_warning = score([finding("a.b", Severity.WARNING)])
    one_suggestion = score([finding("a.b", Severity.SUGGESTION)])
    assert 0 <= one_error < one_warning < one_suggestion < 100
    assert score([finding("a.b", Severity.WARNING), finding("c.d", Severity.WARNING)]) < one_warning
    # Repeats of one rule count less than different problems, and the score never goes below 0.
    repeated = score([finding("a.b", Severity.WARNING)] * 2)
    assert score([finding("a.b", Severity.WARNING), finding("c.d", Severity.WARNING)]) < repeated < one_warning
    assert score([finding(f"r.{i}", Severity.ERROR) for i in range(10)]) == 0


def test_score_and_verdict_in_json_and_text(run_cli, tmp_path: Path) -> None:
    draft = tmp_path / "note.txt"
    draft.write_text(
        "Hi Dana,\n\nThank you for speaking with me today. Could you tell me the salary range?\n\nBest,\nSam\n",
        encoding="utf-8",
    )
    _, out, _ = run_cli(str(draft), "--format", "json", "--select", "tone.thank-you-salary")
    metrics = json.loads(out)["files"][0]["metrics"]
    assert metrics["readiness"] == 89 and metrics["verdict"] == "review 1 warning before sending"
    _, out, _ = run_cli(str(draft), "--select", "tone.thank-you-salary")
    assert "readiness 89/100" in out and "review 1 warning before sending" in out


def test_a_generic_template_is_not_ready_to_send() -> None:
    """A name-swapped template has no other flaw to catch it; it must still not read as ready (issue 19)."""
    detail = "personalization.thank-you-detail"
    for severity in (Severity.SUGGESTION, Severity.WARNING):
        findings = [finding(detail, severity, "personalization")]
        assert not verdict(findings).startswith("ready"), verdict(findings)
        assert score(findings) <= 75
    assert verdict([finding(detail, Severity.SUGGESTION, "personalization")]) == (
        "not ready: add one detail from the conversation"
    )
    timing = finding("timing.too-soon", Severity.WARNING, "timing")
    assert not verdict([timing, finding(detail, Severity.SUGGESTION, "personalization")]).startswith("ready")
    # The error and warning verdicts still come first.
    assert verdict([finding("a.b", Severity.ERROR), finding(detail, Severity.SUGGESTION)]) == "fix 1 error first"
    # A check-in or a reply to a rejection with nothing of this application: "almost ready", never "ready".
    for rule in ("personalization.follow-up-detail", "personalization.rejection-reply-detail"):
        assert verdict([finding(rule, Severity.SUGGESTION, "personalization")]).startswith("almost ready")


def test_published_template_with_names_filled_in_is_not_ready(tmp_path: Path) -> None:
    text = (
        "Dear Ms. Patel,\n\nThank you for taking the time to meet with me today to discuss the Operations Analyst"
        " position at Norwell Logistics. I enjoyed learning more about the role and the team, and I am confident"
        " that my skills and experience make me a strong candidate for the position. Please let me know if you"
        " need any additional information. I look forward to hearing from you.\n\nBest regards,\nDaniel Okafor\n"
    )
    draft = tmp_path / "note.txt"
    draft.write_text(text, encoding="utf-8")
    context = context_from_mapping(
        "note", {"company": "Norwell Logistics", "role": "Operations Analyst", "interviewers": ["Ms. Patel"]}
    )
    metrics = linter_for(Config()).lint(read_path(draft), context).metrics
    assert metrics["readiness"] <= 75 and not metrics["verdict"].startswith("ready"), metrics
