"""``spelling``: misspelled words, with ranked corrections (offline; see ``followup_lint.spelling``).

Never reported: the context's names and their words, the personal word list, capitalised words inside a
sentence (names), acronyms, CamelCase, anything with digits, ``@``/``#``, ``_``, ``/`` or an inner dot (handles,
paths, domains, versions), non-ASCII words, single letters, and prefixes before a hyphen ("co-", "re-").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any, ClassVar

from ...model import Finding, Fix, Severity
from ..layout import NAME_PARTICLE
from ..schema import Field
from .base import Check

if TYPE_CHECKING:
    from ...spelling import Speller
    from ..document import Document

#: A run of non-space characters; the unit first judged as a whole (URL-ish, handle, path, version).
_CHUNK = re.compile(r"\S+")
#: A word inside a chunk: letters of any script with their combining marks ("Daalụ", "Nguyễn" written with a
#: separate accent) and inner apostrophes or an ʻokina ("Hawaiʻi", "Hawai‘i"), so that a name or a word of another
#: language is judged whole, never in fragments.
_LETTER = r"(?:[^\W\d_]|[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff])"
_WORD = re.compile(rf"{_LETTER}+(?:['\u2018\u2019\u02bb\u02bc]{_LETTER}+)*")
#: An article or pronoun elided before a vowel in French or Italian ("d'inscription", "l'équipe", "qu'il"):
#: a word of another language, which makes its unknown neighbours words of that language too.
_ELISION = re.compile(r"(?:[cdjlmnst]|qu|dell|all|nell|sull)['\u2019]\w", re.IGNORECASE)
_SKIP_CHUNK = re.compile(r"[@#_/\\0-9=<>{}|~^*+]|[A-Za-z][.][A-Za-z]|^['\u2019]|&")
#: What a chunk's skip test (``_SKIP_CHUNK``) ignores at its ends.
_CHUNK_EDGES = "\"'()[]{},.;:!?\u201c\u201d\u2018\u2019*"
_STRETCHED = re.compile(r"([a-z])\1\1", re.IGNORECASE)
_SENTENCE_END = ".!?:;\u2026"
#: Prefixes written with a hyphen that need not be words on their own.
_PREFIXES = frozenset(
    [
        "co",
        "re",
        "pre",
        "non",
        "ex",
        "un",
        "multi",
        "self",
        "cross",
        "anti",
        "post",
        "semi",
        "sub",
        "inter",
        "intra",
        "mid",
        "over",
        "under",
        "bi",
        "tri",
        "pro",
        "de",
        "mis",
    ]
)


class Spelling(Check):
    """Words the dictionary does not know, with the likeliest corrections as fixes."""

    fields: ClassVar[dict[str, Field]] = {}

    def prepare(self) -> None:
        from ...spelling import speller

        self.speller: Speller = speller()

    def run(self, doc: Document) -> Iterator[Finding]:
        dialect = doc.context.dialect
        names = _name_words(doc)
        limit = int(self.rule.options.get("suggestions", 3))
        prose = doc.prose
        seen: dict[str, list] = {}
        #: Word -> whether it passes wherever it stands (not judged, a name, the user's, or known): once a draft.
        passes: dict[str, bool] = {}
        known = self.speller.known
        own_words = doc.words
        particles: list[tuple[int, int]] | None = None
        pending: list[tuple[int, int, str, list, bool]] = []
        own_names: frozenset[str] | None = None
        #: Chunk -> whether it is skipped or holds only words that pass (most chunks repeat: "the", "you,").
        clean: dict[str, bool] = {}
        for chunk in _CHUNK.finditer(prose):
            text = chunk.group()
            fine = clean.get(text)
            if fine is None:
                fine = True
                if not _SKIP_CHUNK.search(text.strip(_CHUNK_EDGES)):
                    for word in _WORD.findall(text):  # every word judged once a draft
                        passed = passes.get(word)
                        if passed is None:
                            lower = word.lower()
                            passed = passes[word] = (
                                not _judgeable(word) or lower in names or lower in own_words or known(word, dialect)
                            )
                        fine = fine and passed
                clean[text] = fine
            if fine:
                continue
            for match in _WORD.finditer(text):
                word = match.group()
                if passes[word]:
                    continue
                start = chunk.start() + match.start()
                end = start + len(word)
                if particles is None:
                    particles = [m.span(1) if m.group(1) else m.span(2) for m in NAME_PARTICLE.finditer(prose)]
                if _prefix(word, prose, end) or any(a <= start < b for a, b in particles):
                    continue
                if _HONORIFIC.search(prose, max(0, start - 40), start + 1):
                    continue  # "Tanaka-san", "Ravi-ji": a suffix on a name
                initial = word[0].isupper()
                opening = initial and _sentence_start(prose, start)
                if initial and not opening and _in_subject(doc, start):
                    continue  # a capitalised word of a subject line ("Subject: Meeting Nkechi"): title case
                if word not in seen:
                    seen[word] = self.speller.suggest(word, dialect, limit)
                found = seen[word]
                # A word frequent in real English text, only a little less likely a word than a slip: a question.
                unsure = self.speller.doubtful(word, dialect)
                if initial:
                    if opening and not _name_like(prose, start, end, doc.draft.body_start):
                        # A capitalised unknown word starting a sentence: a slip when a close, common correction
                        # exists; a name or a slip when the correction is close for the word's length (unsure);
                        # else a name.
                        if not (_likely_word(found, self.speller) and _ordinary(found[0].word, self.speller)):
                            if not _close_to_common(word, found, self.speller, self.rule.options, True):
                                continue
                            unsure = True
                    else:
                        # Inside a sentence, or a sentence start that reads as a name ("Tino, ..."): a name
                        # unless it is a close edit of a common word and not one of the draft's own names.
                        if own_names is None:
                            own_names = _own_names(doc)
                        if word in own_names or _beside_name(prose, start, end, self.speller, dialect):
                            continue
                        # A sentence's first word before a comma is a name ("Tino, ...") or a linking word
                        # ("Fortunatly, ..."): judged as at a sentence start when its correction is one.
                        linking = opening and bool(found) and _linking(found[0].word, self.rule.options)
                        ratio = "capitalised-ratio" if linking else "capitalised-inside-ratio"
                        if not _close_to_common(
                            word, found, self.speller, self.rule.options, True, ratio
                        ) and not _slip_not_name(word, found, self.speller, self.rule.options):
                            continue
                        unsure = True
                pending.append((start, end, word, found, unsure))
        lines: dict[int, Any] = {}
        for start, end, word, found, unsure in pending:
            # Only the words of the same line can make a phrase of another language with it.
            foreign = _foreign_beside(prose, passes, start, lines)
            yield self._finding(doc, start, end, word, found, foreign, unsure)

    def _finding(
        self, doc: Document, start: int, end: int, word: str, found: list, foreign: bool, unsure: bool = False
    ) -> Finding:
        safe = safe_fix(word, found, self.rule.options, self.speller) and not foreign and not unsure
        fixes = tuple(Fix(start, end - start, s.word, safe and i == 0) for i, s in enumerate(found))
        listed = ", ".join(f"\u201c{s.word}\u201d" for s in found)
        if not foreign and not unsure and _likely_word(found, self.speller):
            suggestion = f"Did you mean {listed}?"
            return self.finding(doc, start, end, fixes=fixes, suggestion=suggestion, values={"match": word})
        # No close, common correction: a term of the writer's field, a word of another language or a name as
        # often as a slip. Severity follows certainty: a suggestion, worded as a question.
        options = self.rule.options
        suggestion = str(options.get("unsure-suggestion", "")) + (f" Or did you mean {listed}?" if found else "")
        return self.finding(
            doc,
            start,
            end,
            message=str(options.get("unsure-message", self.rule.message)),
            fixes=fixes,
            suggestion=suggestion.strip(),
            severity=Severity.SUGGESTION,
            values={"match": word},
        )


def _word_places(prose: str, passes: dict[str, bool], lo: int, hi: int) -> list[tuple[int, int, int, bool]]:
    """Every word of the line ``prose[lo:hi]`` in order: (start, end, line, foreign or unknown), for the
    neighbours of an unknown word. ``passes``: whether each judged word passes."""
    tokens: list[tuple[int, int, int, bool]] = []
    for chunk in _CHUNK.finditer(prose, lo, hi):
        tokens += _chunk_words(prose, passes, chunk.start(), chunk.end())
    return tokens


def _chunk_words(prose: str, passes: dict[str, bool], lo: int, hi: int) -> list[tuple[int, int, int, bool]]:
    """``_word_places`` of the one chunk ``prose[lo:hi]``."""
    text = prose[lo:hi]
    skipped = bool(_SKIP_CHUNK.search(text.strip(_CHUNK_EDGES)))
    tokens = []
    for match in _WORD.finditer(text):
        word = match.group()
        start = lo + match.start()
        foreign = not skipped and (not word.isascii() or not passes[word] or bool(_ELISION.match(word)))
        tokens.append((start, start + len(word), 0, foreign))
    return tokens


def _foreign_beside(prose: str, passes: dict[str, bool], start: int, lines: dict[int, Any]) -> bool:
    """``_in_foreign_phrase`` of the word at ``start`` among the words of its line (``_word_places``), reading
    the words of its chunk and of the chunks up to its neighbours only (``lines``: each line's chunks and the
    words of those read so far, by the line's start): listing every word of a long line for each unknown word
    on it was a tenth of a lint."""
    lo = prose.rfind("\n", 0, start) + 1
    line = lines.get(lo)
    if line is None:
        hi = prose.find("\n", start)
        spans = [m.span() for m in _CHUNK.finditer(prose, lo, len(prose) if hi < 0 else hi)]
        line = lines[lo] = (spans, [a for a, _ in spans], {})
    spans, starts, read = line

    def words(k: int) -> list[tuple[int, int, int, bool]]:
        found = read.get(k)
        if found is None:
            found = read[k] = _chunk_words(prose, passes, *spans[k])
        return found

    k = bisect_right(starts, start) - 1
    if k < 0:
        return False
    own = words(k)
    i = bisect_left(own, (start,))
    if i >= len(own) or own[i][0] != start:
        return False
    before = own[i - 1] if i else None
    j = k - 1
    while before is None and j >= 0:
        found = words(j)
        before = found[-1] if found else None
        j -= 1
    after = own[i + 1] if i + 1 < len(own) else None
    j = k + 1
    while after is None and j < len(spans):
        found = words(j)
        after = found[0] if found else None
        j += 1
    return bool((before is not None and before[3]) or (after is not None and after[3]))


#: A lowercase word joined by a hyphen to a capitalised name: an honorific or a part of the name.
_HONORIFIC = re.compile(r"\b[A-Z][\w'\u2019]*-[a-z]+$")


def _in_foreign_phrase(tokens: list[tuple[int, int, int, bool]], start: int) -> bool:
    """Whether the word at ``start`` stands beside another unknown or non-English word on its line ("Chào anh
    Bảo", "Khob khun", "Met vriendelijke groet"): a phrase of another language, not a slip."""
    i = bisect_left(tokens, (start,))
    if i >= len(tokens) or tokens[i][0] != start:
        return False
    line = tokens[i][2]
    return any(0 <= j < len(tokens) and tokens[j][2] == line and tokens[j][3] for j in (i - 1, i + 1))


_NEXT_NAME = re.compile(r"[ \t]*(?:,[ \t]+[a-z]|[A-Z][a-z]|[A-Z]\.)")
_INITIAL = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|St))\.\s+$")


