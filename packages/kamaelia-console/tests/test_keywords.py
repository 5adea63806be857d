"""ConsoleEchoer refuses a misspelt keyword instead of ignoring it."""

from __future__ import annotations

import pytest

from Kamaelia.Util.Console import ConsoleEchoer


def test_a_misspelt_keyword_is_a_type_error_with_a_suggestion():
    with pytest.raises(TypeError) as info:
        ConsoleEchoer(tagg="> ")
    assert str(info.value) == (
        "ConsoleEchoer() got unexpected keyword argument 'tagg'; "
        "it takes: forwarder, tag, use_repr; did you mean: tag?"
    )


def test_the_1x_keywords_still_work():
    echoer = ConsoleEchoer(forwarder=True, use_repr=True, tag="> ")
    assert (echoer.forwarder, echoer.use_repr, echoer.tag) == (True, True, "> ")
