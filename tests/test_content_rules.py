"""Content rules seen from the command line: personalization, placeholders, wrong names, length by channel,
structure, readability and formality (issue 3)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from followup_lint.fixes import apply_fixes

Run = Callable[..., tuple[int, str, str]]

THANK_YOU = (
    "Hi Dana,\n\nThank you for speaking with me on Tuesday about the Data Analyst role at Acme Corp. I enjoyed "
    "hearing how your team moved its weekly reporting to dbt, and I am very interested in the position.\n\n"
    "Best regards,\nSam Patel\n"
)


def lint(run_cli: Run, tmp_path: Path, text: str, *args: str, name: str = "draft.txt") -> tuple[int, dict]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    status, out, err = run_cli(str(path), "--format", "json", *args)
    assert status in (0, 1), err
    return status, json.loads(out)["files"][0]


def rules_of(report: dict, prefix: str) -> list[dict]:
    return [f for f in report["findings"] if f["rule"] == prefix or f["rule"].startswith(prefix + ".")]


# -- personalization --------------------------------------------------------------------------------------------


def test_no_context_generic_draft_is_flagged(run_cli: Run, tmp_path: Path) -> None:
    text = (
        "Dear Hiring Manager,\n\nThank you for the opportunity to interview for the position. I believe I would be "
        "a great fit for your company.\n\nSincerely,\nJohn Smith\n"
    )
    _, report = lint(run_cli, tmp_path, text)
    rules = {f["rule"] for f in report["findings"]}
    assert "personalization.no-specifics" in rules
    cliches = rules_of(report, "personalization.cliche")
    assert {f["severity"] for f in cliches} == {"suggestion"}
    assert "I believe I would be a great fit for your company" in {f["text"] for f in cliches}


def test_a_specific_draft_without_context_is_not_generic(run_cli: Run, tmp_path: Path) -> None:
    _, report = lint(run_cli, tmp_path, THANK_YOU)
    assert not rules_of(report, "personalization")


def test_context_names_must_appear(run_cli: Run, tmp_path: Path) -> None:
    args = ("--company", "Northwind Health", "--role", "Charge Nurse", "--interviewer", "Grace Park")
    _, report = lint(run_cli, tmp_path, THANK_YOU, *args)
    rules = {f["rule"] for f in rules_of(report, "personalization")}
    assert {"personalization.company-missing", "personalization.role-missing"} <= rules
    assert "personalization.interviewer-missing" in rules
    # A clear reference counts: "Acme" for Acme Corp, "analyst" for Senior Data Analyst, "Dana" for Dana Lee.
    args = ("--company", "Acme Corp", "--role", "Senior Data Analyst", "--interviewer", "Dana Lee")
    _, report = lint(run_cli, tmp_path, THANK_YOU.replace("Acme Corp", "Acme"), *args)
    assert not rules_of(report, "personalization")


def test_dear_hiring_manager_gets_the_known_name(run_cli: Run, tmp_path: Path) -> None:
    text = THANK_YOU.replace("Hi Dana,", "Dear Hiring Manager,")
    _, report = lint(run_cli, tmp_path, text)
    assert not rules_of(report, "personalization.hiring-manager")  # no name known: nothing better to suggest
    _, report = lint(run_cli, tmp_path, text, "--interviewer", "Dana Lee")
    [finding] = rules_of(report, "personalization.hiring-manager")
    assert finding["text"] == "Dear Hiring Manager"
    assert finding["fixes"][0]["replacement"] == "Dear Dana Lee"


@pytest.mark.parametrize("salutation", ["To whom it may concern,", "Dear Sir or Madam,", "Hi there,"])
def test_generic_salutations(run_cli: Run, tmp_path: Path, salutation: str) -> None:
    _, report = lint(run_cli, tmp_path, THANK_YOU.replace("Hi Dana,", salutation), "--interviewer", "Dana Lee")
    [finding] = rules_of(report, "personalization.generic-salutation")
    assert finding["text"] == salutation.rstrip(",")
    assert "Dana" in finding["fixes"][0]["replacement"]


# -- placeholders ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "slot",
    ["[Company Name]", "[Name]", "{{first_name}}", "{name}", "<insert specific project>", "INSERT TOPIC HERE",
     "XYZ Company", "ABC Corp", "TBD", "lorem ipsum"],
)  # fmt: skip
def test_placeholders_are_errors(run_cli: Run, tmp_path: Path, slot: str) -> None:
    text = f"Hi Dana,\n\nThank you for the interview. I enjoyed our talk about {slot} and the dbt migration.\n\nSam\n"
    status, report = lint(run_cli, tmp_path, text, "--fail-on", "error")
    found = rules_of(report, "placeholder")
    assert status == 1 and found and found[0]["severity"] == "error"
    assert found[0]["text"].lower().startswith(slot.lower())


def test_addresses_links_and_brackets_are_not_placeholders(run_cli: Run, tmp_path: Path) -> None:
    text = (
        "Hi Dana,\n\nThank you for the interview (see attached for the SQL sample). My notes are in the "
        "[case study](https://example.com/case), and you can reach me at <sam@example.com>.\n\nSam\n"
    )
    _, report = lint(run_cli, tmp_path, text, name="draft.md")
    assert not rules_of(report, "placeholder")


# -- wrong names ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "wrong"),
    [
        ("I am excited to join Globex Industries.", "Globex Industries"),
        ("Thank you again for the interview at Initech.", "Initech"),
        ("I enjoyed learning about the litigation team at Harper & Stone LLP.", "Harper & Stone LLP"),
    ],
)
def test_another_company_name_is_an_error_with_a_fix(run_cli: Run, tmp_path: Path, sentence: str, wrong: str) -> None:
    text = f"Hi Dana,\n\nThank you for your time. {sentence}\n\nBest,\nSam\n"
    _, report = lint(run_cli, tmp_path, text, "--company", "Acme Corp", "--interviewer", "Dana Lee")
    [finding] = rules_of(report, "wrong-name.company")
    assert finding["severity"] == "error" and finding["text"] == wrong
    assert finding["fixes"][0]["replacement"] == "Acme Corp"


def test_near_miss_spellings_are_fixed(run_cli: Run, tmp_path: Path) -> None:
    text = (
        "Dear Siobahn,\n\nThank you for the panel interview at Northwind Heath. I enjoyed meeting Raj and your "
        "colleague Marcus, and I am excited about the role.\n\nWarm regards,\nTomasz\n"
    )
    args = ("--company", "Northwind Health", "--interviewer", "Siobhan Kelly", "--interviewer", "Raj Patel")
    _, report = lint(run_cli, tmp_path, text, *args)
    found = {f["text"]: f["fixes"][0]["replacement"] for f in rules_of(report, "wrong-name")}
    assert found == {"Siobahn": "Siobhan", "Heath": "Health"}


def test_other_people_and_capitalised_words_are_not_wrong_names(run_cli: Run, tmp_path: Path) -> None:
    text = (
        "Hi Dana,\n\nThank you for Tuesday. Data from the pilot impressed me, as did meeting Dan and Marcus Reyes "
        "from the Platform team. In my previous role at Globex Industries I ran a similar migration, and I "
        "would love to bring that to Acme.\n\nBest,\nSam\n"
    )
    _, report = lint(run_cli, tmp_path, text, "--company", "Acme Corp", "--interviewer", "Dana Lee")
    assert not rules_of(report, "wrong-name")


def test_greeting_to_someone_else_is_a_wrong_name(run_cli: Run, tmp_path: Path) -> None:
    text = THANK_YOU.replace("Hi Dana,", "Dear Mr. Smith,")
    _, report = lint(run_cli, tmp_path, text, "--interviewer", "Dana Lee")
    [finding] = rules_of(report, "wrong-name.addressee")
    assert finding["text"] == "Smith" and finding["fixes"][0]["replacement"] == "Lee"
    _, report = lint(run_cli, tmp_path, THANK_YOU, "--interviewer", "Dana Lee", "--interviewer", "Marcus Reyes")
    assert not rules_of(report, "wrong-name")


# -- length by channel ----------------------------------------------------------------------------------------


def linkedin_note(characters: int) -> str:
    base = "Hi Dana, thank you for the interview for the Data Analyst role at Acme Corp. I would love to connect. "
    filler = "I enjoyed the dbt talk. " * 12
    return (base + filler)[: characters - 5].rstrip() + " Sam"


def test_linkedin_note_limit(run_cli: Run, tmp_path: Path) -> None:
    long_note = linkedin_note(320)
    _, report = lint(run_cli, tmp_path, long_note, "--channel", "linkedin")
    [finding] = rules_of(report, "length.linkedin")
    assert finding["severity"] == "warning" and "300" in finding["message"]
    # Without a request to connect it may be a message to a connection, which has no such box: a suggestion.
    message = linkedin_note(360).replace(" I would love to connect.", "")
    _, report = lint(run_cli, tmp_path, message, "--channel", "linkedin")
    assert [f["severity"] for f in rules_of(report, "length.linkedin")] == ["suggestion"]
    _, report = lint(run_cli, tmp_path, linkedin_note(290), "--channel", "linkedin")
    assert not rules_of(report, "length")
    # The same text as an e-mail is judged in words, not characters.
    _, report = lint(run_cli, tmp_path, long_note)
    assert not rules_of(report, "length.linkedin")


def test_linkedin_limit_is_configurable(run_cli: Run, tmp_path: Path) -> None:
    config = tmp_path / "lint.toml"
    config.write_text('[rules."length.linkedin"]\nmax = 200\n', encoding="utf-8")
    _, report = lint(run_cli, tmp_path, linkedin_note(250), "--channel", "linkedin", "--config", str(config))
    assert rules_of(report, "length.linkedin")


def test_too_short_is_a_suggestion(run_cli: Run, tmp_path: Path) -> None:
    _, report = lint(run_cli, tmp_path, "Hi Dana, thanks! Sam", "--channel", "linkedin")
    assert [f["severity"] for f in rules_of(report, "length.linkedin")] == ["suggestion"]


# -- structure ------------------------------------------------------------------------------------------------


def eml(subject: str | None, body: str = THANK_YOU) -> str:
    header = f"Subject: {subject}\n" if subject is not None else ""
    return f"From: sam@example.com\nTo: dana@acme.example\n{header}\n{body}"


@pytest.mark.parametrize("subject", ["Follow up", "Hi", "Checking in"])
def test_generic_subject(run_cli: Run, tmp_path: Path, subject: str) -> None:
    _, report = lint(run_cli, tmp_path, eml(subject), "--role", "Data Analyst", name="draft.eml")
    [finding] = rules_of(report, "structure.subject-generic")
    assert finding["text"] == subject and "Data Analyst" in finding["fixes"][0]["replacement"]


def test_missing_and_good_subjects(run_cli: Run, tmp_path: Path) -> None:
    _, report = lint(run_cli, tmp_path, eml(None), name="draft.eml")
    assert [f["length"] for f in rules_of(report, "structure.subject-missing")] == [0]
    _, report = lint(run_cli, tmp_path, eml("Thank you - Data Analyst interview"), name="draft.eml")
    assert not rules_of(report, "structure")


def test_missing_greeting_and_sign_off(run_cli: Run, tmp_path: Path) -> None:
    body = THANK_YOU.split("\n\n")[1] + "\n"
    _, report = lint(run_cli, tmp_path, body, "--interviewer", "Dana Lee")
    greeting = rules_of(report, "structure.greeting")
    assert greeting and greeting[0]["fixes"][0]["replacement"].startswith("Hi Dana,")
    assert "sign-off" in greeting[0]["message"] and not rules_of(report, "structure.sign-off")  # one problem
    _, report = lint(run_cli, tmp_path, "Hi Dana,\n\n" + body)
    assert rules_of(report, "structure.sign-off")
    _, report = lint(run_cli, tmp_path, THANK_YOU.replace("Sam Patel\n", ""))
    assert [f["text"] for f in rules_of(report, "structure.sign-off")] == ["Best regards,"]


def test_a_postscript_after_the_signature_is_not_a_missing_sign_off(run_cli: Run, tmp_path: Path) -> None:
    postscript = (
        "\nP.S. I have attached the portfolio\nwe discussed, and the write-up of the\nforecasting project, in case "
        "it helps\nthe team as you compare notes.\nI also added the notebook\nthat reproduces the charts,\nso "
        "anyone can rerun it\nwith the public data.\n"
    )
    signed = THANK_YOU.rstrip("\n") + "\nsam@example.com\n555-0100\n"
    _, report = lint(run_cli, tmp_path, signed + postscript)
    assert not rules_of(report, "structure.sign-off")
    unsigned = THANK_YOU.replace("Best regards,\nSam Patel\n", "")
    assert "Best regards" not in unsigned
    _, report = lint(run_cli, tmp_path, unsigned + postscript)
    assert rules_of(report, "structure.sign-off")  # a postscript is not a closing either


def test_a_placeholder_greeting_is_a_placeholder_not_a_wrong_name(run_cli: Run, tmp_path: Path) -> None:
    text = THANK_YOU.replace("Hi Dana,", "Dear [Interviewer Name],")
    assert text != THANK_YOU
    _, report = lint(run_cli, tmp_path, text, "--interviewer", "Dana Lee")
    assert [f["text"] for f in rules_of(report, "placeholder.unfilled")] == ["[Interviewer Name]"]
    assert not rules_of(report, "wrong-name.addressee")
    _, report = lint(run_cli, tmp_path, THANK_YOU.replace("Hi Dana,", "Dear Priya,"), "--interviewer", "Dana Lee")
    assert rules_of(report, "wrong-name.addressee")


def test_check_in_without_a_question_about_next_steps(run_cli: Run, tmp_path: Path) -> None:
    text = (
        "Hi Dana,\n\nI am following up on my interview for the Data Analyst role at Acme Corp last week. Thank you "
        "again for your time; I am still very interested in the position.\n\nBest,\nSam\n"
    )
    _, report = lint(run_cli, tmp_path, text, "--kind", "check-in")
    [finding] = rules_of(report, "structure.next-step")
    fixed = apply_fixes(text, [_fix(finding)])
    assert "next steps" in fixed
    asked = text.replace("in the position.", "in the position. Is there any update on the timeline?")
    _, report = lint(run_cli, tmp_path, asked, "--kind", "check-in")
    assert not rules_of(report, "structure.next-step")


def _fix(finding: dict):
    from followup_lint.model import Fix

    first = finding["fixes"][0]
    return Fix(first["offset"], first["length"], first["replacement"])


# -- readability ----------------------------------------------------------------------------------------------

HARD = (
    "Dear Ms. Lee,\n\nI wanted to reiterate my considerable enthusiasm regarding the organizational transformation "
    "initiatives you articulated, particularly the comprehensive modernization of analytical infrastructure and "
    "the institutionalization of evidence-based decision-making methodologies across interdepartmental "
    "communities.\n\nSincerely,\nSam Patel\n"
)


def test_grade_is_reported_and_judged(run_cli: Run, tmp_path: Path) -> None:
    _, easy = lint(run_cli, tmp_path, THANK_YOU)
    _, hard = lint(run_cli, tmp_path, HARD)
    assert 0 < easy["metrics"]["grade"] < 14 < hard["metrics"]["grade"]
    assert not rules_of(easy, "readability")
    found = rules_of(hard, "readability")
    assert {f["severity"] for f in found} == {"suggestion"}
    assert "readability.grade" in {f["rule"] for f in found}


def test_grade_appears_in_the_text_report(run_cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(THANK_YOU, encoding="utf-8")
    _, out, _ = run_cli(str(path))
    assert "grade " in out


def test_long_sentence(run_cli: Run, tmp_path: Path) -> None:
    sentence = "I enjoyed the conversation about the roadmap, " + "and the team, " * 20 + "and the dbt work."
    _, report = lint(run_cli, tmp_path, THANK_YOU.replace("Best regards", sentence + "\n\nBest regards"))
    [finding] = rules_of(report, "readability.long-sentence")
    assert finding["text"] == sentence


def test_grade_works_with_the_network_blocked(tmp_path: Path) -> None:
    """textstat and pyphen need no download: lint in a fresh interpreter whose sockets all fail."""
    script = textwrap.dedent(
        f"""
        import socket

        def refuse(*args, **kwargs):
            raise OSError("network access blocked by the test")

        socket.socket.connect = refuse
        socket.socket.connect_ex = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse
        from followup_lint import lint_text
        report = lint_text({HARD!r})
        print(report.metrics["grade"])
        """
    )
    env = {**os.environ, "FOLLOWUP_LINT_MODEL": "none"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    assert float(done.stdout.strip()) > 14


# -- formality ------------------------------------------------------------------------------------------------


def test_slang_emoji_and_punctuation_runs_are_fixed(run_cli: Run, tmp_path: Path) -> None:
    text = "Hey Dana,\n\nThx for the interview!!! I'm gonna send the SQL sample 😊 Did u get my notes???\n\nSam\n"
    _, report = lint(run_cli, tmp_path, text)
    fixes = {f["text"]: f["fixes"][0]["replacement"] for f in rules_of(report, "formality")}
    assert fixes == {"Hey": "Hi", "Thx": "Thanks", "!!!": "!", "gonna": "going to", " 😊": "", "u": "you", "???": "?"}


def test_shouting_but_not_acronyms(run_cli: Run, tmp_path: Path) -> None:
    text = (
        "Hi Dana,\n\nThank you for the interview. I am VERY excited about the role, and my SQL and HR analytics "
        "work at NASA would carry over to the IT team.\n\nBest,\nSam\n"
    )
    _, report = lint(run_cli, tmp_path, text)
    found = {f["text"]: f["fixes"][0]["replacement"] for f in rules_of(report, "formality")}
    assert found == {"VERY": "very"}


def test_a_text_without_greeting_or_closing_gets_suggestions_not_warnings() -> None:
    """A text with neither a greeting nor a closing may be a body excerpt, a chat message or a reply in a thread:
    the missing parts are guesses, so they are suggestions (``--channel email`` says where it goes, not that it
    starts a thread), and one finding (the greeting rule's, while it runs) reports the one problem for both ends;
    in an e-mail file that starts a thread, or once it has one of the two, the other one missing is a warning."""
    from followup_lint.api import lint_text
    from followup_lint.config import Config

    parts = Config(select=("structure.greeting", "structure.sign-off"))
    body = "Thank you for the interview yesterday. I enjoyed hearing about the dbt migration.\n"
    bare = {f.rule: f.severity.label for f in lint_text(body, None, parts).findings}
    assert bare == {"structure.greeting": "suggestion"}
    as_email = {f.rule: f.severity.label for f in lint_text(body, {"channel": "email"}, parts).findings}
    assert as_email == {"structure.greeting": "suggestion"}
    headers = "From: sam@example.com\nTo: dana@acme.example\nSubject: Thank you - analyst interview\n\n"
    eml_file = {f.rule: f.severity.label for f in lint_text(headers + body, None, parts, path="d.eml").findings}
    assert eml_file == {"structure.greeting": "warning", "structure.sign-off": "warning"}
    reply = headers.replace("Subject: ", "Subject: Re: ")
    in_thread = {f.rule: f.severity.label for f in lint_text(reply + body, None, parts, path="d.eml").findings}
    assert in_thread == {"structure.greeting": "suggestion"}
    # With the greeting rule not running, the sign-off rule reports the missing closing itself.
    alone = Config(select=("structure.sign-off",))
    assert {f.rule: f.severity.label for f in lint_text(body, None, alone).findings} == {
        "structure.sign-off": "suggestion"
    }
    ignored = Config(ignore=("structure.greeting",))
    assert "structure.sign-off" in {f.rule for f in lint_text(body, None, ignored).findings}
    greeted = {f.rule: f.severity.label for f in lint_text("Hi Dana,\n\n" + body, None, parts).findings}
    assert greeted == {"structure.sign-off": "warning"}
    signed = {f.rule: f.severity.label for f in lint_text(body + "\nBest regards,\nSam Patel\n", None, parts).findings}
    assert signed == {"structure.greeting": "warning"}


def test_a_missing_part_of_a_reply_or_a_chat_note_is_a_suggestion() -> None:
    """Where the draft reads as a reply in a thread or a note typed in a message box, a missing greeting or
    closing is common and fine: a suggestion. A letter-shaped draft missing one gets a warning."""
    from followup_lint.api import lint_text
    from followup_lint.config import Config

    parts = Config(select=("structure.greeting", "structure.sign-off"))
    email = {"channel": "email"}

    def severities(text: str, context: dict | None = email) -> dict[str, str]:
        return {f.rule: f.severity.label for f in lint_text(text, context, parts).findings}

    one_paragraph = "Hi Jane, I wanted to check in on the analyst role. Do you have a timeline you can share?\n"
    assert severities(one_paragraph) == {"structure.sign-off": "suggestion"}
    letter = "Hi Jane,\n\nI wanted to check in on the analyst role.\n\nDo you have a timeline you can share?\n"
    assert severities(letter) == {"structure.sign-off": "warning"}
    quoted = letter + "\nOn Mon, 3 Mar 2026 at 10:02, Jane Roe <jane@acme.example> wrote:\n> Thanks for coming in.\n"
    assert severities(quoted) == {"structure.sign-off": "suggestion"}
    re_subject = "Subject: Re: Analyst role\n\nThanks for the update, Thursday works.\n\nBest,\nSam\n"
    assert severities(re_subject) == {"structure.greeting": "suggestion"}
    chat = "Thanks for the tour today, it made me keener on the role.\n\nSam\n"
    assert severities(chat, {"channel": "message"}) == {"structure.greeting": "suggestion"}
    assert severities(chat) == {"structure.greeting": "warning"}


def test_a_check_in_without_thanks_is_a_suggestion_a_thank_you_note_a_warning() -> None:
    """A status bump often goes without thanks (a coach would only suggest it); a note that thanks for nothing
    after an interview, or a reply to a rejection, does not. A severity set in the config holds for every kind."""
    from followup_lint.api import lint_text
    from followup_lint.config import Config

    only = Config(select=("gratitude.missing",))
    check_in = (
        "Hi Jane,\n\nI wanted to follow up on my interview for the analyst role two weeks ago. I am still very "
        "interested in the position. Is there any update on the timeline for a decision?\n\nBest,\nSam\n"
    )
    note = "Hi Dana,\n\nI enjoyed our talk yesterday about the dbt migration and the reporting team.\n\nBest,\nSam\n"

    def severities(text: str, context: dict | None = None, config: Config = only) -> list[str]:
        return [f.severity.label for f in lint_text(text, context, config).findings]

    assert severities(check_in) == ["suggestion"]
    assert severities(check_in, {"kind": "check-in"}) == ["suggestion"]
    assert severities(note, {"kind": "thank-you"}) == ["warning"]
    assert severities(check_in, {"kind": "post-rejection"}) == ["warning"]
    configured = Config(select=("gratitude.missing",), overrides=(("gratitude.missing", {"severity": "warning"}),))
    assert severities(check_in, None, configured) == ["warning"]


def test_a_long_linkedin_letter_is_a_suggestion_a_long_note_a_warning(run_cli: Run, tmp_path: Path) -> None:
    """The 300-character cap is for connection-request notes, typed in one box: a long one-paragraph note gets a
    warning, a long draft laid out as a letter (a message to a connection, maybe) a suggestion; the `note` option
    says which it is when the user knows."""
    letter = (
        "Hi Dana,\n\nThank you for taking the time to speak with me on Tuesday about the Data Analyst role at Acme "
        "Corp. I enjoyed hearing how your team moved its weekly reporting to dbt.\n\nThe dashboard clean-up you "
        "described is exactly the kind of project I would love to take on, and I would be glad to stay in touch."
        "\n\nBest,\nSam Patel\n"
    )
    assert len(letter) > 300
    _, report = lint(run_cli, tmp_path, letter, "--channel", "linkedin")
    assert [f["severity"] for f in rules_of(report, "length.linkedin")] == ["suggestion"]
    _, report = lint(run_cli, tmp_path, linkedin_note(320), "--channel", "linkedin")
    assert [f["severity"] for f in rules_of(report, "length.linkedin")] == ["warning"]
    for mode, expected in (("always", ["warning"]), ("never", [])):
        config = tmp_path / f"{mode}.toml"
        config.write_text(f'[rules."length.linkedin"]\nnote = "{mode}"\n', encoding="utf-8")
        _, report = lint(run_cli, tmp_path, letter, "--channel", "linkedin", "--config", str(config))
        assert [f["severity"] for f in rules_of(report, "length.linkedin")] == expected
