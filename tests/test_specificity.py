"""personalization.thank-you-detail: a name-swapped template fires, a note with one real detail does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup_lint import Config, lint_text
from followup_lint.engine.checks.specificity import load_templates, templates_path
from followup_lint.engine.errors import RuleError
from followup_lint.model import Context, Severity

RULE = "personalization.thank-you-detail"
CONFIG = Config(select=(RULE,))
NURSE = Context(kind="thank-you", company="Riverside Clinic", role="charge nurse", interviewers=("Miguel Ortiz",))

TEMPLATE = (
    "Dear Mr. Ortiz,\n\n"
    "Thank you for taking the time to meet with me today to discuss the charge nurse position at Riverside Clinic."
    " I enjoyed learning more about the role and the team, and I am confident that my skills and experience make"
    " me a strong candidate.\n\n"
    "Please let me know if you need any additional information. I look forward to hearing from you.\n\n"
    "Kind regards,\nLena Fischer\n"
)


def findings(text: str, context: Context = NURSE):
    return [f for f in lint_text(text, context, CONFIG).findings if f.rule == RULE]


def test_a_name_swapped_template_fires_once_as_a_warning() -> None:
    found = findings(TEMPLATE)
    assert [f.severity for f in found] == [Severity.WARNING]
    assert "specific" in found[0].message and found[0].suggestion and "discussed" in found[0].suggestion


def test_other_names_in_the_same_template_still_fire() -> None:
    """The names are masked, so a paraphrase for another employer matches the same template sentences."""
    swapped = (
        TEMPLATE.replace("Mr. Ortiz", "Ms. Adeyemi")
        .replace("charge nurse", "junior accountant")
        .replace("Riverside Clinic", "Harbor Freight Lines")
        .replace("Lena Fischer", "Tomasz Nowak")
    )
    context = Context(kind="thank-you", company="Harbor Freight Lines", role="junior accountant")
    assert findings(swapped, context)
    # Without any context the draft's own names are still recognised: "at Harbor Freight Lines", "the ... position".
    assert findings(swapped, Context(kind="thank-you"))


@pytest.mark.parametrize(
    "detail",
    [
        "You mentioned the night shift handover is the hardest part of the week.",  # a rare word after a cue
        "Meeting Priya and the two nurses from the cardiac ward was the best part of my visit.",  # another name
        "Hearing that the unit cut falls by 30% last year was impressive.",  # a figure
        "I keep thinking about the new bedside checklist.",  # rare words
        "Seeing the apple harvest schedule on the wall made the job real for me.",  # a topic in plain words
        'Your question about "the worst shift you ever worked" was a good one.',  # a quoted topic
    ],
)
def test_one_real_detail_is_enough(detail: str) -> None:
    text = TEMPLATE.replace("Please let me know", detail + " Please let me know")
    assert findings(TEMPLATE) and not findings(text)


def test_a_generic_note_with_little_template_text_is_only_a_suggestion() -> None:
    text = (
        "Dear Mr. Ortiz,\n\nI am writing after our meeting. Everything about the visit left a good impression on me,"
        " and I feel that my background would suit the work well.\n\nKind regards,\nLena\n"
    )
    found = findings(text)
    assert [f.severity for f in found] == [Severity.SUGGESTION]
    # with few stock words, the message says what is missing rather than quoting a low share of template text
    assert "%" not in found[0].message and "topic" in found[0].message
    assert "% of the words are stock template phrases" in findings(TEMPLATE)[0].message


def test_a_guessed_kind_gets_a_suggestion_and_check_ins_have_their_own_rule() -> None:
    """A note with no detail is generic whatever its kind: on a guessed thank-you the finding is a suggestion
    (the guess may be wrong, the advice is still sound); a draft read as another kind is left to its rules."""
    assert not findings(TEMPLATE, Context(kind="check-in"))
    short = "Hi Dana,\n\nPlease find my references attached.\n\nBest,\nSam\n"
    other = lint_text(short, Context(), Config()).findings  # read as a networking note
    assert not [f for f in other if f.rule.endswith("-detail")]
    assert findings(short, Context(kind="thank-you"))
    guessed = (
        "Hello Ms. Grant,\n\nI wanted to thank you for the call this afternoon. As requested, my references are"
        " attached. Do tell me if anything else would help.\n\nRegards,\nPeter"
    )
    report = lint_text(guessed, Context(), Config())
    assert not report.metrics["kind"]["sure"]
    assert [f.severity for f in report.findings if f.rule == RULE] == [Severity.SUGGESTION]


def test_a_generic_check_in_gets_a_suggestion_and_a_specific_one_none() -> None:
    rule = "personalization.follow-up-detail"
    generic = (
        "Hi Dana,\n\nI wanted to follow up on my application and ask whether there is any news."
        " I am still very interested in the position.\n\nBest,\nSam\n"
    )
    detail = " The scanner rollout you described at the Leeds depot is still on my mind."
    specific = generic.replace("any news.", "any news." + detail)
    found = lint_text(generic, Context(kind="check-in"), Config(select=(rule,))).findings
    assert [f.severity for f in found] == [Severity.SUGGESTION]
    assert not lint_text(specific, Context(kind="check-in"), Config(select=(rule,))).findings


def test_contact_lines_and_dates_are_not_details() -> None:
    text = TEMPLATE.replace(
        "Kind regards,\nLena Fischer\n", "Kind regards,\nLena Fischer\nlena@example.com\n+1 555 014 2290\n"
    ).replace("today", "on Tuesday, March 3")
    assert findings(text)


def test_the_template_list_can_be_replaced_beside_a_rules_folder(tmp_path: Path) -> None:
    rule = tmp_path / "rules" / "personalization" / "mine.yaml"
    data = tmp_path / "rules" / "_data" / "specific-templates.txt"
    rule.parent.mkdir(parents=True)
    data.parent.mkdir(parents=True)
    rule.write_text("id: x\n", encoding="utf-8")
    assert templates_path(str(rule)) != data  # none there yet: the built-in list
    data.write_text("# mine\nwe went bowling after the interview\n", encoding="utf-8")
    assert templates_path(str(rule)) == data
    assert ("went", "bowling", "after") in load_templates(data).trigrams
    with pytest.raises(RuleError, match="template sentences"):
        load_templates(tmp_path / "missing.txt")


def test_a_long_draft_is_judged_in_linear_time() -> None:
    """A generous cap that only a blow-up with the number of sentences would exceed."""
    import time

    body = "Thank you for the interview. " * 3000
    text = f"Dear Mr. Ortiz,\n\n{body}\n\nKind regards,\nLena\n"
    started = time.perf_counter()
    assert findings(text)
    assert time.perf_counter() - started < 20


def test_a_topic_named_twice_is_not_taken_for_the_employer() -> None:
    text = TEMPLATE.replace(
        "Please let me know",
        "I have already read up on Epic since you said the unit moves to Epic in May. Please let me know",
    )
    assert not findings(text)


@pytest.mark.parametrize(
    "praise",
    [
        "Your organisation is truly remarkable and I admire its values.",  # opinion words judge, name no topic
        "I was delighted by how welcoming and supportive everyone seemed.",
        "It was wonderful chatting with you and hearing about the company's plans.",  # an inflection of "chat"
        "I appreciate your prompt reply and the clear timelines.",  # "timelines": an inflection of a generic word
    ],
)
def test_opinions_and_inflections_of_stock_words_are_no_detail(praise: str) -> None:
    text = TEMPLATE.replace("Please let me know", praise + " Please let me know")
    assert findings(text)


@pytest.mark.parametrize(
    "stock",
    [
        "Please let me know if I can expedite anything on my side.",  # a rare verb says what is done, not what
        "I was sorry the call was postponed twice.",  # a past form
        "I am a punctual, patient and well-organised team leader.",  # a self-description is the writer's own
        "I'm an adaptable quick learner who thrives under pressure.",
    ],
)
def test_rare_verbs_and_self_descriptions_are_no_detail(stock: str) -> None:
    text = TEMPLATE.replace("Please let me know", stock + " Please let me know")
    assert findings(text)


@pytest.mark.parametrize(
    "detail",
    [
        "Your point about underwriting backlogs stayed with me.",  # an -ing form names an activity
        "I enjoyed the story of the audits that caught the billing error.",  # a noun that is also a verb
        "I am a little unsure about the night rota, and would like to ask about it.",  # not a self-description
    ],
)
def test_activities_and_nouns_still_count(detail: str) -> None:
    text = TEMPLATE.replace("Please let me know", detail + " Please let me know")
    assert not findings(text)


def test_the_signature_is_no_detail_in_one_line_notes() -> None:
    """A name as the body's last sentence, or after a sign-off with a name particle, is the writer's own."""
    context = Context(kind="thank-you")
    assert findings("Hi Tomasz, thank you for your time today. I look forward to hearing from you. Ines", context)
    assert findings(
        "Hello Carla, thank you for the interview. I look forward to hearing from you. Kind regards, Joao da Silva",
        context,
    )


def test_a_person_met_counts_under_an_unrecognised_greeting() -> None:
    """ "Hi Shawn" without a comma is still the greeting: Andy, met in the interview, is a detail."""
    context = Context(kind="thank-you", interviewers=("Shawn Ray", "Andy Moss"))
    text = "Hi Shawn\n\nThank you for setting up my interview with Andy today. I look forward to hearing from you.\n"
    assert not findings(text, context)


def test_a_word_of_the_role_used_on_its_own_is_a_topic() -> None:
    """ "Charge" of "charge nurse" is the draft's own name only beside the rest of the role."""
    context = Context(kind="thank-you", company="Riverside Clinic", role="telemetry nurse")
    text = TEMPLATE.replace("charge nurse", "telemetry nurse").replace(
        "Please let me know", "Your overview of the telemetry alarm redesign stayed with me. Please let me know"
    )
    assert not findings(text, context)
    assert findings(TEMPLATE.replace("charge nurse", "telemetry nurse"), context)


