"""Writing fixed drafts back: atomically, keeping the file's permissions, encoding, BOM and line endings.

A file is read once into a ``Snapshot`` (its bytes and ``stat``). ``write_back`` encodes the new text the way
the file was encoded, writes it to a temporary file in the same directory, flushes it to disk and renames it
over the original, but only when the file on disk still holds the bytes that were read.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .reading import format_for, read_file
from .reading.decode import MAX_BYTES, MAX_EML_BYTES, sniff_encoding
from .reading.errors import DraftError

#: Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class WriteError(DraftError):
    """A fixed draft could not (or must not) be written back; ``str()`` is a one-line reason."""


@dataclass(frozen=True, slots=True)
class Encoding:
    """How a text is stored: a byte-order mark (may be empty) and a codec without one."""

    bom: bytes
    codec: str

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.codec)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A file as read: its path, bytes and status, to write it back safely."""

    path: str
    data: bytes
    mode: int


def file_encoding(data: bytes) -> Encoding:
    """The encoding of ``data`` as ``reading.decode`` reads it: the BOM's, else UTF-8 without a BOM."""
    if sniff_encoding(data) is not None:
        for bom, codec in _BOMS:
            if data.startswith(bom):
                return Encoding(bom, codec)
    return Encoding(b"", "utf-8")


def encoding_for(path: str, data: bytes, source: str) -> Encoding:
    """An encoding that turns ``source`` back into exactly ``data``; ``WriteError`` when none does.

    Normally the BOM's encoding (the BOM is not part of ``source``); an e-mail message is read as UTF-8
    with any BOM kept in its text, so plain UTF-8 is tried too.
    """
    for candidate in (file_encoding(data), Encoding(b"", "utf-8")):
        try:
            if candidate.encode(source) == data:
                return candidate
        except UnicodeEncodeError:
            continue
    raise WriteError(path, "its text cannot be written back byte for byte, so fixes are not applied")


def read_snapshot(path: str | Path) -> Snapshot:
    """Read a file for fixing; raise ``DraftError`` with a one-line reason when it cannot be read."""
    name = str(path)
    fmt = format_for(name)
    data, info = read_file(name, MAX_EML_BYTES if fmt == "email" else MAX_BYTES)
    return Snapshot(name, data, stat.S_IMODE(info.st_mode))


def _unchanged(snapshot: Snapshot, target: str) -> bool:
    """Whether ``target`` still holds exactly the bytes of ``snapshot``."""
    try:
        with open(target, "rb") as handle:
            return handle.read(len(snapshot.data) + 1) == snapshot.data
    except OSError:
        return False


def write_back(snapshot: Snapshot, text: str, encoding: Encoding) -> None:
    """Replace the file of ``snapshot`` with ``text`` atomically.

    The new bytes go to a temporary file in the same directory (so the rename cannot cross file systems),
    which gets the original's permission bits (and owner, where allowed), is flushed and fsync'ed, and is
    renamed over the original. A symbolic link is kept: its target is replaced. Raises ``WriteError`` and
    leaves the file alone when it changed on disk since it was read, or when it cannot be written.
    """
    name = snapshot.path
    target = os.path.realpath(name)
    data = encoding.encode(text)
    if not _unchanged(snapshot, target):
        raise WriteError(name, "changed on disk after it was read; not written (run the command again)")
    if not snapshot.mode & 0o222 or not os.access(target, os.W_OK):  # read-only, even for root
        raise WriteError(name, "is read-only; not written")
    directory = os.path.dirname(target) or "."
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise WriteError(name, f"cannot write a temporary file beside it ({exc.strerror or exc})") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, snapshot.mode)
        with contextlib.suppress(OSError):
            info = os.stat(target)
            os.chown(temporary, info.st_uid, info.st_gid)
        if not _unchanged(snapshot, target):  # a last look, as late as possible
            raise WriteError(name, "changed on disk after it was read; not written (run the command again)")
        os.replace(temporary, target)
    except WriteError:
        _remove(temporary)
        raise
    except OSError as exc:
        _remove(temporary)
        raise WriteError(name, f"cannot be written ({exc.strerror or exc})") from None
    _sync_directory(directory)


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def _sync_directory(directory: str) -> None:
    """Flush the rename to disk where the platform allows it."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
