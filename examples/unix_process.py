"""A child process as a component: lines go to its standard input, its output comes back.

UnixProcess runs the command without a shell (pass shell=True for one), reads
and writes without blocking the scheduler, and reports the exit status on its
"exit_status" outbox. producerFinished from DataSource closes the child's
input; the system ends once the child has exited. Needs kamaelia-axon,
kamaelia-chassis and kamaelia-console, on a Unix system:

    python examples/unix_process.py
"""

from Kamaelia.Chassis.Graphline import Graphline
from Kamaelia.File.UnixProcess import UnixProcess
from Kamaelia.Util.Console import ConsoleEchoer
from Kamaelia.Util.DataSource import DataSource
from Kamaelia.Util.PureTransformer import PureTransformer

if __name__ == "__main__":
    Graphline(
        WORDS=DataSource([b"pear\n", b"apple\n", b"fig\n"]),
        SORT=UnixProcess("sort"),
        DECODE=PureTransformer(bytes.decode),
        SHOW=ConsoleEchoer(),
        STATUS=PureTransformer(lambda status: f"sort exited with status {status}\n"),
        linkages={
            ("WORDS", "outbox"): ("SORT", "inbox"),
            ("WORDS", "signal"): ("SORT", "control"),
            ("SORT", "outbox"): ("DECODE", "inbox"),
            ("DECODE", "outbox"): ("SHOW", "inbox"),
            ("SORT", "exit_status"): ("STATUS", "inbox"),
            ("STATUS", "outbox"): ("SHOW", "inbox"),
            ("SORT", "signal"): ("DECODE", "control"),
            ("DECODE", "signal"): ("STATUS", "control"),
            ("STATUS", "signal"): ("SHOW", "control"),
        },
    ).run()
