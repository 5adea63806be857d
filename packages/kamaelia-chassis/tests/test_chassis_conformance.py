"""Every chassis passes Axon's conformance check: boxes declared, shutdown honoured and passed on."""

import itertools

import pytest
from Axon.testing import check_component_conformance

from Kamaelia.Chassis.Carousel import Carousel
from Kamaelia.Chassis.Graphline import Graphline
from Kamaelia.Chassis.PAR import PAR
from Kamaelia.Chassis.Pipeline import Pipeline
from Kamaelia.Chassis.Prefab import JoinChooserToCarousel
from Kamaelia.Chassis.Seq import Seq
from Kamaelia.Chassis.Supervisor import Supervisor
from Kamaelia.Util.Backplane import Backplane
from Kamaelia.Util.Chooser import Chooser
from Kamaelia.Util.OneShot import TriggeredOneShot
from Kamaelia.Util.PassThrough import PassThrough
from Kamaelia.Util.PureTransformer import PureTransformer

_names = itertools.count()

FACTORIES = {
    "Pipeline": lambda: Pipeline(PassThrough(), PureTransformer(str)),
    "Graphline": lambda: Graphline(A=PassThrough(), B=PassThrough()),
    "Carousel": lambda: Carousel(lambda arg: PassThrough()),
    "PAR": lambda: PAR(PassThrough(), PassThrough()),
    "Seq": lambda: Seq(TriggeredOneShot("x")),
    "Supervisor": lambda: Supervisor(children={"A": PassThrough, "B": PassThrough}),
    "JoinChooserToCarousel": lambda: JoinChooserToCarousel(
        Chooser([]), Carousel(lambda arg: PassThrough())
    ),
    "Backplane": lambda: Backplane(f"conformance-{next(_names)}"),
}


@pytest.mark.usefixtures("axon_scheduler")
@pytest.mark.parametrize("name", sorted(FACTORIES))
def test_chassis_conforms(name):
    """The chassis finishes on producerFinished and shutdownMicroprocess and signals it."""
    check_component_conformance(FACTORIES[name], timeout=3.0)
