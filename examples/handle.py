"""Using components from ordinary blocking code: `background` and `Handle`.

`background().start()` runs the scheduler in a daemon thread; `Handle(component)`
lets this thread `put` messages into the component's inboxes and `get` what it
sends out, waiting up to `timeout` seconds (`queue.Empty` if nothing came). Needs kamaelia-axon and
kamaelia-chassis:

    python examples/handle.py
"""

from Axon.background import background
from Axon.Handle import Handle
from Axon.Ipc import producerFinished

from Kamaelia.Util.PureTransformer import PureTransformer

if __name__ == "__main__":
    background().start()
    upper = Handle(PureTransformer(str.upper)).activate()
    for word in ["blocking", "code", "meets", "components"]:
        upper.put(word, "inbox")
        print(upper.get("outbox", timeout=5))
    upper.put(producerFinished(), "control")
    print("signal:", type(upper.get("signal", timeout=5)).__name__)
