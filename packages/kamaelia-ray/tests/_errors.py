"""Finding the error a component raised, whether or not the scheduler wrapped it."""

from __future__ import annotations


def cause_chain(error: BaseException | None) -> list[BaseException]:
    chain = []
    while error is not None:
        chain.append(error)
        error = error.__cause__
    return chain
