"""JoinChooserToCarousel: a Chooser drives a Carousel."""

from _chassis_testkit import Collector, Feeder, run
from Axon.Ipc import shutdownMicroprocess

from Kamaelia.Chassis.Carousel import Carousel
from Kamaelia.Chassis.Prefab import JoinChooserToCarousel
from Kamaelia.Util.Chooser import Chooser
from Kamaelia.Util.OneShot import OneShot


def test_carousel_requests_pick_the_next_chooser_item():
    """Each child the Carousel builds comes from the Chooser's next item, in order."""
    joined = JoinChooserToCarousel(
        Chooser(["a", "b", "c"]), Carousel(lambda item: OneShot(item.upper()))
    )
    sink = Collector(stop_after=3)
    sink.link((joined, "outbox"), (sink, "inbox"))
    stop = Stopper(sink)
    stop.link((stop, "outbox"), (joined, "control"))
    run(joined, sink, stop)
    assert sink.data == ["A", "B", "C"]
    assert joined._isStopped()


class Stopper(Feeder):
    """Sends shutdownMicroprocess once ``sink`` has what it wanted."""

    def __init__(self, sink):
        super().__init__([])
        self.sink = sink

    def main(self):
        while not self.sink._isStopped():
            yield 1
        self.send(shutdownMicroprocess(), "outbox")
