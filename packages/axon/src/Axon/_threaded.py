"""Threaded components: ``main()`` is ordinary blocking code in its own thread.

The thread and the scheduler meet at two places. The thread reads the
component's real inboxes (``collections.deque``: append and popleft are
atomic), so it sees messages in the order they arrived on all its boxes and
a ``producerFinished`` on control can never overtake data still waiting in
inbox; the scheduler side wakes the thread when something arrives, and
wakes producers when the thread takes something. Everything the thread asks
of the scheduler side (sending, linking, adding boxes, finishing) goes, in
order, through one bounded queue; so a ``signal`` can never overtake earlier
``outbox`` data.
A proxy generator, run by the scheduler, drains that queue; the thread
wakes it at most once per batch, and it sleeps (costing nothing) otherwise.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Generator
from typing import Any

from ._adaptive import _AdaptiveCommsable
from ._component import component
from ._errors import UnknownBox, noSpaceInBox

__all__ = [
    "DefaultQueueSize",
    "UnHandledException",
    "threadedadaptivecommscomponent",
    "threadedcomponent",
]

DefaultQueueSize = 1000

_SEND, _CALL, _DONE = "send", "call", "done"


class UnHandledException(Exception):
    """1.x carried a thread's exception to the scheduler thread inside this.

    Kamaelia 2 hands the thread's own exception over intact (it ends
    ``runThreads()`` as itself), so nothing raises this; it is kept for
    1.x code that imports or catches it.
    """


class _Reply:
    """The answer to a call the thread made into the scheduler thread."""

    def __init__(self) -> None:
        self.ready = threading.Event()
        self.value: Any = None
        self.error: BaseException | None = None


class threadedcomponent(component):
    """A component whose ``main()`` runs in a thread of its own.

    ``threadedcomponent(queuelengths=1000, **attributes)``. In the thread,
    ``send`` raises ``noSpaceInBox`` when ``queuelengths`` messages wait to
    be delivered, ``recv`` blocks until a message arrives, ``pause(timeout)``
    blocks until a message arrives, the timeout passes or ``unpause`` is called.
    """

    def __init__(self, queuelengths: int = DefaultQueueSize, **argd: Any) -> None:
        super().__init__(**argd)
        self.queuelengths = queuelengths
        self._outqueue: deque[tuple[Any, ...]] = deque()
        self._thread_event = threading.Event()
        self._proxy_called = False
        self._worker: threading.Thread | None = None
        self._worker_ident: int | None = None  # set by the thread itself when it starts
        # Messages the thread has taken from linked inboxes, and how many of those the
        # scheduler side has acted on: one writer each, so no count is ever lost.
        self._taken = self._taken_seen = 0

    # -- scheduler side -------------------------------------------------------

    def activate(
        self, Scheduler: Any = None, Tracker: Any = None, mainmethod: str = "main"
    ) -> threadedcomponent:
        self._worker = threading.Thread(
            target=self._threadmain, args=(mainmethod,), name=f"{self.name}", daemon=True
        )
        super().activate(Scheduler, Tracker, mainmethod="_localmain")
        return self

    def _localmain(self) -> Generator[int, None, None]:
        assert self._worker is not None
        self._worker.start()
        finished = False
        while not finished:
            self._proxy_called = False  # before looking, so no request of the thread is lost
            if self._taken != self._taken_seen:
                self._taken_seen = self._taken
                self._wake_producers()
            if self.anyReady():
                self._thread_event.set()
            finished = self._drain_thread()
            if not finished:
                self.pause()
            yield 1  # as in 1.x, also the step that finds the thread finished returns

    def _wake_producers(self) -> None:
        for box in list(self.inboxes.values()):
            box._wake_producers()

    def _drain_thread(self) -> bool:
        """Carry out what the thread queued; True once it has finished and all is done."""
        outqueue = self._outqueue
        took = False
        finished: tuple[Any, ...] | None = None
        try:
            while outqueue:
                item = outqueue[0]
                if item[0] is _SEND:
                    self.outboxes[item[1]].append(item[2])  # may raise noSpaceInBox
                elif item[0] is _CALL:
                    self._answer(item[1], item[2])
                else:
                    finished = outqueue.popleft()
                    break
                outqueue.popleft()
                took = True
        except noSpaceInBox:
            pass  # the receiver is full: its next recv wakes this proxy again
        if took:
            self._thread_event.set()  # room in the queue for a thread that met a full one
        if finished is not None and finished[1] is not None:
            raise finished[1]  # the thread's own exception, message and traceback intact
        return finished is not None

    @staticmethod
    def _answer(call: Callable[[], Any], reply: _Reply) -> None:
        try:
            reply.value = call()
        except Exception as error:
            reply.error = error
        reply.ready.set()

    def stop(self) -> None:
        super().stop()
        self._thread_event.set()  # a thread paused in pause() sees _isStopped() at once

    # -- thread side --------------------------------------------------------

    def _threadmain(self, mainmethod: str) -> None:
        self._worker_ident = threading.get_ident()
        error: BaseException | None = None
        try:
            getattr(self, mainmethod)()
        except BaseException as exc:  # handed, intact, to the scheduler thread
            error = exc
        self._outqueue.append((_DONE, error))
        self._call_proxy()

    def _call_proxy(self) -> None:
        if not self._proxy_called:
            self._proxy_called = True
            self.scheduler.wakeThread(self)

    def _in_thread(self) -> bool:
        return threading.get_ident() == self._worker_ident

    def send(self, message: Any, boxname: str = "outbox") -> None:
        """From the thread: queue ``message`` for outbox ``boxname``."""
        if threading.get_ident() != self._worker_ident:  # self._in_thread(), inlined: hot path
            running_in = self.scheduler._thread_ident
            if running_in is not None and running_in != threading.get_ident():
                raise RuntimeError(
                    f"{self.name}.send() called from thread {threading.current_thread().name}: "
                    "only its own thread (or, outside it, the scheduler's) may send"
                )
            return super().send(message, boxname)
        if boxname not in self.outboxes:
            raise UnknownBox(self, "outbox", boxname, self.outboxes)
        if len(self._outqueue) >= self.queuelengths:
            raise noSpaceInBox(
                len(self._outqueue), self.queuelengths, f"thread queue of {self.name}"
            )
        self._outqueue.append((_SEND, boxname, message))
        if not self._proxy_called:  # the proxy is asked once until it next looks
            self._call_proxy()

    def recv(self, boxname: str = "inbox") -> Any:
        """From the thread: take the oldest message of inbox ``boxname``, waiting for one."""
        if not self._in_thread():
            return super().recv(boxname)
        try:
            box = self.inboxes[boxname]
        except KeyError:
            raise UnknownBox(self, "inbox", boxname, self.inboxes) from None
        queue = box._queue
        assert queue is not None
        while not queue:
            self._thread_event.wait()
            self._thread_event.clear()
        message = queue.popleft()
        if box._wake_list:  # one that sleeps is woken by the scheduler side
            self._taken += 1
            self._call_proxy()
        return message

    def pause(self, timeout: float | None = None) -> None:
        """In the thread: wait for a message, ``unpause`` or the timeout; else as component."""
        if not self._in_thread():
            return super().pause()
        self._thread_event.wait(timeout)
        self._thread_event.clear()

    def unpause(self) -> None:
        self._thread_event.set()
        super().unpause()

    def sync(self) -> None:
        """From the thread: return once the scheduler side has done all that was asked of it."""
        self._do_threadsafe(lambda: None, (), {})

    def _do_threadsafe(self, cmd: Callable[..., Any], argL: Any, argD: Any) -> Any:
        """Run ``cmd(*argL, **argD)`` in the scheduler thread, in order with sends; wait for it."""
        if not self._in_thread():
            return cmd(*argL, **argD)
        reply = _Reply()
        self._outqueue.append((_CALL, lambda: cmd(*argL, **argD), reply))
        self._call_proxy()
        reply.ready.wait()
        if reply.error is not None:
            raise reply.error
        return reply.value

    def link(
        self,
        source: tuple[Any, str],
        sink: tuple[Any, str],
        *optionalargs: Any,
        **kwoptionalargs: Any,
    ) -> Any:
        return self._do_threadsafe(super().link, (source, sink, *optionalargs), kwoptionalargs)

    def unlink(self, thecomponent: Any = None, thelinkage: Any = None) -> None:
        self._do_threadsafe(super().unlink, (thecomponent, thelinkage), {})

    # -- the 1.x "legacy" body, run in the thread -------------------------

    def main(self) -> None:  # type: ignore[override]
        """Override with blocking code; by default runs initialiseComponent/mainBody/closeDownComponent."""
        self.initialiseComponent()
        while self.mainBody():
            pass
        self.closeDownComponent()


class threadedadaptivecommscomponent(_AdaptiveCommsable, threadedcomponent):
    """A threaded component that can add and delete boxes from its thread."""

    def addInbox(self, name: str = "inbox") -> str:
        return self._do_threadsafe(super().addInbox, (name,), {})  # type: ignore[no-any-return]

    def deleteInbox(self, name: str) -> None:
        self._do_threadsafe(super().deleteInbox, (name,), {})

    def addOutbox(self, name: str = "outbox") -> str:
        return self._do_threadsafe(super().addOutbox, (name,), {})  # type: ignore[no-any-return]

    def deleteOutbox(self, name: str) -> None:
        self._do_threadsafe(super().deleteOutbox, (name,), {})
