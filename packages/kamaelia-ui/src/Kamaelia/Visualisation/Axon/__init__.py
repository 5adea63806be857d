"""1.x ``Kamaelia.Visualisation.Axon``: the topology viewer dressed for Axon systems.

Components are drawn as hexagons, inboxes and outboxes as labels around
them, links as arrows (green from an outbox to an inbox, orange for
passthrough links). Feed it Introspector text.
"""
