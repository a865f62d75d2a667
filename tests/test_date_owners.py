"""Whose date is it: this employer's, another employer's or the candidate's; only this employer's feed timing
and can make a sentence demanding."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from followup_lint import Config, lint_text
from followup_lint.date_owners import _build, owned_times
from followup_lint.dates import named_date
from followup_lint.engine.errors import RuleError
from followup_lint.model import Context


def owners(text: str) -> list[tuple[str, str]]:
    return [(text[t.start : t.end], t.owner) for t in owned_times(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # another employer's deadline
        (
            "I have an offer from another company and need to answer by the 28th.",
            [("by the 28th", "candidate")],
        ),
        ("The other firm has asked for my answer by 14 March.", [("14 March", "other-employer")]),
        (
            "My current employer has asked me to confirm by the end of the month whether I will stay.",
            [("the end of the month", "other-employer")],
        ),
        ("A competing offer expires on Friday, and I would much rather join you.", [("on Friday", "other-employer")]),
        # the candidate's own dates
        ("I will be away from the 3rd to the 10th.", [("the 3rd", "candidate"), ("the 10th", "candidate")]),
        ("I can come in as soon as possible for the last round.", [("as soon as possible", "candidate")]),
        ("I need to make a decision by Friday, as I have another offer.", [("by Friday", "candidate")]),
        # this employer's dates
        ("You mentioned you hoped to decide by March 14.", [("March 14", "employer")]),
        ("I need your decision by Friday.", [("by Friday", "employer")]),
        ("I need to hear from you by Friday or I will accept the other offer.", [("by Friday", "employer")]),
        ("Please reply ASAP.", [("ASAP", "employer")]),
        # a condition on this employer's answer, even beside another offer
        (
            "I have an offer from Northwind, and unless your offer reaches me by Thursday, I will sign with them.",
            [("by Thursday", "employer")],
        ),
    ],
)
def test_each_date_has_the_owner_its_clause_names(text: str, expected: list[tuple[str, str]]) -> None:
    assert owners(text) == expected


def test_the_timeline_takes_only_this_employers_dates() -> None:
    tuesday = dt.date(2026, 3, 3)
    other = "I have an offer from another company and need to respond by March 20, so I wanted to ask your timeline."
    assert named_date(other, tuesday, need_you=True) is None
    own = "You mentioned your team would decide by March 13. The other company needs my answer by March 20."
    assert named_date(own, tuesday, need_you=True) == dt.date(2026, 3, 13)
    # what the employer wrote in a quoted reply is read as before
    assert named_date("We expect to make a decision by March 13.", tuesday) == dt.date(2026, 3, 13)


def test_a_competing_offers_deadline_does_not_delay_the_check_in() -> None:
    text = (
        "Hi Dana,\n\nThank you again for the interview. I have an offer from another company and need to give them "
        "my answer by March 20. Your team is my first choice, so I wanted to ask whether there is any update on "
        "your timeline.\n\nBest,\nSam\n"
    )
    context = Context(kind="check-in", interview_date="2026-03-02", send_date="2026-03-09")
    report = lint_text(text, context, Config(select=("timing", "tone.demanding")))
    assert not report.findings  # neither "wait until after March 20" nor "demanding"


@pytest.mark.parametrize(
    "sentence",
    [
        "I have an offer from another company and need to answer by the 28th.",
        "The other company has asked me to reply by Thursday, and your team is my first choice.",
        "I would be happy to make myself available as soon as possible for any remaining steps.",
    ],
)
def test_dates_that_are_not_this_employers_are_not_demanding(sentence: str) -> None:
    text = f"Hi Dana,\n\nThank you for the update. {sentence}\n\nBest,\nSam\n"
    assert not lint_text(text, None, Config(select=("tone.demanding",))).findings


@pytest.mark.parametrize(
    "sentence",
    [
        "I have an offer from another company, and I need your answer by the 28th.",
        "I need to hear from you by Friday or I will accept the other offer.",
        "Please respond by Thursday so I can plan.",
    ],
)
def test_a_deadline_set_for_this_employer_is_still_demanding(sentence: str) -> None:
    text = f"Hi Dana,\n\nThank you for the update. {sentence}\n\nBest,\nSam\n"
    assert {f.rule for f in lint_text(text, None, Config(select=("tone.demanding",))).findings} == {"tone.demanding"}


def test_a_bad_cue_file_is_an_error_naming_it(tmp_path: Path) -> None:
    bad = tmp_path / "date-owners.yaml"
    bad.write_text("times: ['(']\nowners: {employer: ['you']}\n", encoding="utf-8")
    with pytest.raises(RuleError, match="times"):
        _build(str(bad))
    bad.write_text("times: ['today']\nowners: {landlord: ['lease']}\n", encoding="utf-8")
    with pytest.raises(RuleError, match="unknown owner"):
        _build(str(bad))


def test_an_offer_deadline_named_with_them_does_not_set_the_timeline() -> None:
    """ "Have to let them know by Friday, June 5" names the other employer's date: the timing rule must not say
    to wait until after it, which would let the other offer lapse."""
    text = (
        "Hi Dana,\n\nI've been offered a contract with an agency and have to let them know by Friday, June 5, so "
        "I wanted to ask whether you have any news.\n\nBest,\nSam\n"
    )
    context = Context(kind="check-in", interview_date="2026-05-25", send_date="2026-06-02")
    assert not lint_text(text, context, Config(select=("timing", "tone"))).findings
    employer = text.replace("I've been offered a contract with an agency and have to let them know", "You said")
    employer = employer.replace("so I wanted to ask whether you have any news", "you would decide")
    assert [f.rule for f in lint_text(employer, context, Config(select=("timing",))).findings] == [
        "timing.check-in-early"
    ]
