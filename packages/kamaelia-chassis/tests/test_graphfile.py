"""TOML graph files: parsing, strict validation with file:line errors, building."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from Kamaelia.Chassis._graphfile import (
    GraphFileError,
    build_components,
    build_system,
    load_graph_file,
)
from Kamaelia.Chassis._graphfile_source import SourceMap, syntax_error_position
from Kamaelia.Chassis.Registry import Registry

FAKE_PLUGINS = Path(__file__).parent / "fixtures" / "fake_plugins"


@pytest.fixture
def registry(monkeypatch):
    """A registry holding only the fake plugins (good, and another with a second Echo)."""
    monkeypatch.syspath_prepend(str(FAKE_PLUGINS))
    import kamaelia_fake_components
    import kamaelia_fake_good

    kamaelia_fake_components.RECORDED.clear()
    reg = Registry()
    reg.register(kamaelia_fake_good, name="fake", distribution="fake-good", version="1.0")
    return reg


@pytest.fixture
def other(registry):
    """The registry with a second distribution offering 'Echo'."""
    import kamaelia_fake_other

    registry.register(kamaelia_fake_other, name="other", distribution="fake-other", version="2")
    return registry


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "system.toml"
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


GOOD = """
    [system]
    name = "greeting"

    [components.source]
    type = "Source"
    args = { items = ["a", "b"] }

    [components.echo]
    type = "Echo"
    args = { prefix = "> " }

    [components.sink]
    type = "fake-good:Recorder"
    args = { name = "sink" }

    [[links]]
    from = "source.outbox"
    to = "echo.inbox"

    [[links]]
    from = "source.signal"
    to = "echo.control"

    [[links]]
    from = "echo.outbox"
    to = "sink.inbox"

    [[links]]
    from = "echo.signal"
    to = "sink.control"
"""


def test_a_valid_file_gives_components_and_links_with_lines(registry, tmp_path):
    """Components keep file order, types resolve, links record their [[links]] line."""
    graph = load_graph_file(write(tmp_path, GOOD), registry)
    assert graph.name == "greeting"
    assert list(graph.components) == ["source", "echo", "sink"]
    assert graph.components["sink"].entry.qualified_name == "fake-good:Recorder"
    assert graph.components["source"].line == 4
    assert [(lk.source, lk.sink, lk.line) for lk in graph.links][:2] == [
        (("source", "outbox"), ("echo", "inbox"), 16),
        (("source", "signal"), ("echo", "control"), 20),
    ]


def test_a_built_system_runs_to_completion(registry, tmp_path, axon_scheduler):
    """The Graphline built from a file runs and delivers the messages in order."""
    import kamaelia_fake_components
    from Axon.testing import run_system

    system = build_system(load_graph_file(write(tmp_path, GOOD), registry))
    run_system(system, timeout=10)
    assert kamaelia_fake_components.RECORDED["sink"] == ["> a", "> b"]


def test_pipeline_shorthand_links_outbox_and_signal(registry, tmp_path, axon_scheduler):
    """pipeline = [a, b, c] links outbox->inbox and signal->control along the chain."""
    import kamaelia_fake_components
    from Axon.testing import run_system

    path = write(
        tmp_path,
        """
        pipeline = ["source", "echo", "sink"]

        [components.source]
        type = "Source"
        args = [[1, 2, 3]]
        [components.echo]
        type = "Echo"
        [components.sink]
        type = "Recorder"
        args = { name = "piped" }
        """,
    )
    graph = load_graph_file(path, registry)
    assert [(lk.source, lk.sink) for lk in graph.links] == [
        (("source", "outbox"), ("echo", "inbox")),
        (("source", "signal"), ("echo", "control")),
        (("echo", "outbox"), ("sink", "inbox")),
        (("echo", "signal"), ("sink", "control")),
    ]
    run_system(build_system(graph), timeout=10)
    assert kamaelia_fake_components.RECORDED["piped"] == ["1", "2", "3"]


def test_toml_syntax_error_reports_file_line_and_column(registry, tmp_path):
    """A TOML syntax error gives file:line:col and tomllib's expectation."""
    path = write(tmp_path, '[components.echo]\ntype = "Echo"\nargs = { prefix = }\n')
    with pytest.raises(
        GraphFileError, match=r"system\.toml:3:\d+: TOML syntax error: Invalid value"
    ):
        load_graph_file(path, registry)


