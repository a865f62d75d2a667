"""``names``: company and person names that contradict the lint context (``wrong-name`` rules).

``test: company`` reports a company-like name that is not the given company: a capitalised name ending in a
company suffix ("Globex Industries", "Harper & Stone LLP") or one that follows a cue naming the employer the
draft is written to ("join Initech", "the interview at Initech"). Mentions of the writer's own past or
present employers ("my time at Deloitte", "I worked at Globex Inc") are left alone.

``test: spelling`` reports a near-miss spelling of the company or of an interviewer ("Siobahn" for Siobhan,
"Northwind Heath" for Northwind Health), with the correct spelling as the fix.

Also home to small helpers the other content checks share: the English word list and an edit distance.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, ClassVar

from ...model import Finding, Fix, Severity
from ..errors import RuleError
from ..kinds import kind_is_sure
from ..schema import GAP, Field, string_list
from .base import Check

if TYPE_CHECKING:
    from pathlib import Path

    from ..document import Document
    from ..rule import Rule

TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "madam", "dame"})
#: A capitalised word, with an inner apostrophe name part ("O'Brien") but not a possessive "'s".
CAP_WORD = re.compile(r"(?<![\w'\u2019-])[A-Z][\w]*(?:['\u2019][A-Z]\w*|-[A-Z]\w*)*")
#: A template slot in a greeting ("[Interviewer Name]", "{{first_name}}", "<name>"): the placeholder rule's.
_SLOT = re.compile(r"\[[^\]\n]*\]|\{\{?[^}\n]*\}\}?|<[^>\n]*>")
#: One capitalised part of a name ("Dana" and "Farber" in "Dana-Farber"; "O'Brien" whole).
_NAME_PART = re.compile(r"(?<![\w'\u2019])[A-Z]\w*(?:['\u2019][A-Z]\w*)?")
_CHARACTER_CLASS = re.compile(r"(\[(?:\\.|[^\]\\])*\])")


def _flexible_spaces(pattern: str) -> str:
    """A literal space in a cue pattern (outside ``[...]``) matches any run of blanks, as in masked prose."""
    parts = _CHARACTER_CLASS.split(pattern)
    return "".join(part if index % 2 else part.replace(" ", r"[ \t]+") for index, part in enumerate(parts))


_RUN_WORD = re.compile(r"\S+")
_LEADING = frozenset({"the", "i", "a", "an", "at", "with", "for"} | TITLES)
_JOINERS = frozenset({"&", "of", "the", "for", "de", "la", "du"})
#: The words of a name may be split by a hard-wrapped line ("City of Riverton / Department of Public Works").
_CAP_RUN = re.compile(
    r"(?<![\w'\u2019&-])[A-Z][\w.&]*(?:-[A-Z]\w*)*"
    rf"(?:(?<!\.)(?:{GAP}(?:&|of|de|la|du|the|for){GAP}|{GAP})[A-Z][\w.]*(?:-[A-Z]\w*)*)*"
)


@lru_cache(maxsize=4096)
def ordinary_word(word: str) -> bool:
    """Whether the lowercase form of ``word`` is an ordinary English word (not only a name or acronym): in
    hunspell's en_US with its affixes expanded or the less common words, from the speller's lexicon (loaded
    once per process and shared with ``typo.spelling``)."""
    lower = word.lower()
    if not lower.isalpha():
        return False
    from ...spelling import speller

    lexicon = speller().lexicon
    return lower in lexicon.lower or lower in lexicon.rare


def distance(a: str, b: str) -> int:
    """Edit distance counting an adjacent transposition as one edit (optimal string alignment)."""
    a, b = a.lower(), b.lower()
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[len(b)]


@lru_cache(maxsize=8192)
def near_miss(written: str, correct: str, shortest: int = 4) -> bool:
    """Whether ``written`` looks like a misspelling of ``correct`` (not the same word, not a different one)."""
    if written.lower() == correct.lower() or min(len(written), len(correct)) < shortest:
        return False
    if _derived(written.lower(), correct.lower()) or _derived(correct.lower(), written.lower()):
        return False  # "Korean" from "Korea", "Nigerian" from "Nigeria": a word made from the name
    if abs(len(written) - len(correct)) > 2:
        return False  # at least that many edits apart
    d = distance(written, correct)
    if d == 1:
        return True
    return d == 2 and len(correct) >= 8 and written[0].lower() == correct[0].lower()


#: Endings that make a word from a name: a demonym or an adjective ("Korean", "Japanese"), a plural.
_DERIVING = ("n", "an", "ian", "ese", "ish", "i", "s", "es")


def _derived(longer: str, base: str) -> bool:
    return longer.startswith(base) and longer[len(base) :] in _DERIVING


@lru_cache(maxsize=1)
def _nicknames() -> dict[str, frozenset[str]]:
    """Short forms of given names (``rules/_data/content-nicknames.yaml``), lowercased, read once; the parsed
    file is kept in the user cache (``followup_lint.cache``), so PyYAML is imported only when it changed."""
    from ... import cache
    from ..loader import builtin_rules_dir

    path = builtin_rules_dir() / "_data" / "content-nicknames.yaml"
    entry_key = cache.key("nicknames", cache.stat_stamp([path]))
    stored = cache.load("nicknames", entry_key)
    if not (isinstance(stored, dict) and all(isinstance(v, list) for v in stored.values())):
        stored = _read_nicknames(path)
        cache.store("nicknames", entry_key, stored)
    return {name: frozenset(shorts) for name, shorts in stored.items()}


def _read_nicknames(path: Path) -> dict[str, list[str]]:
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {
        str(name).lower(): sorted({str(s).lower() for s in shorts})
        for name, shorts in data.items()
        if isinstance(shorts, list)
    }


def same_name(written: str, formal: str) -> bool:
    """Whether ``written`` is ``formal`` or a usual short form of it ("Mike" for Michael, "Chris" for Christopher)."""
    w, f = written.lower(), formal.lower()
    if w == f:
        return True
    if len(w) >= 3 and f.startswith(w):
        return True
    return w in _nicknames().get(f, ())


def person_words(name: str) -> list[str]:
    """The words of a person's name, without titles ("Dr. Siobhan Kelly" -> Siobhan, Kelly)."""
    return [w for w in re.findall(r"[^\W\d_][\w'\u2019-]*", name) if w.lower().rstrip(".") not in TITLES]


