"""A pure-Python copy of the default spaCy pipeline (blank English tokenizer, sentencizer), so a lint needs no spaCy.

spaCy stays the source of truth: ``extract`` reads the tokenizer's regexes, special cases and lexical data out of
a built spaCy pipeline once, ``store`` keeps them in the user cache, ``tokenizer`` and ``sentences`` run spaCy's
algorithms on them, and ``doc`` holds the result with spaCy's ``Doc``/``Token``/``Span`` attribute names.
"""

from __future__ import annotations

from .doc import Doc, Span, Token
from .pipeline import LightPipeline

__all__ = ["Doc", "LightPipeline", "Span", "Token"]
