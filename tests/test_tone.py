"""Tone findings: what fires, what stays quiet on good polite English, and what the findings offer."""

from __future__ import annotations

import pytest

from followup_lint import Config, lint_text
from followup_lint.engine.errors import RuleError
from followup_lint.fixes import apply_fixes

TONE = Config(select=("tone",))


def tone_findings(body: str) -> list[tuple[str, str]]:
    text = f"Hi Dana,\n\nI am writing about the data analyst role at Acme Corp.\n\n{body}\n\nBest,\nSam"
    report = lint_text(text, {"company": "Acme Corp", "role": "data analyst"}, TONE)
    return [(f.rule, report.source[f.offset : f.end]) for f in report.findings if f.category == "tone"]


@pytest.mark.parametrize(
    "body",
    [
        # the politeness markers and hedged forms from issue 4
        "Thank you again. Please let me know if you need anything else.",
        "Thank you for your time. I don't need an answer right away.",
        "Thank you for meeting me. Could you share the expected timeline?",
        "Thank you again. I would appreciate an update when you have a moment.",
        "Thank you for your time. You mentioned you hoped to decide by the end of the month.",
        # ordinary good follow-ups
        "Thank you for the interview on Tuesday. I haven't heard back yet, so I wanted to ask about the timeline.",
        "Thanks again for the offer. I have received another offer and would love to know your timeline.",
        "Thank you for letting me know. I'm sorry to hear the role was filled, and I would welcome any feedback.",
        "Thank you! I can start ASAP and am available immediately for a call.",
        "Thank you for the chat. As I mentioned, I led the move to dbt, which I'd love to talk about further.",
        "Thank you for your note. If you need to reach me, my number is below.",
        "I enjoyed meeting the team. Is there anything else I need to know before the next round?",
        "Thank you for taking the time, especially in such a busy week for the team.",
        "Thank you for the update. I will respond by Friday once I have read the contract.",
        "Thank you! I expect to hear from my references soon and will pass along their availability.",
        "Thank you. You mentioned the team needs someone who can start quickly; I could begin on June 1.",
        "Thank you. I need to correct one thing I said: the budget I managed was $2M, not $3M.",
        "Thank you. Per your request, here is the writing sample.",
        "Thank you for the quick response and for sending the schedule so promptly.",
        "Thank you. I'm sorry I was a few minutes late to our call, and thank you for your patience.",
        "Thank you. I know you are busy with the product launch, so please take your time.",
        "Thank you. I understand you need to decide quickly, so I've attached my references.",
        "Thank you for letting me know. Although I'm disappointed, I'd be grateful for any feedback.",
        "Thank you. I'm following up on our conversation from last Tuesday about the pilot project.",
        # near misses of the constructions: someone else's deadline, the candidate's own promise, hedged asks
        "Thank you. The other company has asked me to reply by Thursday; I'd much prefer to join your team.",
        "Thank you. My current employer needs my answer on a counteroffer by Monday, so I wanted to ask about timing.",
        "Thank you for the offer! Could I have until Friday to review it? I'll confirm by then.",
        "Thank you. I would be grateful to hear back by the 15th if that is possible.",
        "Thank you. If I'm offered the role, I will accept it gladly.",
        "Thank you. I can start immediately and get up to speed quickly.",
        "Thank you. I haven't heard anything since our call, so I wanted to check whether there is any news.",
        "Thank you. It has been two weeks since our interview, and I remain very interested.",
        "Thank you. I understand the decision may take a few more weeks with the holidays.",
        "Thank you. I've heard nothing but good things about the team.",
        "Thank you. I'm checking in again with the portfolio link you asked for.",
        "Thank you. I'm checking in again about the role, as you suggested I do after two weeks.",
        "Thank you. Would you mind resending the assessment link when you get a chance?",
        "Thank you. I'm reaching out again, as promised, with the code sample from my last project.",
        "Thank you. I'm following up about the application I sent two weeks ago.",
        "Thank you. I should explain why it took me so long to send the references: I was travelling.",
        "Thank you. I'd like to confirm my availability by Friday, once I've checked with my family.",
        "Thank you. I'm sorry it took me a while to send my references; both are expecting your call.",
        "Thank you. I wanted to reach out again to share a short case study on route planning.",
        "Thank you yet again for the tour of the plant.",
        "Thank you. I'm happy to help with anything you need before the final round.",
        "Thank you. I'd love the chance to prove myself in the role.",
        "Thank you. Sorry for the delay in sending my references; they are attached.",
        "Thank you. It doesn't bother me to commute, and I'm happy to be on site.",
        "Thank you. I know the end of the quarter is busy, so please take your time.",
    ],
)
def test_good_polite_follow_ups_do_not_fire(body: str) -> None:
    assert tone_findings(body) == []


