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


def test_duplicate_service_raises(cat):
    """Registering a name twice raises ServiceAlreadyExists."""
    cat.registerService("svc", component(), "inbox")
    with pytest.raises(ServiceAlreadyExists, match="svc"):
        cat.registerService("svc", component(), "inbox")


def test_service_on_non_component_raises_bad_component(cat):
    """A service on something without inboxes raises BadComponent."""
    with pytest.raises(BadComponent):
        cat.registerService("svc", object(), "inbox")


def test_service_on_missing_inbox_raises_bad_inbox(cat):
    """A service on an inbox the component lacks raises BadInbox."""
    c = component()
    with pytest.raises(BadInbox) as info:
        cat.registerService("svc", c, "missing")
    assert info.value.args == (c, "missing")


def test_retrieve_unknown_service_is_a_plain_key_error(cat):
    """retrieveService of an unknown name raises KeyError (callers create services lazily)."""
    with pytest.raises(KeyError):
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
