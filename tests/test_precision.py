"""Good drafts written outside Anglo conventions and outside the office get no warning a coach would not give."""

from __future__ import annotations

import pytest

from followup_lint import Config, lint_text
from followup_lint.model import Severity


def warnings(text: str, **context: object) -> list[str]:
    report = lint_text(text, context or None, Config())
    return [f"{f.rule}:{f.severity.label}" for f in report.findings if f.severity >= Severity.WARNING]


def test_greeting_and_sign_off_in_another_language_are_not_typos() -> None:
    text = (
        "Chào anh Bảo,\n\nThank you for the interview today about the Data Analyst role. I enjoyed the cohort "
        "retention task and I would love to join your team.\n\nMet vriendelijke groet,\nThu Hà"
    )
    report = lint_text(text, None, Config(select=("typo",)))
    assert report.findings, "the foreign words are still shown, as suggestions"
    assert all(f.severity == Severity.SUGGESTION for f in report.findings)


def test_a_slip_beside_english_words_stays_a_warning() -> None:
    report = lint_text("Hi Dana,\n\nThank you for teh tour.\n\nBest,\nSam", None, Config(select=("typo",)))
    assert [(f.rule, f.severity) for f in report.findings] == [("typo.spelling", Severity.WARNING)]


def test_business_letter_layout_has_its_greeting_found() -> None:
    text = (
        "Johan van der Merwe\n7 Voortrekker Road\nWorcester 6850\n\n22 May 2025\n\nMs. Nomvula Dlamini\n"
        "Municipal Manager\nTweeriviere Local Municipality\n\nDear Ms. Dlamini\n\n"
        "RE: EXECUTIVE DIRECTOR: ENGINEERING SERVICES - INTERVIEW OF 20 MAY 2025\n\n"
        "Thank you for the interview on Tuesday and for the tour of the pump stations. I remain very interested "
        "in the role.\n\nVriendelike groete / Kind regards\n\nJohan van der Merwe Pr Eng"
    )
    found = warnings(text)
    for rule in ("structure.greeting", "structure.sign-off", "formality.shouting", "typo.spelling"):
        assert not any(f.startswith(rule) for f in found), found


def test_surname_particles_are_part_of_the_name() -> None:
    text = "Dear Dr. van der Berg,\n\nThank you for the tour. I met Ana de la Cruz too.\n\nBest,\nSam"
    found = lint_text(text, None, Config(select=("grammar", "typo"))).findings
    assert [f.rule for f in found] == []


def test_sign_off_found_by_shape_before_a_signature_block_and_postscript() -> None:
    text = (
        "Bonjour Me Côté,\n\nThank you for meeting with me on Thursday.\n\nAu plaisir,\n\n"
        "Marie-Ève Bélanger\nParajuriste / Paralegal\n514 555-0182\n\nP.S. I attached the writing sample."
    )
    report = lint_text(text, None, Config(select=("structure.sign-off",)))
    assert report.findings == []
    cut = "Bonjour Me Côté,\n\nThank you for meeting with me on Thursday. I enjoyed the visit."
    assert [f.rule for f in lint_text(cut, None, Config(select=("structure.sign-off",))).findings] == [
        "structure.sign-off"
    ]


def test_missing_company_name_is_a_tip_not_a_warning() -> None:
    text = "Hi Bảo, thank you for the interview today. I enjoyed the BigQuery task. Best, Thu Hà"
    report = lint_text(text, {"company": "Lúa Vàng Fintech", "channel": "linkedin"}, Config())
    missing = [f for f in report.findings if f.rule == "personalization.company-missing"]
    assert missing and missing[0].severity == Severity.SUGGESTION


def _company_findings(text: str, **context: object) -> list[tuple[str, str]]:
    report = lint_text(text, context, Config(select=("wrong-name.company",)))
    return [(report.source[f.offset : f.end], f.severity.label) for f in report.findings]


def test_a_competing_offer_and_the_writers_own_workplace_are_not_wrong_names() -> None:
    text = (
        "Dear Ms. Ito,\n\nI have been offered a position with Globex Industries and need to answer by Friday. "
        "As we do in our stewardship round at Nile Crescent Hospital, I review doses at 48 hours. I remain keen to "
        "join Hooli, and I enjoyed my interview at Initech Corp.\n\nBest,\nSam"
    )
    assert _company_findings(text, company="Hooli") == [("Initech Corp", "error")]


