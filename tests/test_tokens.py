"""The light token layer (``engine/tokens``) gives exactly spaCy's tokens, attributes and sentences, without spaCy.

Every comparison runs the same text through ``nlp.parse`` / ``nlp.make_doc`` (the light pipeline, as a lint
uses it) and through ``nlp.pipeline()`` (spaCy's own pipeline, the source of truth).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup_lint.engine import nlp
from followup_lint.engine.tokens import Doc
from followup_lint.reading import read_path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted(path for path in (ROOT / "fixtures").rglob("*") if path.is_file())

ATTRIBUTES = (
    "text",
    "orth_",
    "idx",
    "whitespace_",
    "text_with_ws",
    "norm_",
    "lower_",
    "is_space",
    "is_punct",
    "is_alpha",
    "is_digit",
    "is_ascii",
    "is_lower",
    "is_upper",
    "is_title",
    "like_num",
    "like_url",
    "like_email",
    "is_sent_start",
)

#: The attributes ``Doc.column`` gives for every token at once.
COLUMNS = tuple(name for name in ATTRIBUTES if name not in ("whitespace_", "text_with_ws"))

TRICKY = [
    "",
    " ",
    "  ",
    "\n",
    "\n\n",
    " Hi there.",
    "  Leading spaces and trailing ones.  ",
    "multiple   spaces\tand\ttabs\r\nand CRLF\r\n\r\nparagraphs",
    "Hi Dana,\nThank you for meeting me.\n\nBest,\nSam",
    "I'm sure I can't, won't, shouldn't've and y'all ain't.",
    "I\u2019m sure I can\u2019t and DON\u2019T and I'M and WON'T and Y'ALL and C\u2019MON.",
    "She said 'hi' and \u2018bye\u2019 and \u201cok\u201d and \"done\".",
    "In the '90s, e.g. at U.S. firms, Mr. and Mrs. Smith (i.e. Dr. Jones) left at 3:30pm or 10 a.m.",
    "The offer was $50k, a 10-15% raise, \u20ac40,000 or 1/2 of 3.5m; 21st place, twenty-one people.",
    "See https://example.com/jobs?id=42&ref=x, www.example.org or example.co.uk/path.",
    "Mail jane.doe+jobs@example.com or <jane@example.org>.",
    "Emoji \U0001f600\U0001f44d!! and \u2764\ufe0f :) :-( <3",
    "\u4f60\u597d\u3002\u8c22\u8c22\uff01 CJK text\u3002",
    "A well-known, state-of-the-art, follow-up e-mail \u2014 with dashes \u2013 and -- too.",
    "Wait... really?! Yes\u2026 truly!!! (Really.) [Company Name] <insert> {role}",
    "Non\u00a0breaking\u00a0spaces and \u2009thin\u202fones\u3000wide.",
    "Dear Hiring Manager:\n\nI applied on 11/22/2026 (ref #123-ABC).\n\n\nRegards,\nAl",
    "Ph.D. M.B.A. etc. vs. No. 5 St. Louis Jan. Feb. a.m. p.m.",
    "'Quoted at start' and ending with 'quote'",
    '"Hello," she said."Bye."',
    "x\ny",
    "\t\tIndented\n\t- bullet one\n\t- bullet two",
    "ALL CAPS SHOUTING I'M SO EXCITED DON'T YOU THINK?",
    "o'clock rock'n'roll ma'am 'tis 'cause",
    "Sentence one.Sentence two!Sentence three?Yes",
    "!!!",
    "...",
    "(",
    "a",
    "\u2019",
]


def _rows(doc: Any) -> list[tuple[Any, ...]]:
    return [tuple(getattr(token, name) for name in ATTRIBUTES) for token in doc]


def _sentences(doc: Any) -> list[tuple[Any, ...]]:
    return [(s.start, s.end, s.start_char, s.end_char, s.text, len(s), [t.i for t in s]) for s in doc.sents]


def assert_same(text: str) -> None:
    light, spacy_doc = nlp.parse(text), nlp.pipeline()(text)
    assert isinstance(light, Doc)
    assert light.text == spacy_doc.text == text
    assert len(light) == len(spacy_doc)
    assert _rows(light) == _rows(spacy_doc)
    assert _sentences(light) == _sentences(spacy_doc)
    for name in COLUMNS:  # what the token matcher reads, without making tokens
        assert light.column(name) == [getattr(token, name) for token in spacy_doc], name
    light_tokens, spacy_tokens = nlp.make_doc(text), nlp.pipeline().make_doc(text)
    assert _rows(light_tokens) == _rows(spacy_tokens)


def test_the_default_pipeline_is_the_light_one() -> None:
    assert not nlp.using_spacy()
    assert isinstance(nlp.parse("Hi."), Doc)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda path: str(path.relative_to(ROOT / "fixtures")))
def test_fixture_drafts_are_tokenized_as_spacy_does(path: Path) -> None:
    assert_same(read_path(path).prose)


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_strings_are_tokenized_as_spacy_does(text: str) -> None:
    assert_same(text)


PIECES = [
    *"aAzZ019 .,;:!?'\"-()[]{}<>/@#$%&*+=_~`|\n\t\r",
    "\u2019",
    "\u2018",
    "\u201c",
    "\u201d",
    "\u2013",
    "\u2014",
    "\u2026",
    "\u00a0",
    "\u3000",
    "\U0001f600",
    "\u4e2d",
    "\u00e9",
    "\u00df",
    "  ",
    "\n\n",
    "\r\n",
    "can't",
    "I'M",
    "DON\u2019T",
    "won't",
    "e.g.",
    "U.S.",
    "Mr.",
    "a.m.",
    "'90s",
    "3:30pm",
    "$50k",
    "10-15%",
    "http://x.co/a",
    "www.ex.org",
    "me@ex.com",
    ":)",
    "<3",
    "Y'ALL",
    "thank",
    "you",
    "Hi",
]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_generated_text_is_tokenized_as_spacy_does(text: str) -> None:
    assert_same(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_any_text_is_tokenized_as_spacy_does(text: str) -> None:
    assert_same(text)


def test_spans_and_tokens_behave_like_spacy() -> None:
    text = "Hi Dana,\n\nThanks for Tuesday. I'M glad!"
    light, spacy_doc = nlp.parse(text), nlp.pipeline()(text)
    for start, stop in [(0, 3), (2, None), (None, -1), (-3, None), (4, 4), (5, 2), (0, 100)]:
        a, b = light[start:stop], spacy_doc[start:stop]
        assert (a.start, a.end, a.start_char, a.end_char, a.text, a.text_with_ws, len(a)) == (
            b.start,
            b.end,
            b.start_char,
            b.end_char,
            b.text,
            b.text_with_ws,
            len(b),
        )
        assert [t.text for t in a] == [t.text for t in b]
    assert light[-1].text == spacy_doc[-1].text and light[-1].i == len(light) - 1
    sentence = list(light.sents)[1]
    assert sentence[0].text == "Thanks" and sentence[-1].text == "." and sentence[1:3].text == "for Tuesday"
    assert str(light[0]) == "Hi" and len(light[0]) == 2


PROBE = """
import json, sys
from followup_lint.engine import nlp
doc = nlp.parse("Hi Dana,\\n\\nThank you. I'M glad.")
print(json.dumps({"tokens": [t.text for t in doc], "sents": len(list(doc.sents)), "spacy": nlp.using_spacy(),
                  "imported": sorted(m for m in sys.modules if m == "spacy" or m.startswith("spacy."))}))
