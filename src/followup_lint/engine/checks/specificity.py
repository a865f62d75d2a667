"""Whether a sentence says something of this conversation, or would fit any interview at any company.

Each body sentence is turned into a skeleton: lowercase words, the draft's own names (company, role,
interviewers, the greeting's and signature's names, a role before "position"/"role", a capitalised name after
"at"/"join" or used twice) masked to ``x``, numbers to ``n``, filler adverbs left out. A skeleton's three-word
sequences are looked up in a list of common template sentences (``rules/_data/specific-templates.txt``,
normalised the same way), so a paraphrase with other names still matches. What is left over is the evidence:

- ``rare``: a word outside the templates' words, English stop words and the generic follow-up vocabulary, and
  rarer than ``rare-below`` (ln of its count in the speller's frequency list);
- ``cued``: after a phrase that introduces a detail ("you mentioned", "we discussed"), such a word rarer than
  ``cued-rare-below``;
- ``topic``: two or more adjacent words outside the templates and the generic vocabulary, each rarer than
  ``plain-topic-below`` ("the apple harvest"), or after such a phrase than ``topic-below`` ("the upcoming
  product launch");
- ``name``: a capitalised word that is not one of the draft's own names (a person, product or place);
- ``number``: a figure that is not a date, a time, a phone number or a count of stock things ("my two
  references", "both rounds": the next word is generic vocabulary);
- ``quote``: a quoted phrase of two words or more;
- ``topic`` also: a piece of work named by its subject ("the dashboard clean-up project": ``project-heads``);
- ``person``: an interviewer of the context whom the greeting does not address ("since I talked with Andy");
- ``timeline``: a date or time after a second-person cue ("you mentioned a decision by the end of the month"),
  or in a sentence reporting their schedule ("the board was due to meet last week"), or a deadline on a calendar
  day ("they asked for my answer by 18 December"; not "by Friday").

No word counts in any inflection of the stop words, the generic vocabulary (with the words of the check-in and
rejection cues of ``kind-cues.yaml``) or the template words ("timelines", "chatting"), nor two of them written as
one unknown word ("timeframes"), nor an opinion word of the sentiment lexicon ("impressive", "admire": they judge,
they name no topic), nor a manner adverb, nor a word that can only be a verb form ("expedite", "postponed", "rang":
it says what someone does, not what was discussed; a noun that is also a verb, "audit", and an -ing form, which
names an activity, "underwriting", still count). In a sentence of capitalised words only ("Happy Interviewing!")
capitals say nothing of names.

A first or last body line of names only is a salutation or a signature the layout missed, and so is a last sentence
of a sign-off and names ("Best regards, Maria Lopes"), a name as the body's last sentence ("... to my network.
Siobhán"), a name particle in either ("Joao da Silva"), and the addressee of a greeting on the first sentence's
line ("Hi Tomasz, thank you for ..."); a first line of names only is the greeting when naming the interviewers met
("Hi Shawn" ... "my interview with Andy"). A word of the role before its head ("database" of "Database
Administrator") is the draft's own name only next to another of its names; alone it is a topic.

A sentence about the writer's own background ("I have 14 years of experience in ...", "I am a punctual team
leader") has no evidence unless a cue ties it to the conversation: the candidate's skills are theirs, not something
discussed.

A sentence with any evidence is specific. ``coverage`` is the share of a sentence's words that its template
matches account for: how template-like it reads.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ...dates import MONTH_NAMES
from ..errors import RuleError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from ..document import Document
    from ..layout import Line

TEMPLATES_FILE = "specific-templates.txt"

_TOKEN = re.compile(r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*|\d+(?:[.,:/]\d+)*(?:%|st|nd|rd|th)?")
_QUOTE = re.compile(r"[\"\u201c]([^\"\u201d\n]{3,80})[\"\u201d]")
#: A manner adverb: "meaningfully", "greatly", "extensively" (not "monthly", "early", "family").
_ADVERB = re.compile(r"(?:al|ful|ive|ous|ing|ate|ed|ent|ant|ible|able|ic)ly$")
#: Bounded, so that a run of unclosed brackets cannot make the search quadratic.
_SLOT = re.compile(r"\[[^\]\n]{0,80}\]|\{[^}\n]{0,80}\}|<[^>\n]{0,80}>")
_CLITIC = re.compile(r"(?:n't|'(?:s|d|m|ll|re|ve))$")
_CONTACT = re.compile(r"@|https?://|www\.|\+?\d[\d ().\-]{7,20}\d")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Left out of skeletons before matching: they change no template into a specific sentence.
FILLERS = _words(
    "very really truly so just sincerely greatly again once also certainly definitely genuinely "
    "further indeed most much all both quite such"
)
_TITLES = _words("mr mrs ms miss dr prof professor sir madam")
_DATE_WORDS = _words(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december jan feb mar apr jun jul aug sep sept oct nov "
    "dec am pm a.m p.m today yesterday tomorrow morning afternoon evening week weeks day days hour "
    "hours minutes o'clock"
)
#: What a timeline is given in: "by the end of the month", "the week of the 19th".
_WHEN = _DATE_WORDS | _words("month months quarter end weekend fortnight")
_MONTH = r"(?:" + "|".join(MONTH_NAMES) + r")\.?"
#: A deadline on a calendar day ("asked for my answer by 18 December", "before March 3rd"): a template has a slot
#: for the interview's date, not for a date by which something must happen.
_DEADLINE = re.compile(
    rf"\b(?:by|before|until|no\s+later\s+than)\s+(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?)\b",
    re.IGNORECASE,
)
#: Spelled-out figures: "forty trucks", "ten days to four" (not "one", which every template uses).
_NUMBER_WORDS = _words(
    "two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty "
    "seventy eighty ninety hundred thousand million dozen half"
)
#: A job title ends with one of these: "the Content Marketing Manager position" is the draft's own name.
_ROLE_HEADS = _words("position role job vacancy internship")
_VERBISH = _words("is are was were be been has have had will would can could i you we")
_DETERMINERS = _words("the a an this your our that my")
#: A capitalised name right after one of these is the employer: "at Acme", "join Lumio Health".
_EMPLOYER_BEFORE = _words("at join joining with for from of")
#: ... or right before one of these: "the Brightwell team", "Acme's".
_EMPLOYER_AFTER = _words("team teams family company organization organisation department office group")


@dataclass(frozen=True, slots=True)
class Templates:
    """The template list as three-word sequences and as a vocabulary."""

    trigrams: frozenset[tuple[str, str, str]]
    words: frozenset[str]


def templates_path(rule_path: str | None, name: str = TEMPLATES_FILE) -> Path:
    """The template file: ``_data/<name>`` beside the rule's category folder, else the built-in one."""
    from ..loader import builtin_rules_dir

    if rule_path:
        local = Path(rule_path).resolve().parent.parent / "_data" / name
        if local.is_file():
            return local
    return builtin_rules_dir() / "_data" / name