@pytest.mark.parametrize(
    ("body", "rule"),
    [
        ("I need to know your decision by Friday.", "tone.demanding"),
        ("I NEED to hear back by Monday.", "tone.demanding"),
        ("I expect a response within two days.", "tone.demanding"),
        ("You need to respond to my application.", "tone.demanding"),
        ("Please get back to me immediately.", "tone.demanding"),
        ("Otherwise I'll accept the other offer.", "tone.demanding"),
        ("Why haven’t I heard back?", "tone.impatient"),
        ("Why hasn't anyone replied to me?", "tone.impatient"),
        ("It's been two weeks and nobody has responded.", "tone.impatient"),
        ("This is my 3rd email about the role.", "tone.impatient"),
        ("Did you receive my previous e-mail?", "tone.impatient"),
        ("Per my last e-mail, I am free on Tuesday.", "tone.passive-aggressive"),
        ("As I’ve already said, I can start in March.", "tone.passive-aggressive"),
        ("Just a friendly reminder about my application.", "tone.passive-aggressive"),
        ("Just checking in again on the role.", "tone.passive-aggressive"),
        ("I really need this job so badly.", "tone.desperate"),
        ("I desperately need this job.", "tone.desperate"),
        ("I’d do anything for this position.", "tone.desperate"),
        ("Sorry to bother you, but is there any news?", "tone.grovelling"),
        ("I know you’re extremely busy.", "tone.grovelling"),
        ("I'm sure you've interviewed far better candidates.", "tone.grovelling"),
        # phrasings beyond the examples
        ("I'll need to hear your decision by Wednesday at the latest.", "tone.demanding"),
        ("I'll need the final answer no later than Monday.", "tone.demanding"),
        ("Please update me on where things stand by Thursday.", "tone.demanding"),
        ("I await your immediate reply.", "tone.demanding"),
        ("If you want someone with my experience, you'd better decide quickly.", "tone.demanding"),
        ("It's been 10 days. Why no response?", "tone.impatient"),
        ("I followed up twice already and got no reply.", "tone.impatient"),
        ("With all due respect, your team said I'd hear back in a week, and it's been a month.", "tone.impatient"),
        ("I expected to hear something by now.", "tone.impatient"),
        ("This is unprofessional.", "tone.impatient"),
        ("Per our previous correspondence, I remain available.", "tone.passive-aggressive"),
        ("I trust you received my previous three emails.", "tone.passive-aggressive"),
        ("I'm sending a small gift basket to the office.", "tone.desperate"),
        ("I'd be willing to do anything at all to get this role.", "tone.desperate"),
        ("I have bills to pay and nowhere else to turn.", "tone.desperate"),
        ("I don't want to seem pushy, but is there any news?", "tone.grovelling"),
        ("I realize I'm probably not your first choice.", "tone.grovelling"),
        ("I know you have more important things to do than read my email.", "tone.grovelling"),
        # constructions: the same problem in wording no phrase list holds
        ("Kindly confirm the outcome no later than Thursday.", "tone.demanding"),
        ("I must have your answer this week, as I am weighing other options.", "tone.demanding"),
        ("Unless the offer reaches me by Friday, I'm signing with Brightline instead.", "tone.demanding"),
        ("Your team needs to make a call on my candidacy this week.", "tone.demanding"),
        ("Let me know where things stand by close of business tomorrow.", "tone.demanding"),
        ("Three weeks have passed and I have heard absolutely nothing.", "tone.impatient"),
        ("I’ve left two voicemails and an email, and still nobody has called back.", "tone.impatient"),
        ("Is anyone actually reading these emails?", "tone.impatient"),
        ("Why does nobody from HR answer my messages?", "tone.impatient"),
        ("I feel like my messages are being ignored.", "tone.impatient"),
        ("As I had mentioned before, I have another offer.", "tone.passive-aggressive"),
        ("Circling back once more regarding the coordinator role.", "tone.passive-aggressive"),
        ("Perhaps my earlier email got lost in your inbox.", "tone.passive-aggressive"),
        ("I'm sure you've just been too busy to reply.", "tone.passive-aggressive"),
        ("I really, really need to get this position.", "tone.desperate"),
        ("I can’t afford to lose this opportunity.", "tone.desperate"),
        ("I'd work unpaid for the first month to show you what I can do.", "tone.desperate"),
        ("I'm so sorry to take up even more of your valuable time.", "tone.grovelling"),
        ("I'm sure the other applicants were far more impressive than me.", "tone.grovelling"),
        ("If it isn't too much trouble, could you let me know the status?", "tone.grovelling"),
        ("Kindly expedite the decision on my application.", "tone.demanding"),
        ("Is it really so hard to send a two-line reply?", "tone.impatient"),
        ("I'll take your silence as a no, then.", "tone.impatient"),
        ("Further to my numerous emails, I am still interested.", "tone.passive-aggressive"),
        ("I'm sure it's just an oversight that I haven't heard back.", "tone.passive-aggressive"),
        ("I'd be willing to take a big pay cut just to get in.", "tone.desperate"),
        ("I understand I'm probably at the bottom of the list.", "tone.grovelling"),
        ("Either you make me an offer by Friday or I accept the other one.", "tone.demanding"),
        ("I need clarity on this immediately.", "tone.demanding"),
        ("It feels like my application disappeared into a void.", "tone.passive-aggressive"),
        ("I'll resend my CV since it apparently didn't arrive.", "tone.passive-aggressive"),
        ("I know I probably bombed the interview, sorry.", "tone.grovelling"),
        ("I'd like a firm yes or no by end of day Wednesday.", "tone.demanding"),
        ("It's been 21 days and counting.", "tone.impatient"),
        ("As noted in my email of the 3rd, I'm available immediately.", "tone.passive-aggressive"),
        ("I know I don't measure up to your other candidates.", "tone.grovelling"),
        ("Why has it taken you three weeks to get back to me?", "tone.impatient"),
        ("It's been radio silence since my interview.", "tone.impatient"),
        ("Kindly refer to my previous email.", "tone.passive-aggressive"),
        ("I'm sorry if this is an inconvenience.", "tone.grovelling"),
    ],
)
def test_tone_problems_fire_with_their_own_rule(body: str, rule: str) -> None:
    found = tone_findings(body)
    assert rule in {r for r, _ in found}, found