def test_a_timeline_the_interviewer_gave_is_a_detail() -> None:
    base = "Hi Dana,\n\nI wanted to follow up on the analyst role. {} I remain very interested.\n\nBest,\nSam\n"
    context = Context(kind="thank-you", role="analyst")
    assert not findings(base.format("You'd mentioned the team hoped to decide by the end of the month."), context)
    assert findings(base.format("I hope the team is well and the search is going smoothly."), context)


@pytest.mark.parametrize(
    ("rule", "kind", "sentence"),
    [
        ("structure.thank-you-interest", "thank-you", "Since our talk I am even keener on the post."),
        ("structure.thank-you-interest", "thank-you", "The Harlow ward remains my top preference."),
        ("structure.thank-you-interest", "thank-you", "It would be an honour to work with your surgeons."),
        ("structure.thank-you-interest", "thank-you", "I left more convinced than ever that this is the right move."),
        ("structure.check-in-interest", "check-in", "Harlow is still my number-one option."),
        ("structure.next-step", "check-in", "Please keep me updated on the outcome."),
        ("structure.next-step", "check-in", "I'd welcome a line on where the hiring stands."),
        ("structure.post-rejection-door", "post-rejection", "I hope we can work together some day."),
    ],
)
def test_required_content_in_other_words_is_found(rule: str, kind: str, sentence: str) -> None:
    """Paraphrases of interest, next steps and an open door (issue 17 class 5) satisfy the structure rules."""
    text = f"Hi Dana,\n\nThank you for your note. {sentence}\n\nBest,\nSam\n"
    bare = "Hi Dana,\n\nThank you for your note. I hope the week is going well.\n\nBest,\nSam\n"
    assert lint_text(bare, Context(kind=kind), Config(select=(rule,))).findings
    assert not lint_text(text, Context(kind=kind), Config(select=(rule,))).findings