def test_the_role_and_a_practice_of_the_employer_are_not_another_company() -> None:
    text = (
        "Subject: Senior Associate (Energy & Projects) - thank you\n\nDear Mr. Ade,\n\nI now see where the "
        "Energy & Projects practice is heading.\n\nBest,\nSam"
    )
    assert _company_findings(text, company="Ogun & Co", role="Senior Associate (Energy & Projects)") == []


def test_a_company_named_outside_the_employers_place_is_a_suggestion() -> None:
    text = "Dear Ms. Ito,\n\nThank you. I read that Globex Industries uses your platform.\n\nBest,\nSam"
    assert _company_findings(text, company="Hooli") == [("Globex Industries", "suggestion")]


def test_a_word_made_from_a_name_is_not_a_misspelling_of_it() -> None:
    text = "Dear Mr. O'Rourke,\n\nI enjoyed hearing how the Korean portfolio is managed.\n\nBest,\nJi-hoon"
    report = lint_text(text, {"company": "Ostrander Korea"}, Config(select=("wrong-name",)))
    assert report.findings == []


def test_the_address_blocks_of_a_letter_are_not_wrong_employers() -> None:
    text = (
        "Park Ji-hoon\nHanbit Patent & Law Firm\nSeoul 06159\n\n14 November 2024\n\nMr. Daniel O'Rourke\n"
        "Ostrander Korea Ltd.\n\nDear Mr. O'Rourke,\n\nThank you for the interview on 12 November.\n\n"
        "Sincerely yours,\nPark Ji-hoon"
    )
    assert _company_findings(text, company="Ostrander Korea") == []


def test_an_eponym_with_a_possessive_is_not_another_employer() -> None:
    text = (
        "Dear Dr. Okafor,\n\nThank you for the interview. I enjoyed the question about Smagorinsky's c values "
        "and how Darcy's law applies to the aquifer.\n\nBest regards,\nLena"
    )
    assert _company_findings(text, company="Riverside Clinic") == []


def test_an_organisations_possessive_is_a_guess_not_an_error() -> None:
    text = "Dear Mr. Ruiz,\n\nThank you. I admire Globex's mission and would love to join the team.\n\nBest,\nSam"
    assert _company_findings(text, company="Acme Corp") == [("Globex", "suggestion")]


def test_a_cued_leftover_in_a_thank_you_stays_an_error() -> None:
    text = "Dear Mr. Ruiz,\n\nThank you for the interview at Globex yesterday. I enjoyed the tour.\n\nBest,\nSam"
    assert _company_findings(text, company="Acme Corp") == [("Globex", "error")]


def test_another_employer_in_a_networking_note_is_a_guess() -> None:
    text = (
        "Hi Tomasz,\n\nThanks so much for the coffee last week and for your advice on the Lisbon market. I sent "
        "my application at Corvel the next day.\n\nBest,\nAna"
    )
    assert _company_findings(text, company="Acme Corp", kind="networking") == [("Corvel", "suggestion")]
    assert _company_findings(text, company="Acme Corp", kind="thank-you") == [("Corvel", "error")]


def _linkedin_length(text: str, **options: object) -> list[str]:
    overrides = (("length.linkedin", dict(options)),) if options else ()
    report = lint_text(text, {"channel": "linkedin"}, Config(select=("length.linkedin",), overrides=overrides))
    return [f.severity.label for f in report.findings]


_REPORT_BACK = (
    "Hi Marta, thanks again for the call on Friday. Your tip about pricing the pilot per site instead of per seat "
    "changed how I pitched it, and the client signed on Monday. I also read the two case studies you sent and "
    "borrowed the onboarding checklist. I will tell you how the second site goes, and lunch is on me next time. Kim"
)


def test_a_long_linkedin_message_to_a_contact_is_a_guess() -> None:
    assert len(_REPORT_BACK) > 300
    assert _linkedin_length(_REPORT_BACK) == ["suggestion"]
    assert _linkedin_length(_REPORT_BACK, note="always") == ["warning"]


