"""The `double` example system runs end to end."""

import io

import pytest

from kamaelia_plugin_template._demo import run_demo


@pytest.mark.usefixtures("axon_scheduler")
def test_demo_writes_doubled_arguments() -> None:
    """Each argument comes out doubled, one per line, in order."""
    out = io.StringIO()
    assert run_demo(["1", "2.5", "-4"], stream=out) == 0
    assert out.getvalue() == "2\n5.0\n-8\n"


@pytest.mark.usefixtures("axon_scheduler")
def test_demo_defaults_to_one_two_three() -> None:
    """Without arguments the demo doubles 1, 2 and 3."""
    out = io.StringIO()
    assert run_demo([], stream=out) == 0
    assert out.getvalue() == "2\n4\n6\n"


def test_demo_rejects_non_numbers(capsys: pytest.CaptureFixture[str]) -> None:
    """A non-number argument exits with status 2 and says what it expected."""
    assert run_demo(["x"]) == 2
    assert "expected numbers" in capsys.readouterr().err