def test_their_schedule_reported_with_a_date_is_a_detail() -> None:
    base = "Hi Dana,\n\nI wanted to check in on the analyst role. {} I remain very interested.\n\nBest,\nSam\n"
    rule = "personalization.follow-up-detail"
    known = base.format("I know the hiring panel was scheduled to meet on Thursday.")
    vague = base.format("I know the hiring panel is busy and will meet when it can.")
    assert not lint_text(known, Context(kind="check-in"), Config(select=(rule,))).findings
    assert lint_text(vague, Context(kind="check-in"), Config(select=(rule,))).findings


def test_stock_words_written_together_and_kind_vocabulary_are_no_detail() -> None:
    rule = "personalization.follow-up-detail"
    text = (
        "Hi Dana,\n\nI wanted to follow up on my candidacy. Are there any timeframes or deadlines I should know"
        " about? I remain very interested.\n\nBest,\nSam\n"
    )
    assert lint_text(text, Context(kind="check-in"), Config(select=(rule,))).findings


def test_a_salutation_the_layout_missed_is_not_a_detail() -> None:
    text = TEMPLATE.replace("Dear Mr. Ortiz,", "Esteemed Dr. Okafor and Dr. Lindqvist,")
    assert findings(text)


def test_the_writers_own_background_is_not_a_detail_of_the_conversation() -> None:
    pitch = "I have nine years of experience in neonatal resuscitation and phlebotomy."
    told = "You mentioned the neonatal unit is short of staff trained in phlebotomy."
    assert findings(TEMPLATE.replace("Please let me know", pitch + " Please let me know"))
    assert not findings(TEMPLATE.replace("Please let me know", told + " Please let me know"))


