"""lines_to_tokenlists: split lines of text into lists of (possibly quoted) tokens."""

from __future__ import annotations

import re
from collections.abc import Generator

from Axon.Component import component
from Axon.options import checked_keywords

from Kamaelia.Visualisation.PhysicsGraph._common import shutdown_requested

__all__ = ["lines_to_tokenlists"]

# One token: unquoted (up to whitespace), 'single' or "double" quoted with
# backslash escapes; then the rest of the line.
_TOKEN = re.compile(
    r"""\s*(?:([^"'\s]\S*)|'((?:\\.|[^\\'])*)'|"((?:\\.|[^\\"])*)")(?:\s+(.*))?$""",
    re.DOTALL,
)
_ESCAPE = re.compile(r"\\(.)")


@checked_keywords
class lines_to_tokenlists(component):
    """lines_to_tokenlists() -> sends each line as a list of tokens.

    Tokens are separated by whitespace; a token in single or double quotes
    may hold spaces, and a backslash takes the next character literally.
    Blank lines, and lines that do not split (an unclosed quote), send nothing.
    """

    Inboxes = {"inbox": "Lines of text", "control": "Shutdown signalling"}
    Outboxes = {"outbox": "Each line as a list of tokens", "signal": "Shutdown signalling"}

    def main(self) -> Generator[int, None, None]:
        while True:
            while self.dataReady("inbox"):
                tokens = self.lineToTokens(self.recv("inbox"))
                if tokens:
                    self.send(tokens, "outbox")
            if shutdown_requested(self):  # after the data that came before it
                return
            self.pause()
            yield 1

    def lineToTokens(self, line: str) -> list[str]:
        """The tokens of ``line`` ([] if it is blank or does not split)."""
        tokens: list[str] = []
        rest: str | None = line
        while rest is not None and rest.strip():
            match = _TOKEN.match(rest)
            if match is None:
                return []
            plain, single, double, rest = match.groups()
            if plain is not None:
                tokens.append(plain)
            else:
                tokens.append(_ESCAPE.sub(r"\1", single if single is not None else double))
        return tokens
