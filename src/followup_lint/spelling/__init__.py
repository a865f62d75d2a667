"""Offline spelling: a word set expanded from hunspell's en_US (via spylls), British and American variant
lists, a technical vocabulary, and suggestion ranking by a weighted edit distance and a word-frequency prior.

Loading is fast because the expanded word set is cached (marshalled) under the user's cache directory.
"""

from __future__ import annotations

from .speller import Speller, speller

__all__ = ["Speller", "speller"]
