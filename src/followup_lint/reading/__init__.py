"""Reading drafts: bytes on disk (or standard input) become a ``Draft`` with its prose marked."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from .decode import MAX_BYTES, MAX_EML_BYTES, _size, check_size, decode
from .draft import Draft
from .errors import DraftError

__all__ = ["Draft", "DraftError", "draft_from_text", "format_for", "read_bytes", "read_path", "read_stream"]

_FORMATS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".eml": "email",
    ".mbox": "email",
    ".txt": "text",
    ".text": "text",
    "": "text",
}


def format_for(path: str) -> str:
    """The draft format implied by a file name: ``text``, ``markdown`` or ``email``."""
    return _FORMATS.get(os.path.splitext(path)[1].lower(), "text")


def draft_from_text(text: str, path: str = "<text>", fmt: str | None = None) -> Draft:
    """A draft from text already in memory (the library API and the language server use this)."""
    fmt = fmt or format_for(path)
    if fmt == "email":
        from .eml import read_eml

        return read_eml(path, text.encode("utf-8"))
    if fmt == "markdown":
        from .markdown import read_markdown

        return read_markdown(path, text)
    from .plain import read_text

    return read_text(path, text)


#: An e-mail's header block larger than this is refused before it is parsed: the standard library's header
#: decoding needs memory far out of proportion to it (a Subject of 50,000 encoded-words reached 4 GB).
MAX_HEADER_BYTES = 64 * 1024


def _check_headers(path: str, data: bytes) -> None:
    """Refuse a header block (up to the first blank line) over ``MAX_HEADER_BYTES``."""
    window = MAX_HEADER_BYTES + 4
    ends = [i for i in (data.find(b"\n\n", 0, window), data.find(b"\r\n\r\n", 0, window)) if i >= 0]
    if (min(ends) if ends else len(data)) > MAX_HEADER_BYTES:
        raise DraftError(path, f"has e-mail headers over {MAX_HEADER_BYTES // 1024} KB, which no draft needs")


def read_bytes(path: str, data: bytes, fmt: str | None = None) -> Draft:
    """A draft from raw bytes; ``path`` is used for messages and to choose the format."""
    fmt = fmt or format_for(path)
    try:
        if fmt == "email":
            from .eml import read_eml

            _check_headers(path, data)
            return read_eml(path, data)
        text, _encoding = decode(path, data)
        return draft_from_text(text, path, fmt)
    except RecursionError:  # MIME parts nested hundreds deep: the standard library's parser recurses
        raise DraftError(path, "nests its parts too deeply to be read") from None


#: What a path that is not a regular file is, for the one-line refusal.
_SPECIAL = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _not_a_file(mode: int) -> str | None:
    for test, what in _SPECIAL:
        if test(mode):
            return f"is {what}, not a draft file"
    return None if stat.S_ISREG(mode) else "is not a regular file"


def read_limited(path: str, handle: BinaryIO, limit: int, size: int | None = None) -> bytes:
    """At most ``limit`` bytes from ``handle``: ``limit + 1`` are read, and ``DraftError`` if they all come."""
    data = handle.read(limit + 1)
    if len(data) > limit:
        if size is not None:
            check_size(path, size, limit)
        raise DraftError(path, f"is too large to be a draft (more than the limit of {_size(limit)})")
    return data


def read_stream(path: str, handle: BinaryIO, fmt: str | None = None) -> bytes:
    """Standard input (a pipe by design): read with the size limit of the draft's format, never more."""
    try:
        return read_limited(path, handle, MAX_EML_BYTES if (fmt or format_for(path)) == "email" else MAX_BYTES)
    except OSError as exc:
        raise DraftError(path, exc.strerror or str(exc)) from None


def read_file(path: str | Path, limit: int = MAX_BYTES) -> tuple[bytes, os.stat_result]:
    """A draft file's bytes and its status, read in one go; ``DraftError`` with a one-line reason otherwise.

    Only a regular file is opened: a FIFO, a device or a socket is refused before it can block or stream
    without end, and no more than ``limit + 1`` bytes are ever read.
    """
    name = str(path)
    try:
        if os.path.isdir(name):
            raise DraftError(name, "is a directory")
        reason = _not_a_file(os.stat(name).st_mode)
        if reason:
            raise DraftError(name, reason)
        descriptor = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(descriptor, "rb") as handle:
            info = os.fstat(handle.fileno())
            reason = _not_a_file(info.st_mode)  # replaced between the two looks
            if reason:
                raise DraftError(name, reason)
            check_size(name, info.st_size, limit)
            return read_limited(name, handle, limit, info.st_size), info
    except DraftError:
        raise
    except FileNotFoundError:
        raise DraftError(name, "no such file") from None
    except PermissionError:
        raise DraftError(name, "permission denied") from None
    except OSError as exc:
        raise DraftError(name, exc.strerror or str(exc)) from None


def read_path(path: str | Path, fmt: str | None = None) -> Draft:
    """Read a draft file, raising ``DraftError`` with a one-line reason when it cannot be linted."""
    name = str(path)
    fmt = fmt or format_for(name)
    data, _ = read_file(name, MAX_EML_BYTES if fmt == "email" else MAX_BYTES)
    return read_bytes(name, data, fmt)
