"""Marshaller / DeMarshaller with safe codecs."""

import pytest
from _chassis_testkit import drive
from Axon.Ipc import producerFinished

from Kamaelia.Util.Marshalling import (
    DeMarshaller,
    JSONMarshalling,
    Marshaller,
    StrMarshalling,
    UTF8Marshalling,
)


def test_json_round_trip_through_components():
    """Marshaller then DeMarshaller with JSON gives the original data back."""
    data = [{"a": [1, 2.5, None]}, "text", True]
    encoded = drive(Marshaller(JSONMarshalling), inbox=data, control=[producerFinished()]).data
    assert all(isinstance(e, str) for e in encoded)
    decoded = drive(DeMarshaller(JSONMarshalling), inbox=encoded, control=[producerFinished()]).data
    assert decoded == data


def test_utf8_and_str_codecs():
    """UTF8Marshalling maps str <-> bytes; StrMarshalling applies str()."""
    assert UTF8Marshalling.demarshall(UTF8Marshalling.marshall("héllo")) == "héllo"
    assert StrMarshalling.marshall(12) == "12"
    assert StrMarshalling.demarshall("12") == "12"


def test_json_rejects_what_is_not_json_and_runs_no_code():
    """Malformed or code-like input raises ValueError instead of being evaluated."""
    with pytest.raises(ValueError):
        JSONMarshalling.demarshall("__import__('os').system('true')")


def test_codec_without_the_method_is_rejected():
    """A codec lacking marshall()/demarshall() fails at construction."""
    with pytest.raises(TypeError, match="has no callable marshall"):
        Marshaller(object())
    with pytest.raises(TypeError, match="has no callable demarshall"):
        DeMarshaller(object())
