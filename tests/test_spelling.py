"""The typo check: what it reports, what it never reports, its fixes, dialects and the resource cache."""

from __future__ import annotations

import pytest

from followup_lint import Config, lint_text
from followup_lint.fixes import apply_fixes
from followup_lint.model import Context

SIGN = "\n\nBest,\nSam"


def typos(text: str, context: Context | dict | None = None, **config: object) -> dict[str, list[tuple[str, bool]]]:
    """Flagged word -> its fixes (replacement, safe)."""
    report = lint_text(text, context, Config(select=("typo",), **config))
    return {report.source[f.offset : f.end]: [(x.replacement, x.safe) for x in f.fixes] for f in report.findings}


def test_misspellings_are_reported_with_the_best_correction_first() -> None:
    found = typos("Hi Dana,\n\nI recieved the notes and I acheive more with a clear oppurtunity." + SIGN)
    assert found["recieved"][0][0] == "received"
    assert found["acheive"][0][0] == "achieve"
    assert found["oppurtunity"][0] == ("opportunity", True)


def test_an_uncertain_correction_is_not_safe() -> None:
    found = typos("Hi Dana,\n\nThe wierd part was the commute." + SIGN)
    fixes = found["wierd"]
    assert fixes[0][0] == "weird" and len(fixes) > 1
    assert not any(safe for _, safe in fixes)


def test_capitalisation_follows_the_typed_word() -> None:
    found = typos("Hi Dana,\n\nThnak you for the tour. Recieved with thanks." + SIGN)
    assert found["Thnak"][0][0] == "Thank" and found["Recieved"][0][0] == "Received"


@pytest.mark.parametrize(
    "sentence",
    [
        "I will semd the notes.",  # a short word: "send", "seed", "seem" are all likely
        "I met dan from sales.",  # only the capitals differ: "Dan", or a slip for "den" or "done"
        "The frens on the team were kind.",  # "friends" or "ferns": no clear winner
    ],
)
def test_a_fix_is_safe_only_when_nearly_certain(sentence: str) -> None:
    found = typos(f"Hi Dana,\n\n{sentence}" + SIGN)
    assert found and not any(safe for fixes in found.values() for _, safe in fixes)


@pytest.mark.parametrize(
    ("typed", "margin", "safe"),
    [
        ("tomorow", 9.0, True),  # a letter dropped: a typing slip, clearly ahead of the runner-up
        ("tomorrpw", 9.0, False),  # a letter replaced: as often another word, so it needs a larger margin
        ("tomorrpw", 13.0, True),
        ("tomorow", 6.0, False),  # a typing slip, but the runner-up is close
    ],
)
def test_the_margin_a_safe_fix_needs_depends_on_the_edit(typed: str, margin: float, safe: bool) -> None:
    from followup_lint.engine.checks.spelling import safe_fix
    from followup_lint.spelling import speller
    from followup_lint.spelling.suggest import Suggestion

    found = [Suggestion("tomorrow", 0.5, 0.0), Suggestion("tomorrows", 1.0, margin)]
    options = {"safe-margin": 8.0, "safe-margin-substitution": 12.0}
    assert safe_fix(typed, found, options, speller()) is safe


def test_a_frequent_misspelling_is_judged_against_each_close_correction() -> None:
    # "dieing" is frequent enough in real text to pass as a word beside "dyeing", its closest correction, but
    # "dining" and "dying" are far more frequent.
    assert "dieing" in typos("Hi Dana,\n\nThe plant was dieing before we moved it." + SIGN)


def test_applying_the_safe_fixes_leaves_no_typo() -> None:
    text = "Hi Dana,\n\nI recieved the schedule and I acheive a lot here." + SIGN
    report = lint_text(text, None, Config(select=("typo",)))
    fixed = apply_fixes(text, [f.fixes[0] for f in report.findings])
    assert "received" in fixed and "achieve" in fixed
    assert not lint_text(fixed, None, Config(select=("typo",))).findings


@pytest.mark.parametrize(
    "sentence",
    [
        # Technical vocabulary, at a sentence start too, and in lowercase.
        "Kubernetes, PostgreSQL, PyTorch, FastAPI, Figma and Salesforce came up, and kubectl and npm too.",
        "I'd love to talk about LinkedIn, GitHub and the TypeScript migration.",
        # Acronyms, CamelCase, names inside a sentence.
        "The ROI of the CRM, the OKRs and the DataOps work with Oluwaseun and Tadeusz at McKinsey impressed me.",
        # Addresses, handles, numbers, dates and times.
        "Reach me at sam.patel@example.com, https://samdev.io/work or @sampatel; 3:30pm on 12/03, the 2nd, Q3.",
        # Contractions, possessives and hyphenated compounds of real words.
        "I'm sure Dana's team's well-known co-op and non-profit work isn't over; the employees' desks are great.",
        # British and American spellings, with no dialect chosen.
        "I liked the colour of the brand and the color palette, and how you organise and organize the work.",
    ],
)
def test_never_flagged(sentence: str) -> None:
    assert typos(f"Hi Dana,\n\n{sentence}" + SIGN) == {}