def body_end(doc: Document) -> int:
    """Where the writer's own text ends: the closing line (names after it are the writer's signature)."""
    from .structure import closing

    found = closing(doc)
    return found[0] if found is not None else len(doc.prose)


_SENTENCE_BREAK = re.compile(r"[.!?][\s\"'\u201d\u2019)]+(?=\S)|\n[ \t]*\r?\n")


def sentence_before(prose: str, at: int, reach: int = 160) -> str:
    """The text of the sentence before ``at`` (at most ``reach`` characters), line breaks as spaces."""
    window = prose[max(0, at - reach) : at]
    breaks = list(_SENTENCE_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    return window.replace("\r", " ").replace("\n", " ")


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    text: str
    #: Whether a cue puts the name in the employer's place ("join X", "the interview at X"); else only its shape
    #: (a suffix, an ampersand) says it is a company, which could be a client, a school or a past employer.
    cued: bool = True


class Names(Check):
    """Company or person names that contradict the context (see the module docstring)."""

    fields: ClassVar[dict[str, Field]] = {
        "test": Field(
            str, True, "company (another company's name), spelling (a near-miss of a known name) or addressee"
        ),
        "generic": Field(list, False, "addressee only: words of a salutation that are not a name (Hiring, Team)"),
        "suffixes": Field(list, False, "words that end a company name (Inc, Corp, LLP, Industries, ...)"),
        "cues": Field(list, False, "regexes that end right before the name of the employer written to"),
        "own": Field(list, False, "regexes that, just before a name, show it is the writer's own employer"),
        "strong": Field(list, False, "cues that name the employer written to even after an `own` cue"),
        "ignore": Field(list, False, "capitalised words that are never company names (days, months, ...)"),
        "titles": Field(list, False, "last words of a job title (Engineer, Manager): a name ending so is a role"),
        "degrees": Field(list, False, "first words of a degree or award (Bachelor, Master): not a company"),
        "places": Field(
            list, False, "last words of a site (Depot, Campus): after a cue, maybe the employer's own place (a guess)"
        ),
    }

    @classmethod
    def validate(cls, rule: Rule) -> None:
        test = rule.spec["test"]
        if test not in ("company", "spelling", "addressee"):
            raise RuleError(rule.path, "test", "must be `company`, `spelling` or `addressee`")
        for key in ("suffixes", "cues", "own", "strong", "ignore", "generic", "titles", "degrees", "places"):
            string_list(rule.path, key, rule.spec.get(key, []))
        cls._compile(rule)

    @staticmethod
    def _compile(rule: Rule) -> tuple[re.Pattern[str] | None, ...]:
        def join(key: str) -> re.Pattern[str] | None:
            items = rule.spec.get(key) or []
            if not items:
                return None
            try:
                alternatives = "|".join("(?:" + _flexible_spaces(p) + ")" for p in items)
                return re.compile(f"(?:{alternatives})(?:[ \t]+the)?[ \t]+$", re.IGNORECASE)
            except re.error as exc:
                raise RuleError(rule.path, key, f"invalid regular expression: {exc}") from None

        return join("cues"), join("own"), join("strong")

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule)
        self.test = rule.spec["test"]
        self.suffixes = {s.lower().rstrip(".") for s in rule.spec.get("suffixes", [])}
        self.ignore = {s.lower() for s in rule.spec.get("ignore", [])}
        self._not_leading = frozenset(self.ignore | _LEADING)
        self.generic = {s.lower() for s in rule.spec.get("generic", [])}
        self.titles = {s.lower() for s in rule.spec.get("titles", [])}
        self.degrees = {s.lower() for s in rule.spec.get("degrees", [])}
        self.places = {s.lower() for s in rule.spec.get("places", [])}
        # Only ``test: company`` reads what follows a name; the other tests have no such options.
        self._team_after, self._possessive = _after_patterns(rule) if self.test == "company" else (_NEVER, _NEVER)
        self._cues: tuple[re.Pattern[str] | None, ...] | None = None

    @property
    def cue_patterns(self) -> tuple[re.Pattern[str] | None, ...]:
        """The joined ``cues``, ``own`` and ``strong`` regexes, compiled on first use (only ``test: company``
        uses them, and only when the context names the company)."""
        if self._cues is None:
            self._cues = self._compile(self.rule)
        return self._cues

    def run(self, doc: Document) -> Iterator[Finding]:
        if self.test == "company":
            yield from self._companies(doc)
        elif self.test == "spelling":
            yield from self._spelling(doc)
        else:
            yield from self._addressee(doc)

    # -- a salutation to someone else ----------------------------------------------------------------------------

    def _addressee(self, doc: Document) -> Iterator[Finding]:
        """The greeting names someone who is not among the interviewers (a salutation pasted from elsewhere)."""
        people = [person_words(p) for p in doc.context.interviewers]
        people = [words for words in people if words]
        greeting = doc.layout.greeting
        if not people or greeting is None:
            return
        known = {w.lower() for words in people for w in words}
        company = {w.lower() for w in re.findall(r"[^\W_]+", doc.context.company or "")}
        line = doc.prose[greeting.start : greeting.end]
        opening = _SALUTATION.match(line)
        if opening is None:
            return
        slots = [m.span() for m in _SLOT.finditer(line, opening.end())]  # "[Interviewer Name]": a placeholder
        names = [
            m
            for m in CAP_WORD.finditer(line, opening.end())
            if m.group(0).lower() not in TITLES | self.generic | company
            and not any(a <= m.start() < b for a, b in slots)
        ]
        if not names or any(same_name(m.group(0), w) for m in names for w in known):
            return
        if any(near_miss(m.group(0), w) for m in names for w in known):
            return  # a misspelling: the spelling rule reports it
        first, last = names[0], names[-1]
        titled = bool(re.search(r"\b(?:mr|mrs|ms|miss|mx|dr|prof|professor)\.?\s*$", line[: first.start()], re.I))
        person = people[0]
        replacement = person[-1] if titled else (person[0] if len(names) == 1 else " ".join(person))
        start, end = greeting.start + first.start(), greeting.start + last.end()
        fix = Fix(start, end - start, replacement, False)
        written = doc.prose[start:end]
        yield self.finding(doc, start, end, fixes=(fix,), values={"match": written, "replacement": replacement})

    # -- another company's name ------------------------------------------------------------------------------

    def _core(self, name: str) -> set[str]:
        """The distinctive words of a company name (without suffixes like Corp or LLP)."""
        words = {w.lower() for w in re.findall(r"[^\W_]+", name)}
        core = {w for w in words if w not in self.suffixes and w not in {"the", "of", "and"}}
        return core or words

    def _companies(self, doc: Document) -> Iterator[Finding]:
        company = doc.context.company
        if not company:
            return
        target = self._core(company)
        initials = "".join(w[0] for w in re.findall(r"[^\W_]+", company) if w[:1].isupper()).lower()
        if len(initials) >= 2:
            target.add(initials)
        known_people = {w.lower() for person in doc.context.interviewers for w in person_words(person)}
        role = {w.lower() for w in re.findall(r"[^\W_]+", doc.context.role or "")}
        prose = doc.prose
        greeting = doc.layout.greeting
        block = (doc.draft.body_start, greeting.start) if greeting is not None else (0, 0)
        # A networking note goes to a contact, not to the employer: "my application at X", even "excited to join
        # X", names a third party. A draft of unsure kind may be one: there only a strong cue is sure.
        networking = doc.kind[0] == "networking"
        unsure = not networking and not kind_is_sure(doc)
        for cand in self._candidates(doc, 0, body_end(doc)):
            if block[0] <= cand.start < block[1]:
                continue  # a letter's heading: the sender's and the recipient's address blocks
            words = self._core(cand.text)
            if words & target or words & known_people or words <= doc.words or (role and words <= role):
                continue  # the employer, a person, the writer's own word, or the role itself ("Energy & Projects")
            if any(near_miss(w, t) for w in words for t in target):
                continue  # a misspelling of the company: the spelling rule reports it
            before = sentence_before(prose, cand.start)
            _, own, strong_cues = self.cue_patterns
            strong = strong_cues is not None and strong_cues.search(before)
            if not strong and own is not None and own.search(before):
                continue
            fix = Fix(cand.start, cand.end - cand.start, company, False)
            # Severity follows certainty: a name in the employer's place is nearly surely a leftover; a company
            # named elsewhere (a client, a school, a past employer) or in a note to a contact may be meant.
            sure = not networking and (strong or (cand.cued and not unsure))
            severity = None if sure else Severity.SUGGESTION
            message = None if severity is None else self.rule.options.get("uncued-message")
            yield self.finding(
                doc,
                cand.start,
                cand.end,
                fixes=(fix,),
                values={"match": cand.text},
                severity=severity,
                message=str(message) if message else None,
            )

    def _candidates(self, doc: Document, start: int, end: int) -> Iterator[Candidate]:
        prose = doc.prose
        for match in _CAP_RUN.finditer(prose, start, end):
            words = [(m.start(), m.end()) for m in _RUN_WORD.finditer(prose, match.start(), match.end())]
            # Leading and trailing words that are not part of a name: "The", a title, joiners.
            while words and prose[words[0][0] : words[0][1]].lower().rstrip(".") in self._not_leading:
                words = words[1:]
            while words and prose[words[-1][0] : words[-1][1]].lower() in _JOINERS:
                words = words[:-1]
            if not words:
                continue
            first, stop = words[0][0], words[-1][1]
            if prose[stop - 1] == ".":
                stop -= 1
            text = prose[first:stop]
            lowered = [prose[a:b].lower().rstrip(".") for a, b in words]
            if all(w in self.ignore or w in _JOINERS for w in lowered):
                continue
            suffixed = len(words) >= 2 and lowered[-1] in self.suffixes and lowered[0] not in self.suffixes
            if not suffixed and (lowered[-1] in self.titles or lowered[0] in self.degrees):
                continue  # a job title ("Principal Engineer") or a degree ("Bachelor of Science"): not an employer
            ampersand = " & " in text and len(words) >= 3
            before = sentence_before(prose, first)
            cues, _, strong_cues = self.cue_patterns
            cued = any(rx is not None and rx.search(before) for rx in (cues, strong_cues))
            after = prose[stop : stop + 40]
            if (cued or ampersand) and not suffixed and self._team_after.match(after):
                continue  # "join the Data Science team", "the Energy & Projects practice": a part of the employer
            if (
                len(words) == 1
                and re.search(r"\bjoin(?:ing)?[ \t]+$", before, re.I)
                and re.match(r"[ \t]+and[ \t]+the\b", after)
            ):
                continue  # "join Marcus and the team": a person
            if cued and not (suffixed or ampersand) and after.startswith(("'s", "\u2019s")) and len(words) == 1:
                continue  # "join Marcus's team": a person
            # "Globex's mission": a possessive with a noun only an organisation has says it is a company, not
            # that it is the employer written to (a parent, a client, a competitor): a candidate, not a cue.
            possessive = bool(self._possessive.match(after))
            if cued and not suffixed and lowered[-1] in self.places:
                cued = False  # "the visit at Kingsway Depot": a site, maybe the employer's own
            if suffixed or ampersand or cued or possessive:
                yield Candidate(first, stop, text, cued)

    # -- near-miss spellings ----------------------------------------------------------------------------------

    def _spelling(self, doc: Document) -> Iterator[Finding]:
        ctx = doc.context
        names: list[tuple[str, bool]] = []  # (correct word, is a company word)
        if ctx.company:
            names += [(re.sub(r"['\u2019]s$", "", w), True) for w in re.findall(r"[^\W_][\w'\u2019]*", ctx.company)]
        for person in ctx.interviewers:
            names += [(w, False) for w in person_words(person)]
        if not names:
            return
        exact = {w for w, _ in names}
        company_words = {w.lower() for w, is_company in names if is_company}
        prose = doc.prose
        tokens = list(_NAME_PART.finditer(prose, 0, body_end(doc)))
        for index, token in enumerate(tokens):
            word = token.group(0)
            if word in exact or word.lower() in doc.words:
                continue
            for correct, is_company in names:
                # Beside another word of the company name ("Acme Crop", "Lop Studio"), short and ordinary words
                # and suffixes are judged too; alone they are too likely to be other words.
                if not near_miss(word, correct, 3):
                    continue  # (a near miss at 4 letters or more is one at 3 too)
                beside = is_company and _next_to(prose, tokens, index, company_words - {correct.lower()})
                if not beside and not near_miss(word, correct, 4):
                    continue
                if not beside and (correct.lower() in self.suffixes or ordinary_word(word)):
                    continue
                if correct.isupper() != word.isupper() and len(correct) > 1:
                    continue
                fix = Fix(token.start(), len(word), correct, True)
                yield self.finding(
                    doc,
                    token.start(),
                    token.end(),
                    fixes=(fix,),
                    values={"match": word, "replacement": correct, "name": ctx.company if is_company else correct},
                )
                break