def test_naming_another_interviewer_says_which_conversation_it_follows() -> None:
    rule = "personalization.follow-up-detail"
    context = Context(kind="check-in", interviewers=("Dana Kim", "Omar Haddad"))
    base = "Hi Dana,\n\nIt has been a week since {}, so I wanted to check in. Is there any news?\n\nBest,\nSam\n"
    assert not lint_text(base.format("I spoke with Omar"), context, Config(select=(rule,))).findings
    assert lint_text(base.format("we spoke"), context, Config(select=(rule,))).findings


def test_their_explanation_reported_as_a_gerund_introduces_a_detail() -> None:
    rule = "personalization.follow-up-detail"
    text = (
        "Dear Ms. Lund,\n\nI wanted to follow up on the warehouse lead role. Thank you again for explaining how"
        " the night crew rotates between loading bays. I remain very interested.\n\nBest,\nSam\n"
    )
    assert not lint_text(text, Context(kind="check-in"), Config(select=(rule,))).findings
    generic = text.replace(" Thank you again for explaining how the night crew rotates between loading bays.", "")
    assert lint_text(generic, Context(kind="check-in"), Config(select=(rule,))).findings


def test_a_piece_of_work_named_by_its_subject_is_a_detail() -> None:
    named = "I am still keen, especially on the loyalty-card rebuild project."
    vague = "I am still keen, especially on the exciting new project."
    assert not findings(TEMPLATE.replace("Please let me know", named + " Please let me know"))
    assert findings(TEMPLATE.replace("Please let me know", vague + " Please let me know"))


def test_a_gracious_generic_reply_to_a_rejection_gets_only_a_suggestion() -> None:
    """A short gracious reply is sound advice, so a reply with no detail gets a suggestion at most (from its own
    rule); one line from the conversation silences it."""
    text = (
        "Hi Dana,\n\nThank you for letting me know, and for your time throughout the process. I wish you and the"
        " team all the best, and I hope our paths cross again.\n\nBest,\nSam\n"
    )
    found = [f for f in lint_text(text, Context(kind="post-rejection"), Config()).findings if "detail" in f.rule]
    assert [(f.rule, f.severity) for f in found] == [("personalization.rejection-reply-detail", Severity.SUGGESTION)]
    detail = text.replace("I wish", "Meeting the two ward sisters on the night shift was a highlight. I wish")
    found = lint_text(detail, Context(kind="post-rejection"), Config()).findings
    assert not [f for f in found if "detail" in f.rule]


