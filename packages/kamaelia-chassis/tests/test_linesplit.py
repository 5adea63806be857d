"""LineSplit: one message per line."""

from _chassis_testkit import drive
from Axon.Ipc import producerFinished

from Kamaelia.Util.LineSplit import LineSplit


def test_splits_str_and_bytes_on_newlines():
    """Each line goes out separately; a trailing newline gives a last empty line (1.x)."""
    out = drive(LineSplit(), inbox=["a\nb", b"c\n"], control=[producerFinished()])
    assert out.data == ["a", "b", b"c", b""]
