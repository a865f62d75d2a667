"""A weighted Damerau-Levenshtein distance tuned to how people mistype and misspell English."""

from __future__ import annotations

from functools import cache

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_VOWELS = frozenset("aeiouy")
#: Leaving out or adding a silent final "e" ("smil", "simplye").
FINAL_E = 0.5


def _neighbours() -> dict[str, frozenset[str]]:
    where = {ch: (r, c) for r, row in enumerate(_ROWS) for c, ch in enumerate(row)}
    out: dict[str, frozenset[str]] = {}
    for ch, (r, c) in where.items():
        near = {
            o
            for o, (r2, c2) in where.items()
            if (r2 == r and abs(c2 - c) == 1)
            or (r2 == r + 1 and c2 in (c - 1, c))
            or (r2 == r - 1 and c2 in (c, c + 1))
        }
        out[ch] = frozenset(near)
    return out


NEAR = _neighbours()
#: Letter pairs often swapped in spelling (not typing): sounds alike.
_SOUND_ALIKE = frozenset(
    {frozenset(p) for p in ("cs", "ck", "sz", "gj", "fv", "mn", "ck", "kq", "sc", "td", "bp", "iy", "ey", "cq", "xz")}
)


@cache
def sub_cost(a: str, b: str) -> float:
    """The cost of writing ``b`` where ``a`` belongs."""
    if a == b:
        return 0.0
    if a in _VOWELS and b in _VOWELS:
        return 0.55
    if frozenset((a, b)) in _SOUND_ALIKE:
        return 0.65
    if b in NEAR.get(a, ()):
        return 0.7
    return 1.0


def distance(typed: str, word: str, cutoff: float = float("inf")) -> float:
    """The weighted cost of turning ``word`` (the intended word) into ``typed``; ``inf`` once it must exceed
    ``cutoff``."""
    n, m = len(word), len(typed)
    prev2: list[float] = []
    prev = [j * 1.0 for j in range(m + 1)]
    for i in range(1, n + 1):
        cur = [i * 1.0] + [0.0] * m
        wi = word[i - 1]
        # A letter of the word left out: cheap when it is a doubled letter, a final "e" or a vowel.
        if (i > 1 and word[i - 2] == wi) or (i < n and word[i] == wi):
            omit = 0.45
        elif wi == "e" and i == n:
            omit = FINAL_E
        else:
            omit = 0.8 if wi in _VOWELS else 0.95
        for j in range(1, m + 1):
            tj = typed[j - 1]
            # A letter typed that the word lacks: cheap when it doubles a neighbour or is a final "e".
            if (j > 1 and typed[j - 2] == tj) or (j < m and typed[j] == tj):
                extra = 0.45
            elif tj == "e" and j == m:
                extra = FINAL_E
            else:
                extra = 0.85 if tj in _VOWELS else 0.95
            best = min(prev[j] + omit, cur[j - 1] + extra, prev[j - 1] + sub_cost(wi, tj))
            if i > 1 and j > 1 and wi == typed[j - 2] and word[i - 2] == tj and wi != tj:
                best = min(best, prev2[j - 2] + 0.6)
            cur[j] = best
        if cutoff < min(cur) and (not prev2 or cutoff < min(prev)):
            return float("inf")
        prev2, prev = prev, cur
    return prev[m]
