"""The word lists shipped in ``rules/_data/`` and the hunspell files from spylls."""

from __future__ import annotations

from functools import cache
from pathlib import Path


def data_dir() -> Path:
    from ..data import builtin_rules_dir

    return builtin_rules_dir() / "_data"


def hunspell_files() -> tuple[Path, Path]:
    """spylls' en_US ``.dic`` and ``.aff`` (located without importing spylls)."""
    import importlib.util

    spec = importlib.util.find_spec("spylls")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("spylls is not installed")
    base = Path(next(iter(spec.submodule_search_locations))) / "hunspell" / "data" / "en"
    return base / "en_US.dic", base / "en_US.aff"


#: The data files the lexicon is built from (their bytes key the cache).
LIST_FILES = (
    "typo-en-gb.txt",
    "typo-en-us.txt",
    "typo-en-70.txt",
    "typo-en-80.txt",
    "typo-affixes.txt",
    "typo-not-words.txt",
    "typo-frequency.txt",
    "typo-frequent.txt",
    "vocab-tech.txt",
    "vocab-extra.txt",
)


def input_files() -> list[Path]:
    """What the cached lexicon and index are built from: the word lists and this package's code."""
    code = sorted(Path(__file__).parent.glob("*.py"))
    return [*hunspell_files(), *(data_dir() / name for name in LIST_FILES), *code]


@cache
def read_list(name: str) -> tuple[str, ...]:
    """The non-comment lines of a shipped list (first field only)."""
    path = data_dir() / name
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line.split()[0])
    return tuple(out)


def _read_scores(name: str) -> dict[str, int]:
    """Word -> integer score from a ``word score`` file in the data folder (``#`` lines are comments)."""
    out: dict[str, int] = {}
    for line in (data_dir() / name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, _, value = line.partition(" ")
            out[word] = int(value)
    return out


def read_frequencies() -> dict[str, int]:
    """Word -> round(10 * ln(count)) from ``typo-frequency.txt``."""
    return _read_scores("typo-frequency.txt")


def read_frequent() -> dict[str, int]:
    """Word -> its Zipf frequency times ten, from ``typo-frequent.txt`` (frequent words the lists lack)."""
    return _read_scores("typo-frequent.txt")


@cache
def _names_text() -> str:
    return "\n" + (data_dir() / "typo-names.txt").read_text(encoding="ascii")


def is_listed_name(word: str) -> bool:
    """Whether ``word`` ("Okafor") is a given name or surname of ``typo-names.txt`` (US Census 1990 name
    files, one name a line). The file is searched as text: it is needed only for the rare capitalised word that
    may be a slip, and a search costs less than building a set of 92,000 names."""
    return "\n" + word + "\n" in _names_text()
