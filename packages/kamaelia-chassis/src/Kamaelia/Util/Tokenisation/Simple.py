"""Simple tokenisation: lists of strings <-> lines of space-separated tokens.

``tokenlists_to_lines()`` turns ``["move", "12", ["a b", "c"]]`` into
``"move 12 [ a%20b c ] \\n"``; ``lines_to_tokenlists()`` turns it back.
Spaces, brackets, line breaks, tabs and ``%`` inside tokens are escaped as
``%`` plus hex, in the same form as Kamaelia 1.x, so 1.x peers interoperate.
"""

from __future__ import annotations

import re
from typing import Any

from Kamaelia.Util.Marshalling import DeMarshaller, Marshaller

__all__ = ["EscapedListMarshalling", "tokenlists_to_lines", "lines_to_tokenlists"]

# 1.x writes "%" + hex(ord(ch)) without zero padding ("\n" -> "%a").
_ESCAPES = {ch: "%" + format(ord(ch), "x") for ch in "\x00\t\n\r []"}
_ESCAPES["%"] = "%25"
_UNESCAPES = {code: ch for ch, code in _ESCAPES.items()}
_UNESCAPES["%39"] = "9"  # 1.x also escaped "9" by mistake; read it back
_ESCAPE_RE = re.compile("|".join(re.escape(ch) for ch in _ESCAPES))
_UNESCAPE_RE = re.compile("|".join(sorted(map(re.escape, _UNESCAPES), key=len, reverse=True)))


def _escape(token: str) -> str:
    return _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group(0)], token)


def _unescape(token: str) -> str:
    return _UNESCAPE_RE.sub(lambda m: _UNESCAPES[m.group(0)], token)


class EscapedListMarshalling:
    """Codec between (nested) lists of strings and single text lines."""

    @staticmethod
    def marshall(lst: Any, term: str = "\n") -> str:
        """Encode a (nested) list of strings as one line."""
        out = []
        for item in lst:
            if isinstance(item, (list, tuple)):
                out.append("[ " + EscapedListMarshalling.marshall(item, term="] "))
            else:
                out.append(_escape(str(item)) + " ")
        return "".join(out) + term

    @staticmethod
    def demarshall(string: str) -> list[Any]:
        """Decode one line back into a (nested) list of strings."""
        out: list[Any] = []
        stack: list[list[Any]] = []
        for item in string.split(" "):
            if not item or item == "\n":
                continue
            if item == "[":
                nested: list[Any] = []
                out.append(nested)
                stack.append(out)
                out = nested
            elif item == "]":
                if not stack:
                    raise ValueError(f"unbalanced ']' in token line {string!r}")
                out = stack.pop()
            else:
                out.append(_unescape(item))
        if stack:
            raise ValueError(f"unclosed '[' in token line {string!r}")
        return out


def tokenlists_to_lines() -> Marshaller:
    """A component turning token lists into lines."""
    return Marshaller(EscapedListMarshalling)


def lines_to_tokenlists() -> DeMarshaller:
    """A component turning lines into token lists."""
    return DeMarshaller(EscapedListMarshalling)
