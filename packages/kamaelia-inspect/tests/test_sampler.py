"""The sampler: rates, depths, states, groups, restarts, and nothing left behind."""

from Axon.Component import component
from Axon.introspection import LinkInfo
from conftest import Burst, Crasher, Sipper, run_for

from Kamaelia.Chassis.Pipeline import Pipeline
from Kamaelia.Chassis.Supervisor import Supervisor
from Kamaelia.Inspect._model import Sampler, flows


def _watch(sched, seconds, *components, interval=0.05):
    pictures = []
    sampler = Sampler(sched, pictures.append, interval)
    sampler.attach()
    run_for(sched, seconds, *components)
    return sampler, pictures


def _by_name(picture, fragment):
    (comp,) = [c for c in picture["components"] if fragment in c["name"]]
    return comp


def test_rates_per_outbox_and_through_a_pipeline(sched):
    """Messages per second are counted per outbox and carried along passthrough links."""
    source, sink = Burst(burst=10, every=0.01), Sipper(every=0.0005)
    system = Pipeline(source, sink)
    _, pictures = _watch(sched, 0.6, system)
    last = pictures[-1]
    sent = {b["name"]: b["rate"] for b in _by_name(last, "Burst")["outboxes"]}
    assert sent["outbox"] > 100  # about 1000/s on an idle machine
    assert sent["signal"] == 0
    (link,) = [k for k in last["links"] if k["source"] == [source.id, "outbox"]]
    assert link["sink"] == [sink.id, "inbox"]
    assert link["rate"] == sent["outbox"]
    inbox = _by_name(last, "Sipper")["inboxes"][0]
    assert inbox["name"] == "inbox"
    assert inbox["rate"] == sent["outbox"]


def test_groups_and_where_components_wait(sched):
    """Parts of a Pipeline name it as parent; the Pipeline lists them as children."""
    source, sink = Burst(), Sipper()
    system = Pipeline(source, sink)
    _, pictures = _watch(sched, 0.2, system)
    last = pictures[-1]
    pipe = _by_name(last, "Pipeline")
    assert pipe["children"] == [source.id, sink.id]
    assert _by_name(last, "Burst")["parent"] == pipe["id"]
    assert _by_name(last, "Sipper")["waiting_at"].endswith("in main")


def test_depth_capacity_and_blocked_state(sched):
    """A full size-limited inbox shows depth == capacity and its sender as blocked."""

    class Stubborn(component):
        """Sends until the box ahead is full, then sleeps."""

        def main(self):
            while not self.outboxes["outbox"].isFull():
                self.send("x", "outbox")
            self.pause()
            yield 1

    class Deaf(component):
        def main(self):
            self.pause()
            yield 1

    sender, receiver = Stubborn(), Deaf()
    receiver.setInboxSize("inbox", 5)
    sender.link((sender, "outbox"), (receiver, "inbox"))
    _, pictures = _watch(sched, 0.2, sender, receiver)
    last = pictures[-1]
    assert _by_name(last, "Stubborn")["state"] == "blocked"
    assert _by_name(last, "Deaf")["state"] == "paused"
    assert _by_name(last, "Deaf")["inboxes"][0] == {
        "name": "inbox",
        "queued": 5,
        "size": 5,
        "rate": 0.0,
    }


def test_supervisor_restarts_and_crash_messages(sched):
    """A supervised crash shows as the Supervisor's restarts and in the ended list."""

    class SlowCrasher(Crasher):
        after = 0.1

    supervisor = Supervisor(children={"c": SlowCrasher}, max_restarts=2, max_seconds=60)
    keep = Sipper()  # keeps the system alive after the Supervisor gives up
    sched.immortalise()
    try:
        _, pictures = _watch(sched, 0.4, supervisor, keep)
    finally:
        sched.mortalise()
    restarts = [
        c["restarts"] for p in pictures for c in p["components"] if c["id"] == supervisor.id
    ]
    assert max(restarts) == 2
    crashes = [e for e in pictures[-1]["ended"] if e["state"] == "crashed"]
    assert any(e["error"] == "ValueError: bad value 42" for e in crashes)


def test_finished_components_are_listed(sched):
    """A component that ends is in the ended list as finished."""

    class Once(component):
        """Ends after 0.1 s (a component that starts and ends between pictures is not seen)."""

        def main(self):
            timer = self.scheduler.call_later(0.1, self.unpause)
            self.pause()
            yield 1
            timer.cancel()

    once = Once()
    _, pictures = _watch(sched, 0.2, once, Sipper())
    (entry,) = [e for e in pictures[-1]["ended"] if e["id"] == once.id]
    assert entry["state"] == "finished"
    assert entry["error"] is None


def test_detach_gives_every_component_its_own_send_back(sched):
    """While attached, send is wrapped on the instance; after detach, nothing is left."""
    source, sink = Burst(), Sipper()
    sampler, _ = _watch(sched, 0.1, Pipeline(source, sink))
    assert "send" in vars(source)
    sampler.detach()
    assert "send" not in vars(source)
    assert "send" not in vars(sink)
    assert sched._instruments == []


def test_flows_follow_passthrough_chains():
    """An outer inbox carries what its feeders send, however deep the nesting."""
    links = (
        LinkInfo((1, "outbox"), (2, "inbox"), 0),  # 1 -> container 2
        LinkInfo((2, "inbox"), (3, "inbox"), 1),  # container 2's inbox -> its part 3
        LinkInfo((3, "outbox"), (2, "outbox"), 2),  # part 3 -> container 2's outbox
        LinkInfo((2, "outbox"), (4, "inbox"), 0),
    )
    through = flows(links, {(1, "outbox"): 10.0, (3, "outbox"): 7.0})
    assert through[(2, "inbox")] == 10.0
    assert through[(3, "inbox")] == 10.0
    assert through[(2, "outbox")] == 7.0
    assert through[(4, "inbox")] == 7.0


def test_a_thousand_components_are_pictured_whole(sched):
    """The guide's 1,000-component system (100 Pipelines of a source and 8 PassThroughs):
    every picture holds all of it, grouped, while it runs."""
    from collections import Counter

    from Kamaelia.Util.PassThrough import PassThrough

    pipes = [
        Pipeline(Burst(burst=1, every=0.05), *(PassThrough() for _ in range(8))) for _ in range(100)
    ]
    _, pictures = _watch(sched, 2.0, *pipes)
    assert pictures
    last = pictures[-1]
    kinds = Counter(c["name"].rsplit(".", 1)[-1].split("_")[0] for c in last["components"])
    assert kinds["Pipeline"] == 100
    assert kinds["PassThrough"] == 800
    assert kinds["Burst"] == 100
    parents = Counter(c["parent"] for c in last["components"] if c["parent"] is not None)
    assert sorted(parents.values()) == [9] * 100
