"""Prefabricated chassis: functions that wire components in a standard way."""

from __future__ import annotations

from Axon.Component import component

from Kamaelia.Chassis.Graphline import Graphline

__all__ = ["JoinChooserToCarousel"]


def JoinChooserToCarousel(chooser: component, carousel: component) -> Graphline:
    """Wire a Chooser to a Carousel so the Carousel's requests pick its next argument.

    The Carousel's ``requestNext`` drives the Chooser, whose choices become
    the Carousel's ``next`` messages.  The result is a Graphline whose
    ``inbox``, ``outbox`` and ``signal`` are the Carousel's, and whose
    ``control`` goes to the Chooser (which passes its shutdown on to the
    Carousel).
    """
    return Graphline(
        CHOOSER=chooser,
        CAROUSEL=carousel,
        linkages={
            ("CHOOSER", "outbox"): ("CAROUSEL", "next"),
            ("CHOOSER", "signal"): ("CAROUSEL", "control"),
            ("self", "inbox"): ("CAROUSEL", "inbox"),
            ("self", "control"): ("CHOOSER", "control"),
            ("CAROUSEL", "requestNext"): ("CHOOSER", "inbox"),
            ("CAROUSEL", "outbox"): ("self", "outbox"),
            ("CAROUSEL", "signal"): ("self", "signal"),
        },
    )
