"""Reading LSP messages strictly: a bad header ends the session cleanly instead of stalling it.

pygls skips a header it cannot read and then reads the body as more headers, so a non-numeric, negative or
missing ``Content-Length`` left the server silent for good. Here every header line is bounded, the length must
be a plain number no larger than ``MAX_BODY``, and anything else is a ``FramingError`` (the caller logs one
line and exits: without a length there is no telling where the next message starts).
"""

from __future__ import annotations

from typing import BinaryIO

#: The longest header line, the most header lines, and the largest body accepted.
MAX_HEADER_LINE = 1024
MAX_HEADERS = 32
MAX_BODY = 64 * 1024 * 1024


class FramingError(Exception):
    """The client's byte stream is not a sequence of ``Content-Length``-framed messages."""


def read_message(stream: BinaryIO) -> bytes | None:
    """The next message's body, or None at the end of the input between two messages."""
    length: int | None = None
    headers = 0
    while True:
        line = stream.readline(MAX_HEADER_LINE + 1)
        if not line:
            if headers:
                raise FramingError("the input ended inside a message header")
            return None
        if not line.endswith(b"\n"):
            raise FramingError("a header line is unterminated or longer than 1 KB")
        text = line.strip()
        if not text:
            if not headers:
                continue  # blank lines between messages
            if length is None:
                raise FramingError("a message has no Content-Length header")
            break
        headers += 1
        if headers > MAX_HEADERS:
            raise FramingError("a message has too many header lines")
        name, colon, value = text.partition(b":")
        if not colon:
            raise FramingError(f"a header line has no colon: {text[:40]!r}")
        if name.strip().lower() == b"content-length":
            value = value.strip()
            if not value.isdigit():
                raise FramingError(f"Content-Length is not a non-negative number: {value[:20]!r}")
            length = int(value)
            if length > MAX_BODY:
                raise FramingError(f"Content-Length {length} is over the limit of {MAX_BODY} bytes")
    body = stream.read(length)
    if len(body) < length:
        raise FramingError("the input ended inside a message body")
    return body
