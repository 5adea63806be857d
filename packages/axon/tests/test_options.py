"""Axon.options: what a component's keywords are, and a clear error for a misspelt one."""

from __future__ import annotations

import pytest
from Axon.Component import component
from Axon.options import REQUIRED, Option, checked_keywords, options


@checked_keywords
class Server(component):
    """1.x style: class attributes are the defaults, keywords override them."""

    port: int = 1601
    host: str = "127.0.0.1"
    protocol = None

    def __init__(self, **argd):
        super().__init__(**argd)


@checked_keywords
class Echoer(component):
    """Explicit parameters, and **argd passed on as 1.x components do."""

    def __init__(self, forwarder: bool = False, tag: str = "", **argd):
        super().__init__(**argd)
        self.forwarder, self.tag = forwarder, tag


@checked_keywords
class Client(component):
    def __init__(self, host: str, port: int, delay: float = 0):
        super().__init__()


def test_options_list_parameters_then_class_attributes_with_types_and_defaults():
    assert options(Server) == (
        Option("port", "int", 1601),
        Option("host", "str", "127.0.0.1"),
        Option("protocol", "", None),
    )
    assert [o.describe() for o in options(Client)] == ["host: str", "port: int", "delay: float = 0"]
    assert options(Client)[0].default is REQUIRED


def test_options_of_a_factory_function_are_its_parameters():
    def make(rate: int = 3, *rest, **more):
        return Server(port=rate)

    assert options(make) == (Option("rate", "int", 3),)


def test_a_known_keyword_still_overrides_the_class_attribute():
    assert Server(port=8080, host="::1").port == 8080
    assert Server().port == 1601


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (
            lambda: Server(hots="x"),
            "Server() got unexpected keyword argument 'hots'; it takes: host, port, protocol; "
            "did you mean: host?",
        ),
        (
            lambda: Echoer(tagg="x"),
            "Echoer() got unexpected keyword argument 'tagg'; it takes: forwarder, tag; "
            "did you mean: tag?",
        ),
        (
            lambda: Client("h", 1, dealy=2),
            "Client() got unexpected keyword argument 'dealy'; it takes: delay, host, port; "
            "did you mean: delay?",
        ),
    ],
)
def test_an_unknown_keyword_names_the_accepted_ones_and_the_closest(build, message):
    with pytest.raises(TypeError) as info:
        build()
    assert str(info.value) == message


def test_a_subclass_adds_options_by_declaring_class_attributes():
    """The 1.x idiom keeps working for subclasses that declare what they take."""

    class Configured(Server):
        retries = 3

    assert Configured(retries=5, port=1).retries == 5
    with pytest.raises(TypeError, match="declaring a class attribute of that name"):
        Configured(undeclared=1)


def test_the_class_attribute_hint_only_where_keywords_reach_class_attributes():
    """An ``__init__`` without ``**kwargs`` cannot take a subclass's class attribute."""
    with pytest.raises(TypeError) as info:
        Client("h", 1, colour="red")
    assert "class attribute" not in str(info.value)


def test_a_subclass_changing_a_default_keeps_the_declared_type():
    class Fixed(Server):
        port = 8080

    assert Option("port", "int", 8080) in options(Fixed)


def test_a_subclass_with_its_own_init_passes_the_rest_on():
    class Tagged(Echoer):
        def __init__(self, colour="red", **argd):
            super().__init__(**argd)
            self.colour = colour

    made = Tagged(colour="blue", forwarder=True)
    assert (made.colour, made.forwarder) == ("blue", True)
    with pytest.raises(TypeError, match=r"'forwardr'.*did you mean: forwarder"):
        Tagged(forwardr=True)


def test_a_threaded_component_takes_the_base_init_keywords_it_passes_on():
    """**argd reaching threadedcomponent.__init__ may carry its queuelengths."""
    from Axon.ThreadedComponent import threadedcomponent

    @checked_keywords
    class Reader(threadedcomponent):
        prompt = ">>> "

        def __init__(self, eol: str = "\n", **argd):
            super().__init__(**argd)

    assert [o.name for o in options(Reader)] == ["eol", "queuelengths", "prompt"]
    assert Reader(queuelengths=5, prompt="? ").prompt == "? "
    with pytest.raises(TypeError, match=r"did you mean: queuelengths\?"):
        Reader(queuelength=5)


def test_help_and_inspect_show_the_keywords_not_argd():
    """A component whose keywords reach class attributes reports them in its signature;
    explicit parameters stay as written; a subclass still adds its own."""
    import inspect

    assert str(inspect.signature(Server)) == (
        "(*, port: 'int' = 1601, host: 'str' = '127.0.0.1', protocol=None)"
    )
    assert str(inspect.signature(Echoer)) == "(forwarder: 'bool' = False, tag: 'str' = '')"
    assert str(inspect.signature(Client)) == "(host: 'str', port: 'int', delay: 'float' = 0)"

    class Retrying(Server):
        retries: int = 3

    assert Retrying(retries=5).retries == 5
