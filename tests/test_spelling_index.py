"""The suggestion index: built in parts on first use, the same whichever part is built first."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from followup_lint.spelling import phonetic
from followup_lint.spelling.speller import Speller, speller


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyz'- ÉéçÀ", max_size=12), min_size=1, max_size=8))
def test_batched_sound_keys_equal_word_by_word(words: list[str]) -> None:
    """The sound keys computed over many words at once (how the index is built) are each word's own key."""
    assert phonetic.keys(words) == [phonetic.key(word) for word in words]


def test_sound_keys_of_known_pairs() -> None:
    assert phonetic.key("knight") == phonetic.key("night") == "nt"
    assert phonetic.key("fone") == phonetic.key("phone")


def test_fresh_index_gives_the_same_suggestions_in_any_order(tmp_path, monkeypatch) -> None:
    """A new machine's first suggestion builds only the shards it needs; a later typo of another length builds
    its own, and each gives what a fully built index gives."""
    typos = ["recieve", "oportunity", "definately", "thnak", "aplication"]
    expected = {typo: speller().suggest(typo) for typo in typos}
    base = speller()
    for order in (typos, typos[::-1]):
        monkeypatch.setenv("FOLLOWUP_LINT_CACHE_DIR", str(tmp_path / "-".join(order[:1])))
        fresh = Speller(base.lexicon, base.key)
        assert {typo: fresh.suggest(typo) for typo in order} == expected
    assert expected["recieve"][0].word == "receive"