def _name_like(prose: str, start: int, end: int, body_start: int = 0) -> bool:
    """A capitalised word that starts a sentence but reads as a name: "Tino, attached ...", "Dari Dornan",
    "Donna M. Cagle" (after an initial or a title), or the greeting line ("Tino,")."""
    if _NEXT_NAME.match(prose, end) or _INITIAL.search(prose, max(0, start - 8), start):
        return True
    first = re.compile(r"\s*([^\n]*)").match(prose, body_start)
    return bool(first) and first.start(1) <= start < first.end(1) and first.group(1).rstrip().endswith(",")


_SUBJECT = re.compile(r"[ \t]*(?:subject|re|fwd?)[ \t]*:", re.IGNORECASE)


def _in_subject(doc: Document, start: int) -> bool:
    """Whether ``start`` is in a header or the subject line (written "Subject: ..." or read from an e-mail)."""
    span = doc.draft.subject_span
    if start < doc.draft.body_start or (span and span[0] <= start < span[1]):
        return True
    line = doc.prose.rfind("\n", 0, start) + 1
    return bool(_SUBJECT.match(doc.prose, line))


def _own_names(doc: Document) -> frozenset[str]:
    """The draft's own names: capitalised words of the greeting line, of the sign-off and the lines after it
    (the signature), and capitalised words written twice or more inside sentences."""
    prose, layout = doc.prose, doc.layout
    spans = [(layout.greeting.start, layout.greeting.end)] if layout.greeting else []
    if layout.sign_off:
        spans.append((layout.sign_off.start, len(prose)))
    out = {m.group() for a, b in spans for m in _CAPITALISED.finditer(prose, a, b)}
    counts: dict[str, int] = {}
    for m in _CAPITALISED.finditer(prose, doc.draft.body_start):
        if not _sentence_start(prose, m.start()):
            counts[m.group()] = counts.get(m.group(), 0) + 1
    return frozenset(out | {w for w, n in counts.items() if n > 1})