def test_finding_says_why_and_what_to_write_instead() -> None:
    report = lint_text("Hi Dana,\n\nPer my last email, I am free on Tuesday.\n\nBest,\nSam", None, TONE)
    (finding,) = [f for f in report.findings if f.rule == "tone.passive-aggressive"]
    assert finding.category == "tone"
    assert '"Per my last email"' in finding.message and "reminds the reader" in finding.message
    assert finding.suggestion
    assert finding.fixes and finding.fixes[0].replacement == "As I mentioned"
    fixed = apply_fixes(report.source, [finding.fixes[0]])
    assert fixed.startswith("Hi Dana,\n\nAs I mentioned, I am free on Tuesday.")


def test_asap_fix_is_a_safe_substitution() -> None:
    report = lint_text("Hi Dana,\n\nPlease let me know ASAP.\n\nBest,\nSam", None, TONE)
    (finding,) = [f for f in report.findings if f.rule == "tone.demanding"]
    assert report.source[finding.offset : finding.end] == "ASAP"
    assert finding.fixes[0].replacement == "when you have a moment" and finding.fixes[0].safe
    fixed = apply_fixes(report.source, [finding.fixes[0]])
    assert "let me know when you have a moment." in fixed
    assert not [f for f in lint_text(fixed, None, TONE).findings if f.category == "tone"]


def test_grovelling_is_only_a_suggestion() -> None:
    report = lint_text("Hi Dana,\n\nSorry to bother you again. Any news?\n\nBest,\nSam", None, TONE)
    assert {f.severity.label for f in report.findings if f.rule == "tone.grovelling"} == {"suggestion"}


def test_tone_rules_are_listed_by_the_cli(run_cli) -> None:
    status, out, _ = run_cli("rules")
    assert status == 0
    for rule in ("tone.demanding", "tone.impatient", "tone.passive-aggressive", "tone.desperate", "tone.grovelling"):
        assert rule in out


CUE_RULE = """\
id: test.deadline
category: tone
severity: warning
check: sentence-cues
message: "{match}: a deadline on a reply."
why: A test rule.
hedges:
  phrases: [could you]
constructions:
  - cues:
      - phrases: [reply, respond]
      - phrases: [by Friday, no later than]
    span: 8
    unless:
      phrases: [I will]
examples:
  fire: ["Please reply by Friday."]
  pass: ["Could you reply by Friday?"]
"""


def _cue_findings(tmp_path, text: str) -> list[str]:
    (tmp_path / "deadline.yaml").write_text(CUE_RULE, encoding="utf-8")
    report = lint_text(text, None, Config(select=("test.deadline",), rule_dirs=(tmp_path,)))
    return [report.source[f.offset : f.end] for f in report.findings]


def test_sentence_cues_fire_when_every_cue_meets_in_one_sentence(tmp_path) -> None:
    assert _cue_findings(tmp_path, "Please respond to my note no later than Monday.") == [
        "respond to my note no later than"
    ]
    # the cues in different sentences, too far apart, hedged, or cancelled by the construction's `unless`
    assert _cue_findings(tmp_path, "Please respond soon. I leave by Friday.") == []
    assert _cue_findings(tmp_path, "Please respond to the long note I sent you last week by Friday.") == []
    assert _cue_findings(tmp_path, "Could you reply by Friday?") == []
    assert _cue_findings(tmp_path, "I will reply by Friday.") == []


def test_sentence_cues_rule_errors_name_the_field(tmp_path) -> None:
    (tmp_path / "deadline.yaml").write_text(CUE_RULE.replace("span: 8", "span: 0"), encoding="utf-8")
    with pytest.raises(RuleError, match=r"constructions\[0\]\.span"):
        lint_text("Reply by Friday.", None, Config(select=("test.deadline",), rule_dirs=(tmp_path,)))
