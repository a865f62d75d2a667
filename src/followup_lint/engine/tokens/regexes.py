"""Compile regexes from the compiled form Python's own ``re`` compiler produced, cached in the user cache.

spaCy's affix and URL regexes are long (30 KB of character classes): ``re.compile`` spends 50 to 100 ms parsing
them in every process. The compiler's output (the ``_sre`` code list, flags and group names) is plain data, so it
is stored once, keyed by the exact Python version, the ``_sre`` magic number and the patterns; later processes
hand it straight to ``_sre.compile``, which validates the code. Any problem (another Python, an unreadable or
stale entry) falls back to ``re.compile``: same patterns, only slower.
"""

from __future__ import annotations

import re
import sys
from typing import Any

from ... import cache

NAME = "regex-code"

#: A regex source: the pattern and its flags.
Source = tuple[str, int]


def compile_all(sources: list[Source]) -> list[re.Pattern[str]]:
    """``re.compile(pattern, flags)`` for each source, from cached compiler output when there is some."""
    try:
        import _sre

        entry_key = cache.key(NAME, sys.version, str(_sre.MAGIC), repr(sources))
    except (ImportError, AttributeError):
        return [re.compile(pattern, flags) for pattern, flags in sources]
    compiled = _from_codes(cache.load(NAME, entry_key), sources)
    if compiled is not None:
        return compiled
    codes = []
    for pattern, flags in sources:
        code = _code(pattern, flags)
        if code is None:
            return [re.compile(pattern, flags) for pattern, flags in sources]
        codes.append(code)
    compiled = _from_codes(codes, sources)
    if compiled is None:
        return [re.compile(pattern, flags) for pattern, flags in sources]
    cache.store(NAME, entry_key, codes)
    return compiled


def _code(pattern: str, flags: int) -> tuple[Any, ...] | None:
    """What ``re._compiler.compile`` passes to ``_sre.compile`` for ``pattern`` (``None`` if that has changed)."""
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        return (
            int(flags | parsed.state.flags),
            [int(op) for op in code],
            parsed.state.groups - 1,
            groupindex,
            tuple(indexgroup),
        )
    except (ImportError, AttributeError, TypeError, ValueError, re.error):
        return None


def _from_codes(codes: Any, sources: list[Source]) -> list[re.Pattern[str]] | None:
    if not isinstance(codes, list) or len(codes) != len(sources):
        return None
    import _sre

    compiled = []
    try:
        for (pattern, _flags), (flags, code, groups, groupindex, indexgroup) in zip(sources, codes, strict=True):
            regex = _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)
            if not isinstance(regex, re.Pattern) or regex.pattern != pattern:
                return None
            compiled.append(regex)
    except (TypeError, ValueError, RuntimeError, OverflowError):
        return None
    return compiled


def _single_key() -> str:
    try:
        import _sre

        return cache.key(NAME, "single", sys.version, str(_sre.MAGIC))
    except (ImportError, AttributeError):
        return ""


#: Compiler output of single regexes (rule regexes compiled on first use), by flags and pattern, kept in the
#: user cache between runs like ``compile_all``'s.
COMPILED = cache.Memo(NAME + "-single", _single_key)


def compile_cached(pattern: str, flags: int) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the compiler output cached by an earlier process when there is some."""
    if not COMPILED.enabled:
        return re.compile(pattern, flags)
    name = f"{flags}\0{pattern}"
    code = COMPILED.get(name)
    if code is not None:
        compiled = _from_codes([code], [(pattern, flags)])
        if compiled is not None:
            return compiled[0]
    code = _code(pattern, flags)
    compiled = None if code is None else _from_codes([code], [(pattern, flags)])
    if compiled is None:
        return re.compile(pattern, flags)
    COMPILED.put(name, code)
    return compiled[0]