_CAPITALISED = re.compile(r"(?<![\w'\u2019-])[A-Z][a-z]+(?:['\u2019][a-z]+)*(?![\w'\u2019-])")
#: A capitalised word just before (group 1) or just after (group 2) a word: both may be parts of one name.
_BEFORE = re.compile(r"([A-Z][\w'\u2019-]*),?[ \t]+$")
_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sr|Sra|St)\.?\s+$")
_AFTER = re.compile(r",?[ \t]+([A-Z][\w'\u2019-]*)")


def _beside_name(prose: str, start: int, end: int, speller: Speller, dialect: str | None) -> bool:
    """Whether a capitalised neighbour (or one across a comma, as in a list of names) is itself a name or
    unknown ("Ravi Shankar", "Grant Masson", "Dasovich, Guinney, Sam"), or a title or an initial comes before:
    part of a name. A capitalised common word beside it ("the Finanse Team") does not count."""
    if _TITLE.search(prose, max(0, start - 8), start) or _INITIAL.search(prose, max(0, start - 8), start):
        return True  # after a title or an initial: "Dr Okafor", "Donna M. Cagle"
    before = _BEFORE.search(prose, max(0, start - 40), start)
    after = _AFTER.match(prose, end)
    lex = speller.lexicon
    for m in (before, after):
        if m is None:
            continue
        near = m.group(1)
        opener = m is before and _sentence_start(prose, m.start(1)) and near not in lex.cased
        if opener and speller.known(near.lower(), dialect):
            continue  # "Our Finanse team": a sentence's first word
        if near in lex.cased or near in lex.rare_cased or not speller.known(near.lower(), dialect):
            return True
    return False