@pytest.mark.parametrize(
    "stock",
    [
        "I have attached my two references as you asked.",  # a count of what every application has
        "Both rounds of interviews were a pleasure.",
        "I admire your company's mission and the team's goals.",  # nouns every employer has
        "Please contact me at your earliest convenience.",  # a formula of any business letter
        "Happy Interviewing!",  # a short line in capitals is no name
    ],
)
def test_stock_counts_employer_nouns_and_letter_formulas_are_no_detail(stock: str) -> None:
    text = TEMPLATE.replace("Please let me know", stock + " Please let me know")
    assert findings(text)


@pytest.mark.parametrize(
    "detail",
    [
        "I was struck that two nurses cover the whole recovery bay at night.",  # a count of something specific
        "Hearing that falls dropped 30% last year was encouraging.",  # a share
        "You said 3 of your clients have asked for weekend clinics.",
    ],
)
def test_a_count_of_something_specific_is_still_a_detail(detail: str) -> None:
    text = TEMPLATE.replace("Please let me know", detail + " Please let me know")
    assert not findings(text)


def test_a_sign_off_and_name_on_the_last_body_line_is_not_a_detail() -> None:
    text = TEMPLATE.replace("\n\nKind regards,\nLena Fischer\n", " Kind regards, Lena Marisol Fischer-Quispe\n")
    assert findings(text)


def test_header_lines_typed_into_the_text_are_not_sentences_of_the_body() -> None:
    """``Subject:`` and ``To:`` lines at the top of a plain draft (the ``header_lines`` analysis) hold no detail
    of the conversation; the same words in a sentence of the body do."""
    headers = "Subject: Kubernetes autoscaling interview\nTo: miguel.ortiz@riverside.example\n\n"
    assert findings(headers + TEMPLATE)
    story = "Your Kubernetes autoscaling story stayed with me."
    detail = TEMPLATE.replace("Please let me know", story + " Please let me know")
    assert not findings(headers + detail)


def test_the_channel_of_the_conversation_is_not_a_detail() -> None:
    channel = "I enjoyed our Zoom call, and I would be glad to connect on LinkedIn."
    assert findings(TEMPLATE.replace("Please let me know", channel + " Please let me know"))


def test_a_stock_phrase_is_reported_only_in_a_note_without_a_detail() -> None:
    """personalization.cliche points at the template a note is made of; beside a real detail it stays quiet."""
    config = Config(select=("personalization.cliche",))
    bare = "Hi Dana,\n\nI am writing to ask whether there is any news on the analyst role.\n\nBest,\nSam\n"
    detail = bare.replace("role.", "role. You mentioned the reconciliation backlog would be cleared by May.")
    assert [f.rule for f in lint_text(bare, Context(), config).findings] == ["personalization.cliche"]
    assert not lint_text(detail, Context(), config).findings


def test_a_stock_phrase_rule_naming_no_detail_rule_is_a_rule_error(tmp_path: Path) -> None:
    from followup_lint.api import linter_for

    folder = tmp_path / "rules" / "mine"
    folder.mkdir(parents=True)
    (folder / "stock.yaml").write_text(
        "id: mine.stock\ncategory: personalization\nseverity: suggestion\ncheck: stock-phrase\n"
        "summary: s\nmessage: m\nwhy: w\nphrases: [I am writing to]\noptions: {detail-rule: mine.nothing}\n"
        "examples: {fire: ['I am writing to ask.'], pass: ['Hello.']}\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleError, match="detail-rule"):
        linter_for(Config(rule_dirs=(tmp_path / "rules",)))


def test_a_deadline_on_a_calendar_day_is_a_detail_a_weekday_is_not() -> None:
    rule = "personalization.follow-up-detail"
    base = "Hi Dana,\n\nI wanted to ask whether there is any news on the analyst role. {}\n\nBest,\nSam\n"
    config = Config(select=(rule,))
    deadline = "Another firm has asked me to reply to their offer by 14 November."
    assert not lint_text(base.format(deadline), Context(kind="check-in"), config).findings
    assert lint_text(base.format("I hope to hear from you by Friday."), Context(kind="check-in"), config).findings
