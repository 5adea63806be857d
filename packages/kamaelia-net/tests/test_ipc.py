"""The Kamaelia.IPC messages keep their 1.x shapes."""

from __future__ import annotations

from Axon.Ipc import notify, producerFinished, shutdownMicroprocess

from Kamaelia import IPC


def test_one_x_message_shapes() -> None:
    """Each 1.x message has its 1.x base class and attributes."""
    csa, sock = object(), object()
    message = IPC.newCSA("server", csa, sock)
    assert (message.caller, message.object, message.sock) == ("server", csa, sock)
    assert message.handlesWriting() is True
    assert IPC.shutdownCSA("server", csa).object is csa
    assert isinstance(IPC.socketShutdown(), producerFinished)
    assert isinstance(IPC.serverShutdown(), shutdownMicroprocess)
    reader = IPC.newReader("me", (("comp", "box"), sock))
    assert isinstance(reader, notify)
    assert reader.object == (("comp", "box"), sock)
    assert reader.hasOOB is False
    assert IPC.removeWriter("me", sock).object is sock


def test_new_messages() -> None:
    """serverListening carries host and port; connectionFailed is a producerFinished."""
    listening = IPC.serverListening("srv", ("127.0.0.1", 4242))
    assert (listening.host, listening.port, listening.object) == (
        "127.0.0.1",
        4242,
        ("127.0.0.1", 4242),
    )
    error = OSError("nope")
    failed = IPC.connectionFailed("client", error)
    assert isinstance(failed, producerFinished)
    assert failed.exception is error


def test_all_is_honest() -> None:
    """Every name in __all__ exists and every public message class is listed."""
    public = {n for n in vars(IPC) if not n.startswith("_") and isinstance(getattr(IPC, n), type)}
    imported = {"notify", "producerFinished", "shutdownMicroprocess", "Any"}
    assert set(IPC.__all__) == public - imported
