"""The language pipeline, created once per process and only when a rule needs tokens.

The default is ``spacy.blank("en")`` with a sentencizer and a rule that paragraph breaks end sentences; no
model is downloaded. If ``en_core_web_sm`` is installed and ``FOLLOWUP_LINT_MODEL`` is not ``none``, it is used
instead for its extra signals (entities, parts of speech).

``parse`` and ``make_doc`` run the default pipeline without importing spaCy: ``engine/tokens`` copies it in pure
Python from data read out of spaCy once and cached (same tokens, norms, flags and sentences). spaCy itself is
used when a model is, or once ``require_spacy()`` is called (a rule needs POS, LEMMA...). ``pipeline()`` is
always spaCy's.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from functools import lru_cache
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

    from .tokens import LightPipeline

_PARAGRAPH_COMPONENT = "followup_paragraphs"


def import_spacy() -> ModuleType:
    """``import spacy``, without importing its command-line package on the way.

    ``spacy/__init__`` imports ``spacy.cli.info``, which imports every spaCy command and with them typer,
    weasel, requests, httpx and jinja2 (about 0.3 s, a third of spaCy's import time); the linter never uses
    them. A placeholder stands in for ``spacy.cli`` during the import and is removed afterwards, so a later
    ``import spacy.cli`` (or ``spacy.info()``) gets the real package. If spaCy's layout ever differs, spaCy
    is imported normally.
    """
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        import spacy

        return spacy
    placeholder = ModuleType("spacy.cli")
    placeholder.__path__ = []  # a package with no submodules
    info_module = ModuleType("spacy.cli.info")

    def info(*args: Any, **kwargs: Any) -> Any:
        from spacy.cli.info import info as real_info

        return real_info(*args, **kwargs)

    info_module.info = info  # type: ignore[attr-defined]
    sys.modules["spacy.cli"] = placeholder
    sys.modules["spacy.cli.info"] = info_module
    try:
        import spacy
    except ImportError:
        for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
            del sys.modules[name]
        import spacy
    finally:
        for name, module in (("spacy.cli.info", info_module), ("spacy.cli", placeholder)):
            if sys.modules.get(name) is module:
                del sys.modules[name]
    if getattr(spacy, "cli", None) is placeholder:
        del spacy.cli
    return spacy


@lru_cache(maxsize=1)
def pipeline() -> Language:
    spacy = import_spacy()
    from spacy.language import Language

    if _PARAGRAPH_COMPONENT not in Language.factories:
        Language.component(_PARAGRAPH_COMPONENT, func=_paragraph_breaks)
    choice = os.environ.get("FOLLOWUP_LINT_MODEL", "auto")
    name = "en_core_web_sm" if choice == "auto" else choice
    if choice != "none" and importlib.util.find_spec(name) is not None:
        nlp = spacy.load(name, exclude=["lemmatizer"])
    else:
        from spacy.lang.en import English

        nlp = English()  # what spacy.blank("en") builds, without resolving a config first (0.1 s less)
        nlp.add_pipe("sentencizer")
    nlp.add_pipe(_PARAGRAPH_COMPONENT, last=True)
    _add_uppercase_contractions(nlp)
    return nlp


_FORCE_SPACY = False


def require_spacy() -> None:
    """From now on in this process, ``parse`` and ``make_doc`` use spaCy (for POS, LEMMA and the like)."""
    global _FORCE_SPACY
    _FORCE_SPACY = True


def using_spacy() -> bool:
    """Whether ``parse`` and ``make_doc`` return spaCy docs (else the light pipeline's)."""
    return _light() is None


def parse(text: str) -> Any:
    """The full pipeline's doc for ``text``: tokens, sentences and paragraph breaks."""
    light = _light()
    return light(text) if light is not None else pipeline()(text)


def make_doc(text: str) -> Any:
    """Tokens only (no sentences), e.g. to tokenize a phrase pattern."""
    light = _light()
    return light.make_doc(text) if light is not None else pipeline().make_doc(text)


def _light() -> LightPipeline | None:
    """The pure-Python copy of the default pipeline, when it gives what spaCy would; else ``None``.

    It applies when no model is used (``FOLLOWUP_LINT_MODEL=none``, or ``auto`` without ``en_core_web_sm``),
    ``spacy_lookups_data`` (which changes norms) is not installed, and ``require_spacy()`` was not called.
    """
    if _FORCE_SPACY:
        return None
    caching = os.environ.get("FOLLOWUP_LINT_CACHE_DIR", "x").strip() != ""  # see ``followup_lint.cache``
    return _light_for(os.environ.get("FOLLOWUP_LINT_MODEL", "auto"), caching)


@lru_cache(maxsize=4)
def _light_for(choice: str, caching: bool) -> LightPipeline | None:
    """The light pipeline for a ``FOLLOWUP_LINT_MODEL`` value; without caching, spaCy (see ``load_pipeline``)."""
    if not caching:
        return None
    name = "en_core_web_sm" if choice == "auto" else choice
    if choice != "none" and importlib.util.find_spec(name) is not None:
        return None
    if importlib.util.find_spec("spacy_lookups_data") is not None:
        return None
    from .tokens.store import load_pipeline

    return load_pipeline(_extract, (_paragraph_breaks,))


def _extract() -> dict[str, Any] | None:
    """The light pipeline's data read out of ``pipeline()`` (imports spaCy), or ``None`` if it cannot be copied
    or does not tokenize the self-check texts exactly as spaCy does."""
    from .tokens import LightPipeline
    from .tokens.extract import extract, self_check

    nlp = pipeline()
    try:
        data = extract(nlp, (_PARAGRAPH_COMPONENT,))
        problem = self_check(nlp, LightPipeline(data, (_paragraph_breaks,)))
    except Exception:  # Unsupported, or anything else going wrong in the copy: spaCy itself still works
        return None
    return None if problem else data


def _add_uppercase_contractions(nlp: Language) -> None:
    """Split "I'M" and "DON’T" like "I'm" and "don’t", so phrases match shouted text too."""
    from spacy.attrs import NORM, ORTH

    exceptions = nlp.Defaults.tokenizer_exceptions
    for key, tokens in exceptions.items():
        upper = key.upper()
        if ("'" in key or "\u2019" in key) and upper != key and upper not in exceptions and len(tokens) > 1:
            nlp.tokenizer.add_special_case(
                upper, [{ORTH: t[ORTH].upper(), NORM: t.get(NORM, t[ORTH].lower())} for t in tokens]
            )


def _paragraph_breaks(doc: Any) -> Any:
    """Start a sentence after a blank line, and after a short line ending in a comma that does not start in
    lowercase (a greeting; a lowercase start is a wrapped line: "We just met / an hour ago, / so have you")."""
    words = getattr(doc, "words", None)  # the light Doc's token texts (and its ``sent_starts`` below)
    light = isinstance(words, list)
    texts: list[str] = words if light else [token.text for token in doc]
    line_start = 0
    for index in range(len(texts) - 1):
        text = texts[index]
        if "\n" not in text or not text.isspace():
            continue
        greeting = index > 0 and texts[index - 1] in {",", ":"} and index - line_start <= 7
        if greeting and texts[line_start][:1].islower():
            greeting = False
        if text.count("\n") >= 2 or greeting:
            if light:
                doc.sent_starts[index + 1] = 1
            else:
                doc[index + 1].is_sent_start = True
        line_start = index + 1
    return doc
