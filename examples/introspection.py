"""Introspection: a snapshot of a running system's components, boxes and links.

`Axon.introspection.snapshot(scheduler)` lists what a scheduler runs, with each
box's queue length, and the links between boxes; `to_dot()` draws it for
Graphviz. Here a Pipeline runs on a StepScheduler, stepped by hand, so the
snapshot is taken mid-run. Needs kamaelia-axon and kamaelia-chassis:

    python examples/introspection.py
"""

from Axon.introspection import snapshot
from Axon.testing import StepScheduler

from Kamaelia.Chassis.Pipeline import Pipeline
from Kamaelia.Util.DataSource import DataSource
from Kamaelia.Util.NullSink import nullSinkComponent
from Kamaelia.Util.PureTransformer import PureTransformer

if __name__ == "__main__":
    sched = StepScheduler()
    Pipeline(DataSource(range(10)), PureTransformer(lambda n: n * n), nullSinkComponent()).activate(
        Scheduler=sched
    )
    sched.step(3)

    system = snapshot(sched)
    for component in system.components:
        inboxes = ", ".join(f"{box.name}={box.queued}" for box in component.inboxes)
        print(f"{component.type.rsplit('.', 1)[-1]:18} {component.state:9} {inboxes}")
    print(len(system.links), "links")
    print(system.to_dot().splitlines()[0])

    sched.run_until_idle()
    print("components left after running:", len(snapshot(sched).components))
