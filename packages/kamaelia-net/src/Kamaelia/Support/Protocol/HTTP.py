"""Helpers for HTTPServer (1.x ``Kamaelia.Support.Protocol.HTTP``): routing tables.

``ServerCore(protocol=HTTPProtocol(routing))`` serves HTTP, where ``routing``
is a list of ``[uri_prefix, handler_factory]`` pairs: the first prefix that
starts the request's path (without the query) wins, and its factory is called
with the request dict, which gains ``uri-prefix-trigger`` (the prefix) and
``uri-suffix`` (the rest). No match gives the error handler's 404.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from Kamaelia.Protocol.HTTP.ErrorPages import ErrorPageHandler
from Kamaelia.Protocol.HTTP.HTTPServer import HTTPServer

__all__ = ["HTTPProtocol", "ReqTranslatorFactory", "checkSlashes", "requestHandlers"]


def requestHandlers(
    routing: Iterable[Any], errorhandler: Callable[[int, str], Any] | None = None
) -> Callable[[dict[str, Any]], Any]:
    """A ``createRequestHandler`` for HTTPServer from a routing table."""
    table = [(prefix, factory) for prefix, factory in routing]
    onError = errorhandler or ErrorPageHandler

    def createRequestHandler(request: dict[str, Any]) -> Any:
        if request.get("bad"):
            return onError(400, request.get("errormsg", ""))
        path = request["non-query-uri"]
        for prefix, factory in table:
            if path.startswith(prefix):
                request["uri-prefix-trigger"] = prefix
                request["uri-suffix"] = path[len(prefix) :]
                return factory(request)
        return onError(404, f"No resource handler found for URI {request['raw-uri']}")

    return createRequestHandler


def HTTPProtocol(
    routing: Iterable[Any], errorhandler: Callable[[int, str], Any] | None = None
) -> Callable[..., HTTPServer]:
    """A protocol factory for ServerCore: an HTTPServer per connection, routing by ``routing``."""
    createRequestHandler = requestHandlers(routing, errorhandler)

    def _getHttpServer(**argd: Any) -> HTTPServer:
        return HTTPServer(createRequestHandler, **argd)

    return _getHttpServer


def ReqTranslatorFactory(
    hand: Callable[[Any], Any], trans: Callable[[Any], Any]
) -> Callable[[Any], Any]:
    """A handler factory that passes the request through ``trans`` before ``hand`` sees it."""

    def _getHandler(request: Any) -> Any:
        return hand(trans(request))

    return _getHandler


def checkSlashes(item: str = "", sl_char: str = "/") -> str:
    """``item`` starting with ``sl_char`` and without a trailing slash."""
    if not item.startswith(sl_char):
        item = sl_char + item
    return item.rstrip("/")
