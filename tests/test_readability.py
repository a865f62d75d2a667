"""The reading grade equals textstat 0.7.4's, computed without importing textstat (which stays installed, so
the figures are compared with it here); a lint with a filled cache imports neither textstat nor pyphen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import textstat
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup_lint import Config
from followup_lint.engine.checks.readability import _clean, sentences
from followup_lint.engine.document import Document
from followup_lint.engine.readability_formulas import (
    flesch_kincaid_grade,
    lexicon_count,
    sentence_count,
    syllable_count,
)
from followup_lint.model import Context
from followup_lint.reading import read_path

from .conftest import FIXTURES

DRAFTS = sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".txt", ".md", ".eml"))


def same_as_textstat(text: str) -> None:
    assert lexicon_count(text) == textstat.lexicon_count(text)
    assert sentence_count(text) == textstat.sentence_count(text)
    assert syllable_count(text) == textstat.syllable_count(text)
    assert flesch_kincaid_grade(text) == textstat.flesch_kincaid_grade(text)


def test_every_fixture_gets_textstats_figures() -> None:
    assert len(DRAFTS) > 50
    for path in DRAFTS:
        draft = read_path(path)
        doc = Document(draft, Context(), Config())
        parts = [_clean(draft.prose[a:b]) for a, b in sentences(doc)]
        for text in (draft.prose, draft.source, " ".join(parts), *parts):
            same_as_textstat(text)


WORDS = sorted({w for path in DRAFTS for w in read_path(path).source.split()})
PIECES = st.one_of(
    st.sampled_from(WORDS),
    st.text(min_size=1, max_size=12),
    st.sampled_from([" ", "  ", "\n", "\n\n", ".", "!", "?", "...", "'", "\u2019", "-", "e.g.", "Mr.", "3.5", "\t"]),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=60).map("".join))
def test_any_text_gets_textstats_figures(text: str) -> None:
    same_as_textstat(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        ".",
        "Hi.",
        "Thank you!",
        "antidisestablishmentarianism",
        "İstanbul ŞEHİR straße",
        "a" * 300,
        "x\u0307y",
        "Every ASCII character: " + "".join(map(chr, range(128))) + " done.",
    ],
)
def test_edge_cases_get_textstats_figures(text: str) -> None:
    same_as_textstat(text)


PROBE = """
import json, sys
from followup_lint import lint_text
report = lint_text(sys.argv[1])
print(json.dumps({"grade": report.metrics["grade"], "modules": sorted(sys.modules)}))
"""


def test_a_lint_with_a_filled_cache_imports_neither_textstat_nor_pyphen(tmp_path: Path) -> None:
    text = (FIXTURES / "good" / "kind-thank-you-nurse.txt").read_text(encoding="utf-8")
    env = {**os.environ, "FOLLOWUP_LINT_CACHE_DIR": str(tmp_path), "FOLLOWUP_LINT_MODEL": "none"}
    runs = [
        json.loads(
            subprocess.run(
                [sys.executable, "-c", PROBE, text], capture_output=True, text=True, env=env, check=True
            ).stdout
        )
        for _ in range(2)
    ]
    assert "textstat" not in runs[0]["modules"]
    assert "textstat" not in runs[1]["modules"] and "pyphen" not in runs[1]["modules"]
    assert runs[0]["grade"] == runs[1]["grade"] == round(textstat.flesch_kincaid_grade(_graded(text)), 1)


def _graded(text: str) -> str:
    from followup_lint.reading import draft_from_text

    draft = draft_from_text(text)
    doc = Document(draft, Context(), Config())
    return " ".join(_clean(draft.prose[a:b]) for a, b in sentences(doc))


def test_long_words_hyphenate_as_pyphen_does_in_linear_time() -> None:
    """Words no dictionary has (a run of letters, of underscores, words run together) get pyphen's own
    hyphenation points, and 2 MB of underscores take a fraction of a second (they took over 10 s)."""
    import time

    import pyphen

    from followup_lint.engine.readability_formulas import _positions, word_syllables

    reference = pyphen.Pyphen(lang="en_US").hd
    for word in ("a" * 300, "interview" * 40, "thank_you" * 30, "x1y2" * 50, "café’s" * 30 + "ﬁne"):
        assert _positions(word) == [int(p) for p in reference.positions(word)], word
    start = time.process_time()
    assert word_syllables("_" * 2_000_000) == 1
    word_syllables("b" * 200_000 + "x")
    assert time.process_time() - start < 3  # generous: 0.3 s here; the search of each place took 11 s
