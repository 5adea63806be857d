"""Nobody watching: importing kamaelia-inspect changes nothing in a running system."""

from conftest import Burst, Sipper, run_for

import Kamaelia.Inspect
from Kamaelia.Chassis.Pipeline import Pipeline


def test_without_an_inspector_sends_and_the_scheduler_are_untouched(sched):
    """No instrument is added and every component keeps its class's own send."""
    source, sink = Burst(), Sipper()
    run_for(sched, 0.1, Pipeline(source, sink))
    assert sched._instruments == []
    assert "send" not in vars(source)
    assert "send" not in vars(sink)


def test_an_inspector_adds_no_instrument_either(sched):
    """Even attached, it looks now and then instead of being called on every step."""
    inspector = Kamaelia.Inspect.serve(0, sched=sched, interval=0.02)
    try:
        source = Burst()
        run_for(sched, 0.2, Pipeline(source, Sipper()))
        assert sched._instruments == []
        assert "send" in vars(source)  # counted while watched
    finally:
        inspector.close()
    assert "send" not in vars(source)