def test_toml_error_at_end_of_file_points_at_the_last_line(registry, tmp_path):
    """'(at end of document)' becomes the position after the last character."""
    path = write(tmp_path, '[components.echo]\ntype = "Echo')
    with pytest.raises(
        GraphFileError, match=r"system\.toml:2:13: TOML syntax error: .*end of file"
    ):
        load_graph_file(path, registry)


def test_missing_file_is_a_clear_error(registry, tmp_path):
    """A path that does not exist is reported without a traceback-worthy OSError."""
    with pytest.raises(GraphFileError, match=r"nope\.toml: cannot read graph file"):
        load_graph_file(tmp_path / "nope.toml", registry)


def test_unknown_component_type_lists_close_matches_and_line(registry, tmp_path):
    """type = 'Recoder' points at its line and suggests Recorder."""
    path = write(tmp_path, '[components.sink]\n\ntype = "Recoder"\n')
    with pytest.raises(
        GraphFileError,
        match=r"system\.toml:3: component 'sink': unknown component 'Recoder'; did you mean: Recorder",
    ):
        load_graph_file(path, registry)


def test_ambiguous_type_lists_qualified_choices(other, tmp_path):
    """A short name two packages offer must be qualified; the error lists both."""
    path = write(tmp_path, '[components.e]\ntype = "Echo"\n')
    with pytest.raises(GraphFileError, match="fake-good:Echo, fake-other:Echo"):
        load_graph_file(path, other)
    path.write_text('[components.e]\ntype = "fake-other:Echo"\n')
    assert load_graph_file(path, other).components["e"].entry.distribution == "fake-other"


def test_unknown_box_lists_the_component_boxes(registry, tmp_path):
    """A link to a box the component lacks names the box and lists its boxes."""
    path = write(
        tmp_path,
        """
        [components.a]
        type = "Echo"
        [components.b]
        type = "Recorder"
        [[links]]
        from = "a.outbox"
        to = "b.inbx"
        """,
    )
    with pytest.raises(
        GraphFileError,
        match=r"system\.toml:7: component 'b' \(Recorder\) has no inbox 'inbx'; "
        r"its inboxes are: inbox, control",
    ):
        load_graph_file(path, registry)


def test_an_inbox_used_as_a_source_is_rejected(registry, tmp_path):
    """'from' must name an outbox, not an inbox."""
    path = write(
        tmp_path,
        '[components.a]\ntype = "Echo"\n[[links]]\nfrom = "a.inbox"\nto = "a.control"\n',
    )
    with pytest.raises(GraphFileError, match=r":4: component 'a' \(Echo\) has no outbox 'inbox'"):
        load_graph_file(path, registry)


def test_link_to_unknown_component_lists_components(registry, tmp_path):
    """A link naming a component not in the file lists the file's components."""
    path = write(
        tmp_path,
        '[components.a]\ntype = "Echo"\n[[links]]\nfrom = "a.outbox"\nto = "ghost.inbox"\n',
    )
    with pytest.raises(
        GraphFileError, match=r":5: link names unknown component 'ghost'; components are: a"
    ):
        load_graph_file(path, registry)


def test_endpoint_without_a_dot_is_rejected(registry, tmp_path):
    """'from' must look like component.box."""
    path = write(tmp_path, '[components.a]\ntype = "Echo"\n[[links]]\nfrom = "a"\nto = "a.inbox"\n')
    with pytest.raises(
        GraphFileError, match=r":4: outbox must be a string 'component\.outbox', got 'a'$"
    ):
        load_graph_file(path, registry)