def test_context_names_and_every_word_of_them() -> None:
    text = "Hi Ngozi,\n\nThank you, Okonkwo-Adeyemi team. zyntrex is where I want to be, and Zyntrex too." + SIGN
    context = {"company": "Zyntrex", "interviewers": ["Ngozi Okonkwo-Adeyemi"]}
    assert typos(text, context) == {}
    assert "zyntrex" in typos(text)  # without the context the unknown word is reported


def test_the_personal_word_list() -> None:
    text = "Hi Dana,\n\nI built foobarix at my last job." + SIGN
    assert "foobarix" in typos(text)
    assert typos(text, words=frozenset({"foobarix"})) == {}


def test_a_capitalised_unknown_word_starting_a_sentence_is_taken_for_a_name() -> None:
    found = typos("Hi Dana,\n\nSiobhan mentioned the roadmap. Thnak you again." + SIGN)
    assert "Siobhan" not in found and "Thnak" in found
    # Close to a common word, but read as names: a vocative, a full name, a name after an initial.
    text = "Tino, attached is the plan. Dari Dornan agreed.\n\nDonna M. Cagle\nRecruiting"
    assert typos(text) == {}
    assert typos("Tino,\n\nThe plan is attached." + SIGN) == {}  # the greeting line
    assert "Sincerly" in typos("Hi Dana,\n\nThe plan is attached.\n\nSincerly,\nSam")


def test_the_safe_thresholds_are_options_a_user_can_change() -> None:
    text = "Hi Dana,\n\nThe wierd part was the commute." + SIGN
    assert not any(safe for _, safe in typos(text)["wierd"])
    lenient = {"safe-shortest": 2, "safe-margin": 0.0, "safe-common": 0.0}
    assert typos(text, overrides=(("typo.spelling", lenient),))["wierd"][0] == ("weird", True)


@pytest.mark.parametrize(
    ("sentence", "word", "fix"),
    [
        ("Thank you for the tour. Unfortunatly the date moved.", "Unfortunatly", "Unfortunately"),  # sentence start
        ("I enjoyed meeting the Marketting team on Friday.", "Marketting", "Marketing"),  # a capitalised phrase
        ("I would be glad to join the Engeneering group.", "Engeneering", "Engineering"),
        ("Thank you for the tour. Fortunatly, the date still works.", "Fortunatly", "Fortunately"),  # before a comma
        ("Thank you again. Aditionally, I attached my portfolio.", "Aditionally", "Additionally"),
    ],
)
def test_a_capitalised_misspelling_is_reported(sentence: str, word: str, fix: str) -> None:
    found = typos(f"Hi Dana,\n\n{sentence}" + SIGN)
    assert found[word][0][0] == fix


def test_a_capitalised_misspelling_inside_a_sentence_is_a_suggestion_without_a_safe_fix() -> None:
    report = lint_text("Hi Dana,\n\nI enjoyed meeting the Finanse team." + SIGN, None, Config(select=("typo",)))
    (finding,) = report.findings
    assert finding.severity.name == "SUGGESTION" and finding.fixes[0].replacement == "Finance"
    assert not any(fix.safe for fix in finding.fixes)


@pytest.mark.parametrize(
    "sentence",
    [
        # People of many cultures, inside a sentence, at its start and before a comma.
        "Karan and Mariam asked good questions, and Carmon and Kiran showed me the dashboards.",
        "I met Mateus, Olumide, Linh, Nkechi, Siddharth and Wanjiru from the data team.",
        "Thabo, Yerlan and Mehmet explained the roadmap. Anouk showed me the office.",
        "Kemal, thank you for the tour. Wojcik and Chowdhury joined us later.",
        "Dr Okafor and Ms. Haddad were kind. Ravi Shankar and Ifeoma Eze asked about SQL.",
        # Brands and places, and acronyms.
        "I use Zalando, Klarna and Rakuten as examples; the Lagos, Tampere and Oaxaca offices sound great.",
        "The KPI work for the EMEA and APAC teams, and the SaaS billing, interest me.",
    ],
)
def test_names_brands_and_acronyms_are_not_reported(sentence: str) -> None:
    assert typos(f"Hi Dana,\n\n{sentence}" + SIGN) == {}


