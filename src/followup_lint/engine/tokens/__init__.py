"""A pure-Python copy of the default spaCy pipeline (blank English tokenizer, sentencizer), so a lint needs no spaCy.

spaCy stays the source of truth: ``extract`` reads the tokenizer's regexes, special cases and lexical data out of
a built spaCy pipeline once (and checks the copy against spaCy), ``store`` keeps them in the user cache (keyed by
spaCy's version, the release and these modules), ``regexes`` compiles the long affix regexes from cached compiler
output; ``tokenizer``, ``lexicon`` and ``pipeline`` (the sentencizer) run spaCy's algorithms on the data, and
``doc`` holds the result with spaCy's ``Doc``/``Token``/``Span`` attribute names and meanings.
"""

from __future__ import annotations

from .doc import Doc, Span, Token
from .pipeline import LightPipeline

__all__ = ["Doc", "LightPipeline", "Span", "Token"]
