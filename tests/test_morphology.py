"""Specialist words are accepted as regular formations of known words; common misspellings still are not."""

from __future__ import annotations

import pytest

from followup_lint import Config, lint_text
from followup_lint.spelling import speller
from followup_lint.spelling.morphology import stems

# Words of the class (none of them listed anywhere): prefix + word, stem + suffix, two content words, SCOWL 80.
SPECIALIST = [
    "geotechnical",  # SCOWL 80
    "deduplication",  # de + duplication
    "sharding",  # shard + ing
    "nanoparticle",  # nano + particle
    "upskilling",  # up + skill + ing
    "telehealth",  # tele + health
    "microservices",  # micro + services
    "geofencing",  # geo + fencing
    "containerization",  # SCOWL 80 / container + ize + ation
    "failover",  # fail + over
    "runbook",  # run + book
    "reforecast",  # re + forecast
    "Geotechnical",  # capitalised at a sentence start
]
MISSPELLED = ["recieve", "definately", "begining", "occured", "accidently", "eachother", "infact", "untill", "alot"]


@pytest.mark.parametrize("word", SPECIALIST)
def test_specialist_words_are_known(word: str) -> None:
    assert speller().known(word)


@pytest.mark.parametrize("word", MISSPELLED)
def test_common_misspellings_stay_unknown(word: str) -> None:
    assert not speller().known(word)


def test_stems_follow_spelling_changes() -> None:
    assert "compute" in stems("computing", "ing")
    assert "ship" in stems("shipping", "ing")
    assert "copy" in stems("copies", "es")
    assert "employ" not in stems("emploies", "es")


def test_a_specialist_draft_gets_no_typo_finding() -> None:
    text = (
        "Dear Dr. Okafor,\n\nThank you for walking me through the geotechnical survey, the deduplication of the "
        "borehole logs and the failover runbook for the telehealth platform.\n\nBest regards,\nAsha"
    )
    report = lint_text(text, None, Config(select=("typo",)))
    assert [f.rule for f in report.findings] == []
    slipped = lint_text(text.replace("geotechnical", "geotechincal"), None, Config(select=("typo",)))
    assert [f.rule for f in slipped.findings] == ["typo.spelling"]
