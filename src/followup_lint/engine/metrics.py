"""Numbers measured on a draft (words, sentences, characters), for metric rules and reports.

``pipeline.METRICS`` names every metric (these and the ones other modules measure) and ``pipeline.LOCATORS``
the functions that find where the n-th unit of one starts.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .document import Document

WORD = re.compile(r"[^\W_]+(?:['\u2019.\-][^\W_]+)*")


def body_words(doc: Document) -> list[re.Match[str]]:
    """The ``body_words`` analysis: the words of the body, as matches of ``WORD``."""
    return list(WORD.finditer(doc.prose, doc.draft.body_start))


def words(doc: Document) -> float:
    return len(doc.body_words)


def sentences(doc: Document) -> float:
    """Sentences of the message itself: the greeting line and the sign-off with the name are not counted."""
    start = doc.draft.body_start
    layout = doc.layout
    if layout.greeting is not None:
        start = layout.greeting.end
    end = layout.sign_off.start if layout.sign_off is not None else len(doc.prose)
    from .patterns import token_view

    columns = token_view(doc.doc).columns
    alpha, number, offsets = columns["is_alpha"], columns["like_num"], columns["idx"]
    count = 0
    for sent in doc.doc.sents:
        words = [i for i in range(sent.start, sent.end) if alpha[i] or number[i]]
        if words and offsets[words[-1]] >= start and offsets[words[0]] < end:
            count += 1
    return count


def characters(doc: Document) -> float:
    """Characters of the body as it would be pasted into a form: runs of white space count as one."""
    return len(re.sub(r"\s+", " ", doc.prose[doc.draft.body_start :]).strip())


def nth_word(doc: Document, n: int) -> int | None:
    found = doc.body_words
    return found[n].start() if n < len(found) else None


def nth_character(doc: Document, n: int) -> int | None:
    count = 0
    previous_space = True
    for index in range(doc.draft.body_start, len(doc.prose)):
        char = doc.prose[index]
        space = char.isspace()
        if space and previous_space:
            continue
        if count == n and not space:
            return index
        count += 1
        previous_space = space
    return None
