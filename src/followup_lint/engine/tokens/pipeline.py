"""The light pipeline: tokenizer, spaCy's rule-based sentencizer, then the engine's own components."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from .doc import Doc
from .lexicon import REGEXES as LEXICON_REGEXES
from .lexicon import Lexicon
from .regexes import compile_all
from .tokenizer import REGEXES as TOKENIZER_REGEXES
from .tokenizer import Tokenizer


class LightPipeline:
    """``spacy.blank("en")`` + ``sentencizer`` (+ ``components``), built from data ``extract`` read out of spaCy."""

    def __init__(
        self,
        data: dict[str, Any],
        components: Iterable[Callable[[Doc], Doc]] = (),
        patterns: Iterable[Iterable[str]] | None = None,
    ) -> None:
        keys = [key for key in (*TOKENIZER_REGEXES, *LEXICON_REGEXES) if data[key] is not None]
        compiled = dict(zip(keys, compile_all([(data[key][0], data[key][1]) for key in keys]), strict=True))
        regexes = {key: compiled.get(key) for key in (*TOKENIZER_REGEXES, *LEXICON_REGEXES)}
        self.tokenizer = Tokenizer(data, patterns if patterns is not None else data.get("patterns"), regexes)
        self.lexicon = Lexicon(data, regexes)  # type: ignore[arg-type]
        self.punct_chars = frozenset(data["punct_chars"])
        self.components = list(components)

    def make_doc(self, text: str) -> Doc:
        """Tokens only, as ``nlp.make_doc``: the first token starts a sentence, the others are unknown."""
        words, spaces, norms, first_reset = self.tokenizer(text)
        sent_starts = [0] * len(words)
        if words and not first_reset:
            sent_starts[0] = 1
        return Doc(self.lexicon, text, words, spaces, norms, sent_starts)

    def __call__(self, text: str) -> Doc:
        doc = self.make_doc(text)
        self.sentencize(doc)
        for component in self.components:
            doc = component(doc)
        return doc

    def sentencize(self, doc: Doc) -> None:
        """spaCy's ``Sentencizer``: a sentence starts at the first token after sentence-final punctuation that is
        not punctuation itself (only tokens whose start is still unknown are set)."""
        words = doc.words
        if not words:
            return
        punct_chars = self.punct_chars
        is_punct = self.lexicon.is_punct
        guesses = [False] * len(words)
        guesses[0] = True
        start = 0
        seen_period = False
        for i, text in enumerate(words):
            in_punct_chars = text in punct_chars
            if seen_period and not in_punct_chars and not is_punct(text):
                guesses[start] = True
                start = i
                seen_period = False
            elif in_punct_chars:
                seen_period = True
        guesses[start] = True
        starts = doc.sent_starts
        for i, guess in enumerate(guesses):
            if starts[i] == 0:
                starts[i] = 1 if guess else -1