def test_a_long_connection_request_is_a_warning() -> None:
    text = _REPORT_BACK.replace("Kim", "I would love to connect with you here. Kim")
    assert _linkedin_length(text) == ["warning"]


def test_a_particle_hyphened_to_a_surname_is_part_of_the_name() -> None:
    text = (
        "Hi Yasmine,\n\nThank you for reviewing my prototype. I also met Omar al-Rashid and Dina el-Sayed.\n\n"
        "Best,\nNour bin-Hamad al-Masri"
    )
    assert lint_text(text, None, Config(select=("typo",))).findings == []
    slip = lint_text(text.replace("reviewing", "reveiwing"), None, Config(select=("typo",))).findings
    assert [f.rule for f in slip] == ["typo.spelling"]


def test_a_weak_cue_in_a_draft_of_unsure_kind_is_a_guess(monkeypatch: pytest.MonkeyPatch) -> None:
    from followup_lint.engine.checks import names

    text = "Hi Tomasz,\n\nMy application at Corvel went in today. Many thanks for reading it first.\n\nBest,\nAna"
    sure = "Hi Tomasz,\n\nThank you for the interview at Corvel yesterday. I enjoyed the tour.\n\nBest,\nAna"
    monkeypatch.setattr(names, "kind_is_sure", lambda doc: False)
    assert _company_findings(text, company="Acme Corp") == [("Corvel", "suggestion")]
    assert _company_findings(sure, company="Acme Corp") == [("Corvel", "error")]
    monkeypatch.setattr(names, "kind_is_sure", lambda doc: True)
    assert _company_findings(text, company="Acme Corp") == [("Corvel", "error")]


def test_a_process_the_reader_is_told_about_is_not_the_employers() -> None:
    text = (
        "Dear Mr. Dube,\n\nThank you for the tour of the depot. I will let you know how my application at Corvel "
        "goes, and I will keep you posted on the interview with Lindqvist Freight.\n\nBest,\nAna"
    )
    assert _company_findings(text, company="Acme Corp", kind="thank-you") == []
    leftover = "Dear Mr. Dube,\n\nThank you. I look forward to my application at Corvel moving on.\n\nBest,\nAna"
    assert _company_findings(leftover, company="Acme Corp", kind="thank-you") == [("Corvel", "error")]


def test_job_titles_degrees_and_sites_are_not_other_employers() -> None:
    text = (
        "Dear Ms. Osei,\n\nThank you for the visit at Kingsway Depot on Tuesday. I look forward to my candidacy for "
        "Principal Engineer moving on, and my application for the Bachelor of Engineering scheme.\n\nBest,\nSam"
    )
    assert _company_findings(text, company="Delmar Water Partners", kind="thank-you") == []
    leftover = text.replace("Kingsway Depot", "Globex Industries")
    assert _company_findings(leftover, company="Delmar Water Partners", kind="thank-you") == [
        ("Globex Industries", "error")
    ]


def test_what_makes_a_name_part_of_the_employer_is_a_user_option() -> None:
    text = "Dear Ms. Ito,\n\nThank you. I would love to join the Orbit crew and build its tools.\n\nBest,\nSam"
    assert _company_findings(text, company="Hooli") == [("Orbit", "error")]
    parts = ["team", "crew"]
    config = Config(select=("wrong-name.company",), overrides=(("wrong-name.company", {"part-words": parts}),))
    assert lint_text(text, {"company": "Hooli"}, config).findings == []
    # The organisation nouns after a possessive are an option too: by default "Globex's fleet" is no candidate.
    text = "Dear Mr. Ruiz,\n\nThank you. I read about Globex's fleet last week.\n\nBest,\nSam"
    assert _company_findings(text, company="Acme Corp") == []
    nouns = {"organisation-nouns": ["mission", "fleet"]}
    config = Config(select=("wrong-name.company",), overrides=(("wrong-name.company", nouns),))
    report = lint_text(text, {"company": "Acme Corp"}, config)
    assert [(report.source[f.offset : f.end], f.severity.label) for f in report.findings] == [("Globex", "suggestion")]
