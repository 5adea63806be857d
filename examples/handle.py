"""Using components from ordinary blocking code: `background` and `Handle`.

`background().start()` runs the scheduler in a daemon thread; `Handle(component)`
lets this thread `put` messages into the component's inboxes and `get` what it
sends out (`queue.Empty` when nothing has arrived yet). Needs kamaelia-axon and
kamaelia-chassis:

    python examples/handle.py
"""

import queue
import time

from Axon.background import background
from Axon.Handle import Handle
from Axon.Ipc import producerFinished

from Kamaelia.Util.PureTransformer import PureTransformer


def get_blocking(handle, boxname="outbox", timeout=5.0):
    """Wait (briefly sleeping) for the next message the component sends on `boxname`."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return handle.get(boxname)
        except queue.Empty:
            if time.monotonic() > deadline:
                raise TimeoutError(f"nothing on {boxname!r} after {timeout} s") from None
            time.sleep(0.001)


if __name__ == "__main__":
    background().start()
    upper = Handle(PureTransformer(str.upper)).activate()
    for word in ["blocking", "code", "meets", "components"]:
        upper.put(word, "inbox")
        print(get_blocking(upper))
    upper.put(producerFinished(), "control")
    print("signal:", type(get_blocking(upper, "signal")).__name__)
