"""1.x module ``Axon.STM``: software transactional memory."""

from ._stm import BusyRetry, Collection, ConcurrentUpdate, Store, Value

__all__ = ["BusyRetry", "Collection", "ConcurrentUpdate", "Store", "Value"]