_NEVER = re.compile(r"(?!)")


def _words(rule: Rule, key: str) -> list[str]:
    """The option ``key``: a list of words or phrases (a space matches any run of blanks)."""
    items = rule.options.get(key) or []
    if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
        raise RuleError(rule.path, f"options.{key}", "must be a list of words or phrases")
    return [r"[ \t]+".join(re.escape(w) for w in i.split()) for i in items]


def _after_patterns(rule: Rule) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What follows a name that makes it part of the employer (``part-words``: "the Data Science team", "the
    Energy & Projects practice"; or "and" and a capitalised word), and what follows a possessive that only an
    organisation has (``organisation-nouns``: "Globex's mission"; not an eponym and a symbol, "Manning's n")."""
    parts = "|".join(_words(rule, "part-words")) or r"(?!)"
    nouns = "|".join(_words(rule, "organisation-nouns")) or r"(?!)"
    team = re.compile(rf"[ \t]+(?:{parts})\b|[ \t]+and[ \t]+(?-i:[A-Z][a-z])", re.IGNORECASE)
    possessive = re.compile(rf"['\u2019]s[ \t]+(?:[\w-]{{2,}}[ \t]+)?(?:{nouns})\b", re.IGNORECASE)
    return team, possessive


_SALUTATION = re.compile(r"^\s*(?:dear|hi|hello|hey|good\s+(?:morning|afternoon|evening))\b[ \t]*", re.IGNORECASE)


def _next_to(prose: str, tokens: list[re.Match[str]], index: int, words: set[str]) -> bool:
    """Whether a neighbouring capitalised word (same line, one space apart) is one of ``words``."""
    token = tokens[index]
    for other in (index - 1, index + 1):
        if 0 <= other < len(tokens):
            neighbour = tokens[other]
            gap = prose[neighbour.end() : token.start()] if other < index else prose[token.end() : neighbour.start()]
            if gap.strip(" \t&") == "" and "\n" not in gap and neighbour.group(0).lower() in words:
                return True
    return False