def _close_to_common(
    word: str,
    found: list,
    speller: Speller,
    options: Mapping[str, object],
    opening: bool = False,
    ratio: str = "capitalised-ratio",
) -> bool:
    """Whether a capitalised word that may be a name is a close edit of an ordinary lowercase word: one that is
    close and common, or, at a sentence start (where the capital says nothing), one whose distance is small for
    the word's length ("Acommodation")."""
    if not found or len(word) < int(options.get("capitalised-shortest", 5)):  # type: ignore[call-overload]
        return False
    best = found[0]
    if not _ordinary(best.word, speller):
        return False
    shortest = int(options.get("capitalised-inside-shortest", 7) if ratio != "capitalised-ratio" else 0)  # type: ignore[call-overload]
    if opening and len(word) >= shortest and best.distance <= len(word) * float(options.get(ratio, 0.15)):  # type: ignore[arg-type]
        return True
    return best.distance <= float(options.get("capitalised-distance", 0.8)) and speller.frequency(  # type: ignore[arg-type]
        best.word
    ) >= float(options.get("capitalised-common", 15.0))  # type: ignore[arg-type]


def _slip_not_name(word: str, found: list, speller: Speller, options: Mapping[str, object]) -> bool:
    """Whether a capitalised word is one typing slip (two letters swapped, one added or dropped) from an
    ordinary word, has ``capitalised-slip-shortest`` letters or more, and is no given name or surname of the
    shipped list (``typo-names.txt``, US Census 1990): "the Wupport team", but not "Mateus" ("mates")."""
    if not found or len(word) < int(options.get("capitalised-slip-shortest", 6)):  # type: ignore[call-overload]
        return False
    best = found[0].word
    if not _ordinary(best, speller) or not typing_slip(word.lower(), best.lower()):
        return False
    from ...spelling.data import is_listed_name

    return not is_listed_name(word)


