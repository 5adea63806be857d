"""1.x module ``Axon.Component``: the component base class."""

from ._component import TraceAllRecvs, TraceAllSends, component

__all__ = ["TraceAllRecvs", "TraceAllSends", "component"]
