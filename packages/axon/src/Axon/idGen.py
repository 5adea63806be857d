"""1.x module ``Axon.idGen``: process-wide ids."""

from ._ids import idGen, newId, numId, strId, tupleId

__all__ = ["idGen", "newId", "numId", "strId", "tupleId"]