def load_templates(path: Path) -> Templates:
    """The templates in ``path``, parsed once per process per version of the file."""
    try:
        stamp = os.stat(path).st_mtime_ns
    except OSError as exc:
        raise RuleError(str(path), None, f"cannot read the template sentences ({exc.strerror})") from None
    return _load(str(path), stamp)


@lru_cache(maxsize=4)
def _load(path: str, stamp: int) -> Templates:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(path, None, f"cannot read the template sentences ({exc})") from None
    trigrams: set[tuple[str, str, str]] = set()
    words: set[str] = set()
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        tokens = [t for t in (_norm(m.group(0)) for m in _TOKEN.finditer(line)) if t not in FILLERS]
        tokens = [("n" if t[0].isdigit() else t) for t in tokens]
        words.update(t for t in tokens if t not in ("x", "n"))
        trigrams.update(_trigrams(_collapse(tokens)))
    return Templates(frozenset(trigrams), frozenset(words))


def _norm(word: str) -> str:
    return word.lower().replace("\u2019", "'")


def _base(word: str) -> str:
    """The word without a possessive: "acme's" -> "acme"."""
    return word[:-2] if word.endswith("'s") else word


def _collapse(tokens: list[str]) -> list[str]:
    """Runs of ``x`` as one: "Acme Corp" and "Acme" fill the same slot."""
    out: list[str] = []
    for t in tokens:
        if not (t == "x" and out and out[-1] == "x"):
            out.append(t)
    return out