def test_the_drafts_own_names_are_not_reported() -> None:
    # A name close to a common word: in the greeting, in the signature, written twice, or in a Subject line.
    assert typos("Hi Gomer,\n\nThank you for the tour of the plant." + SIGN) == {}
    assert typos("Hi Dana,\n\nThank you for the tour.\n\nBest regards,\nManal Haddad\nMarketer") == {}
    text = "Hi Dana,\n\nI enjoyed the call with Gomer. I will send Gomer the plan." + SIGN
    assert typos(text) == {}
    assert "Gomer" in typos("Hi Dana,\n\nI enjoyed the call with Gomer." + SIGN)
    assert typos("Subject: Thank You For Meeting Gomer Today\n\nHi Dana,\n\nThank you for the tour." + SIGN) == {}


@pytest.mark.parametrize(
    ("dialect", "word", "fix"),
    [("en-US", "colour", "color"), ("en-GB", "color", "colour"), ("en-GB", "analyze", "analyse")],
)
def test_a_dialect_narrows_the_spellings(dialect: str, word: str, fix: str) -> None:
    found = typos(f"Hi Dana,\n\nI liked the {word} of the new ward." + SIGN, Context(dialect=dialect))
    assert found[word][0][0] == fix


def test_the_lexicon_is_cached_and_works_without_a_writable_cache(tmp_path, monkeypatch) -> None:
    from followup_lint.spelling import cache, lexicon

    monkeypatch.delenv("FOLLOWUP_LINT_CACHE_DIR", raising=False)  # the suite's own cache directory
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = lexicon.load()
    files = list((tmp_path / "followup-lint").glob("lexicon-*.marshal"))
    assert len(files) == 1
    assert lexicon.load() == built  # read back from the cache
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert cache.cache_dir() == blocked / "followup-lint"
    again = lexicon.load()  # cannot write: built in memory instead
    assert "received" in again.lower and "recieved" not in again.lower


def severities(text: str) -> dict[str, str]:
    """Flagged word -> its severity's name."""
    report = lint_text(text, None, Config(select=("typo",)))
    return {report.source[f.offset : f.end]: f.severity.name for f in report.findings}


@pytest.mark.parametrize(
    "sentence",
    [
        "We met Nguyễn Thị Lan and Łucja Wójcik from the Kraków office.",
        "Mahalo for the tour of the Hilo site; Hawaiʻi and Hawai‘i both read well.",
        "Ẹ ṣé gan-an for the call, and Daalụ for the tea.",
        "I enjoyed the kombucha, the telehealth pilot and the HVAC rounds; sudo access came quickly.",
    ],
)
def test_words_of_other_scripts_and_frequent_trade_words_are_not_flagged(sentence: str) -> None:
    assert typos("Hi Dana,\n\n" + sentence + SIGN) == {}


def test_a_frequent_misspelling_is_still_reported() -> None:
    found = severities("Hi Dana,\n\nI was definately glad; thier team said they dont mind." + SIGN)
    assert set(found) == {"definately", "thier", "dont"}
    assert found["definately"] == "WARNING" and found["thier"] == "WARNING"


def test_a_word_beside_an_elided_word_of_another_language_is_a_question() -> None:
    found = severities("Hi Dana,\n\nI can prepare the demande d'inscription for the court." + SIGN)
    assert found == {"demande": "SUGGESTION"}
    found = severities("Hi Dana,\n\nI can prepare the demande for the court." + SIGN)
    assert found == {"demande": "WARNING"}


def test_a_long_capitalised_misspelling_in_a_phrase_is_a_question_and_a_short_name_is_not_flagged() -> None:
    found = severities("Hi Dana,\n\nI enjoyed meeting the Procurment team and Chidi on Friday." + SIGN)
    assert found == {"Procurment": "SUGGESTION"}


def test_foreign_neighbours_read_near_the_word_as_the_whole_line_gives_them() -> None:
    """``_foreign_beside`` reads only the chunks up to an unknown word's neighbours; it must judge as listing every
    word of the line does (``_word_places``), on lines of words, skipped chunks and chunks without words."""
    import random

    from followup_lint.engine.checks import spelling as module

    rng = random.Random(5)
    pieces = ["Chào", "anh", "the", "xqzt", "d'inscription", "**", "--", "a.b", "@x", "(", "Bảo", "word,", "9", "é"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) + rng.choice([" ", "", "\n", "  "]) for _ in range(rng.randint(1, 30)))
        words = list(module._WORD.finditer(text))
        passes = {m.group(): rng.random() < 0.5 for m in words}
        lines: dict = {}
        for match in words:
            start = match.start()
            lo, hi = text.rfind("\n", 0, start) + 1, text.find("\n", start)
            whole = module._word_places(text, passes, lo, len(text) if hi < 0 else hi)
            assert module._foreign_beside(text, passes, start, lines) == module._in_foreign_phrase(whole, start)