def test_an_outbox_linked_twice_names_both_lines(registry, tmp_path):
    """Two links from one outbox are an error naming the earlier line."""
    path = write(
        tmp_path,
        """
        [components.a]
        type = "Echo"
        [components.b]
        type = "Echo"
        [[links]]
        from = "a.outbox"
        to = "b.inbox"
        [[links]]
        from = "a.outbox"
        to = "b.control"
        """,
    )
    with pytest.raises(
        GraphFileError, match=r":8: outbox a\.outbox is linked twice \(also on line 5\)"
    ):
        load_graph_file(path, registry)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "title = 'x'\n",
            r"system\.toml:1: unknown key 'title' in the top level; expected one of: "
            r"system, components, links, pipeline",
        ),
        ("[system]\nname = 'x'\n", "needs at least one component"),
        (
            "[components.a]\ntype = 'Echo'\ncolour = 'red'\n",
            r":3: unknown key 'colour' in \[components\.a\]",
        ),
        ("[components.a]\nargs = {}\n", r":1: component 'a' needs type = "),
        ("[components.a]\ntype = 'Echo'\nargs = 'x'\n", r":3: component 'a': args must be a table"),
        ("[components.self]\ntype = 'Echo'\n", r":1: bad component name 'self'"),
        ("[components.2a]\ntype = 'Echo'\n", r":1: bad component name '2a'"),
        ("[components]\na = 3\n", r":2: component 'a' must be a table"),
        ("links = 'x'\n[components.a]\ntype = 'Echo'\n", r":1: 'links' must be an array of tables"),
        ("pipeline = 'a'\n[components.a]\ntype = 'Echo'\n", r":1: 'pipeline' must be an array"),
        (
            "[system]\nname = 3\n[components.a]\ntype = 'Echo'\n",
            r":2: \[system\] name must be a string",
        ),
        (
            "[components.a]\ntype = 'Echo'\n[[links]]\nfrom = 'a.outbox'\n",
            r":3: link #1 has no 'to' key",
        ),
        (
            "[components.a]\ntype = 'Echo'\n[[links]]\nform = 'a.outbox'\n",
            r":4: unknown key 'form' in link #1",
        ),
    ],
)
def test_structural_mistakes_name_the_line_and_the_expectation(registry, tmp_path, text, message):
    """Each malformed table or key gets a file:line error saying what was expected."""
    with pytest.raises(GraphFileError, match=message):
        load_graph_file(write(tmp_path, text), registry)


def test_pipeline_with_unknown_component_points_at_pipeline_line(registry, tmp_path):
    """A pipeline naming a missing component reports the pipeline line."""
    path = write(tmp_path, 'pipeline = ["a", "b"]\n[components.a]\ntype = "Echo"\n')
    with pytest.raises(GraphFileError, match=r":1: link names unknown component 'b'"):
        load_graph_file(path, registry)


def test_bad_keyword_argument_reports_component_typeerror_and_signature(registry, tmp_path):
    """An unexpected keyword names the component, the TypeError and what it accepts."""
    path = write(tmp_path, '[components.e]\ntype = "Echo"\nargs = { prefx = "x" }\n')
    graph = load_graph_file(path, registry)
    with pytest.raises(
        GraphFileError,
        match=r"system\.toml:3: component 'e' \(Echo\): bad args: .*prefx.*; "
        r"it accepts \(prefix: '?str'? = ''\)",
    ):
        build_components(graph)


def test_a_constructor_rejecting_a_value_is_reported(registry, tmp_path):
    """A ValueError from the constructor names the component and the error."""
    path = write(tmp_path, '[components.s]\ntype = "Source"\nargs = { items = [1], count = 0 }\n')
    graph = load_graph_file(path, registry)
    with pytest.raises(
        GraphFileError,
        match=r":3: component 's' \(Source\) could not be built: ValueError: count must be at least 1",
    ):
        build_components(graph)


def test_source_map_finds_headers_dotted_keys_and_array_tables():
    """Lines are found for [a.b] headers, dotted keys, [[x]] entries and inline tables."""
    text = textwrap.dedent(
        """\
        pipeline = ["a"]
        [components.a]
        type = "Echo"
        [components]
        b = { type = "Echo" }
        c.type = "Echo"
        [[links]]
        from = "a.outbox"
        [[links]]
        to = "b.inbox"
        [components."quoted name"]
        """
    )
    source = SourceMap(text)
    assert source.line("pipeline") == 1
    assert source.line("components", "a") == 2
    assert source.line("components", "a", "type") == 3
    assert source.line("components", "b", "type") == 5  # inside an inline table: its key line
    assert source.line("components", "c", "type") == 6
    assert source.line("links", 0, "from") == 8
    assert source.line("links", 1) == 9
    assert source.line("links", 1, "to") == 10
    assert source.line("components", "quoted name") == 11
    assert source.line("nothing") is None


def test_syntax_error_position_parses_tomllib_messages():
    """'(at line L, column C)' is split off; other messages keep no position."""
    assert syntax_error_position("Invalid value (at line 3, column 8)", "") == (
        "Invalid value",
        3,
        8,
    )
    assert syntax_error_position("odd", "x") == ("odd", None, None)