def _trigrams(tokens: list[str]) -> list[tuple[str, str, str]]:
    return [(tokens[i], tokens[i + 1], tokens[i + 2]) for i in range(len(tokens) - 2)]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One body sentence: its span, how much of it template matches account for, and its evidence."""

    start: int
    end: int
    words: int
    covered: int
    evidence: tuple[tuple[str, str], ...]

    @property
    def coverage(self) -> float:
        return self.covered / self.words if self.words else 1.0

    @property
    def specific(self) -> bool:
        return bool(self.evidence)


@dataclass(frozen=True, slots=True)
class Settings:
    """What the judgement needs besides the draft."""

    templates: Templates
    common: frozenset[str]  # stop words and generic follow-up vocabulary
    frequency: Callable[[str], float]
    rare_below: float
    cued_rare_below: float
    cues: Callable[[int, int], list[tuple[int, int]]]  # the spans of detail cue phrases starting in [start, end)
    topic_below: float = 20.0
    plain_topic_below: float = 18.5
    #: "the <words> project": the head nouns of a named piece of work (``project-heads``), compiled; None: off.
    project: re.Pattern[str] | None = None
    #: Opinion words (a sentiment lexicon): "impressive", "admire", "fortunate" judge, they name no topic.
    opinion: frozenset[str] = frozenset()
    #: Their schedule reported as known ("the board was due to meet", with a date or time word in the sentence):
    #: the rule's ``their-plan`` pattern, compiled; None: off.
    their_plan: re.Pattern[str] | None = None
    #: A sentence about the writer's own background ("I have 14 years of experience in ..."): the rule's
    #: ``self-pitch`` pattern, compiled; None: off.
    self_pitch: re.Pattern[str] | None = None

    def plain(self, word: str) -> bool:
        """Whether ``word`` says nothing of this conversation: a stop word, generic follow-up vocabulary or a
        template word, in any inflection ("timelines", "chatting"), or an opinion word."""
        if word in self.common or word in self.templates.words or word in self.opinion:
            return True
        if any(
            lemma in self.common or lemma in self.templates.words or lemma in self.opinion for lemma in lemmas(word)
        ):
            return True
        return self.stock_compound(word)

    def stock_compound(self, word: str) -> bool:
        """An unknown word made of two stock words written together: "timeframes", "followup"."""
        if not 7 <= len(word) <= 30 or not word.isalpha() or self.frequency(word) > 0:
            return False
        for cut in range(3, len(word) - 2):
            head, tail = word[:cut], word[cut:]
            if self._stock(head) and self._stock(tail):
                return True
        return False

    def _stock(self, part: str) -> bool:
        forms = (part, *lemmas(part))
        return any(f in self.common or f in self.templates.words for f in forms)


def lemmas(word: str) -> list[str]:
    """The forms ``word`` may be an inflection of, by regular English endings: "timelines" -> "timeline",
    "chatting" -> "chat", "paused" -> "pause", "earliest" -> "early" (some are not words; they match nothing)."""
    out: list[str] = []
    n = len(word)
    if n < 4:
        return out
    for suffix, stems in (("ies", ("y",)), ("ied", ("y",)), ("iest", ("y",)), ("ier", ("y",))):
        if word.endswith(suffix):
            out += [word[: -len(suffix)] + stem for stem in stems]
    if word.endswith("es") and n >= 5:
        out.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        out.append(word[:-1])
    for suffix in ("ing", "ed", "est", "er"):
        if word.endswith(suffix) and n - len(suffix) >= 3:
            base = word[: -len(suffix)]
            out += [base, base + "e"]
            if len(base) >= 3 and base[-1] == base[-2]:
                out.append(base[:-1])  # "chatting" -> "chat"
    return out


def body_lines(doc: Document) -> tuple[list[Line], set[str]]:
    """The body's lines (no greeting, sign-off, signature, header or contact lines) and the draft's own names."""
    layout = doc.layout
    headers = doc.header_lines
    names: set[str] = set()
    for value in (doc.context.company, doc.context.role, *doc.context.interviewers):
        names |= {_norm(m.group(0)) for m in _TOKEN.finditer(value or "")}
    if layout.greeting is not None:
        names |= {_norm(w) for w in _TOKEN.findall(layout.greeting.text) if w[:1].isupper()}
    stop = layout.sign_off.start if layout.sign_off is not None else len(doc.prose)
    lines = [
        line
        for line in layout.lines
        if not line.blank and line.start >= doc.draft.body_start and line is not layout.greeting
    ]
    body = [line for line in lines if line.start < stop]
    # the signature: lines after the sign-off, or a short last line (a name) without one
    tail = [line for line in lines if line.start >= stop]
    if not tail and body and len(_TOKEN.findall(body[-1].text)) <= 3 and not body[-1].text.rstrip().endswith("."):
        tail = [body.pop()]
    for line in tail:
        if not _CONTACT.search(line.text):
            names |= {_norm(w) for w in _TOKEN.findall(line.text) if w[:1].isupper()}
    body = [
        line
        for line in body
        if not _header(line, headers) and (not _CONTACT.search(line.text) or len(_TOKEN.findall(line.text)) > 12)
    ]
    # a greeting or a signature the layout did not recognise: a first or last line of names only
    # ("Respected Dr. Reyes and Dr. Moyo,", "Siobhán")
    for edge in ([body[0]] if body else []) + ([body[-1]] if len(body) > 1 else []):
        if _name_line(edge.text):
            body.remove(edge)
            names |= {_norm(w) for w in _TOKEN.findall(edge.text)}
    return body, names


def _header(line: Line, headers: list[tuple[int, int]]) -> bool:
    """Whether ``line`` starts inside one of the draft's header spans (the ``header_lines`` analysis)."""
    return any(start <= line.start < end or line.start <= start < line.end for start, end in headers)


