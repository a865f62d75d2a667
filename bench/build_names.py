"""Build ``rules/_data/typo-names.txt``: given names and surnames, so that the speller can tell a name from a
slip in a capitalised word ("the Finanse team" is a slip; "the Okafor team" is a name).

Source: the US Census Bureau's 1990 name frequency files (``dist.all.last``, ``dist.female.first``,
``dist.male.first``), a work of the US government and so in the public domain, as shipped in the PyPI package
``names`` 0.3.0 (Trey Hunner; code MIT, the data files stated public domain in its README). The package is
needed only to build the file (``pip install names==0.3.0``), never at run time.

Kept: every given name and every surname (88,799), each written capitalised ("Okafor"), ASCII letters only.
The rarest surnames include misspellings that the census recorded as names ("Thier", "Wehn", "Plesant"), but
keeping them costs no false alarm: a listed word is only judged as before, never more loosely. Cut at the
40,000 most frequent surnames, the list missed more real names ("Mateus", "Bjorn"). The list is read only for a
capitalised unknown word inside a sentence that is one typing slip from an ordinary word
(``capitalised-slip-shortest`` in ``rules/typo/spelling.yaml``): reported unless the list holds it.

    .venv/bin/python bench/build_names.py [--check]

``--check`` rebuilds in memory and fails if the shipped file differs (the file is reproducible).
"""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path

from shipped import write_or_check

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "rules" / "_data" / "typo-names.txt"
HEADER = """\
# Given names and surnames, for telling a capitalised name from a capitalised slip. Built by
# bench/build_names.py from the US Census Bureau's 1990 name frequency files (public domain, a work of the US
# government), as shipped in the PyPI package `names` 0.3.0: every given name (female and male lists) and
# every surname. See typo-sources.md.
"""


def source_dir() -> Path | None:
    spec = importlib.util.find_spec("names")
    if spec is None or not spec.origin:
        return None
    return Path(spec.origin).parent


def read(path: Path, limit: int | None = None) -> list[str]:
    out = []
    for line in path.read_text(encoding="ascii").splitlines()[:limit]:
        word = line.split()[0] if line.strip() else ""
        if word.isalpha() and word.isascii():
            out.append(word.capitalize())
    return out


def build(folder: Path) -> str:
    given = read(folder / "dist.female.first") + read(folder / "dist.male.first")
    surnames = read(folder / "dist.all.last")
    return HEADER + "\n".join(sorted(set(given) | set(surnames))) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the shipped file differs from a rebuild")
    args = parser.parse_args()
    folder = source_dir()
    if folder is None or not (folder / "dist.all.last").exists():
        print("skipped: the `names` package is not installed (pip install names==0.3.0)")
        return 0
    return write_or_check(OUT, build(folder), check=args.check, root=ROOT)


if __name__ == "__main__":
    raise SystemExit(main())
