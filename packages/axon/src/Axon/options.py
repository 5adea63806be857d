"""A component's keyword arguments: what it accepts, and a clear error for what it does not.

1.x components are configured two ways: explicit ``__init__`` parameters, and
the idiom of class attributes overridden by keyword (``port = 1601`` in the
class, ``ServerCore(port=8080)``), where ``component.__init__(**argd)`` sets
whatever it is given - so a misspelt keyword was silently ignored.

:func:`options` lists both kinds, with their types and defaults (what
``kamaelia show`` prints). :func:`checked_keywords` decorates a component
class so that a keyword it does not take raises ``TypeError`` naming the
accepted ones and the closest match. A subclass adds options by declaring
class attributes (annotated or not), as in 1.x.
"""

from __future__ import annotations

import difflib
import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

__all__ = ["REQUIRED", "Option", "checked_keywords", "options"]

REQUIRED: Any = inspect.Parameter.empty  # the default of an option that must be given

_NOT_OPTIONS = frozenset({"Inboxes", "Outboxes", "Usescomponents"})

_C = TypeVar("_C", bound=type)


@dataclass(frozen=True)
class Option:
    """One keyword a component accepts."""

    name: str
    annotation: str  # the type as written ("" if none)
    default: Any = REQUIRED

    def describe(self) -> str:
        """``name: type = default``, as in a signature."""
        text = self.name + (f": {self.annotation}" if self.annotation else "")
        return text if self.default is REQUIRED else f"{text} = {self.default!r}"


def _annotation(value: Any) -> str:
    if value is inspect.Parameter.empty:
        return ""
    return value if isinstance(value, str) else inspect.formatannotation(value)


def _signature_options(function: Callable[..., Any], skip: int) -> tuple[list[Option], bool]:
    """`function`'s keyword-capable parameters (past the first `skip`), and whether
    it takes ``**kwargs``."""
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):
        return [], True
    found, var_keyword = [], False
    for parameter in list(signature.parameters.values())[skip:]:
        if parameter.kind is inspect.Parameter.VAR_KEYWORD:
            var_keyword = True
        elif parameter.kind is not inspect.Parameter.VAR_POSITIONAL:
            found.append(
                Option(parameter.name, _annotation(parameter.annotation), parameter.default)
            )
    return found, var_keyword


def _unchecked(init: Any) -> Any:
    """The ``__init__`` under checked_keywords' wrapper, if it is one that reports a signature."""
    return init.__wrapped__ if getattr(init, "_reports_keywords", False) else init


def _parameters(factory: Callable[..., Any]) -> tuple[list[Option], bool]:
    """The parameters building `factory` takes, and whether ``**kwargs`` reach its end.

    For a class, the ``__init__`` chain: while an ``__init__`` passes ``**kwargs``
    on, its base class's ``__init__`` parameters count too, up to Axon's own
    (``queuelengths`` of a threaded component), whose ``**argd`` override class
    attributes.
    """
    if not isinstance(factory, type):
        return _signature_options(factory, skip=0)
    found: dict[str, Option] = {}
    for klass in factory.__mro__:
        init = vars(klass).get("__init__")
        if init is None:
            continue
        # Past checked_keywords' wrapper, whose signature is this very list.
        parameters, var_keyword = _signature_options(_unchecked(init), skip=1)  # past self
        for option in parameters:
            found.setdefault(option.name, option)
        # Axon's component classes end the chain: their **argd set class attributes.
        if not var_keyword or klass.__module__.startswith("Axon."):
            return list(found.values()), var_keyword
    return list(found.values()), True


def _class_attributes(cls: type) -> list[Option]:
    """Public class attributes declared below Axon's own classes, base classes first."""
    found: dict[str, Option] = {}
    for klass in reversed(cls.__mro__):
        if klass is object or klass.__module__.startswith("Axon."):
            continue
        annotations = vars(klass).get("__annotations__", {})
        names = [*vars(klass), *(n for n in annotations if n not in vars(klass))]  # as written
        for name in names:
            if name.startswith("_") or name in _NOT_OPTIONS:
                continue
            value = getattr(cls, name, REQUIRED)
            if name not in annotations and (callable(value) or isinstance(value, property)):
                continue  # a method, not a setting
            inherited = found[name].annotation if name in found else ""  # a new default only
            annotation = _annotation(annotations[name]) if name in annotations else inherited
            found[name] = Option(name, annotation, value)
    return list(found.values())