def _sentence_spans(doc: Document, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The body's sentences: the ``doc`` analysis's sentences, each cut to the runs of body lines it lies in (a
    greeting, sign-off, header or contact line beside it is left out). Both lists are in text order."""
    found = [(s.start_char, s.end_char) for s in doc.doc.sents]
    prose = doc.prose
    spans: list[tuple[int, int]] = []
    j = 0
    for first, last in paragraphs:
        while j < len(found) and found[j][1] <= first:
            j += 1
        k = j
        while k < len(found) and found[k][0] < last:
            low, high = max(found[k][0], first), min(found[k][1], last)
            if high > low and prose[low:high].strip():
                spans.append((low, high))
            k += 1
    return spans


#: A greeting that opens the first sentence on its own line: "Hi Tomasz, thank you for ...", "Dear Ms Ruiz,".
_INLINE_GREETING = re.compile(
    r"\s*(?:dear|hi|hello|hey|good\s+(?:morning|afternoon|evening))\s+((?:[A-Z][\w.'\u2019-]*\s*){1,4}),",
    re.IGNORECASE,
)
#: Lower-case words inside a name line: "and", and the particles of names ("Mateus de Oliveira", "Ana dos Santos",
#: "Pieter van der Berg", "Omar bin Said").
_NAME_JOINERS = _words("and & de da do dos das di du del della van von der den la le bin binti ibn al el y")


def _name_line(text: str) -> bool:
    """A line of names only, ending in a comma or in nothing: a salutation or a signature."""
    stripped = text.strip()
    words = _TOKEN.findall(stripped)
    if not words or len(words) > 8 or stripped[-1:] in ".!?:;":
        return False
    return all(w[:1].isupper() or w.lower() in _NAME_JOINERS for w in words) and any(
        w.lower() not in _TITLES and w.lower() not in _NAME_JOINERS for w in words
    )


def sentences(doc: Document, settings: Settings) -> Iterator[Sentence]:
    """The body's sentences, judged one at a time (a caller may stop at the first specific one)."""
    lines, names = body_lines(doc)
    prose = doc.prose
    top = next(
        (
            line
            for line in doc.layout.lines
            if not line.blank and line.start >= doc.draft.body_start and not _header(line, doc.header_lines)
        ),
        None,
    )
    first = top.text if top is not None and top not in lines and _name_line(top.text) else None
    spans = _sentence_spans(doc, _paragraphs(lines))
    capitalised: dict[str, int] = {}
    for start, end in spans:
        for index, m in enumerate(_TOKEN.finditer(prose, start, end)):
            if index and m.group(0)[:1].isupper():
                key = _norm(m.group(0))
                capitalised[key] = capitalised.get(key, 0) + 1
    # Without the employer's name given, a capitalised name used twice is taken for it ("ACME Corp ... ACME
    # Corp sounds like"); with it given, a repeated name is more likely a topic ("Kubernetes").
    repeated = {w for w, n in capitalised.items() if n >= 2} if not doc.context.company else set()
    own = names | repeated
    if spans:
        inline = _INLINE_GREETING.match(prose, spans[0][0], spans[0][1])
        if inline is not None:  # "Hi Tomasz, thank you for ...": a greeting on the first sentence's line
            own |= {_norm(w) for w in _TOKEN.findall(inline.group(1))}
    others = {
        _norm(m.group(0)) for v in (doc.context.company, *doc.context.interviewers) for m in _TOKEN.finditer(v or "")
    }
    loose = _loose_role_words(doc) - others
    met = _others_met(doc, first)
    if spans and _inline_sign_off(prose[spans[-1][0] : spans[-1][1]]):
        spans.pop()  # "Best regards, Maria Lopes" on the last line of the body: the writer's name
    elif len(spans) > 1 and _name_line(prose[spans[-1][0] : spans[-1][1]]):
        spans.pop()  # "... to my network. Siobhán": a name as the body's last sentence is the signature
    for start, end in spans:
        yield _judge(prose, start, end, own, settings, loose, met)


def _inline_sign_off(text: str) -> bool:
    """A sign-off and the writer's name written as the body's last sentence: "Best regards, Maria Lopes"."""
    from ..layout import SIGN_OFF

    head, comma, tail = text.strip().partition(",")
    return bool(comma) and SIGN_OFF.match(head + comma) is not None and _name_line(tail)


def _others_met(doc: Document, first: str | None = None) -> frozenset[str]:
    """The names of the interviewers (given in the context) that the greeting does not address: "since I talked
    with Andy" in a note to Shawn says which conversation it follows. ``first``: the body's first line when it
    holds names only, a greeting the layout did not recognise ("Hi Shawn" without a comma)."""
    greeting = doc.layout.greeting.text if doc.layout.greeting is not None else first
    if greeting is None or not doc.context.interviewers:
        return frozenset()
    addressed = {_norm(w) for w in _TOKEN.findall(greeting)}
    shared = {_norm(w) for v in (doc.context.company, doc.context.role) for w in _TOKEN.findall(v or "")}
    met = set()
    for person in doc.context.interviewers:
        words = {_norm(w) for w in _TOKEN.findall(person) if w[:1].isupper()} - _TITLES
        if words and not words & addressed:
            met |= words - shared
    return frozenset(met)


def _loose_role_words(doc: Document) -> set[str]:
    """The role's words before its head ("database" of "Database Administrator"): the draft's own name only
    next to another of its names, else a topic ("the database integration project")."""
    words = [_norm(m.group(0)) for m in _TOKEN.finditer(doc.context.role or "")]
    return set(words[:-1]) - {words[-1]} if words else set()


def _inside(matches: list[re.Match[str]], spans: list[tuple[int, int]]) -> set[int]:
    """The indexes of the tokens that start inside one of ``spans`` (both in text order), in one sweep."""
    found: set[int] = set()
    j = 0
    for i, m in enumerate(matches):
        at = m.start()
        while j < len(spans) and spans[j][1] <= at:
            j += 1
        if j == len(spans):
            break
        if spans[j][0] <= at:
            found.add(i)
    return found


def _paragraphs(lines: list[Line]) -> list[tuple[int, int]]:
    """The spans of runs of adjacent body lines (a sentence may wrap onto the next line)."""
    spans: list[tuple[int, int]] = []
    for line in lines:
        if spans and line.start - spans[-1][1] <= 1:
            spans[-1] = (spans[-1][0], line.end)
        else:
            spans.append((line.start, line.end))
    return spans


def _judge(
    prose: str,
    start: int,
    end: int,
    names: set[str],
    s: Settings,
    loose: frozenset[str] | set[str] = frozenset(),
    met: frozenset[str] = frozenset(),
) -> Sentence:
    matches = list(_TOKEN.finditer(prose, start, end))
    raw = [m.group(0) for m in matches]
    low = [_norm(w) for w in raw]
    masked = _own_names(raw, low, names, loose)
    # skeleton: index into ``low`` for every kept token
    kept: list[int] = []
    skeleton: list[str] = []
    for i, word in enumerate(low):
        if word in FILLERS:
            continue
        token = "x" if masked[i] else ("n" if word[0].isdigit() else word)
        if token == "x" and skeleton and skeleton[-1] == "x":
            continue  # one slot for a run of names
        kept.append(i)
        skeleton.append(token)
    covered_at: set[int] = set()
    for j in range(len(skeleton) - 2):
        if (skeleton[j], skeleton[j + 1], skeleton[j + 2]) in s.templates.trigrams:
            covered_at.update(kept[j : j + 3])
    content = [i for i, w in enumerate(low) if not masked[i] and w not in FILLERS]
    cue_spans = s.cues(start, end)
    cued = bool(cue_spans)
    in_cue = _inside(matches, cue_spans)
    covered = sum(1 for i in content if i in covered_at)
    evidence: list[tuple[str, str]] = []
    contact = _inside(matches, [(m.start(), m.end()) for m in _CONTACT.finditer(prose, start, end)])
    # a template slot left unfilled ("[specific project]", "{{detail}}") is no detail (placeholder rules report it)
    slots = _inside(matches, [(m.start(), m.end()) for m in _SLOT.finditer(prose, start, end)])
    if slots:
        content = [i for i in content if i not in slots]
    # In Title Case Every Word Is Capitalised: capitals say nothing about names there.
    capitals = sum(1 for w in raw if w[:1].isupper())
    title_case = capitals > max(2, len(raw) // 2) or (len(raw) >= 2 and capitals == len(raw))
    for i in content:
        if i in covered_at:
            continue
        word, text = low[i], raw[i]
        if word in _NUMBER_WORDS and _is_figure(low, i) and not _stock_count(low, i, s):
            evidence.append(("number", text))
            continue
        if word[0].isdigit():
            if _is_figure(low, i) and i not in contact and not _stock_count(low, i, s):
                evidence.append(("number", text))
            continue
        if word == "i" or word.startswith("i'"):
            continue
        if text[:1].isupper() and not title_case and i:
            ordinary = word in s.common or word in _DATE_WORDS or word in _TITLES or len(word) < 2
            if not ordinary and not (text.isupper() and s.frequency(word) >= s.rare_below):
                evidence.append(("name", text))
            continue
        stem = _CLITIC.sub("", word)
        if len(stem) < 3 or word in s.common or s.plain(stem) or i in in_cue:
            continue
        if _adverb(stem, s.frequency):
            continue  # a manner adverb ("meaningfully") tells how, not what was discussed
        if stem in _DATE_WORDS:
            continue
        # a compound is as rare as its rarest part: "hands-on" and "follow-up" are common, "cardiac-unit" is not
        parts = [part for part in stem.split("-") if len(part) >= 2] or [stem]
        rarity = min(s.frequency(part) for part in parts)
        if rarity < s.rare_below and not _verb_only(stem):
            evidence.append(("rare", text))
        elif cued and rarity < s.cued_rare_below:
            evidence.append(("cued", text))
    if met:
        evidence.extend(("person", raw[i]) for i in range(len(raw)) if low[i] in met and raw[i][:1].isupper())
    if not evidence and cued:
        evidence.extend(_their_timeline(prose, matches, low, cue_spans))
    if not evidence:
        deadline = _DEADLINE.search(prose, start, end)
        if deadline is not None:
            evidence.append(("timeline", deadline.group(0)))
    if not evidence:
        plan = s.their_plan.search(prose, start, end) if s.their_plan is not None else None
        if plan is not None and any(w in _WHEN for w in low):
            evidence.append(("timeline", plan.group(0)))
    if not evidence:
        evidence.extend(_named_work(prose, start, end, s))
    if not evidence:
        below = s.topic_below if cued else s.plain_topic_below
        evidence.extend(_topic(raw, low, [i for i in content if i not in in_cue], covered_at, s, below))
    if evidence and not cued and s.self_pitch is not None and s.self_pitch.search(prose, start, end):
        evidence = []  # the writer's own background, not this conversation
    for m in _QUOTE.finditer(prose, start, end):
        if len(m.group(1).split()) >= 2:
            evidence.append(("quote", m.group(1)))
    return Sentence(start, end, len(content), covered, tuple(evidence))


def _their_timeline(
    prose: str, matches: list[re.Match[str]], low: list[str], cue_spans: list[tuple[int, int]]
) -> list[tuple[str, str]]:
    """A date or time the interviewer gave, reported after a second-person cue: "you mentioned a decision
    around the week of May 19", "you said you hoped to decide by the end of the month"."""
    for first, last in cue_spans:
        if not prose[first:last].lower().startswith("you"):
            continue
        for i, m in enumerate(matches):
            if m.start() >= last and (low[i] in _WHEN or low[i][0].isdigit()):
                return [("timeline", m.group(0))]
    return []


def _named_work(prose: str, start: int, end: int, s: Settings) -> list[tuple[str, str]]:
    """A piece of work named by what it is about: "the dashboard clean-up project", "your onboarding pilot"; the
    words before the head noun (``project-heads``) say which one, when one of them is not stock vocabulary."""
    if s.project is None:
        return []
    for m in s.project.finditer(prose, start, end):
        words = [_norm(w) for w in _TOKEN.findall(m.group(1))]
        named = [w for w in words if w.isalpha() and len(w) >= 3 and not s.plain(w) and s.frequency(w) < s.topic_below]
        if named:
            return [("topic", m.group(0))]
    return []


def _topic(
    raw: list[str], low: list[str], content: list[int], covered_at: set[int], s: Settings, below: float
) -> list[tuple[str, str]]:
    """Two or more adjacent words outside the templates and the generic vocabulary, each rarer than ``below``:
    a topic ("the apple harvest", after a cue "the environmental practice group")."""
    run: list[int] = []
    found: list[tuple[str, str]] = []
    for i in [*content, -1]:
        ok = (
            i >= 0
            and i not in covered_at
            and low[i].isalpha()
            and len(low[i]) >= 3
            and not s.plain(low[i])
            and not _adverb(low[i], s.frequency)
            and s.frequency(low[i]) < below
            and not _verb_only(low[i])
        )
        if ok and (not run or run[-1] == i - 1):
            run.append(i)
            continue
        if len(run) >= 2:
            found.append(("topic", " ".join(raw[k] for k in run)))
        run = [i] if ok else []
    return found


def _own_names(
    raw: list[str], low: list[str], names: set[str], loose: frozenset[str] | set[str] = frozenset()
) -> list[bool]:
    """Which tokens are the draft's own names: the context's and the letter's names, a title before a name,
    the words of a role before "position"/"role", a capitalised name after "at"/"join" or before "team"."""
    n = len(raw)
    masked = [_base(w) in names for w in low]
    for i in range(n):
        if masked[i] and _base(low[i]) in loose:
            near = [low[k] for k in (i - 1, i + 1) if 0 <= k < n]
            masked[i] = any(_base(w) in names or w in _ROLE_HEADS for w in near)
    for i in range(n):
        if low[i] in _DATE_WORDS and raw[i][:1].isupper():
            masked[i] = True  # "on Tuesday", "March 3": a date is a slot of every template
        if low[i] in _TITLES and i + 1 < n and raw[i + 1][:1].isupper():
            masked[i] = masked[i + 1] = True
    for i in range(n):
        if low[i] in _ROLE_HEADS:
            j = i - 1
            while j >= 0 and i - j <= 4 and low[j] not in _DETERMINERS and low[j] not in _EMPLOYER_BEFORE:
                j -= 1
            if j >= 0 and low[j] in _DETERMINERS and not any(low[k] in _VERBISH for k in range(j + 1, i)):
                for k in range(j + 1, i):
                    masked[k] = True
            if i + 2 < n and low[i + 1] in ("of", "as") and raw[i + 2][:1].isupper():
                k = i + 2
                while k < n and raw[k][:1].isupper():
                    masked[k] = True
                    k += 1
    for i in range(n):
        if not i or not raw[i][:1].isupper():
            continue
        if i > 0 and low[i - 1] in _EMPLOYER_BEFORE:
            k = i
            while k < n and (
                raw[k][:1].isupper() or (low[k] in ("&", "and") and k + 1 < n and raw[k + 1][:1].isupper())
            ):
                masked[k] = True
                k += 1
    for i in range(n):
        if low[i] in _EMPLOYER_AFTER or low[i].endswith("'s"):
            k = i - 1 if low[i] in _EMPLOYER_AFTER else i
            while k > 0 and raw[k][:1].isupper():
                masked[k] = True
                k -= 1
    return masked


def _adverb(word: str, frequency: Callable[[str], float]) -> bool:
    """A manner adverb: a listed ending ("meaningfully"), or "-ly" after a known word ("smoothly", "happily";
    not "family", nor "weekly" or "quarterly", which can name what is discussed)."""
    if _ADVERB.search(word):
        return True
    if len(word) <= 5 or not word.endswith("ly"):
        return False
    base = word[:-3] + "y" if word.endswith("ily") else word[:-2]
    return base not in _WHEN and base != "quarter" and frequency(base) > 0


def _verb_only(word: str) -> bool:
    """Whether ``word`` can only be a verb form ("expedite", "paused", "rang"): it says what someone does, not
    what was discussed. A word that can be a noun ("steer", "audits") and an -ing form, which names an
    activity ("phishing", "underwriting", "welding"), may be the topic, and still count."""
    from ...grammar.forms import base_of, is_noun, is_verb

    if "-" in word or not word.isalpha() or word.endswith("ing") or is_noun(word):
        return False
    base = base_of(word)
    if base is not None:
        return not word.endswith("s") or not is_noun(base)  # a past form; an -s form of a verb only
    return is_verb(word)


def _stock_count(low: list[str], i: int, s: Settings) -> bool:
    """A count of stock things ("my two references", "both of the interviews", "3 rounds"): the figure's next
    word is stock vocabulary, so the number says nothing only this conversation holds. A share ("30%") and a
    count of anything else ("1,200 drivers", "two nurses") still do."""
    if low[i].endswith("%") or i + 1 >= len(low):
        return False
    following = low[i + 1]
    if following in ("of", "or", "to", "and"):
        following = (
            low[i + 2]
            if i + 2 < len(low) and low[i + 2] not in ("the", "my", "your", "our")
            else (low[i + 3] if i + 3 < len(low) else following)
        )
    return following.isalpha() and following not in _STOP_COUNTED and s.plain(following)


#: After a figure these words say what is counted without being stock: "30 percent", "two million".
_STOP_COUNTED = _words("percent per cent million thousand hundred billion dozen times")


def _is_figure(low: list[str], i: int) -> bool:
    """A number that says something (a share, a count, an amount), not a date, a time or an ordinal day."""
    word = low[i]
    if word.endswith(("st", "nd", "rd", "th")) or ":" in word or "/" in word:
        return False
    if len(word) == 4 and word[:2] in ("19", "20"):
        return False  # a year
    near = low[max(0, i - 2) : i + 3]
    return not any(w in _DATE_WORDS for w in near)