def _linking(word: str, options: Mapping[str, object]) -> bool:
    """Whether ``word`` is an adverb in -ly or one of the ``linking-words`` option ("however", "therefore")."""
    low = word.lower()
    return low.endswith("ly") or low in (options.get("linking-words") or ())  # type: ignore[operator]


def _ordinary(word: str, speller: Speller) -> bool:
    """Whether a correction is an ordinary lowercase word, not a name, an acronym or a rare word ("Karan" is not
    a slip for "Karen")."""
    low = word.lower()
    return low in speller.lexicon.lower or low in speller.lexicon.vocab


def _likely_word(found: list, speller: Speller) -> bool:
    """Whether a capitalised unknown word at a sentence start is a slip for a common word (not a name)."""
    return bool(found) and found[0].distance <= 0.8 and speller.frequency(found[0].word) >= 15.0


def safe_fix(word: str, found: list, options: Mapping[str, object], speller: Speller) -> bool:
    """Whether the first correction of ``word`` is nearly certain, so safe to apply unreviewed: the word has
    ``safe-shortest`` letters or more, the correction is close (``safe-distance``), common (ln count at least
    ``safe-common``), more than a change of capitals ("dan" -> "Dan" is as often "den" or "done"), and its score
    ahead of the runner-up's by a margin that depends on the edit: ``safe-margin`` for a typing slip (two
    letters swapped, one letter added or dropped), ``safe-margin-substitution`` for any other edit (a letter
    replaced, a sound spelled another way: "frens" is "friends" or "ferns"). The thresholds are measured on the
    misspelling lists (``bench/typos.py --safe``)."""
    if not found or len(word) < int(options.get("safe-shortest", 7)):  # type: ignore[call-overload]
        return False
    best = found[0]
    if best.word.lower() == word.lower() or best.distance > float(options.get("safe-distance", 0.8)):  # type: ignore[arg-type]
        return False
    if speller.frequency(best.word) < float(options.get("safe-common", 16.0)):  # type: ignore[arg-type]
        return False
    if len(found) == 1:
        return True
    key = "safe-margin" if typing_slip(word.lower(), best.word.lower()) else "safe-margin-substitution"
    default = 8.0 if key == "safe-margin" else 12.0
    return found[1].score - best.score >= float(options.get(key, default))  # type: ignore[arg-type]


def typing_slip(typed: str, word: str) -> bool:
    """Whether ``typed`` is ``word`` with two neighbouring letters swapped, or one letter added or dropped."""
    if len(typed) == len(word):
        diff = [i for i, (a, b) in enumerate(zip(typed, word, strict=True)) if a != b]
        if len(diff) != 2 or diff[1] != diff[0] + 1:
            return False
        return typed[diff[0]] == word[diff[1]] and typed[diff[1]] == word[diff[0]]
    if abs(len(typed) - len(word)) != 1:
        return False
    longer, shorter = (typed, word) if len(typed) > len(word) else (word, typed)
    i = next((k for k, (a, b) in enumerate(zip(shorter, longer, strict=False)) if a != b), len(shorter))
    return longer[:i] + longer[i + 1 :] == shorter


def _prefix(word: str, prose: str, end: int) -> bool:
    """A prefix written before a hyphen ("re-", "co-"): not a word of its own."""
    return end < len(prose) and prose[end] == "-" and word.lower() in _PREFIXES


@lru_cache(maxsize=8192)
def _judgeable(word: str) -> bool:
    """Whether a word, wherever it stands, is one the speller judges."""
    if len(word) < 2 or (not word.isascii() and not word.replace("\u2019", "'").isascii()):
        return False
    core = word.replace("\u2019", "'").split("'")[0]
    if len(core) < 2 or not core.isascii():
        return False
    if word.isupper() or any(ch.isupper() for ch in core[1:]):
        return False  # acronyms, CamelCase
    return not _STRETCHED.search(word)  # "sooo", "yesss": deliberate


def _sentence_start(prose: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and prose[i] in " \t\"'(\u201c\u2018[*_":
        i -= 1
    return i < 0 or prose[i] in _SENTENCE_END or prose[i] in "\r\n"


def _name_words(doc: Document) -> frozenset[str]:
    ctx = doc.context
    text = " ".join(filter(None, (ctx.company, ctx.role, *ctx.interviewers)))
    return frozenset(w.lower() for w in re.findall(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*", text))
