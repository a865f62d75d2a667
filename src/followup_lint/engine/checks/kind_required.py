"""``kind-required``: ``required`` for per-kind expectations. It stays silent when the kind was only guessed
(not given with ``--kind`` and detected below the cue file's ``sure`` confidence), so a draft of uncertain kind
is not held to, say, a thank-you note's expectations.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..kinds import kind_is_sure
from .required import Required

if TYPE_CHECKING:
    from ...model import Finding
    from ..document import Document


class KindRequired(Required):
    """Fires once, at the start of the body, when nothing matches and the draft's kind is known."""

    def run(self, doc: Document) -> Iterator[Finding]:
        if kind_is_sure(doc):
            yield from super().run(doc)
