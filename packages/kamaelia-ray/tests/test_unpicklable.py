"""A message that cannot be pickled fails with an error naming the link."""

from __future__ import annotations

import pytest
from _errors import cause_chain
from _parts import Collect, Double, SendsUnpicklable, Unpicklable
from Axon.Scheduler import scheduler

from Kamaelia.Chassis.Pipeline import Pipeline
from Kamaelia.Ray import CutError, RayPart
from Kamaelia.Util.DataSource import DataSource


def test_an_unpicklable_message_names_the_box_and_the_part() -> None:
    """CutError says which message, which inbox and which placed part."""
    Pipeline(DataSource([Unpicklable()]), RayPart(Double, label="doubler"), Collect()).activate()
    with pytest.raises(Exception) as caught:
        scheduler.run.runThreads()
    (error,) = [e for e in cause_chain(caught.value) if isinstance(e, CutError)]
    assert "<Unpicklable>" in str(error)
    assert "inbox 'inbox' of doubler" in str(error)
    assert "does not pickle" in str(error)


def test_an_unpicklable_reply_names_the_outbox_and_the_part() -> None:
    """A message the part sends that cannot leave its actor is named, with its outbox."""
    Pipeline(DataSource([1]), RayPart(SendsUnpicklable, label="replier"), Collect()).activate()
    with pytest.raises(Exception) as caught:
        scheduler.run.runThreads()
    (error,) = [e for e in cause_chain(caught.value) if isinstance(e, CutError)]
    assert "<Unpicklable>" in str(error)
    assert "from outbox 'outbox' of replier cannot leave its actor" in str(error)
