"""Console and file components refuse a misspelt keyword instead of ignoring it."""

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


def test_the_other_file_and_process_components_suggest_the_keyword_meant():
    from Kamaelia.Experimental.PythonInterpreter import StandaloneInterpreter
    from Kamaelia.File.Append import Append
    from Kamaelia.File.BetterReading import IntelligentFileReader
    from Kamaelia.File.ReadFileAdaptor import ReadFileAdaptor
    from Kamaelia.File.Reading import (
        FixedRateControlledReusableFileReader,
        RateControlledReusableFileReader,
        ReusableFileReader,
    )
    from Kamaelia.File.UnixProcess import UnixProcess

    for build, typo, meant in [
        (lambda **kw: Append(**kw), "hold_opn", "hold_open"),
        (lambda **kw: IntelligentFileReader("f", **kw), "maxqueu", "maxqueue"),
        (lambda **kw: ReadFileAdaptor(**kw), "readsise", "readsize"),
        (lambda **kw: ReusableFileReader(**kw), "readmod", "readmode"),
        (lambda **kw: RateControlledReusableFileReader(**kw), "readmod", "readmode"),
        (lambda **kw: UnixProcess("true", **kw), "buffer_size", "buffersize"),
        (lambda **kw: StandaloneInterpreter(**kw), "promt", "prompt"),
        (lambda **kw: FixedRateControlledReusableFileReader(**kw), "chunk_rate", "chunkrate"),
    ]:
        with pytest.raises(TypeError, match=rf"'{typo}'; it takes: .*did you mean: {meant}\b"):
            build(**{typo: 1})


def test_components_without_keywords_say_so():
    from Kamaelia.Experimental.PythonInterpreter import InterpreterTransformer
    from Kamaelia.File.TriggeredFileReader import TriggeredFileReader
    from Kamaelia.File.WholeFileWriter import WholeFileWriter

    for factory in (InterpreterTransformer, TriggeredFileReader, WholeFileWriter):
        with pytest.raises(TypeError, match=rf"{factory.__name__}\(\) .* 'tag'; it takes none"):
            factory(tag=1)


def test_the_fixed_rate_reader_names_the_rate_arguments_with_their_defaults():
    from Axon.options import options

    from Kamaelia.File.Reading import FixedRateControlledReusableFileReader

    assert [o.describe() for o in options(FixedRateControlledReusableFileReader)] == [
        "readmode: str = 'bytes'",
        "rate: float = 100000",
        "chunksize: float | None = None",
        "chunkrate: float | None = None",
        "allowchunkaggregation: bool = False",
    ]


def test_append_keeps_its_1x_defaults():
    from Axon.options import options

    from Kamaelia.File.Append import Append

    assert {o.name: o.default for o in options(Append)} == {
        "filename": None,
        "forwarder": True,
        "blat_file": False,
        "hold_open": True,
    }
