"""1.x module ``Axon.Box``: inboxes and outboxes."""

from ._box import ShowAllTransits, makeInbox, makeOutbox, postbox

__all__ = ["ShowAllTransits", "makeInbox", "makeOutbox", "postbox"]
