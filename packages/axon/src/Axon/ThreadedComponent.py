"""1.x module ``Axon.ThreadedComponent``: components whose main() runs in a thread."""

from ._threaded import DefaultQueueSize, threadedadaptivecommscomponent, threadedcomponent

__all__ = ["DefaultQueueSize", "threadedadaptivecommscomponent", "threadedcomponent"]
