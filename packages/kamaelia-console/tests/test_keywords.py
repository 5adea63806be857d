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


def test_the_file_components_suggest_the_mode_keyword():
    """The first file pipeline's likeliest slip, a misspelt mode, is named."""
    from Kamaelia.File.Reading import SimpleReader
    from Kamaelia.File.Writing import SimpleFileWriter

    with pytest.raises(TypeError, match=r"SimpleReader\(\) .* 'mdoe'.*did you mean: mode\?"):
        SimpleReader("in.txt", mdoe="rb")
    with pytest.raises(TypeError, match=r"SimpleFileWriter\(\) .* 'mod'.*did you mean: mode\?"):
        SimpleFileWriter("out.txt", mod="w")
