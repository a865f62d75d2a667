"""Property tests: for any text, linting never raises, positions are consistent, and safe fixes behave."""

from __future__ import annotations

from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup_lint import Config, lint_text
from followup_lint.fixes import fix_text
from followup_lint.reading import DraftError, read_bytes
from followup_lint.reporting.positions import LineIndex

from .conftest import FIXTURES

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CONFIG = Config()


@lru_cache(maxsize=1)
def fixture_lines() -> list[str]:
    lines: list[str] = []
    for path in sorted(FIXTURES.rglob("*")):
        if path.suffix in {".txt", ".md"}:
            lines += [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return lines or ["Hi Dana,", "Thank you for your time.", "Best,", "Sam"]


PROBLEMS = [
    "I need to know by Friday.", "per my last email", "[Company Name]", "{{first_name}}", "recieve", "the the",
    "Thx!!!", "i think", "ASAP", "To whom it may concern,", "I really need this job.", "teh", "Dear Hiring Manager,",
]  # fmt: skip
ALPHABET = st.characters(codec="utf-8", exclude_categories=("Cs",))
pieces = st.one_of(
    st.text(ALPHABET, max_size=40),
    st.sampled_from(PROBLEMS),
    st.sampled_from(["\n", "\r\n", "\n\n", " ", "!", "?", ",", "—", "’", "🙂", "日本", "é", "\t", "> ", "-- \n"]),
    st.builds(lambda: None).flatmap(lambda _: st.sampled_from(fixture_lines())),
)
drafts = st.lists(pieces, max_size=30).map("".join)
fixture_drafts = st.lists(st.builds(lambda: None).flatmap(lambda _: st.sampled_from(fixture_lines())), min_size=1,
                          max_size=25).map("\n".join)  # fmt: skip


def check_invariants(source: str, report) -> None:
    index = LineIndex(source)
    for finding in report.findings:
        assert 0 <= finding.offset <= finding.end <= len(source)
        data = report.finding_dict(finding)
        assert data["text"] == source[finding.offset : finding.end]
        before = source[: finding.offset]
        assert (data["line"], data["column"]) == (before.count("\n") + 1, finding.offset - before.rfind("\n"))
        assert index.position(finding.offset) == (data["line"], data["column"])
        for fix in finding.fixes:
            assert 0 <= fix.offset <= fix.offset + fix.length <= len(source)


@SETTINGS
@given(drafts, st.sampled_from(["x.txt", "x.md"]))
def test_linting_any_text_never_raises_and_positions_agree(text: str, path: str) -> None:
    report = lint_text(text, config=CONFIG, path=path)
    check_invariants(report.source, report)
    assert report.source == text


@SETTINGS
@given(st.binary(max_size=400))
def test_reading_any_bytes_as_email_never_raises_unexpectedly(data: bytes) -> None:
    try:
        draft = read_bytes("x.eml", b"Subject: Hi\n\n" + data)
    except DraftError:
        return
    report = lint_text(draft.source, config=CONFIG, path="x.txt")
    check_invariants(draft.source, report)


def _pairs(report) -> set[tuple[str, str]]:
    """(rule, flagged text) of each finding; case is ignored, so "teh" capitalised by a fix is the same typo."""
    return {(f.rule, report.source[f.offset : f.end].lower()) for f in report.findings}


def _lint(text: str):
    return lint_text(text, config=CONFIG).findings


@SETTINGS
@given(st.one_of(drafts, fixture_drafts))
def test_safe_fixes_write_nothing_that_is_flagged_and_fixing_is_idempotent(text: str) -> None:
    before = lint_text(text, config=CONFIG)
    result = fix_text(text, _lint)
    after = lint_text(result.text, config=CONFIG)
    written = [f.fixes[0].replacement.lower() for f in before.findings if f.fixes]
    for rule, flagged in _pairs(after) - _pairs(before):
        assert not flagged or not any(flagged in w for w in written), (rule, flagged, result.text)
    assert fix_text(result.text, _lint).text == result.text


@lru_cache(maxsize=1)
def good_drafts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "good").glob("*.txt"))]


@st.composite
def realistic_drafts(draw: st.DrawFn) -> str:
    """A good fixture with problems pasted in at sentence ends."""
    text = draw(st.sampled_from(good_drafts()))
    for _ in range(draw(st.integers(1, 3))):
        ends = [i + 1 for i, c in enumerate(text) if c in ".!?"] or [len(text)]
        at = draw(st.sampled_from(ends))
        text = text[:at] + " " + draw(st.sampled_from(PROBLEMS)) + text[at:]
    return text


@SETTINGS
@given(realistic_drafts())
def test_safe_fixes_introduce_no_new_findings_in_realistic_drafts(text: str) -> None:
    """On a real message, fixing never creates a finding that was not there, not even a "missing" one.

    (On arbitrary fragments a whole-message judgement can tip either way when a fix changes a word, e.g.
    "Thx for the chat!!" becoming a one-line sign-off "Thanks for the chat!"; that case is not asserted.)
    """
    before = lint_text(text, config=CONFIG)
    result = fix_text(text, _lint)
    after = lint_text(result.text, config=CONFIG)
    new = {(rule, flagged) for rule, flagged in _pairs(after) - _pairs(before)}
    rules_before = {f.rule for f in before.findings}
    assert all(flagged or rule in rules_before for rule, flagged in new), (new, result.text)
    written = [f.fixes[0].replacement.lower() for f in before.findings if f.fixes]
    assert not any(flagged and any(flagged in w for w in written) for _, flagged in new), (new, result.text)
    assert fix_text(result.text, _lint).text == result.text
