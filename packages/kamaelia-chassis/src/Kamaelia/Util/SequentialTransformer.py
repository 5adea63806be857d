"""SequentialTransformer: apply several functions in turn to each message."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from Axon.options import checked_keywords

from Kamaelia.Util.PureTransformer import PureTransformer

__all__ = ["SequentialTransformer"]


@checked_keywords
class SequentialTransformer(PureTransformer):
    """SequentialTransformer(*functions) -> send f3(f2(f1(msg))) for each message.

    A final result of None is not sent.  Shutdown as for PureTransformer.
    """

    def __init__(self, *functions: Callable[[Any], Any]) -> None:
        super().__init__()
        for index, function in enumerate(functions):
            if not callable(function):
                raise TypeError(
                    f"SequentialTransformer: function {index} must be callable, got {function!r}"
                )
        self.functions = functions

    def processMessage(self, msg: Any) -> Any:
        """Run the message through every function, in order."""
        if not self.functions:
            return None
        for function in self.functions:
            msg = function(msg)
        return msg
