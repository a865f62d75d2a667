"""Tone by meaning on whole messages: arguing with a decision in polite words, comparing oneself with the chosen
candidate, pleading, bare orders and gloating are reported and pull the meter below 0; their hard negatives (a
request for feedback, a competing offer, availability offered once, "as I mentioned" before a point of
substance, short neutral lines) stay clean and score high. All examples written for these tests."""

from __future__ import annotations

import pytest

from followup_lint import Config, lint_text

MUST_FIRE = {
    "asks the committee to revisit": (
        "post-rejection",
        "Hi Marta,\n\nThank you for your email. I would like to ask the committee to revisit its choice, since I "
        "have led the same kind of migration twice.\n\nBest,\nJon",
    ),
    "compares with the other applicant": (
        "post-rejection",
        "Hello Mr. Osei,\n\nThanks for the update. I find it hard to believe that the other applicant had more "
        "hands-on experience with payroll systems than I do.\n\nRegards,\nLin",
    ),
    "pleads, any terms": (
        "check-in",
        "Dear Ms. Abbott,\n\nI am following up on the warehouse supervisor role. I will take any shift and any pay "
        "you can offer, I just need a yes.\n\nThank you,\nRui",
    ),
    "orders": (
        "check-in",
        "Hi Tom,\n\nI interviewed for the designer role last week. Send me the decision and the salary figure by "
        "Thursday.\n\nAlex",
    ),
    "gloats": (
        "post-rejection",
        "Hi Tom,\n\nThanks for the note. You did me a favour, frankly, your team seemed a shambles.\n\nAlex",
    ),
}
MUST_NOT_FIRE = {
    "asks for feedback": (
        "post-rejection",
        "Hi Marta,\n\nThank you for letting me know. I was hoping for a different outcome, but I respect the "
        "committee's choice, and I would welcome any feedback on my case study.\n\nBest,\nJon",
    ),
    "mentions a competing offer": (
        "check-in",
        "Hello Mr. Osei,\n\nI have received an offer from another firm and need to reply by the 12th. Your payroll "
        "team remains my first choice, so could you tell me whether a decision is likely before then?\n\n"
        "Regards,\nLin",
    ),
    "offers availability once": (
        "check-in",
        "Dear Ms. Abbott,\n\nI wanted to follow up on my interview for the warehouse supervisor role on the 3rd. I "
        "remain very interested and can make myself available for a further conversation at a time that suits "
        "you.\n\nThank you,\nRui",
    ),
    "as I mentioned, a point of substance": (
        "thank-you",
        "Hi Tom,\n\nThank you for the interview on Monday. As I mentioned, I think the onboarding flow is where a "
        "redesign would help most, and I would be glad to share my sketches.\n\nBest,\nAlex",
    ),
    "short neutral lines": (
        "post-rejection",
        "Hi Tom,\n\nThank you for telling me so quickly. The launch sounds exciting. I wish the team well with it."
        "\n\nAlex",
    ),
}


#: Classes the shipped model does not read yet (issue 19): a polite appeal against the decision, and pleading on
#: any terms after a neutral opening sentence. Strict: the test fails once the model reads them, to be promoted.
NOT_YET = {"asks the committee to revisit", "pleads, any terms"}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=pytest.mark.xfail(strict=True, reason="not read by the model yet"))
        if name in NOT_YET
        else name
        for name in MUST_FIRE
    ],
)
def test_a_flawed_tone_in_other_words_is_reported_and_the_meter_falls_below_0(name: str) -> None:
    kind, text = MUST_FIRE[name]
    report = lint_text(text, {"kind": kind}, Config())
    assert [f for f in report.findings if f.category == "tone"], name
    assert report.metrics["politeness"] < 0, report.metrics["politeness"]


@pytest.mark.parametrize("name", MUST_NOT_FIRE)
def test_its_hard_negative_stays_clean_and_scores_high(name: str) -> None:
    kind, text = MUST_NOT_FIRE[name]
    for context in ({"kind": kind}, None):  # given, and detected
        report = lint_text(text, context, Config())
        tone = [report.source[f.offset : f.end] for f in report.findings if f.category == "tone"]
        assert tone == [], (name, tone)
        assert report.metrics["politeness"] >= 0.9, report.metrics["politeness"]