"""


def _probe(cache_dir: Path, code: str = PROBE) -> dict[str, Any]:
    env = {**os.environ, "FOLLOWUP_LINT_CACHE_DIR": str(cache_dir), "FOLLOWUP_LINT_MODEL": "none"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return json.loads(result.stdout)


EXPECTED = ["Hi", "Dana", ",", "\n\n", "Thank", "you", ".", "I", "'M", "glad", "."]


@pytest.fixture(scope="module")
def filled_cache(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """A cache directory filled by a first run (which reads the tokenizer's data out of spaCy), and that run."""
    directory = tmp_path_factory.mktemp("filled-cache")
    return directory, _probe(directory)


def test_with_the_cache_filled_parsing_imports_no_spacy(filled_cache: tuple[Path, dict[str, Any]]) -> None:
    directory, first = filled_cache
    assert "spacy" in first["imported"]  # the first run reads the tokenizer's data out of spaCy
    second = _probe(directory)
    assert second["imported"] == []
    assert first["tokens"] == second["tokens"] == EXPECTED
    assert first["sents"] == second["sents"] == 3
    assert first["spacy"] is second["spacy"] is False


@pytest.mark.parametrize("name", ["tokens", "regex-code"])
@pytest.mark.parametrize("content", [b"not marshal data", None], ids=["garbage", "wrong-shape"])
def test_a_corrupt_or_stale_cache_entry_is_rebuilt(
    filled_cache: tuple[Path, dict[str, Any]], tmp_path: Path, name: str, content: bytes | None
) -> None:
    import marshal
    import shutil

    shutil.copytree(filled_cache[0], tmp_path, dirs_exist_ok=True)
    (entry,) = tmp_path.glob(f"{name}-*.marshal")
    good = entry.read_bytes()
    # None: well-formed marshal data of the wrong shape (e.g. an entry an older layout left behind)
    entry.write_bytes(content if content is not None else marshal.dumps({"format": 1, "prefix": 3}))
    rebuilt = _probe(tmp_path)
    assert rebuilt["tokens"] == EXPECTED and rebuilt["sents"] == 3 and rebuilt["spacy"] is False
    assert marshal.loads(entry.read_bytes()) == marshal.loads(good)
    assert _probe(tmp_path)["imported"] == []


def test_with_caching_turned_off_spacy_is_used_directly(tmp_path: Path) -> None:
    env_code = "import os; os.environ['FOLLOWUP_LINT_CACHE_DIR'] = ''\n" + PROBE
    result = _probe(tmp_path, env_code)
    assert result["tokens"] == EXPECTED and result["sents"] == 3 and result["spacy"] is True
    assert list(tmp_path.iterdir()) == []


def test_require_spacy_switches_parse_and_make_doc_to_spacy(tmp_path: Path) -> None:
    code = (
        "import json\n"
        "from followup_lint.engine import nlp\n"
        "before = nlp.using_spacy(), type(nlp.parse('Hi.')).__module__\n"
        "nlp.require_spacy()\n"
        "after = nlp.using_spacy(), type(nlp.parse('Hi.')).__module__, type(nlp.make_doc('Hi.')).__module__\n"
        "print(json.dumps({'before': before, 'after': after}))\n"
    )
    result = _probe(tmp_path, code)
    assert result["before"] == [False, "followup_lint.engine.tokens.doc"]
    assert result["after"] == [True, "spacy.tokens.doc", "spacy.tokens.doc"]


def test_regexes_compiled_from_cached_code_match_as_re_compile_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import re

    from followup_lint.engine.tokens.regexes import compile_all

    monkeypatch.setenv("FOLLOWUP_LINT_CACHE_DIR", str(tmp_path))
    sources = [(r"(?P<word>[^\W\d]+)[-\u2013](\d+)", re.IGNORECASE), (r"^\s*\(?\$?", 0)]
    fresh = compile_all(sources)
    assert list(tmp_path.glob("regex-code-*.marshal"))
    cached = compile_all(sources)
    for regex, again, (pattern, flags) in zip(fresh, cached, sources, strict=True):
        expected = re.compile(pattern, flags)
        assert (again.pattern, again.flags, again.groups, again.groupindex) == (
            expected.pattern,
            expected.flags,
            expected.groups,
            dict(expected.groupindex),
        )
        for text in ["Well-15", "ÉTÉ\u201342 x", " ($5", "", "-1"]:
            found = [m.group(0) for m in again.finditer(text)]
            assert found == [m.group(0) for m in expected.finditer(text)] == [m.group(0) for m in regex.finditer(text)]


@pytest.mark.parametrize(
    ("package", "model", "spacy"),
    [
        ("en_core_web_sm", "auto", "True"),
        ("my_model", "my_model", "True"),
        ("spacy_lookups_data", "none", "True"),
        ("unrelated", "not_installed_model", "False"),  # the blank pipeline, as ``pipeline()`` falls back to
    ],
    ids=["default-model-installed", "chosen-model-installed", "lookups-installed", "chosen-model-missing"],
)
def test_spacy_is_used_when_a_model_or_lookup_tables_are_installed(
    tmp_path: Path, package: str, model: str, spacy: str
) -> None:
    (tmp_path / package).mkdir()
    (tmp_path / package / "__init__.py").write_text("", encoding="utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")]),
        "FOLLOWUP_LINT_MODEL": model,
        "FOLLOWUP_LINT_CACHE_DIR": str(tmp_path / "cache"),
    }
    code = "from followup_lint.engine import nlp\nprint(nlp.using_spacy())\n"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.split() == [spacy]


def test_a_long_run_of_one_punctuation_character_is_one_token() -> None:
    """500,000 underscores made 500,000 tokens, each paid for by every later step; a run that long is one token
    (with its exact offsets), and the text around it is tokenized as spaCy does."""
    run = "_" * 10_000
    doc = nlp.make_doc(f"Thank you{run}for the chat. Also {'!' * 300}ok")
    texts = [token.text for token in doc]
    assert run in texts and "!" * 300 in texts
    assert texts[:2] == ["Thank", "you"] and texts[-1] == "ok"
    assert len(texts) < 20
    token = doc[texts.index(run)]
    assert doc.text[token.idx : token.idx + len(token.text)] == run
    assert_same("Wow" + "!" * 60 + " and " + "_" * 63)  # shorter runs: spaCy's own tokens
