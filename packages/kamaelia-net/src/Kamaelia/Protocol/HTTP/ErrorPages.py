"""Error pages for HTTPServer (1.x ``Kamaelia.Protocol.HTTP.ErrorPages``).

``getErrorPage(code, msg)`` returns a resource dict (``statuscode``, ``data``,
``content-type``); ``ErrorPageHandler(code, msg)`` is a request handler
component that sends that page and finishes.
"""

from __future__ import annotations

import html
from collections.abc import Generator
from typing import Any

from Axon.Component import component
from Axon.Ipc import producerFinished
from Axon.options import checked_keywords

from Kamaelia.Protocol.HTTP._core import status_line_phrase

__all__ = ["ErrorPageHandler", "getErrorPage"]


def getErrorPage(errorcode: int, msg: str = "") -> dict[str, Any]:
    """The resource dict of an HTML page for ``errorcode``; ``msg`` is shown, escaped."""
    title = f"{errorcode} {status_line_phrase(errorcode)}".strip()
    page = (
        f"<!DOCTYPE html>\n<html><head><title>{title}</title></head>\n"
        f"<body><h2>{title}</h2>\n<p>{html.escape(msg)}</p></body></html>\n"
    )
    return {"statuscode": str(errorcode), "data": page, "content-type": "text/html"}


@checked_keywords
class ErrorPageHandler(component):
    """A request handler that answers with ``getErrorPage(statuscode, message)`` and finishes."""

    def __init__(self, statuscode: int, message: str = "") -> None:
        super().__init__()
        self.resource = getErrorPage(statuscode, message)

    def main(self) -> Generator[int, None, None]:
        """Send the page, then producerFinished."""
        self.send(self.resource, "outbox")
        self.send(producerFinished(self), "signal")
        yield 1