def options(factory: Callable[..., Any]) -> tuple[Option, ...]:
    """The keywords ``factory(...)`` accepts. For a component class: its ``__init__``
    parameters, then (if it passes ``**kwargs`` on, the 1.x idiom) the class
    attributes they override; for a function, its parameters."""
    parameters, var_keyword = _parameters(factory)
    if not (var_keyword and isinstance(factory, type)):
        return tuple(parameters)
    named = {option.name for option in parameters}
    return (*parameters, *(o for o in _class_attributes(factory) if o.name not in named))


_ACCEPTED: dict[tuple[type, type], tuple[frozenset[str], bool]] = {}


def _accepted(decorated: type, built: type) -> tuple[frozenset[str], bool]:
    """What the decorated class's ``__init__`` takes, when building an instance of ``built``
    (a subclass's own class attributes count; its own ``__init__`` checks its own), and
    whether its keywords reach class attributes (so a subclass can add one)."""
    accepted = _ACCEPTED.get((decorated, built))
    if accepted is None:
        parameters, var_keyword = _parameters(decorated)
        found = {option.name for option in parameters}
        if var_keyword:
            found |= {option.name for option in _class_attributes(built)}
        accepted = _ACCEPTED[decorated, built] = (frozenset(found), var_keyword)
    return accepted


def _unknown_keywords(
    built: type, unknown: list[str], accepted: frozenset[str], extensible: bool
) -> TypeError:
    names = ", ".join(repr(name) for name in unknown)
    plural = "s" if len(unknown) > 1 else ""
    message = f"{built.__name__}() got unexpected keyword argument{plural} {names}"
    message += f"; it takes: {', '.join(sorted(accepted))}" if accepted else "; it takes none"
    close = difflib.get_close_matches(unknown[0], sorted(accepted), n=3, cutoff=0.6)
    if close:
        message += f"; did you mean: {', '.join(close)}?"
    elif extensible:
        message += " (a subclass may add one by declaring a class attribute of that name)"
    return TypeError(message)


def checked_keywords(cls: _C) -> _C:
    """Class decorator: building ``cls`` (or a subclass) with a keyword it does not
    take raises ``TypeError`` naming what it takes and the closest match.

    It takes ``__init__``'s parameters and, when ``__init__`` passes ``**kwargs``
    on, the class attributes of the class being built.
    """
    original: Callable[..., None] = cls.__init__  # type: ignore[misc]

    @functools.wraps(original)
    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        if kwargs:
            accepted, extensible = _accepted(cls, type(self))
            unknown = [key for key in kwargs if key not in accepted]
            if unknown:
                raise _unknown_keywords(type(self), unknown, accepted, extensible)
        original(self, *args, **kwargs)

    if _parameters(cls)[1]:
        # help(), inspect.signature and notebooks see the keywords, not ``**argd``.
        __init__.__signature__ = _full_signature(original, cls)  # type: ignore[attr-defined]
        __init__._reports_keywords = True  # type: ignore[attr-defined]
    cls.__init__ = __init__  # type: ignore[misc]
    return cls


def _full_signature(init: Callable[..., Any], cls: type) -> inspect.Signature:
    """``init``'s signature with its ``**kwargs`` replaced by the keywords it reaches."""
    signature = inspect.signature(init)
    own = [p for p in signature.parameters.values() if p.kind is not p.VAR_KEYWORD]
    named = {p.name for p in own}
    reached = [
        inspect.Parameter(
            option.name,
            inspect.Parameter.KEYWORD_ONLY,
            default=option.default,
            annotation=option.annotation or inspect.Parameter.empty,
        )
        for option in options(cls)
        if option.name not in named
    ]
    return signature.replace(parameters=[*own, *reached])
