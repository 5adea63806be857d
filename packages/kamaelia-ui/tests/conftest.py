"""Run every test headless: SDL's dummy drivers, set before pygame is imported."""

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"

import pygame
import pytest
from Axon.CoordinatingAssistantTracker import coordinatingassistanttracker


@pytest.fixture(autouse=True)
def fresh_display():
    """Each test starts with no display service, an empty event queue and no window."""
    _forget_display()
    yield
    _forget_display()


def _forget_display() -> None:
    tracker = coordinatingassistanttracker.getcat()
    if "pygamedisplay" in tracker.servicesRegistered():
        tracker.deRegisterService("pygamedisplay")
    if pygame.display.get_init():
        pygame.event.clear()
    pygame.display.quit()
