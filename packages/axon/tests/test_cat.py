"""The coordinating assistant tracker: services and tracked values."""

from __future__ import annotations

import pytest
from Axon.AxonExceptions import (
    AccessToUndeclaredTrackedVariable,
    BadComponent,
    BadInbox,
    BadParentTracker,
    MultipleServiceDeletion,
    NamespaceClash,
    ServiceAlreadyExists,
)
from Axon.Component import component
from Axon.CoordinatingAssistantTracker import coordinatingassistanttracker


@pytest.fixture
def cat(axon_scheduler):
    """The fresh process-wide CAT the axon_scheduler fixture installs."""
    return coordinatingassistanttracker.getcat()


def test_getcat_is_a_singleton(cat):
    """getcat() returns the same tracker every time."""
    assert coordinatingassistanttracker.getcat() is cat


def test_components_see_the_process_wide_cat(cat):
    """A component's tracker is the process-wide CAT."""
    assert component().tracker is cat


def test_register_and_retrieve_service(cat):
    """registerService then retrieveService gives back (component, inbox)."""
    c = component()
    cat.registerService("echo", c, "inbox")
    assert cat.retrieveService("echo") == (c, "inbox")
    assert "echo" in cat.servicesRegistered()


def test_duplicate_service_raises_naming_it_and_the_registered_ones(cat):
    """Registering a name twice raises ServiceAlreadyExists naming it, its holder and all services."""
    first = component()
    cat.registerService("svc", first, "inbox")
    cat.registerService("other", component(), "inbox")
    with pytest.raises(ServiceAlreadyExists) as info:
        cat.registerService("svc", component(), "inbox")
    assert info.value.args == ("svc",)
    assert str(info.value) == (
        f"service 'svc' is registered already, to inbox 'inbox' of {first.name}; "
        "registered services: other, svc"
    )


def test_service_on_non_component_raises_bad_component(cat):
    """A service on something without inboxes raises BadComponent."""
    with pytest.raises(BadComponent):
        cat.registerService("svc", object(), "inbox")


def test_service_on_missing_inbox_raises_bad_inbox(cat):
    """A service on an inbox the component lacks raises BadInbox."""
    c = component()
    cat.registerService("svc0", c, "inbox")
    with pytest.raises(BadInbox) as info:
        cat.registerService("svc", c, "missing")
    assert info.value.args == (c, "missing")
    assert str(info.value) == (
        f"service 'svc': {c.name} has no inbox 'missing'; its inboxes are: control, inbox "
        "(registered services: svc0)"
    )


def test_retrieve_unknown_service_is_a_key_error_listing_the_services(cat):
    """retrieveService of an unknown name raises a KeyError (callers create services lazily)
    that names it and lists the registered services."""
    with pytest.raises(KeyError) as info:
        cat.retrieveService("nobody")
    assert str(info.value) == "no service 'nobody'; registered services: none"
    cat.registerService("selector", component(), "inbox")
    with pytest.raises(KeyError, match=r"no service 'nobody'; registered services: selector$"):
        cat.retrieveService("nobody")


def test_deregister_service(cat):
    """deRegisterService removes it; removing again raises MultipleServiceDeletion."""
    cat.registerService("svc", component(), "control")
    cat.deRegisterService("svc")
    with pytest.raises(KeyError):
        cat.retrieveService("svc")
    with pytest.raises(MultipleServiceDeletion):
        cat.deRegisterService("svc")


def test_tracked_values(cat):
    """trackValue, updateValue and retrieveValue keep a named value."""
    cat.trackValue("count", 1)
    assert cat.retrieveValue("count") == 1
    cat.updateValue("count", 2)
    assert cat.retrieveValue("count") == 2
    assert cat.informationItemsLogged() == ["count"]


def test_track_value_twice_is_a_namespace_clash(cat):
    """Tracking an existing name raises NamespaceClash."""
    cat.trackValue("v", 1)
    with pytest.raises(NamespaceClash):
        cat.trackValue("v", 2)


def test_undeclared_values_raise(cat):
    """Reading or updating an undeclared value raises AccessToUndeclaredTrackedVariable."""
    with pytest.raises(AccessToUndeclaredTrackedVariable):
        cat.retrieveValue("ghost")
    with pytest.raises(AccessToUndeclaredTrackedVariable) as info:
        cat.updateValue("ghost", 5)
    assert info.value.args == ("ghost", 5)


def test_zap_forgets_everything(cat):
    """zap() forgets services and values."""
    cat.registerService("svc", component(), "inbox")
    cat.trackValue("v", 1)
    cat.zap()
    assert cat.servicesRegistered() == []
    assert cat.informationItemsLogged() == []


def test_bad_parent_tracker():
    """A parent that is not a tracker raises BadParentTracker."""
    with pytest.raises(BadParentTracker):
        coordinatingassistanttracker(parent="not a tracker")
