"""Supervision: a Supervisor restarts a child that crashes, Erlang/OTP style.

Each child is given as a factory, so a restart makes a fresh instance. Here a
flaky worker crashes on its first two runs and succeeds on the third; the
restarts are logged and kept in `restart_log()`. Needs kamaelia-axon and
kamaelia-chassis:

    python examples/supervisor.py
"""

from Axon.Component import component
from Axon.Ipc import producerFinished

from Kamaelia.Chassis.Supervisor import Supervisor

attempts = []


class FlakyWorker(component):
    """Crashes on its first two runs; on the third, reports success and finishes."""

    def main(self):
        attempts.append(self)
        yield 1
        if len(attempts) < 3:
            raise ConnectionError(f"attempt {len(attempts)} failed")
        print(f"attempt {len(attempts)} worked")
        self.send(producerFinished(self), "signal")


if __name__ == "__main__":
    supervisor = Supervisor(
        children={"worker": FlakyWorker},
        strategy="one_for_one",
        max_restarts=3,
        max_seconds=5.0,
    )
    supervisor.run()
    for record in supervisor.restart_log():
        print(f"restart {record.number}: {record.child!r} after {record.error!r}")
