"""The parts of a MIME message located in its bytes, in linear time, without decoding any body.

``prune`` gives a small stand-in for a message: the same headers and multipart structure, with the body of
each text part kept byte for byte and every other body (attachments, images, forwarded messages) left out.
The ``email`` package then parses kilobytes instead of megabytes, and nothing is decoded that is not linted.
Each kept text part gets a ``PART_HEADER`` naming its body's byte range in the original, so positions can be
mapped back; a text part too large to lint is kept without its body and marked with ``OVERSIZED_HEADER``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from email import policy
from email.message import Message
from email.parser import BytesHeaderParser

from .errors import DraftError

#: Multipart levels deeper than this are refused (real mail nests a handful).
MAX_DEPTH = 32
#: More parts than this are refused (real mail has a few dozen at most).
MAX_PARTS = 10_000
#: Stand-in header naming a kept text part's index in ``Pruned.bodies``.
PART_HEADER = "X-Followup-Lint-Part"
#: Stand-in header on a text part whose body (of this many bytes) was left out because it is too large.
OVERSIZED_HEADER = "X-Followup-Lint-Oversized"
#: What stands in for a body that was left out.
OMITTED = b"(omitted)\n"

# Header lines as the email package recognises them (a field name and a colon, an mbox "From " line, or a
# continuation), up to the first line that is none of these.
_HEADER_LINES = re.compile(rb"(?:(?:From |[!-9;-~]*:|[ \t])[^\n]*(?:\n|\Z))*")
_LINE_BREAK = re.compile(rb"\r?\n")
_DELIMITER_REST = re.compile(rb"[ \t]*(?:\r?\n|\Z)")
_HEADERS = BytesHeaderParser(policy=policy.compat32)


@dataclass
class Pruned:
    """A message's stand-in and where its parts are in the original bytes."""

    data: bytes
    #: Where the top-level header block ends (its blank line excluded) and the body starts, in the original.
    header_end: int
    body_start: int
    multipart: bool = False
    #: Byte range of each kept text part's body in the original, by the index in its ``PART_HEADER``.
    bodies: list[tuple[int, int]] = field(default_factory=list)


def split_head(data: bytes, start: int = 0, end: int | None = None) -> tuple[int, int]:
    """Where the header lines of the part ``data[start:end]`` end, and where its body starts."""
    end = len(data) if end is None else end
    head_end = _HEADER_LINES.match(data, start, end).end()  # type: ignore[union-attr]
    blank = _LINE_BREAK.match(data, head_end, end)
    return head_end, blank.end() if blank else head_end


def prune(path: str, data: bytes, text_limit: int) -> Pruned:
    """The stand-in for ``data``; text parts over ``text_limit`` bytes as stored are marked, not kept.

    Raises ``DraftError`` when the multipart structure is nested deeper than ``MAX_DEPTH`` or has more than
    ``MAX_PARTS`` parts.
    """
    head_end, body_start = split_head(data)
    headers = _parse_headers(data[:head_end], "text/plain")
    if headers.get_content_maintype() != "multipart" or not headers.get_boundary():
        pruned = Pruned(data, head_end, body_start)
        if headers.get_content_maintype() != "text" and len(data) > body_start:
            pruned.data = _head(data, 0, head_end) + b"\n" + OMITTED
        return pruned
    pruned = Pruned(b"", head_end, body_start, multipart=True)
    out: list[bytes] = []
    _Walker(path, data, text_limit, pruned, out).multipart(headers, 0, head_end, body_start, len(data), 0)
    pruned.data = b"".join(out)
    return pruned


def _parse_headers(block: bytes, default_type: str) -> Message:
    headers = _HEADERS.parsebytes(block)
    headers.set_default_type(default_type)
    return headers


def _head(data: bytes, start: int, head_end: int) -> bytes:
    """A part's header lines, ending with a line break."""
    head = data[start:head_end]
    return head if not head or head.endswith(b"\n") else head + b"\n"


def delimited(data: bytes, start: int, end: int, boundary: bytes) -> list[tuple[int, int]] | None:
    """The byte ranges of the parts between ``--boundary`` lines in ``data[start:end]``; None when there is none.

    A part ends before the line break that precedes the next delimiter line. Without a closing
    ``--boundary--`` line the last part runs to ``end``, as the email package reads it.
    """
    marker = b"--" + boundary
    ranges: list[tuple[int, int]] = []
    part_start: int | None = None
    pos = start
    while (at := data.find(marker, pos, end)) >= 0:
        pos = at + 1
        if at > start and data[at - 1] != 0x0A:  # not at the start of a line
            continue
        after = at + len(marker)
        closing = data.startswith(b"--", after)
        rest = _DELIMITER_REST.match(data, after + 2 if closing else after, end)
        if rest is None:
            continue
        if part_start is not None:
            cut = at
            if cut > part_start and data[cut - 1] == 0x0A:
                cut -= 1
                if cut > part_start and data[cut - 1] == 0x0D:
                    cut -= 1
            ranges.append((part_start, cut))
        if closing:
            return ranges if part_start is not None else None
        part_start = pos = rest.end()
    if part_start is None:
        return None
    ranges.append((part_start, end))
    return ranges


@dataclass
class _Walker:
    path: str
    data: bytes
    text_limit: int
    pruned: Pruned
    out: list[bytes]
    parts: int = 0

    def multipart(self, headers: Message, start: int, head_end: int, body_start: int, end: int, depth: int) -> None:
        """Write a multipart part: its header lines, then each of its parts between delimiter lines."""
        if depth >= MAX_DEPTH:
            raise DraftError(self.path, f"nests multipart parts more than {MAX_DEPTH} deep, so it is not a draft")
        self.out.append(_head(self.data, start, head_end) + b"\n")
        boundary = str(headers.get_boundary()).encode("ascii", "surrogateescape")
        children = delimited(self.data, body_start, end, boundary)
        if children is None:
            return  # no delimiter line: the email package reports the broken structure
        default_type = "message/rfc822" if headers.get_content_subtype() == "digest" else "text/plain"
        for child_start, child_end in children:
            self.out.append(b"--" + boundary + b"\n")
            self.part(child_start, child_end, default_type, depth + 1)
            self.out.append(b"\n")
        self.out.append(b"--" + boundary + b"--\n")

    def part(self, start: int, end: int, default_type: str, depth: int) -> None:
        self.parts += 1
        if self.parts > MAX_PARTS:
            raise DraftError(self.path, f"has more than {MAX_PARTS} MIME parts, so it is not a draft")
        head_end, body_start = split_head(self.data, start, end)
        headers = _parse_headers(self.data[start:head_end], default_type)
        maintype = headers.get_content_maintype()
        if maintype == "multipart" and headers.get_boundary():
            self.multipart(headers, start, head_end, body_start, end, depth)
            return
        head = _head(self.data, start, head_end)
        if maintype != "text" or headers.get_content_disposition() == "attachment":
            self.out.append(head + b"\n" + (OMITTED if end > body_start else b""))
            return
        index = len(self.pruned.bodies)
        self.pruned.bodies.append((body_start, end))
        marker = f"{PART_HEADER}: {index}\n".encode("ascii")
        if end - body_start > self.text_limit:
            self.out.append(head + marker + f"{OVERSIZED_HEADER}: {end - body_start}\n\n".encode("ascii") + OMITTED)
        else:
            self.out.append(head + marker + b"\n" + self.data[body_start:end])
