"""ServerCore and TCPClient refuse a misspelt keyword, naming the ones they take."""

from __future__ import annotations

import pytest
from Axon.Component import component
from Axon.options import options

from Kamaelia.Chassis.ConnectedServer import ServerCore, SimpleServer
from Kamaelia.Internet.TCPClient import TCPClient


def test_server_core_names_its_options_on_a_typo():
    with pytest.raises(
        TypeError,
        match=r"ServerCore\(\) got unexpected keyword argument 'hots'; "
        r"it takes: .*port.*; did you mean: host\?",
    ):
        ServerCore(protocol=component, hots="127.0.0.1")


def test_a_server_subclass_takes_the_same_options():
    with pytest.raises(TypeError, match=r"SimpleServer\(\) .* 'prot'; .*did you mean: port"):
        SimpleServer(protocol=component, prot=0)


def test_tcp_client_suggests_the_keyword_meant():
    with pytest.raises(TypeError, match=r"'delya'; it takes: .*; did you mean: delay\?"):
        TCPClient("127.0.0.1", 1, delya=1)


def test_their_options_carry_types_and_the_1x_defaults():
    server = {o.name: o for o in options(ServerCore)}
    assert (server["port"].annotation, server["port"].default) == ("int", 1601)
    client = [o.describe() for o in options(TCPClient)]
    assert client[:3] == ["host: str", "port: int", "delay: float = 0"]
